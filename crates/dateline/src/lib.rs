//! # dateline
//!
//! dateline finds the temporal expressions in dated text — dates, times,
//! durations and recurrences — and normalises each to a TimeML TIMEX3 value.
//! Where the text says enough, it also gives the exact instant in UTC, the
//! IANA time zone and an RFC 5545 recurrence rule.
//!
//! The engine is a pipeline of pure stages:
//!
//! 1. [`lex`]: the text is cut into tokens, and words are looked up in the
//!    language's [`lexicon`].
//! 2. [`grammar`]: rules compose tokens into unresolved [`expr::Expr`] trees,
//!    and a linking pass joins ranges, lists and recurrences.
//! 3. [`resolve`]: each expression is anchored to the document creation time
//!    (DCT), with a direction taken from the sentence's tense and a context
//!    of what the text said before it; linked expressions are then put in
//!    agreement (a range runs forward).
//! 4. The document: the resolved expressions are settled together (the
//!    event's day, the zones of bare clock times, one instant written in
//!    several zones).
//! 5. Rendering: the result is an [`Analysis`], [`Timex`] records and
//!    [`Group`]s, ready to be written as JSON (it implements
//!    `serde::Serialize`), TimeML or iCalendar.
//!
//! A [`Tagger`] is built once and is `Send + Sync`, so one instance can serve
//! many threads. It performs no I/O and never looks at the machine's clock:
//! without a DCT, relative expressions stay underspecified (`XXXX-04-25`).
//!
//! ```
//! use dateline::{Document, Tagger};
//!
//! let tagger = Tagger::new();
//! let dct = "2022-04-19".parse().unwrap();
//! let doc = Document::new("The OST drops on April 25 at 12 am KST.").with_dct(dct);
//! let analysis = tagger.tag(&doc);
//! let values: Vec<&str> = analysis.timexes.iter().map(|t| t.value.as_str()).collect();
//! assert_eq!(values, ["2022-04-25", "2022-04-25T00:00"]);
//! assert_eq!(analysis.timexes[1].utc.as_deref(), Some("2022-04-24T15:00:00Z"));
//! ```
#![deny(missing_docs)]

mod analysis;
pub(crate) mod calendar;
mod discourse;
pub mod expr;
pub mod grammar;
pub mod ical;
pub mod json;
pub mod lang;
pub mod lex;
pub mod lexicon;
pub mod pieces;
mod places;
mod recur;
mod render;
pub mod resolve;
mod tagger;
mod tuning;
pub mod value;
#[cfg(test)]
mod work;
pub mod zones;

pub use analysis::{Analysis, At, Document, Group, Prefer, TimeRange, Timex};
pub use discourse::ZoneSource;
pub use grammar::LinkKind;
pub use pieces::{Offset, PIECE_BYTES};
pub use tagger::{Mode, Tagger, TaggerBuilder};
pub use value::TimexType;

/// Errors from building a tagger.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A language's lexicon data file is malformed.
    #[error(transparent)]
    Lexicon(#[from] lexicon::LexiconError),
    /// A zone the lexicon names is not in the bundled tz database.
    #[error("unknown time zone {0:?} in the lexicon")]
    UnknownZone(String),
    /// The default zone for bare clock times
    /// ([`TaggerBuilder::default_zone`]) is not an IANA zone.
    #[error("default zone {0:?}: unknown time zone (an IANA name such as Asia/Seoul)")]
    UnknownDefaultZone(String),
    /// The reader's zone ([`TaggerBuilder::reader_zone`]) is not an IANA zone.
    #[error("reader zone {0:?}: unknown time zone (an IANA name such as Europe/Berlin)")]
    UnknownReaderZone(String),
    /// A zone preference ([`TaggerBuilder::prefer_zone`]) names an
    /// abbreviation the lexicon does not know, or a zone that is not an IANA
    /// zone.
    #[error("zone preference {abbreviation}={zone}: {reason}")]
    BadPreference {
        /// The abbreviation, as given.
        abbreviation: String,
        /// The zone, as given.
        zone: String,
        /// What is wrong with it.
        reason: &'static str,
    },
}

impl Error {
    /// The error as a front end names its options: `names` are what it calls
    /// the default zone, the reader's zone and a zone preference (`["--tz",
    /// "--to-tz", "--zone-prefer"]` on the command line, `["tz", "to_tz",
    /// "prefer"]` in a request), so that the message says which one was wrong.
    ///
    /// ```
    /// let e = dateline::Tagger::builder().default_zone("Mars/Base").build().unwrap_err();
    /// assert_eq!(e.named(["--tz", "--to-tz", "--zone-prefer"]), "--tz \"Mars/Base\": unknown time zone (an IANA name such as Asia/Seoul)");
    /// ```
    pub fn named(&self, [tz, to_tz, prefer]: [&str; 3]) -> String {
        match self {
            Error::UnknownDefaultZone(z) => format!("{tz} {z:?}: unknown time zone (an IANA name such as Asia/Seoul)"),
            Error::UnknownReaderZone(z) => format!("{to_tz} {z:?}: unknown time zone (an IANA name such as Europe/Berlin)"),
            Error::BadPreference { abbreviation, zone, reason } => format!("{prefer} {abbreviation}={zone}: {reason}"),
            other => other.to_string(),
        }
    }
}
