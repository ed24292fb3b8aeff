//! A JSON body extractor whose failures are API errors: 400 for malformed JSON, 422 naming
//! the field for a wrong type or a missing field, 422 for text holding a NUL character (which
//! no text column stores), 413 for a body over the limit.

use super::ApiError;
use axum::{
    body::Bytes,
    extract::{rejection::JsonRejection, FromRequest, Request},
    http::{header::CONTENT_TYPE, HeaderMap, StatusCode},
    Json,
};
use serde::de::DeserializeOwned;
use serde_json::Value;

/// `Json<T>` with Concord's error answers.
pub struct ApiJson<T>(pub T);

impl<T, S> FromRequest<S> for ApiJson<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        if !is_json(req.headers()) {
            return Err(ApiError::new(
                StatusCode::BAD_REQUEST,
                "malformed",
                "send a JSON body with Content-Type: application/json",
            ));
        }
        let bytes = Bytes::from_request(req, state).await.map_err(|rejection| {
            if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                too_large()
            } else {
                ApiError::new(StatusCode::BAD_REQUEST, "malformed", rejection.body_text())
            }
        })?;
        let Json(value) = Json::<T>::from_bytes(&bytes).map_err(rejection_to_error)?;
        if holds_nul(&bytes) {
            return Err(ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "validation",
                "text must not contain the NUL character (\\u0000)",
            ));
        }
        Ok(ApiJson(value))
    }
}

/// Whether the request says its body is JSON (`application/json` or a `+json` type).
fn is_json(headers: &HeaderMap) -> bool {
    let Some(value) = headers.get(CONTENT_TYPE).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    let essence = value
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    essence == "application/json"
        || (essence.starts_with("application/") && essence.ends_with("+json"))
}

/// Whether any string or key of a JSON body holds a NUL character. JSON can only carry one
/// escaped, so bodies without `\u0000` are passed over without a second parse.
fn holds_nul(body: &[u8]) -> bool {
    const ESCAPE: &[u8] = b"\\u0000";
    if !body.windows(ESCAPE.len()).any(|w| w == ESCAPE) {
        return false;
    }
    serde_json::from_slice::<Value>(body).is_ok_and(|value| value_holds_nul(&value))
}

fn value_holds_nul(value: &Value) -> bool {
    match value {
        Value::String(text) => text.contains('\0'),
        Value::Array(items) => items.iter().any(value_holds_nul),
        Value::Object(fields) => fields
            .iter()
            .any(|(key, value)| key.contains('\0') || value_holds_nul(value)),
        Value::Null | Value::Bool(_) | Value::Number(_) => false,
    }
}

fn too_large() -> ApiError {
    ApiError::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        "too_large",
        format!(
            "the body is over the limit of {} bytes",
            super::MAX_BODY_BYTES
        ),
    )
}

fn rejection_to_error(rejection: JsonRejection) -> ApiError {
    match rejection {
        JsonRejection::JsonDataError(e) => {
            let detail = e.body_text();
            let detail = detail
                .strip_prefix("Failed to deserialize the JSON body into the target type: ")
                .unwrap_or(&detail)
                .to_owned();
            ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "validation", detail)
        }
        JsonRejection::JsonSyntaxError(e) => {
            ApiError::new(StatusCode::BAD_REQUEST, "malformed", e.body_text())
        }
        other => ApiError::new(StatusCode::BAD_REQUEST, "malformed", other.body_text()),
    }
}

#[cfg(test)]
mod tests {
    use super::holds_nul;

    #[test]
    fn a_nul_anywhere_in_the_text_is_found_and_an_escaped_backslash_is_not_one() {
        assert!(holds_nul(br#"{"name":"a\u0000b"}"#));
        assert!(holds_nul(br#"{"tags":["x",{"k\u0000":1}]}"#));
        assert!(!holds_nul(br#"{"name":"a\\u0000b"}"#));
        assert!(!holds_nul(br#"{"name":"plain"}"#));
    }
}
