/*! claimcheck embed host script. MIT licence. No dependencies; about 1 KB.
 *
 * Gives embedded claimcheck frames the height the checker asks for. Put it on the page that
 * embeds the checker, after (or before) the frames (docs/embedding.md has the whole snippet,
 * with this file's integrity value):
 *
 *   <iframe data-claimcheck src="https://checker.example/embed.html?embed&lang=es"
 *           title="Data-breach settlement checker" width="100%" height="900"></iframe>
 *   <script src="https://checker.example/embed-host.js" integrity="sha384-..." crossorigin="anonymous"></script>
 *
 * The checker posts exactly one kind of message to its parent page:
 *   { type: "claimcheck:height", height: N }   (N: CSS pixels; always the same number, 900,
 *                                                whatever the person does, so that it tells
 *                                                this page nothing)
 * and nothing else, ever: no answer, no result, no address. This script accepts a message only
 * if it comes from one of the page's iframe[data-claimcheck] frames (event.source), from the
 * origin of that frame's src, with exactly those two keys and a finite height between 1 and
 * 100000; then it sets that frame's height. Everything else is ignored.
 */
(function () {
  'use strict';
  var MAX = 100000;

  function originOf(frame) {
    try {
      return new URL(frame.getAttribute('src') || '', document.baseURI).origin;
    } catch (e) {
      return null;
    }
  }

  window.addEventListener('message', function (event) {
    var d = event.data;
    if (!d || typeof d !== 'object' || Object.getPrototypeOf(d) !== Object.prototype) return;
    var keys = Object.keys(d);
    if (keys.length !== 2 || d.type !== 'claimcheck:height') return;
    var h = d.height;
    if (typeof h !== 'number' || !isFinite(h) || h < 1 || h > MAX) return;
    var frames = document.querySelectorAll('iframe[data-claimcheck]');
    for (var i = 0; i < frames.length; i++) {
      var f = frames[i];
      if (f.contentWindow === event.source && originOf(f) === event.origin) {
        f.style.height = Math.ceil(h) + 'px';
        return;
      }
    }
  });
})();
