//! The thin shell Trunk builds: starts the app the library (`src/lib.rs`) holds.

#[cfg(target_arch = "wasm32")]
fn main() {
    claimcheck_app::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("claimcheck-app is a browser app: build it with `trunk build --release`.");
}
