//! The compiled tagger: its configuration, and [`Tagger::tag`], which runs
//! the pipeline stages in order, each behind its own module.

use jiff::tz::TimeZone;

use crate::analysis::{Analysis, Document};
use crate::expr::Expr;
use crate::grammar::{compose, Found};
use crate::lang::{Language, ENGLISH};
use crate::lex::tokenize;
use crate::lexicon::Lexicon;
use crate::zones::{Zone, ZoneTable};
use crate::{discourse, render, resolve, Error};

/// How relative expressions are anchored.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    /// News: everything is anchored to the document creation time.
    #[default]
    News,
    /// Narrative: anchored to the last fully specified date mentioned
    /// ("the next day", "two weeks later"), starting from the DCT.
    Narrative,
}

/// Configures and builds a [`Tagger`].
#[derive(Clone, Debug)]
pub struct TaggerBuilder {
    language: Language,
    mode: Mode,
    zone_preferences: Vec<(String, String)>,
    default_zone: Option<String>,
    reader_zone: Option<String>,
}

impl Default for TaggerBuilder {
    fn default() -> Self {
        TaggerBuilder { language: ENGLISH, mode: Mode::News, zone_preferences: Vec::new(), default_zone: None, reader_zone: None }
    }
}

impl TaggerBuilder {
    /// Selects how relative expressions are anchored.
    pub fn mode(mut self, mode: Mode) -> Self {
        self.mode = mode;
        self
    }

    /// Selects the language (English is the default and, for now, the only one).
    pub fn language(mut self, language: Language) -> Self {
        self.language = language;
        self
    }

    /// Reads an ambiguous zone abbreviation as the given IANA zone, e.g.
    /// `prefer_zone("CST", "Asia/Shanghai")` for a Chinese newsroom. The
    /// defaults are the first readings listed in the language's lexicon
    /// (CST: America/Chicago; IST: Asia/Kolkata; MST: America/Denver).
    pub fn prefer_zone(mut self, abbreviation: &str, iana: &str) -> Self {
        self.zone_preferences.push((abbreviation.to_string(), iana.to_string()));
        self
    }

    /// Places clock times that the text leaves without a zone in this IANA
    /// zone, so that they get instants too.
    pub fn default_zone(mut self, iana: &str) -> Self {
        self.default_zone = Some(iana.to_string());
        self
    }

    /// Adds to every zoned range the same range in the reader's IANA zone.
    pub fn reader_zone(mut self, iana: &str) -> Self {
        self.reader_zone = Some(iana.to_string());
        self
    }

    /// Compiles the lexicon and checks the zones it names.
    ///
    /// # Errors
    /// [`Error::Lexicon`] for a malformed data file; [`Error::UnknownZone`],
    /// [`Error::UnknownDefaultZone`] or [`Error::UnknownReaderZone`] for a
    /// zone the bundled tz database does not have (of the lexicon, the
    /// default, the reader's); [`Error::BadPreference`] for a preference of
    /// an abbreviation the lexicon does not list or of an unknown zone.
    pub fn build(self) -> Result<Tagger, Error> {
        let lexicon = Lexicon::parse(self.language.lexicon)?;
        let zones = ZoneTable::new(&lexicon, &self.zone_preferences, self.default_zone.as_deref())?;
        let reader = match &self.reader_zone {
            Some(z) => Some(jiff::tz::db().get(z).map_err(|_| Error::UnknownReaderZone(z.clone()))?),
            None => None,
        };
        Ok(Tagger { lexicon, language: self.language, mode: self.mode, zones, reader })
    }
}

/// A compiled tagger. Build it once (it parses the lexicon) and share it:
/// it is immutable, `Send` and `Sync`.
#[derive(Debug, Clone)]
pub struct Tagger {
    lexicon: Lexicon,
    language: Language,
    mode: Mode,
    zones: ZoneTable,
    reader: Option<TimeZone>,
}

impl Default for Tagger {
    fn default() -> Self {
        Tagger::new()
    }
}

impl Tagger {
    /// The English tagger in news mode.
    pub fn new() -> Tagger {
        TaggerBuilder::default().build().expect("the built-in English lexicon is valid")
    }

    /// A builder for other configurations.
    pub fn builder() -> TaggerBuilder {
        TaggerBuilder::default()
    }

