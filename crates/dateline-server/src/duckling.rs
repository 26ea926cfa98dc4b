//! `POST /parse`: a drop-in for Duckling's HTTP API, for the `time` and
//! `duration` dimensions, so that clients such as Rasa's
//! `DucklingEntityExtractor` can switch to dateline unchanged.
//!
//! The form fields are Duckling's: `text` (required: 422 without it),
//! `lang`, `locale`, `tz` (IANA, default UTC), `reftime` (epoch
//! milliseconds, default now), `dims` (a JSON array in a string) and
//! `latent`. The engine takes a date-only DCT, so the request becomes a
//! document dated the day of `reftime` in `tz`, whose bare clock times are
//! in `tz`; each timex is then mapped to one Duckling entity by
//! [`item::entity`], the one place to change when the engine takes a full
//! reference instant.

pub mod item;

use axum::body::Body;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use dateline::{Document, Prefer};
use jiff::tz::TimeZone;

use crate::state::{AppState, TagOptions};
use crate::{body, ApiError};

/// The English locales Duckling knows; dateline reads them all as English
/// (it has no locale-specific readings yet).
const LOCALES: [&str; 12] = ["AU", "BZ", "CA", "GB", "IE", "IN", "JM", "NZ", "PH", "TT", "US", "ZA"];

/// A `/parse` request, checked.
#[derive(Debug, Clone)]
pub struct ParseRequest {
    /// The text to parse.
    pub text: String,
    /// The zone values are given in.
    pub tz: TimeZone,
    /// Its IANA name.
    pub tz_name: String,
    /// The reference instant.
    pub reftime: jiff::Timestamp,
    /// Whether time entities are wanted.
    pub time: bool,
    /// Whether duration entities are wanted.
    pub duration: bool,
}

impl ParseRequest {
    /// Reads the form fields, as Duckling does (unknown fields are ignored).
    ///
    /// # Errors
    /// 422 without `text`; 400 for an unknown `lang` or `locale`, an unknown
    /// `tz`, a `reftime` that is not epoch milliseconds, `dims` that are not
    /// a JSON array of strings, or a `latent` that is not a boolean.
    pub fn from_form(form: &str) -> Result<ParseRequest, ApiError> {
        let fields: Vec<(String, String)> = form_urlencoded::parse(form.as_bytes()).into_owned().collect();
        let get = |name: &str| fields.iter().rev().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
        let text = get("text").ok_or_else(|| ApiError::Unprocessable("Need a 'text' parameter to parse".into()))?.to_string();
        if let Some(lang) = get("lang") {
            if !lang.eq_ignore_ascii_case("en") {
                return Err(ApiError::BadRequest(format!("unknown or unsupported lang {lang:?}: dateline reads English (EN)")));
            }
        }
        if let Some(locale) = get("locale") {
            let ok = locale
                .split_once(['_', '-'])
                .is_some_and(|(l, r)| l.eq_ignore_ascii_case("en") && LOCALES.contains(&r.to_ascii_uppercase().as_str()));
            if !ok {
                return Err(ApiError::BadRequest(format!("unknown locale {locale:?}: expected en_XX with XX one of {}", LOCALES.join(", "))));
            }
        }
        let tz_name = get("tz").unwrap_or("UTC").to_string();
        let tz = jiff::tz::db().get(&tz_name).map_err(|_| ApiError::BadRequest(format!("unknown time zone {tz_name:?}: expected an IANA name")))?;
        let reftime = match get("reftime") {
            None => jiff::Timestamp::now(),
            Some(r) => r
                .trim()
                .parse::<i64>()
                .ok()
                .and_then(|ms| jiff::Timestamp::from_millisecond(ms).ok())
                .ok_or_else(|| ApiError::BadRequest(format!("reftime {r:?} is not a time in epoch milliseconds")))?,
        };
        let (time, duration) = match get("dims") {
            None => (true, true),
            Some(d) => {
                let dims: Vec<String> =
                    serde_json::from_str(d).map_err(|e| ApiError::BadRequest(format!("dims {d:?} is not a JSON array of strings: {e}")))?;
                if dims.is_empty() {
                    (true, true)
                } else {
                    (dims.iter().any(|d| d == "time"), dims.iter().any(|d| d == "duration"))
                }
            }
        };
        if let Some(l) = get("latent") {
            if !matches!(l, "true" | "false") {
                return Err(ApiError::BadRequest(format!("latent {l:?}: expected true or false")));
            }
        }
        Ok(ParseRequest { text, tz, tz_name, reftime, time, duration })
    }

    /// The document creation time: the day of `reftime` in `tz`.
    pub fn dct(&self) -> jiff::civil::Date {
        self.reftime.to_zoned(self.tz.clone()).date()
    }
}

/// `POST /parse`: the entities of `text`, as Duckling's JSON array.
pub async fn parse(State(state): State<AppState>, headers: HeaderMap, body: Body) -> Result<Response, ApiError> {
    let bytes = body::read(&headers, body, state.config.max_body).await?;
    let req = ParseRequest::from_form(body::utf8(&bytes)?)?;
    if req.text.len() > state.config.max_text {
        return Err(ApiError::TextTooLarge { size: req.text.len(), limit: state.config.max_text });
    }
    let s = state.clone();
    let entities = state
        .run(None, move || {
            let options = TagOptions { tz: Some(req.tz_name.clone()), ..s.config.defaults.clone() };
            let tagger = s.tagger(&options)?;
            // (the reference instant on its zone's clock, and what an
            // assistant means by an open date: the next one)
            let document = Document::new(&req.text).with_reference(req.reftime.to_zoned(req.tz.clone())).with_prefer(Prefer::Future);
            let a = tagger.tag(&document);
            s.metrics.tagged(req.text.len());
            Ok(item::entities(&a, &req))
        })
        .await?;
    Ok(axum::Json(entities).into_response())
}
