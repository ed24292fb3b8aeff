//! The page's Content-Security-Policy, sent with the nonce Leptos gave this response's
//! scripts (the island loader and the resource data): no other script runs, no other site may
//! frame the page, and forms post only to Concord. Styles may be inline (positions on the
//! timeline are `style` attributes); WebAssembly needs `wasm-unsafe-eval`.

/// The policy for a page whose scripts carry `nonce`.
pub fn policy(nonce: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; \
         object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
    )
}

/// Sets the policy on the response being rendered.
#[cfg(feature = "ssr")]
pub fn send() {
    use axum::http::{header::CONTENT_SECURITY_POLICY, HeaderValue};
    use leptos::prelude::use_context;
    let Some(response) = use_context::<leptos_axum::ResponseOptions>() else {
        return;
    };
    let nonce = leptos::nonce::use_nonce()
        .map(|n| n.as_inner().to_string())
        .unwrap_or_default();
    if let Ok(value) = HeaderValue::from_str(&policy(&nonce)) {
        response.insert_header(CONTENT_SECURITY_POLICY, value);
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_policy_names_the_nonce_and_forbids_framing() {
        let p = super::policy("abc123");
        assert!(p.contains("script-src 'self' 'nonce-abc123' 'wasm-unsafe-eval'"));
        assert!(p.contains("frame-ancestors 'none'"));
        assert!(!p.contains("script-src 'self' 'unsafe-inline'"));
    }
}
