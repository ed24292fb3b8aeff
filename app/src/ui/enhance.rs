//! Form posts without a page reload (browser only). Every page works with plain HTML forms; with
//! JavaScript on, a `method="post"` form that no island handles is sent by `fetch` exactly as
//! the browser would send it (url-encoded, asking for HTML, so a server function answers with
//! its redirect back to the page, an error in the address), and the answer replaces this page's
//! `<main>`. An answer on another page, or one with islands to bring to life, is loaded as a
//! page instead; a failed `fetch` falls back to the browser's own post.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    DomParser, Element, HtmlElement, HtmlFormElement, RequestInit, Response, SubmitEvent,
    SupportedType, UrlSearchParams,
};

/// Listens for form submissions on the whole document.
pub fn install() {
    let listener = Closure::<dyn Fn(SubmitEvent)>::new(on_submit);
    let _ =
        document().add_event_listener_with_callback("submit", listener.as_ref().unchecked_ref());
    listener.forget();
}

fn on_submit(ev: SubmitEvent) {
    if ev.default_prevented() {
        return;
    }
    let Some(form) = ev
        .target()
        .and_then(|t| t.dyn_into::<HtmlFormElement>().ok())
    else {
        return;
    };
    if form.closest("leptos-island").ok().flatten().is_some() {
        return;
    }
    let submitter = ev.submitter();
    let attr = |name: &str| {
        submitter
            .as_ref()
            .and_then(|s| s.get_attribute(name))
            .or_else(|| form.get_attribute(name))
            .unwrap_or_default()
    };
    if !attr("formmethod").is_empty() && !attr("formmethod").eq_ignore_ascii_case("post")
        || !form.method().eq_ignore_ascii_case("post")
        || form.enctype() == "multipart/form-data"
    {
        return;
    }
    let action = submitter
        .as_ref()
        .and_then(|s| s.get_attribute("formaction"))
        .unwrap_or_else(|| form.action());
    let sent = Sent {
        action: form.get_attribute("action").unwrap_or_default(),
        fields: Vec::new(),
    };
    let Some(body) = body(&form, submitter.as_ref()) else {
        return;
    };
    let sent = Sent {
        fields: entries(&body),
        ..sent
    };
    ev.prevent_default();
    let _ = form.set_attribute("aria-busy", "true");
    spawn_local(async move {
        if post(&action, &body, &sent).await.is_err() {
            // The browser's own post: the page reloads, but nothing is lost.
            let _ = form.submit();
        }
    });
}

/// The form's fields as the browser would encode them, the pressed button's value included.
fn body(form: &HtmlFormElement, submitter: Option<&HtmlElement>) -> Option<UrlSearchParams> {
    let data = web_sys::FormData::new_with_form(form).ok()?;
    let body = UrlSearchParams::new_with_str_sequence_sequence(&data).ok()?;
    if let Some(button) = submitter {
        if let (Some(name), value) = (button.get_attribute("name"), button.get_attribute("value")) {
            body.append(&name, &value.unwrap_or_default());
        }
    }
    Some(body)
}

/// A sent form: its `action` attribute and what was in it.
struct Sent {
    action: String,
    fields: Vec<(String, String)>,
}

fn entries(body: &UrlSearchParams) -> Vec<(String, String)> {
    let Ok(Some(pairs)) = js_sys::try_iter(body) else {
        return Vec::new();
    };
    pairs
        .flatten()
        .filter_map(|pair| {
            let pair = js_sys::Array::from(&pair);
            Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
        })
        .collect()
}

async fn post(action: &str, body: &UrlSearchParams, sent: &Sent) -> Result<(), JsValue> {
    let init = RequestInit::new();
    init.set_method("POST");
    init.set_body(body);
    let headers = web_sys::Headers::new()?;
    headers.set("Accept", "text/html")?;
    init.set_headers(&headers);
    let response: Response = JsFuture::from(window().fetch_with_str_and_init(action, &init))
        .await?
        .dyn_into()?;
    let html = JsFuture::from(response.text()?)
        .await?
        .as_string()
        .unwrap_or_default();
    if let Some(main) = show(&response.url(), &html)? {
        if response.url().contains("__err=") {
            refill(&main, sent);
        }
        announce(&main);
    }
    Ok(())
}

