//! What all requests share: the configuration, the compiled taggers (one
//! per option set), the tagging slots and the metrics; and
//! [`AppState::run`], which tags off the async runtime within the limits.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use dateline::{Mode, Tagger};
use serde::Deserialize;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use crate::metrics::Metrics;
use crate::{ApiError, Config};

/// How many option sets keep a compiled tagger; past that a tagger is
/// built for the request alone.
const TAGGERS_KEPT: usize = 64;

/// The options a tagger is built with, as `dateline tag` takes them
/// (`--mode`, `--tz`, `--to-tz`, `--zone-prefer`), and what a calendar keeps.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct TagOptions {
    /// Anchor relative expressions on the last full date (narrative) instead of the DCT (news).
    pub narrative: bool,
    /// The IANA zone of clock times the text leaves bare.
    pub tz: Option<String>,
    /// The reader's IANA zone: every zoned range is also given in it.
    pub to_tz: Option<String>,
    /// Readings of ambiguous abbreviations, (`CST`, `Asia/Shanghai`).
    pub prefer: Vec<(String, String)>,
    /// Calendars keep the events that ended before the DCT.
    pub include_past: bool,
}

impl TagOptions {
    /// The compiled tagger these options ask for.
    ///
    /// # Errors
    /// [`dateline::Error::UnknownZone`] for a zone the tz database lacks.
    pub fn build(&self) -> Result<Tagger, dateline::Error> {
        let mut b = Tagger::builder().mode(if self.narrative { Mode::Narrative } else { Mode::News });
        for (abbr, zone) in &self.prefer {
            b = b.prefer_zone(abbr, zone);
        }
        if let Some(z) = &self.tz {
            b = b.default_zone(z);
        }
        if let Some(z) = &self.to_tz {
            b = b.reader_zone(z);
        }
        b.build()
    }

    /// What decides the tagger (all but the calendar option).
    fn key(&self) -> TagOptions {
        TagOptions { include_past: false, ..self.clone() }
    }
}

/// The tagger options a request may give; what it leaves out comes from
/// the server's defaults.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct RequestOptions {
    /// `news` or `narrative`.
    pub mode: Option<ModeName>,
    /// The zone of bare clock times.
    pub tz: Option<String>,
    /// The reader's zone.
    pub to_tz: Option<String>,
    /// Abbreviation readings: `{"CST": "Asia/Shanghai"}` or `["CST=Asia/Shanghai"]`.
    pub prefer: Option<Prefer>,
    /// Calendars keep past events.
    pub include_past: Option<bool>,
}

/// An anchoring mode by name.
#[derive(Clone, Copy, Debug, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ModeName {
    /// See [`Mode::News`].
    News,
    /// See [`Mode::Narrative`].
    Narrative,
}

/// Zone preferences, as an object or as the command line writes them.
#[derive(Clone, Debug, Deserialize)]
#[serde(untagged)]
pub enum Prefer {
    /// `{"CST": "Asia/Shanghai"}`.
    Map(BTreeMap<String, String>),
    /// `["CST=Asia/Shanghai"]`.
    List(Vec<String>),
}

impl RequestOptions {
    /// These options over `defaults`.
    pub fn over(&self, defaults: &TagOptions) -> Result<TagOptions, ApiError> {
        let prefer = match &self.prefer {
            None => defaults.prefer.clone(),
            Some(Prefer::Map(m)) => m.iter().map(|(a, z)| (a.clone(), z.clone())).collect(),
            Some(Prefer::List(l)) => l
                .iter()
                .map(|p| {
                    p.split_once('=')
                        .map(|(a, z)| (a.trim().to_string(), z.trim().to_string()))
                        .ok_or_else(|| ApiError::BadRequest(format!("prefer {p:?}: expected ABBR=ZONE")))
                })
                .collect::<Result<_, _>>()?,
        };
        Ok(TagOptions {
            narrative: self.mode.map_or(defaults.narrative, |m| matches!(m, ModeName::Narrative)),
            tz: self.tz.clone().or_else(|| defaults.tz.clone()),
            to_tz: self.to_tz.clone().or_else(|| defaults.to_tz.clone()),
            prefer,
            include_past: self.include_past.unwrap_or(defaults.include_past),
        })
    }
}

/// The state every handler shares.
#[derive(Clone)]
pub struct AppState {
    /// The configuration.
    pub config: Arc<Config>,
    /// The counters behind `/metrics`.
    pub metrics: Arc<Metrics>,
    taggers: Arc<Mutex<HashMap<TagOptions, Arc<Tagger>>>>,
    slots: Arc<Semaphore>,
}

impl AppState {
    /// The state for `config`, with its default tagger compiled.
    pub fn new(config: Config) -> Result<AppState, dateline::Error> {
        let default = Arc::new(config.defaults.build()?);
        let mut taggers = HashMap::new();
        taggers.insert(config.defaults.key(), default);
        Ok(AppState {
            slots: Arc::new(Semaphore::new(config.concurrency.max(1))),
            config: Arc::new(config),
            metrics: Arc::new(Metrics::default()),
            taggers: Arc::new(Mutex::new(taggers)),
        })
    }

    /// The compiled tagger for `options`: shared when it was built before
    /// (blocking: a new one compiles the lexicon, so call it off the runtime).
    pub fn tagger(&self, options: &TagOptions) -> Result<Arc<Tagger>, ApiError> {
        let key = options.key();
        if let Some(t) = self.taggers.lock().unwrap_or_else(|p| p.into_inner()).get(&key) {
            return Ok(t.clone());
        }
        let built = Arc::new(options.build().map_err(|e| ApiError::BadRequest(e.named(["tz", "to_tz", "prefer"])))?);
        let mut kept = self.taggers.lock().unwrap_or_else(|p| p.into_inner());
        if kept.len() < TAGGERS_KEPT {
            kept.insert(key, built.clone());
        }
        Ok(built)
    }

    /// A tagging slot, or 503 when all are taken.
    pub fn slot(&self) -> Result<OwnedSemaphorePermit, ApiError> {
        self.slots.clone().try_acquire_owned().map_err(|_| ApiError::Overloaded(self.config.concurrency))
    }

    /// Runs `f` on a blocking thread within the time budget, holding a
    /// slot (taken here unless `slot` brings one) until `f` ends, even
    /// after the budget is spent. A panic in `f` is a 500, not a crash.
    pub async fn run<R: Send + 'static>(
        &self,
        slot: Option<Arc<OwnedSemaphorePermit>>,
        f: impl FnOnce() -> Result<R, ApiError> + Send + 'static,
    ) -> Result<R, ApiError> {
        let slot = match slot {
            Some(s) => s,
            None => Arc::new(self.slot()?),
        };
        let started = Instant::now();
        let task = tokio::task::spawn_blocking(move || {
            let _slot = slot;
            f()
        });
        match tokio::time::timeout(self.config.timeout, task).await {
            Err(_) => {
                tracing::warn!(budget_ms = self.config.timeout.as_millis() as u64, "time budget spent");
                Err(ApiError::Timeout(self.config.timeout.as_millis()))
            }
            Ok(Err(e)) => Err(ApiError::Internal(format!("tagging failed after {:?}: {e}", started.elapsed()))),
            Ok(Ok(r)) => r,
        }
    }
}
