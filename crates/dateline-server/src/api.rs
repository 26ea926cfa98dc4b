//! dateline's own endpoints: `/v1/tag`, `/v1/batch`, `/v1/calendar`,
//! `/healthz`, `/metrics` and the demo page. Each reads its request, tags
//! through [`AppState::run`] and writes what the library renders.

mod batch;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use dateline::ical::{CalendarDoc, Options};
use dateline::{Analysis, Document};
use jiff::civil::Date;
use serde::Deserialize;

use crate::state::{AppState, RequestOptions, TagOptions};
use crate::{body, ApiError};

pub use batch::batch;

/// The demo page, compiled into the binary.
const PAGE: &str = include_str!("page.html");

/// What `/v1/tag` returns.
#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// The JSON document of `dateline tag --format json`.
    #[default]
    Json,
    /// TimeML with inline TIMEX3 tags.
    Timeml,
    /// One iCalendar file.
    Ics,
}

/// A `/v1/tag` request (and a line of `/v1/batch`).
#[derive(Debug, Deserialize)]
pub struct TagRequest {
    /// The text to tag.
    pub text: String,
    /// The document's identifier in the output (default `request`).
    pub id: Option<String>,
    /// The document creation time (`YYYY-MM-DD`, `YYYYMMDD` or an ISO date-time).
    pub dct: Option<String>,
    /// The output format (default `json`).
    pub format: Option<Format>,
    /// Tagger options over the server's defaults.
    #[serde(flatten)]
    pub options: RequestOptions,
}

/// A document checked and ready to tag.
pub struct Prepared {
    id: String,
    text: String,
    dct: Option<Date>,
    options: TagOptions,
    format: Format,
}

impl Prepared {
    /// Checks a request: its DCT, its options and its text's size.
    pub fn new(state: &AppState, r: TagRequest, default_id: &str) -> Result<Prepared, ApiError> {
        let limit = state.config.max_text;
        if r.text.len() > limit {
            return Err(ApiError::TextTooLarge { size: r.text.len(), limit });
        }
        Ok(Prepared {
            id: r.id.unwrap_or_else(|| default_id.to_string()),
            dct: dct(r.dct.as_deref())?,
            options: r.options.over(&state.config.defaults)?,
            format: r.format.unwrap_or_default(),
            text: r.text,
        })
    }

    /// Tags the document (blocking) and hands its analysis to `render`.
    fn tag<R>(&self, state: &AppState, render: impl FnOnce(&Prepared, &Analysis) -> R) -> Result<R, ApiError> {
        let tagger = state.tagger(&self.options)?;
        let mut doc = Document::new(&self.text);
        doc.dct = self.dct;
        let a = tagger.tag(&doc);
        state.metrics.tagged(self.text.len());
        Ok(render(self, &a))
    }

    /// The one-line JSON document of `dateline tag --format jsonl`.
    pub fn jsonl(&self, state: &AppState) -> Result<String, ApiError> {
        self.tag(state, |p, a| dateline::json::JsonDocument::new(&p.id, p.dct, None, a).render(false))
    }
}

/// A request's DCT, or a 400 that gives the forms.
fn dct(d: Option<&str>) -> Result<Option<Date>, ApiError> {
    d.map(|d| {
        dateline_eval::timeml::user_dct(d)
            .ok_or_else(|| ApiError::BadRequest(format!("dct {d:?} is not a date ({})", dateline_eval::timeml::DCT_FORMS)))
    })
    .transpose()
}

/// `GET /`: the demo page.
pub async fn page() -> Html<&'static str> {
    Html(PAGE)
}

/// `GET /healthz`: the server is up and answering.
pub async fn healthz() -> impl IntoResponse {
    axum::Json(serde_json::json!({ "status": "ok", "version": env!("CARGO_PKG_VERSION") }))
}

/// `GET /metrics`: the Prometheus text exposition.
pub async fn metrics(State(state): State<AppState>) -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")], state.metrics.render())
}