/// Shows the page at `url`, whose HTML is `html`: in place when it is this page (its `<main>`
/// replaces this one's, which is returned, and the address keeps what the server added, less
/// any error), else by loading it.
fn show(url: &str, html: &str) -> Result<Option<Element>, JsValue> {
    let location = window().location();
    let target = web_sys::Url::new(url)?;
    let page = DomParser::new()?.parse_from_string(html, SupportedType::TextHtml)?;
    let fresh = page.query_selector("main")?;
    let here = document().query_selector("main")?;
    let (Some(fresh), Some(here)) = (fresh, here) else {
        return location.set_href(url).map(|()| None);
    };
    if target.pathname() != location.pathname()? || fresh.query_selector("leptos-island")?.is_some()
    {
        return location.set_href(url).map(|()| None);
    }
    here.set_inner_html(&fresh.inner_html());
    document().set_title(&page.title());
    let search = target.search_params();
    search.delete("__path");
    search.delete("__err");
    let query = String::from(search.to_string());
    let address = if query.is_empty() {
        target.pathname()
    } else {
        format!("{}?{query}", target.pathname())
    };
    window()
        .history()?
        .replace_state_with_url(&JsValue::NULL, "", Some(&address))?;
    Ok(Some(here))
}

/// Puts what was sent back into the refused form (found by its action and hidden fields), so
/// a refusal loses nothing that was typed.
fn refill(main: &Element, sent: &Sent) {
    let value = |name: &str| {
        sent.fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    };
    let Ok(forms) = main.query_selector_all("form") else {
        return;
    };
    let form = (0..forms.length())
        .filter_map(|i| forms.item(i)?.dyn_into::<Element>().ok())
        .filter(|f| f.get_attribute("action").unwrap_or_default() == sent.action)
        .find(|f| {
            fields(f, "input[type=hidden][name]")
                .iter()
                .filter_map(|e| e.dyn_ref::<web_sys::HtmlInputElement>())
                .all(|h| value(&h.name()).is_none_or(|v| v == h.value()))
        });
    let Some(form) = form else { return };
    for field in fields(&form, "input[name], select[name], textarea[name]") {
        if let Some(input) = field.dyn_ref::<web_sys::HtmlInputElement>() {
            match input.type_().as_str() {
                "hidden" | "submit" | "button" | "file" | "password" => {}
                "checkbox" | "radio" => {
                    let on = sent
                        .fields
                        .iter()
                        .any(|(k, v)| *k == input.name() && *v == input.value());
                    input.set_checked(on);
                }
                _ => input.set_value(value(&input.name()).unwrap_or_default()),
            }
        } else if let Some(select) = field.dyn_ref::<web_sys::HtmlSelectElement>() {
            if let Some(v) = value(&select.name()) {
                select.set_value(v);
            }
        } else if let Some(area) = field.dyn_ref::<web_sys::HtmlTextAreaElement>() {
            area.set_value(value(&area.name()).unwrap_or_default());
        }
    }
}

fn fields(root: &Element, selector: &str) -> Vec<Element> {
    let Ok(list) = root.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .collect()
}

/// Moves focus to what the answer says (an error first), so it is read out and in view.
fn announce(main: &Element) {
    let said = ["[role=alert]", "[role=status]"].iter().find_map(|role| {
        let all = main.query_selector_all(role).ok()?;
        (0..all.length())
            .filter_map(|i| all.item(i)?.dyn_into::<HtmlElement>().ok())
            .find(|e| !e.text_content().unwrap_or_default().trim().is_empty())
    });
    if let Some(element) = said {
        let _ = element.set_attribute("tabindex", "-1");
        let _ = element.focus();
    }
}

/// Reads this page again and puts the fresh content of `selector` into `element` (the calendar
/// grid after a move), leaving the rest of the page, and its islands, as they are.
pub async fn refresh(element: &Element, selector: &str) -> Result<(), JsValue> {
    let init = RequestInit::new();
    let headers = web_sys::Headers::new()?;
    headers.set("Accept", "text/html")?;
    init.set_headers(&headers);
    let here = window().location().href()?;
    let response: Response = JsFuture::from(window().fetch_with_str_and_init(&here, &init))
        .await?
        .dyn_into()?;
    let html = JsFuture::from(response.text()?)
        .await?
        .as_string()
        .unwrap_or_default();
    let page = DomParser::new()?.parse_from_string(&html, SupportedType::TextHtml)?;
    if let Some(fresh) = page.query_selector(selector)? {
        element.set_inner_html(&fresh.inner_html());
    }
    Ok(())
}
