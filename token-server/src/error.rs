//! One JSON error shape for every failure.
//!
//! ```json
//! {"status": 400, "code": "uid", "field": "rtcuid",
//!  "error": "rtcuid: 4294967296 is outside 0..=4294967295", "message": "rtcuid: 4294967296 is outside 0..=4294967295"}
//! ```
//!
//! `error` and `message` carry the same text: the Go service answers
//! `{"message", "status"}` for a bad parameter and `{"error", "status"}` for
//! a failed build, so a client written against either key keeps working.
//! `code` is the category (the core's `ErrorKind` name for a token field,
//! or one of this server's: `bad_json`, `unknown_field`, `unauthorized`,
//! `forbidden`, `rate_limited`, `not_found`, ...); `field` names the request
//! field when there is one. No message ever holds the app certificate.

use axum::http::{header, HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use token_core::{ErrorKind, TokenError};
use utoipa::ToSchema;

/// The body of every error response.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ErrorBody {
    /// The HTTP status, repeated (as the Go service does).
    pub status: u16,
    /// The category: a token field's name (`uid`, `channel_name`, `role`, `expire`, ...) or
    /// `bad_json`, `unknown_field`, `missing`, `invalid`, `unauthorized`, `invalid_token`,
    /// `forbidden`, `rate_limited`, `not_found`, `method_not_allowed`, `body_too_large`, `origin_not_allowed`.
    pub code: &'static str,
    /// The request field at fault, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// What went wrong, starting with the field's name.
    pub error: String,
    /// The same text as `error` (the Go service's other key).
    pub message: String,
}

/// Why a request was refused: set on the response so metrics count it.
#[derive(Debug, Clone, Copy)]
pub struct Rejection(pub &'static str);

/// An error response.
#[derive(Debug, Clone)]
pub struct ApiError {
    /// The status.
    pub status: StatusCode,
    /// The category (see [`ErrorBody::code`]).
    pub code: &'static str,
    /// The request field, if any.
    pub field: Option<String>,
    /// The message (starts with the field's name when there is one).
    pub message: String,
    /// Extra headers (`WWW-Authenticate`, `Retry-After`, `Allow`, `Location`).
    pub headers: Vec<(HeaderName, HeaderValue)>,
}

impl ApiError {
    /// Any status and code.
    pub fn new(status: StatusCode, code: &'static str, field: Option<&str>, message: impl Into<String>) -> ApiError {
        ApiError { status, code, field: field.map(str::to_owned), message: message.into(), headers: Vec::new() }
    }

    /// 400 for a request field: the message is prefixed with the field's name.
    pub fn field(code: &'static str, field: &str, what: impl std::fmt::Display) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, code, Some(field), format!("{field}: {what}"))
    }

    /// 400 for a missing field.
    pub fn missing(field: &str, what: impl std::fmt::Display) -> ApiError {
        ApiError::field("missing", field, what)
    }

    /// 400 from a core error, naming the request field that carried the value:
    /// `fields` maps the core's categories to this request's field names (a
    /// category not listed keeps the core's own name, which is the builder's
    /// parameter name).
    pub fn from_core(e: &TokenError, fields: &[(ErrorKind, &str)]) -> ApiError {
        let kind = e.kind();
        let message = e.message();
        let (prefix, rest) = match message.split_once(": ") {
            Some((p, r)) if !p.is_empty() && p.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'.') => (Some(p), r),
            _ => (None, message),
        };
        let field = fields.iter().find(|(k, _)| *k == kind).map(|(_, f)| *f).or(prefix).unwrap_or(kind.as_str());
        let status = match kind {
            ErrorKind::Random | ErrorKind::Internal => StatusCode::INTERNAL_SERVER_ERROR,
            _ => StatusCode::BAD_REQUEST,
        };
        ApiError::new(status, kind.as_str(), Some(field), format!("{field}: {rest}"))
    }

    /// Adds a header.
    pub fn with_header(mut self, name: HeaderName, value: HeaderValue) -> ApiError {
        self.headers.push((name, value));
        self
    }

    /// The JSON body.
    pub fn body(&self) -> ErrorBody {
        ErrorBody {
            status: self.status.as_u16(),
            code: self.code,
            field: self.field.clone(),
            error: self.message.clone(),
            message: self.message.clone(),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = serde_json::to_vec(&self.body()).expect("an error body serializes");
        let mut response = (self.status, [(header::CONTENT_TYPE, HeaderValue::from_static("application/json"))], body).into_response();
        for (name, value) in self.headers {
            response.headers_mut().append(name, value);
        }
        response.extensions_mut().insert(Rejection(self.code));
        response
    }
}

impl From<axum::extract::rejection::BytesRejection> for ApiError {
    fn from(r: axum::extract::rejection::BytesRejection) -> ApiError {
        let status = r.status();
        if status == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::new(status, "body_too_large", Some("body"), format!("body: larger than this server accepts ({})", r.body_text()))
        } else {
            ApiError::new(status, "invalid", Some("body"), format!("body: {}", r.body_text()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn core_errors_are_renamed_to_the_request_field() {
        let e = token_core::check_uid(1 << 32).unwrap_err();
        let api = ApiError::from_core(&e, &[(ErrorKind::Uid, "rtcuid")]);
        assert_eq!(api.code, "uid");
        assert_eq!(api.field.as_deref(), Some("rtcuid"));
        assert!(api.message.starts_with("rtcuid: 4294967296 is outside"), "{}", api.message);
        // Not listed: the core's own prefix stays.
        let api = ApiError::from_core(&e, &[]);
        assert!(api.message.starts_with("uid: "), "{}", api.message);
        let body = serde_json::to_value(api.body()).unwrap();
        assert_eq!(body["error"], body["message"]);
        assert_eq!(body["status"], 400);
    }
}
