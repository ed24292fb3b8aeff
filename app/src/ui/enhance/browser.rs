//! The enhancer in the browser: listens for posts, sends them, and carries out what
//! `decide` says about each answer (see the module above for the whole story).

use super::decide::{self, Field, FormFacts, Refill, Sent, Step};
use super::islands;
use crate::ui::dom::all;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    Document, DomParser, Element, HtmlElement, HtmlFormElement, RequestCache, RequestInit,
    Response, SubmitEvent, SupportedType, UrlSearchParams,
};

/// Marks a form whose post is on its way (a second press waits for it).
const BUSY: &str = "aria-busy";
/// Marks a form handed back to the browser's own post.
const NATIVE: &str = "data-native-post";

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
    if form.has_attribute(NATIVE) || form.closest("leptos-island").ok().flatten().is_some() {
        return;
    }
    let submitter = ev.submitter();
    let attr = |name: &str| {
        let own = submitter
            .as_ref()
            .and_then(|s| s.get_attribute(&format!("form{name}")));
        own.or_else(|| form.get_attribute(name)).unwrap_or_default()
    };
    if !decide::sends(&attr("method"), &attr("enctype"), &attr("target")) {
        return;
    }
    let Some(body) = body(&form, submitter.as_ref()) else {
        return;
    };
    ev.prevent_default();
    if form.get_attribute(BUSY).as_deref() == Some("true") {
        return;
    }
    let action = submitter
        .as_ref()
        .and_then(|s| s.get_attribute("formaction"))
        .unwrap_or_else(|| form.action());
    let sent = Sent {
        action: submitter
            .as_ref()
            .and_then(|s| s.get_attribute("formaction"))
            .or_else(|| form.get_attribute("action"))
            .unwrap_or_default(),
        fields: entries(&body),
    };
    let _ = form.set_attribute(BUSY, "true");
    if let Some(button) = &submitter {
        let _ = button.set_attribute("disabled", "");
    }
    spawn_local(async move {
        let response = send(&action, &body).await;
        let _ = form.remove_attribute(BUSY);
        if let Some(button) = &submitter {
            let _ = button.remove_attribute("disabled");
        }
        match response {
            Ok(response) => {
                if let Err(e) = answer(response, &sent).await {
                    leptos::logging::warn!("could not show the answer to a form post: {e:?}");
                }
            }
            // Not sent at all (offline, say): the browser's own post, with the same button.
            Err(_) => {
                let _ = form.set_attribute(NATIVE, "");
                let _ = form.request_submit_with_submitter(submitter.as_ref());
            }
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

/// A request for HTML; `part` names the part of the page that will be used, if not all of it.
fn ask_for_html(part: Option<&str>) -> Result<RequestInit, JsValue> {
    let init = RequestInit::new();
    let headers = web_sys::Headers::new()?;
    headers.set("Accept", "text/html")?;
    if let Some(part) = part {
        headers.set(crate::ui::flash::PART_HEADER, part)?;
    }
    init.set_headers(&headers);
    init.set_cache(RequestCache::NoStore);
    Ok(init)
}

async fn send(action: &str, body: &UrlSearchParams) -> Result<Response, JsValue> {
    let init = ask_for_html(None)?;
    init.set_method("POST");
    init.set_body(body);
    fetch(action, &init).await
}

/// Asks for `url` as `init` says.
async fn fetch(url: &str, init: &RequestInit) -> Result<Response, JsValue> {
    JsFuture::from(window().fetch_with_str_and_init(url, init))
        .await?
        .dyn_into()
}

/// The HTML document an answer carries.
async fn page_of(response: &Response) -> Result<Document, JsValue> {
    let html = JsFuture::from(response.text()?)
        .await?
        .as_string()
        .unwrap_or_default();
    DomParser::new()?.parse_from_string(&html, SupportedType::TextHtml)
}

/// Shows the answer to a post, as `decide::step` says.
async fn answer(response: Response, sent: &Sent) -> Result<(), JsValue> {
    let url = response.url();
    let page = page_of(&response).await?;
    let location = window().location();
    let target = web_sys::Url::new(&url)?;
    let fresh = page.query_selector("main")?;
    let here = document().query_selector("main")?;
    let step = decide::step(
        response.ok(),
        fresh.is_some() && here.is_some(),
        &target.pathname(),
        &location.pathname()?,
    );
    let (Step::Swap, Some(fresh), Some(here)) = (step, fresh, here) else {
        if step == Step::ShowError {
            if let (Some(body), Some(answer)) = (document().body(), page.body()) {
                body.set_inner_html(&answer.inner_html());
                document().set_title(&page.title());
            }
            return Ok(());
        }
        return location.set_href(&url);
    };
    // Without the loader's entry point the swapped-in islands would stay dead: load the page.
    if islands::present(&fresh) && !islands::available() {
        return location.set_href(&url);
    }
    here.set_inner_html(&fresh.inner_html());
    document().set_title(&page.title());
    let params = target.search_params();
    let names: Vec<String> = entries(&params).into_iter().map(|(k, _)| k).collect();
    let refused = decide::refused(names.iter().map(String::as_str));
    for name in names.iter().filter(|n| !decide::shown(n)) {
        params.delete(name);
    }
    let address = decide::address(&target.pathname(), &String::from(params.to_string()));
    window()
        .history()?
        .replace_state_with_url(&JsValue::NULL, "", Some(&address))?;
    islands::hydrate(&here);
    if refused {
        refill(&here, sent);
    }
    announce(&here);
    Ok(())
}

/// Moves focus to what the answer says (an error first), else to the page's heading, so it is
/// read out and in view.
fn announce(main: &Element) {
    let said = ["[role=alert]", "[role=status]"].iter().find_map(|role| {
        all::<Element>(main, role)
            .into_iter()
            .find(|e| !e.text_content().unwrap_or_default().trim().is_empty())
    });
    let target = said.or_else(|| main.query_selector("h1").ok().flatten());
    if let Some(element) = target.and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
        let _ = element.set_attribute("tabindex", "-1");
        let _ = element.focus();
    }
}

/// Puts what was sent back into the refused form, as `decide` finds it and says for each
/// field, so a refusal loses nothing that was typed.
fn refill(main: &Element, sent: &Sent) {
    let forms = all::<Element>(main, "form");
    let facts: Vec<FormFacts> = forms
        .iter()
        .map(|form| FormFacts {
            action: form.get_attribute("action").unwrap_or_default(),
            hidden: all::<web_sys::HtmlInputElement>(form, "input[type=hidden][name]")
                .iter()
                .map(|h| (h.name(), h.value()))
                .collect(),
        })
        .collect();
    let Some(form) = decide::refused_form(&facts, sent).map(|i| &forms[i]) else {
        return;
    };
    for field in all::<Element>(form, "input[name], select[name], textarea[name]") {
        if let Some(input) = field.dyn_ref::<web_sys::HtmlInputElement>() {
            let (kind, value) = (input.type_(), input.value());
            let field = Field::Input {
                kind: &kind,
                value: &value,
            };
            match decide::refill(field, input.disabled(), &sent.values(&input.name())) {
                Refill::Keep => {}
                Refill::Check(on) => input.set_checked(on),
                Refill::Set(v) => input.set_value(&v),
            }
        } else if let Some(select) = field.dyn_ref::<web_sys::HtmlSelectElement>() {
            let sent = sent.values(&select.name());
            if let Refill::Set(v) = decide::refill(Field::Select, select.disabled(), &sent) {
                select.set_value(&v);
            }
        } else if let Some(area) = field.dyn_ref::<web_sys::HtmlTextAreaElement>() {
            let sent = sent.values(&area.name());
            if let Refill::Set(v) = decide::refill(Field::TextArea, area.disabled(), &sent) {
                area.set_value(&v);
            }
        }
    }
}

/// Reads this page again and puts the fresh content of `selector` into `element` (the calendar
/// grid after a move), leaving the rest of the page, and its islands, as they are. Fails if
/// the page no longer has that part (a lapsed session, say).
pub async fn refresh(element: &Element, selector: &str) -> Result<(), JsValue> {
    let init = ask_for_html(Some(selector))?;
    let response = fetch(&window().location().href()?, &init).await?;
    if !response.ok() {
        return Err(JsValue::from_str("the page could not be read again"));
    }
    let fresh = page_of(&response)
        .await?
        .query_selector(selector)?
        .ok_or_else(|| JsValue::from_str("the page no longer has this part"))?;
    element.set_inner_html(&fresh.inner_html());
    Ok(())
}
