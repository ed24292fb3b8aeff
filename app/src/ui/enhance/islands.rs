//! The one place Concord reaches into Leptos's islands loader.
//!
//! Leptos (`leptos/src/hydration/island_script.js`, 0.8) puts `window.__hydrateIsland(el, id)`
//! there for its own islands router; it is not public API and may change with any release.
//! Islands in markup swapped in after a post come to life through it. If a later Leptos no
//! longer has it, `hydrate` says so and the enhancer loads the answer as a whole page instead,
//! so the page still works, only with a reload (`available`, `present`).

use super::super::dom::all;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

/// The loader's entry point, if it is there and is a function.
fn entry() -> Option<js_sys::Function> {
    let window = web_sys::window()?;
    js_sys::Reflect::get(&window, &JsValue::from_str("__hydrateIsland"))
        .ok()?
        .dyn_into()
        .ok()
}

/// The outermost islands under `root` (an island inside another comes to life with it).
fn outermost(root: &Element) -> Vec<Element> {
    all::<Element>(root, "leptos-island")
        .into_iter()
        .filter(|island| {
            island
                .parent_element()
                .and_then(|p| p.closest("leptos-island").ok().flatten())
                .is_none()
        })
        .collect()
}

/// Whether `root` has islands that need the loader.
pub fn present(root: &Element) -> bool {
    !outermost(root).is_empty()
}

/// Whether the loader can bring swapped-in islands to life.
pub fn available() -> bool {
    entry().is_some()
}

/// Brings the islands under `root` to life (nothing, if the loader's entry point is missing:
/// check `available` first).
pub fn hydrate(root: &Element) {
    let Some(hydrate) = entry() else { return };
    for island in outermost(root) {
        if let Some(id) = island.get_attribute("data-component") {
            let _ = hydrate.call2(&JsValue::NULL, &island, &JsValue::from_str(&id));
        }
    }
}
