//! Reading the page's markup in the browser: the elements under a root that match a selector,
//! as the type wanted (those of another type are left out).

use wasm_bindgen::JsCast;
use web_sys::Element;

/// The elements under `root` matching `selector`, in document order.
pub fn all<T: JsCast>(root: &Element, selector: &str) -> Vec<T> {
    let Ok(list) = root.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<T>().ok())
        .collect()
}