/// Any other path: a JSON 404.
pub async fn not_found(req: Request) -> ApiError {
    ApiError::NotFound(format!("{} {}", req.method(), req.uri().path()))
}

/// A known path with another method: a JSON 405.
pub async fn wrong_method(req: Request) -> ApiError {
    ApiError::MethodNotAllowed(format!("{} {}", req.method(), req.uri().path()))
}

/// `POST /v1/tag`: one document in; JSON, TimeML or iCalendar out.
pub async fn tag(State(state): State<AppState>, headers: HeaderMap, body: Body) -> Result<Response, ApiError> {
    let bytes = body::read(&headers, body, state.config.max_body).await?;
    let p = Prepared::new(&state, body::json(&bytes)?, "request")?;
    let s = state.clone();
    let (content_type, out) = state
        .run(None, move || {
            p.tag(&s, |p, a| match p.format {
                Format::Json => ("application/json", dateline::json::JsonDocument::new(&p.id, p.dct, None, a).render(true)),
                Format::Timeml => {
                    let dct = p.dct.map(|d| d.to_string());
                    ("application/xml; charset=utf-8", dateline_eval::timeml::plain_document(&p.id, dct.as_deref(), &p.text, a))
                }
                Format::Ics => {
                    let doc = CalendarDoc { id: &p.id, text: &p.text, dct: p.dct, analysis: a };
                    ("text/calendar; charset=utf-8", dateline::ical::calendar_with(&[doc], Options { include_past: p.options.include_past }))
                }
            })
        })
        .await?;
    Ok((StatusCode::OK, [(header::CONTENT_TYPE, content_type)], out).into_response())
}

/// A `/v1/calendar` request: documents and the options they are all tagged with.
#[derive(Debug, Deserialize)]
pub struct CalendarRequest {
    /// The documents, each `{"text", "id"?, "dct"?}`.
    pub documents: Vec<CalendarItem>,
    /// Tagger options over the server's defaults.
    #[serde(flatten)]
    pub options: RequestOptions,
}

/// One document of a calendar request.
#[derive(Debug, Deserialize)]
pub struct CalendarItem {
    /// The text.
    pub text: String,
    /// Its identifier, part of every event's UID (default `document N`).
    pub id: Option<String>,
    /// Its creation time.
    pub dct: Option<String>,
}

/// `POST /v1/calendar`: documents in, one iCalendar file out, as `dateline
/// calendar` writes it for the same documents.
pub async fn calendar(State(state): State<AppState>, headers: HeaderMap, body: Body) -> Result<Response, ApiError> {
    let bytes = body::read(&headers, body, state.config.max_body).await?;
    let req: CalendarRequest = body::json(&bytes)?;
    if req.documents.is_empty() {
        return Err(ApiError::BadRequest("documents: give at least one document".into()));
    }
    let docs = req
        .documents
        .into_iter()
        .enumerate()
        .map(|(n, d)| {
            let r = TagRequest { text: d.text, id: d.id, dct: d.dct, format: None, options: req.options.clone() };
            Prepared::new(&state, r, &format!("document {}", n + 1))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let s = state.clone();
    let ics = state
        .run(None, move || {
            let analyses = docs.iter().map(|p| p.tag(&s, |_, a| a.clone())).collect::<Result<Vec<_>, _>>()?;
            let cal: Vec<CalendarDoc<'_>> =
                docs.iter().zip(&analyses).map(|(p, a)| CalendarDoc { id: &p.id, text: &p.text, dct: p.dct, analysis: a }).collect();
            let include_past = docs.first().is_some_and(|p| p.options.include_past);
            Ok(dateline::ical::calendar_with(&cal, Options { include_past }))
        })
        .await?;
    Ok(([(header::CONTENT_TYPE, "text/calendar; charset=utf-8")], ics).into_response())
}
