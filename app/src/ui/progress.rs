//! Progress while a form's answer is on its way (an island): the browser is uploading a file or
//! the server is checking a large audience, and the page says so, with an indeterminate bar.

use crate::ui::dom::all;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Wraps a form (`children`); once it is sent, shows `message` under it, marks the form busy
/// and disables its buttons, so it is not sent twice. `{file}` in `message` becomes the chosen
/// file's name and size.
#[island]
pub fn Progress(message: String, children: Children) -> impl IntoView {
    let sent = RwSignal::new(None::<String>);
    let on_submit = move |ev: SubmitEvent| {
        let file = chosen_file(&ev).unwrap_or_else(|| "the file".to_owned());
        sent.set(Some(message.replace("{file}", &file)));
        hold(&ev);
    };
    view! {
        <div on:submit=on_submit aria-busy=move || sent.get().is_some().then_some("true")>
            {children()}
            <div role="status" data-testid="progress">
                {move || sent.get().map(|text| view! {
                    <p class="mt-3 text-sm font-medium">{text}</p>
                    <progress class="mt-2 w-full" aria-label="In progress"></progress>
                })}
            </div>
        </div>
    }
}

/// "contacts.csv (1.2 MB)" for the file chosen in the sent form, if it has one.
fn chosen_file(ev: &SubmitEvent) -> Option<String> {
    let form = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    let input = all::<web_sys::HtmlInputElement>(&form, "input[type=file]")
        .into_iter()
        .next()?;
    let file = input.files()?.get(0)?;
    Some(format!("{} ({})", file.name(), size(file.size())))
}

/// "1.2 MB", or "3 KB" for a small file.
fn size(bytes: f64) -> String {
    if bytes >= 100_000.0 {
        format!("{:.1} MB", bytes / 1_000_000.0)
    } else {
        format!("{} KB", (bytes / 1_000.0).ceil().max(1.0))
    }
}

/// Disables the sent form's buttons once the browser has taken the post (a disabled button
/// at the moment of sending would leave its value out).
fn hold(ev: &SubmitEvent) {
    let Some(form) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    set_timeout(
        move || {
            for button in all::<web_sys::Element>(&form, "button") {
                let _ = button.set_attribute("disabled", "");
            }
        },
        std::time::Duration::ZERO,
    );
}
