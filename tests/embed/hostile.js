// A hostile host page: it tries every way it has to read the person's answers out of the
// claimcheck frame, and records what it got in window.stolen for the test to inspect.
//   reads:    values it managed to read (must stay empty)
//   blocked:  attempts the browser refused or that gave nothing
//   messages: every message posted to this window (must be heights only)
(function () {
  'use strict';
  var stolen = { reads: [], blocked: [], messages: [] };
  window.stolen = stolen;
  var frame = document.getElementById('checker');

  function attempt(name, fn) {
    try {
      var v = fn();
      if (v === null || v === undefined) stolen.blocked.push(name + ': nothing');
      else stolen.reads.push({ name: name, value: String(v).slice(0, 500) });
    } catch (e) {
      stolen.blocked.push(name + ': ' + e.name);
    }
  }

  function tryAll() {
    attempt('contentDocument', function () { return frame.contentDocument && frame.contentDocument.body.innerText; });
    attempt('contentWindow.document', function () { return frame.contentWindow.document.body.innerText; });
    attempt('frames[0].localStorage', function () { return JSON.stringify(window.frames[0].localStorage); });
    attempt('frames[0].sessionStorage', function () { return JSON.stringify(window.frames[0].sessionStorage); });
    attempt('contentWindow.location.href', function () { return frame.contentWindow.location.href; });
    attempt('contentWindow.history.length+state', function () { return frame.contentWindow.history.state; });
    attempt('frames[0].name', function () { return window.frames[0].name || null; });
    // Ask the frame for its answers, in case it answers messages.
    attempt('postMessage request', function () {
      frame.contentWindow.postMessage({ type: 'claimcheck:answers?' }, '*');
      return null;
    });
  }

  window.addEventListener('message', function (e) {
    stolen.messages.push({ origin: e.origin, fromFrame: e.source === frame.contentWindow, data: e.data });
  });
  // A forged height from the host's own window: embed-host.js must ignore it.
  setTimeout(function () { window.postMessage({ type: 'claimcheck:height', height: 5 }, '*'); }, 300);
  frame.addEventListener('load', tryAll);
  setInterval(tryAll, 250);
})();
