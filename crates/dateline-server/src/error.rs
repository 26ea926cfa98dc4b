//! The service's errors: each is an HTTP status and a JSON body
//! `{"error": "what is wrong", "status": N}`, so that a client can always
//! read why a request failed.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

/// Why a request failed.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// The request is malformed (bad JSON, a bad DCT or zone, an unknown
    /// locale, a body that is not UTF-8): 400.
    #[error("{0}")]
    BadRequest(String),
    /// A required field is missing (Duckling's `text`): 422.
    #[error("{0}")]
    Unprocessable(String),
    /// The body is over the limit: 413.
    #[error("request body over the limit of {limit} bytes")]
    BodyTooLarge {
        /// The limit.
        limit: usize,
    },
    /// A document's text is over the limit: 413.
    #[error("text of {size} bytes over the limit of {limit} bytes")]
    TextTooLarge {
        /// The text's size.
        size: usize,
        /// The limit.
        limit: usize,
    },
    /// Every tagging slot is taken: 503.
    #[error("overloaded: all {0} tagging slots are busy, retry later")]
    Overloaded(usize),
    /// The request ran past its time budget: 504.
    #[error("timed out: tagging took longer than the budget of {0} ms")]
    Timeout(u128),
    /// No such route: 404.
    #[error("no such endpoint: {0}")]
    NotFound(String),
    /// The path exists but not for this method: 405.
    #[error("method not allowed: {0}")]
    MethodNotAllowed(String),
    /// A bug in dateline (a panic while tagging, caught): 500.
    #[error("internal error (a bug in dateline; please report it): {0}")]
    Internal(String),
}

impl ApiError {
    /// The HTTP status this error is answered with.
    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ApiError::Unprocessable(_) => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::BodyTooLarge { .. } | ApiError::TextTooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::Overloaded(_) => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Timeout(_) => StatusCode::GATEWAY_TIMEOUT,
            ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::MethodNotAllowed(_) => StatusCode::METHOD_NOT_ALLOWED,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The JSON object that describes this error.
    pub fn json(&self) -> serde_json::Value {
        serde_json::json!({ "error": self.to_string(), "status": self.status().as_u16() })
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status(), axum::Json(self.json())).into_response()
    }
}