    /// The compiled lexicon.
    pub(crate) fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// The language.
    pub(crate) fn language(&self) -> &Language {
        &self.language
    }

    /// Finds, resolves and links the temporal expressions of `doc`: lex →
    /// compose → link → resolve (each expression) → discourse (the
    /// document) → render.
    pub fn tag(&self, doc: &Document<'_>) -> Analysis {
        let toks = tokenize(doc.text, &self.lexicon);
        let mut found = compose(&toks, self.language.rules);
        if self.mode == Mode::News {
            report_event_lengths(&mut found);
        }
        let links = (self.language.link)(&toks, &mut found);

        let linked = resolve::Inputs {
            toks: &toks,
            found: &found,
            links: &links,
            dct: doc.dct,
            now: doc.reference.as_ref(),
            prefer: doc.prefer,
            language: self.language,
            mode: self.mode,
            tenses: found.iter().map(|_| std::cell::OnceCell::new()).collect(),
        };
        let mut resolved = resolve::resolve_all(&linked);

        // the document: event days, places and zones, readings of one instant
        // (else the reference's zone: "in 2 hours" and "at 8" are on its clock)
        let doc_zone = doc
            .zone
            .and_then(|z| jiff::tz::db().get(z).ok().map(|tz| Zone::named(tz, z)))
            .or_else(|| doc.reference.as_ref().map(|r| Zone::of(r.time_zone())));
        let inputs = discourse::Inputs { doc: &linked, zones: &self.zones, lexicon: &self.lexicon, doc_zone: doc_zone.clone() };
        let discourse = discourse::settle(&inputs, &mut resolved);

        render::analysis(&render::Inputs {
            text: doc.text,
            doc: &linked,
            resolved: &resolved,
            discourse: &discourse,
            zone: doc_zone.or_else(|| self.zones.default_zone()),
            reader: self.reader.as_ref(),
        })
    }
}

/// News mode cannot place the event a shift counts from ("three days
/// later"), so it reports the shift's length instead (as TimeML annotates
/// it), without the word that made it a shift.
fn report_event_lengths(found: &mut [Found]) {
    for f in found {
        if let Some(length) = event_length(&f.expr) {
            f.expr = length;
            f.end -= 1;
        }
    }
}

/// The length of a shift measured from an event ("three days later" → "three
/// days"), which news mode reports instead of a date it cannot place; `None`
/// for anything else.
fn event_length(e: &Expr) -> Option<Expr> {
    match e {
        Expr::Shift { amount, unit, event: true, .. } => Some(Expr::Duration { amount: *amount, unit: *unit }),
        Expr::Mod { m, inner } => Some(Expr::Mod { m: *m, inner: Box::new(event_length(inner)?) }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send_sync<T: Send + Sync>() {}

    fn values(tagger: &Tagger, text: &str, dct: &str) -> Vec<String> {
        tagger.tag(&Document::new(text).with_dct(dct.parse().expect("date"))).timexes.into_iter().map(|t| t.value).collect()
    }

    #[test]
    fn narrative_mode_anchors_on_the_last_full_date() {
        let text = "The expedition left on March 3, 1995. Two weeks later it reached the pass, and three days ago it was back.";
        let narrative = Tagger::builder().mode(Mode::Narrative).build().expect("tagger");
        // 1995-03-03 + 2 weeks = 1995-03-17, ISO week 11; three days before 1995-03-03 is 1995-02-28
        assert_eq!(values(&narrative, text, "1998-08-07"), ["1995-03-03", "1995-W11", "1995-02-28"]);
        // news mode cannot place the event "later" counts from, so it reports the length
        // alone ("Two weeks", as TimeML annotates it), and "ago" counts back from the DCT
        let news = Tagger::new().tag(&Document::new(text).with_dct("1998-08-07".parse().expect("date")));
        let got: Vec<_> = news.timexes.iter().map(|t| (t.text.as_str(), t.value.as_str())).collect();
        assert_eq!(got, [("March 3, 1995", "1995-03-03"), ("Two weeks", "P2W"), ("three days ago", "1998-08-04")]);
    }

    #[test]
    fn tagger_is_send_and_sync() {
        assert_send_sync::<Tagger>();
    }
}
