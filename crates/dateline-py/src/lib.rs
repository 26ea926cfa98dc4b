//! dateline for Python: the `dateline._dateline` extension module, a thin
//! front end over the engine (as the command line and the server are). It
//! turns Python arguments into [`dateline::Document`]s, tags them with a
//! [`dateline::Tagger`] compiled once, and hands the typed
//! [`dateline::Analysis`] back as Python objects (jiff's date-times become
//! `datetime` values); JSON, TimeML and iCalendar are written by the same
//! renderers the command line uses. The Python package `dateline` (in
//! `python/`) re-exports it and adds the spaCy component and the Spark
//! helper.

use std::sync::Arc;

use dateline::{Analysis, At, Prefer};
use dateline_eval::timeml::{user_reference, Dct, DCT_FORMS};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyString, PyTuple, PyType};

pyo3::create_exception!(
    dateline,
    DatelineError,
    PyValueError,
    "A bad argument to dateline: an unknown zone, a DCT that is not a date, a mode or direction it does not know. The message is the command line's, with the keyword argument's name for the option."
);

/// What the Python API calls the default zone, the reader's zone and a zone
/// preference (for [`dateline::Error::named`]).
const NAMES: [&str; 3] = ["tz", "to_tz", "zone_prefer"];

fn bad(message: String) -> PyErr {
    DatelineError::new_err(message)
}

/// A Python class, imported once.
fn class<'py>(py: Python<'py>, cell: &'static PyOnceLock<Py<PyType>>, module: &str, name: &str) -> PyResult<&'py Bound<'py, PyType>> {
    cell.import(py, module, name)
}

static DATETIME: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static DATE: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static TIMEDELTA: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static TIMEZONE: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static ZONEINFO: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// A tagger's options that apply per document.
#[derive(Clone, Copy)]
struct Options {
    prefer: Prefer,
}

/// One document to tag, read from Python arguments.
struct Input {
    id: String,
    text: String,
    dct: Option<Dct>,
    zone: Option<String>,
}

impl Input {
    fn tag(&self, tagger: &dateline::Tagger, options: Options) -> Analysis {
        let mut doc = dateline::Document::new(&self.text).with_prefer(options.prefer);
        if let Some(d) = &self.dct {
            doc = match &d.instant {
                Some(z) => doc.with_reference(z.clone()),
                None => doc.with_dct(d.date),
            };
        }
        if let Some(z) = &self.zone {
            doc = doc.with_zone(z);
        }
        tagger.tag(&doc)
    }
}

/// A DCT given as a `datetime.date`, a `datetime.datetime` (aware: a
/// reference instant; naive: its date alone, as the command line takes a
/// date-time without an offset) or a string in the command line's forms.
fn dct_arg(v: Option<&Bound<'_, PyAny>>) -> PyResult<Option<Dct>> {
    let Some(v) = v.filter(|v| !v.is_none()) else { return Ok(None) };
    let py = v.py();
    if let Ok(s) = v.cast::<PyString>() {
        let s: String = s.extract()?;
        let s = s.as_str();
        return user_reference(s).map(Some).ok_or_else(|| bad(format!("dct {s:?} is not a date ({DCT_FORMS})")));
    }
    let int = |name: &str| -> PyResult<i64> { v.getattr(name)?.extract() };
    let date = || -> PyResult<jiff::civil::Date> {
        let (y, m, d) = (int("year")?, int("month")?, int("day")?);
        jiff::civil::Date::new(y as i16, m as i8, d as i8).map_err(|e| bad(format!("dct: {e}")))
    };
    if v.is_instance(class(py, &DATETIME, "datetime", "datetime")?)? {
        let offset = v.call_method0("utcoffset")?;
        if offset.is_none() {
            return Ok(Some(Dct::from(date()?)));
        }
        let seconds: f64 = offset.call_method0("total_seconds")?.extract()?;
        let offset = jiff::tz::Offset::from_seconds(seconds as i32).map_err(|e| bad(format!("dct: {e}")))?;
        let civil = date()?.at(int("hour")? as i8, int("minute")? as i8, int("second")? as i8, int("microsecond")? as i32 * 1000);
        let at = civil.to_zoned(jiff::tz::TimeZone::fixed(offset)).map_err(|e| bad(format!("dct: {e}")))?;
        // (a zoneinfo.ZoneInfo names its IANA zone: keep it, as the command
        // line keeps `[America/Sao_Paulo]`)
        let key: Option<String> = v.getattr("tzinfo")?.getattr("key").ok().and_then(|k| k.extract().ok());
        let zone = key.and_then(|k| jiff::tz::db().get(&k).ok()).unwrap_or(jiff::tz::TimeZone::fixed(offset));
        let z = at.timestamp().to_zoned(zone);
        return Ok(Some(Dct { date: z.date(), instant: Some(z) }));
    }
    if v.is_instance(class(py, &DATE, "datetime", "date")?)? {
        return Ok(Some(Dct::from(date()?)));
    }
    Err(PyTypeError::new_err(format!("dct: expected a datetime.date, a datetime.datetime or a string, not {}", v.get_type().name()?)))
}

/// A zone for the clock times a document leaves bare, checked as the
/// command line checks `--tz`.
fn zone_arg(tz: Option<String>) -> PyResult<Option<String>> {
    match tz {
        Some(z) if jiff::tz::db().get(&z).is_err() => Err(bad(dateline::Error::UnknownDefaultZone(z).named(NAMES))),
        other => Ok(other),
    }
}

/// `value` as one of `choices`, in the words of the command line's
/// argument parser.
fn choice<T: Copy>(name: &str, value: &str, choices: &[(&str, T)]) -> PyResult<T> {
    choices.iter().find(|(n, _)| *n == value).map(|(_, t)| *t).ok_or_else(|| {
        let names: Vec<&str> = choices.iter().map(|(n, _)| *n).collect();
        bad(format!("invalid value '{value}' for '{name}' [possible values: {}]", names.join(", ")))
    })
}

/// A compiled tagger. Build it once and share it: it is immutable and
/// thread-safe, and `tag`/`tag_many` release the GIL while they work.
#[pyclass(frozen, module = "dateline")]
struct Tagger {
    inner: Arc<dateline::Tagger>,
    options: Options,
}

#[pymethods]
impl Tagger {
    #[new]
    #[pyo3(signature = (mode = "news", prefer = "tense", zone_prefer = None, tz = None, to_tz = None))]
    fn new(mode: &str, prefer: &str, zone_prefer: Option<&Bound<'_, PyDict>>, tz: Option<&str>, to_tz: Option<&str>) -> PyResult<Tagger> {
        let mode = choice("mode", mode, &[("news", dateline::Mode::News), ("narrative", dateline::Mode::Narrative)])?;
        let prefer = choice("prefer", prefer, &[("tense", Prefer::Tense), ("future", Prefer::Future), ("past", Prefer::Past)])?;
        let mut b = dateline::Tagger::builder().mode(mode);
        if let Some(prefs) = zone_prefer {
            for (abbr, zone) in prefs.iter() {
                b = b.prefer_zone(&abbr.extract::<String>()?, &zone.extract::<String>()?);
            }
        }
        if let Some(z) = tz {
            b = b.default_zone(z);
        }
        if let Some(z) = to_tz {
            b = b.reader_zone(z);
        }
        let inner = b.build().map_err(|e| bad(e.named(NAMES)))?;
        Ok(Tagger { inner: Arc::new(inner), options: Options { prefer } })
    }

    /// Tags one text. `dct` is the document creation time; `tz` an IANA zone
    /// for the clock times this text leaves bare; `id` names the document in
    /// `to_json`, `to_timeml` and `to_ics`.
    #[pyo3(signature = (text, dct = None, tz = None, *, id = String::new()))]
    fn tag(&self, py: Python<'_>, text: String, dct: Option<&Bound<'_, PyAny>>, tz: Option<String>, id: String) -> PyResult<Document> {
        let input = Input { id, text, dct: dct_arg(dct)?, zone: zone_arg(tz)? };
        let (tagger, options) = (&self.inner, self.options);
        let analysis = py.detach(|| input.tag(tagger, options));
        Ok(Document::new(input, analysis))
    }

    /// Tags many texts on `jobs` threads (default: all cores), without the
    /// GIL. Each item is a text, or a tuple `(text, dct)`; `dct` and `tz`
    /// apply to the items that give none. Returns the documents in order.
    #[pyo3(signature = (docs, jobs = None, dct = None, tz = None))]
    fn tag_many(
        &self,
        py: Python<'_>,
        docs: &Bound<'_, PyAny>,
        jobs: Option<usize>,
        dct: Option<&Bound<'_, PyAny>>,
        tz: Option<String>,
    ) -> PyResult<Vec<Document>> {
        let jobs = jobs_arg(jobs)?;
        let inputs = inputs(docs, dct, tz)?;
        let (tagger, options) = (&self.inner, self.options);
        let analyses = py.detach(|| tag_all(tagger, options, &inputs, jobs));
        Ok(inputs.into_iter().zip(analyses).map(|(i, a)| Document::new(i, a)).collect())
    }

    /// Tags as `tag_many` does and returns the timexes of all documents as
    /// columns, one row per timex: a dict of equal-length lists `doc` (the
    /// item's index), `tid`, `start`, `end`, `text`, `type`, `value`,
    /// `mod`, `utc` (microseconds since the Unix epoch, or None), `tzid`
    /// and `rrule`. It makes no Python object per timex, for callers that
    /// build a table (`dateline.spark`).
    #[pyo3(signature = (docs, jobs = None, dct = None, tz = None))]
    fn tag_columns<'py>(
        &self,
        py: Python<'py>,
        docs: &Bound<'py, PyAny>,
        jobs: Option<usize>,
        dct: Option<&Bound<'py, PyAny>>,
        tz: Option<String>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let jobs = jobs_arg(jobs)?;
        let inputs = inputs(docs, dct, tz)?;
        let (tagger, options) = (&self.inner, self.options);
        let analyses = py.detach(|| tag_all(tagger, options, &inputs, jobs));
        let rows = || analyses.iter().enumerate().flat_map(|(n, a)| a.timexes.iter().map(move |t| (n, t)));
        let out = PyDict::new(py);
        out.set_item("doc", rows().map(|(n, _)| n).collect::<Vec<_>>())?;
        out.set_item("tid", rows().map(|(_, t)| t.tid.as_str()).collect::<Vec<_>>())?;
        out.set_item("start", rows().map(|(_, t)| t.start).collect::<Vec<_>>())?;
        out.set_item("end", rows().map(|(_, t)| t.end).collect::<Vec<_>>())?;
        out.set_item("text", rows().map(|(_, t)| t.text.as_str()).collect::<Vec<_>>())?;
        out.set_item("type", rows().map(|(_, t)| t.typ.as_str()).collect::<Vec<_>>())?;
        out.set_item("value", rows().map(|(_, t)| t.value.as_str()).collect::<Vec<_>>())?;
        out.set_item("mod", rows().map(|(_, t)| t.modifier).collect::<Vec<_>>())?;
        let micros = |ts: jiff::Timestamp| ts.as_microsecond();
        out.set_item("utc", rows().map(|(_, t)| t.instant().map(micros)).collect::<Vec<_>>())?;
        out.set_item("tzid", rows().map(|(_, t)| t.tzid.as_deref()).collect::<Vec<_>>())?;
        out.set_item("rrule", rows().map(|(_, t)| t.rrule.as_deref()).collect::<Vec<_>>())?;
        Ok(out)
    }

    fn __repr__(&self) -> String {
        format!("<dateline.Tagger prefer={:?}>", self.options.prefer)
    }
}

/// The number of threads: `jobs`, or all cores.
fn jobs_arg(jobs: Option<usize>) -> PyResult<usize> {
    match jobs {
        Some(0) => Err(bad("jobs 0: expected at least 1".to_string())),
        Some(n) => Ok(n),
        None => Ok(std::thread::available_parallelism().map_or(1, |n| n.get())),
    }
}

/// The documents of `tag_many`'s iterable: texts, or `(text, dct)` tuples,
/// with `dct` and `tz` for those that give none.
fn inputs(docs: &Bound<'_, PyAny>, dct: Option<&Bound<'_, PyAny>>, tz: Option<String>) -> PyResult<Vec<Input>> {
    let (dct, zone) = (dct_arg(dct)?, zone_arg(tz)?);
    let mut inputs = Vec::new();
    for item in docs.try_iter()? {
        let item = item?;
        let (text, own) = match item.cast::<PyTuple>() {
            Ok(t) if t.len() == 2 => (t.get_item(0)?.extract::<String>()?, dct_arg(Some(&t.get_item(1)?))?),
            Ok(_) => return Err(PyTypeError::new_err("tag_many: a tuple item is (text, dct)")),
            Err(_) => (item.extract::<String>()?, None),
        };
        inputs.push(Input { id: String::new(), text, dct: own.or_else(|| dct.clone()), zone: zone.clone() });
    }
    Ok(inputs)
}

/// Tags `inputs` on up to `jobs` threads, each taking the next document in
/// turn, and returns the analyses in input order.
fn tag_all(tagger: &dateline::Tagger, options: Options, inputs: &[Input], jobs: usize) -> Vec<Analysis> {
    dateline_eval::parallel::parallel_map(inputs, jobs, |_, i| i.tag(tagger, options))
}

/// What a document's objects share: the input and its analysis.
struct Shared {
    input: Input,
    analysis: Analysis,
}

/// One tagged document: its timexes and groups, and its renderings.
#[pyclass(frozen, module = "dateline")]
struct Document {
    shared: Arc<Shared>,
}

impl Document {
    fn new(input: Input, analysis: Analysis) -> Document {
        Document { shared: Arc::new(Shared { input, analysis }) }
    }
}

#[pymethods]
impl Document {
    /// The text that was tagged.
    #[getter]
    fn text(&self) -> &str {
        &self.shared.input.text
    }

    /// The document's identifier (the `id` given to `tag`).
    #[getter]
    fn id(&self) -> &str {
        &self.shared.input.id
    }

    /// The temporal expressions, in text order.
    #[getter]
    fn timexes(&self) -> Vec<Timex> {
        (0..self.shared.analysis.timexes.len()).map(|n| Timex { shared: self.shared.clone(), n }).collect()
    }

    /// The ranges, lists, recurrences and readings linking them.
    #[getter]
    fn groups(&self) -> Vec<Group> {
        (0..self.shared.analysis.groups.len()).map(|n| Group { shared: self.shared.clone(), n }).collect()
    }

    /// The object `dateline tag --format json` prints for this document
    /// (pretty) or `--format jsonl` (one line), ended by a newline.
    #[pyo3(signature = (pretty = true))]
    fn to_json(&self, pretty: bool) -> String {
        let (i, a) = (&self.shared.input, &self.shared.analysis);
        dateline::json::JsonDocument::new(&i.id, i.dct.as_ref().map(|d| d.date), i.dct.as_ref().and_then(|d| d.instant.as_ref()), a).render(pretty)
    }

    /// The text as a TimeML document with inline TIMEX3 tags
    /// (`dateline tag --format timeml`).
    fn to_timeml(&self) -> String {
        let (i, a) = (&self.shared.input, &self.shared.analysis);
        let dct = i.dct.as_ref().map(|d| d.to_string());
        dateline_eval::timeml::plain_document(&i.id, dct.as_deref(), &i.text, a)
    }

    /// The dates, times and recurrences as an iCalendar file (`dateline tag
    /// --format ics`); `include_past` keeps the events that end before the DCT.
    #[pyo3(signature = (include_past = false))]
    fn to_ics(&self, include_past: bool) -> String {
        let (i, a) = (&self.shared.input, &self.shared.analysis);
        let doc = dateline::ical::CalendarDoc { id: &i.id, text: &i.text, dct: i.dct.as_ref().map(|d| d.date), analysis: a };
        dateline::ical::calendar_with(&[doc], dateline::ical::Options { include_past })
    }

    fn __len__(&self) -> usize {
        self.shared.analysis.timexes.len()
    }

    fn __repr__(&self) -> String {
        format!("<dateline.Document {} timexes, {} groups>", self.shared.analysis.timexes.len(), self.shared.analysis.groups.len())
    }
}

/// One temporal expression (a TIMEX3), with its instant and zone where the
/// text gives them.
#[pyclass(frozen, module = "dateline")]
struct Timex {
    shared: Arc<Shared>,
    n: usize,
}

impl Timex {
    fn get(&self) -> &dateline::Timex {
        &self.shared.analysis.timexes[self.n]
    }
}

#[pymethods]
impl Timex {
    /// `t1`, `t2`, ... in text order.
    #[getter]
    fn tid(&self) -> &str {
        &self.get().tid
    }
    /// Index of the first character (a Python string index: code points).
    #[getter]
    fn start(&self) -> usize {
        self.get().start
    }
    /// Index one past the last character.
    #[getter]
    fn end(&self) -> usize {
        self.get().end
    }
    /// UTF-8 byte offset of the first byte.
    #[getter]
    fn byte_start(&self) -> usize {
        self.get().byte_start
    }
    /// UTF-8 byte offset one past the last byte.
    #[getter]
    fn byte_end(&self) -> usize {
        self.get().byte_end
    }
    /// The text of the expression.
    #[getter]
    fn text(&self) -> &str {
        &self.get().text
    }
    /// `DATE`, `TIME`, `DURATION` or `SET`.
    #[getter]
    fn r#type(&self) -> &'static str {
        self.get().typ.as_str()
    }
    /// The TIMEX3 value.
    #[getter]
    fn value(&self) -> &str {
        &self.get().value
    }
    /// The TIMEX3 mod (`START`, `APPROX`, ...), or None.
    #[getter]
    fn r#mod(&self) -> Option<&'static str> {
        self.get().modifier
    }
    /// The TIMEX3 quant of a set (`EVERY`), or None.
    #[getter]
    fn quant(&self) -> Option<&'static str> {
        self.get().quant
    }
    /// The TIMEX3 freq of a set (`2X`), or None.
    #[getter]
    fn freq(&self) -> Option<&str> {
        self.get().freq.as_deref()
    }
    /// The tid the value was computed from (`t0`: the DCT), or None.
    #[getter]
    fn anchor(&self) -> Option<&str> {
        self.get().anchor.as_deref()
    }
    /// The instant as an aware `datetime` in UTC, or None.
    #[getter]
    fn utc<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.get().instant().map(|ts| utc_datetime(py, ts)).transpose()
    }
    /// The IANA zone of the clock time, or None.
    #[getter]
    fn tzid(&self) -> Option<&str> {
        self.get().tzid.as_deref()
    }
    /// Where the zone came from (`written`, `place`, `document`, ...), or None.
    #[getter]
    fn zone_source(&self) -> Option<&'static str> {
        self.get().zone_source.map(|z| z.as_str())
    }
    /// The interval the expression covers, or None.
    #[getter]
    fn range(&self) -> Option<Range> {
        self.get().range.as_ref().map(|_| Range { shared: self.shared.clone(), n: self.n, reader: false })
    }
    /// The same interval in the tagger's `to_tz` zone, or None.
    #[getter]
    fn range_reader(&self) -> Option<Range> {
        self.get().range_reader.as_ref().map(|_| Range { shared: self.shared.clone(), n: self.n, reader: true })
    }
    /// The RFC 5545 recurrence rule of a set, or None.
    #[getter]
    fn rrule(&self) -> Option<&str> {
        self.get().rrule.as_deref()
    }
    /// The recurrence's first occurrence as a local date-time (ISO 8601), or None.
    #[getter]
    fn dtstart(&self) -> Option<&str> {
        self.get().dtstart.as_deref()
    }

    fn __repr__(&self) -> String {
        let t = self.get();
        format!("<dateline.Timex {} {}-{} {} {:?} {:?}>", t.tid, t.start, t.end, t.typ.as_str(), t.value, t.text)
    }
}

/// The interval a timex covers: `start` inclusive, `end` exclusive, as
/// `datetime` values (aware in their zone when the zone is known, naive
/// otherwise; None for a year Python cannot hold), and the `grain`.
#[pyclass(frozen, module = "dateline")]
struct Range {
    shared: Arc<Shared>,
    n: usize,
    reader: bool,
}

impl Range {
    fn get(&self) -> &dateline::TimeRange {
        let t = &self.shared.analysis.timexes[self.n];
        let r = if self.reader { &t.range_reader } else { &t.range };
        r.as_ref().expect("a Range is made only for a timex that has one")
    }
}

#[pymethods]
impl Range {
    /// The first instant.
    #[getter]
    fn start<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        at_datetime(py, self.get().bounds().0)
    }
    /// The first instant after the interval.
    #[getter]
    fn end<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        at_datetime(py, self.get().bounds().1)
    }
    /// The unit the expression is precise to: minute, hour, day, week, ...
    #[getter]
    fn grain(&self) -> &'static str {
        self.get().grain
    }

    fn __repr__(&self) -> String {
        let r = self.get();
        format!("<dateline.Range {} .. {} ({})>", r.start, r.end, r.grain)
    }
}

/// Expressions that belong together: a range, a list, a recurrence, two
/// readings of one instant.
#[pyclass(frozen, module = "dateline")]
struct Group {
    shared: Arc<Shared>,
    n: usize,
}

impl Group {
    fn get(&self) -> &dateline::Group {
        &self.shared.analysis.groups[self.n]
    }
}

#[pymethods]
impl Group {
    /// `range`, `list`, `recurrence`, `reading` or `equivalent`.
    #[getter]
    fn kind(&self) -> &'static str {
        self.get().kind.as_str()
    }
    /// The tids of the members.
    #[getter]
    fn tids(&self) -> Vec<String> {
        self.get().tids.clone()
    }
    /// The recurrence rule (RFC 5545, without `RRULE:`), or None.
    #[getter]
    fn rrule(&self) -> Option<&str> {
        self.get().rrule.as_deref()
    }
    /// The recurrence's IANA zone, or None.
    #[getter]
    fn tzid(&self) -> Option<&str> {
        self.get().tzid.as_deref()
    }
    /// The first occurrence as a local date-time (ISO 8601), or None.
    #[getter]
    fn dtstart(&self) -> Option<&str> {
        self.get().dtstart.as_deref()
    }
    /// The first occurrence in RFC 9557 form, or None.
    #[getter]
    fn first(&self) -> Option<&str> {
        self.get().first.as_deref()
    }
    /// A range's length, or a recurrence's duration, as a TIMEX3 value, or None.
    #[getter]
    fn duration(&self) -> Option<&str> {
        self.get().duration.as_deref()
    }

    fn __repr__(&self) -> String {
        let g = self.get();
        format!("<dateline.Group {} {}>", g.kind.as_str(), g.tids.join(" "))
    }
}

/// `datetime(...)` from a civil date-time's fields, with `tzinfo` (None:
/// naive). None when the year is outside Python's 1 to 9999.
fn civil_datetime<'py>(py: Python<'py>, dt: jiff::civil::DateTime, tzinfo: Option<Bound<'py, PyAny>>) -> PyResult<Option<Bound<'py, PyAny>>> {
    if !(1..=9999).contains(&dt.year()) {
        return Ok(None);
    }
    let args = (dt.year(), dt.month(), dt.day(), dt.hour(), dt.minute(), dt.second(), dt.subsec_nanosecond() / 1000, tzinfo);
    class(py, &DATETIME, "datetime", "datetime")?.call1(args).map(Some)
}

/// `timezone.utc`.
fn utc_zone(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    class(py, &TIMEZONE, "datetime", "timezone")?.getattr("utc")
}

/// An instant as an aware `datetime` in UTC.
fn utc_datetime(py: Python<'_>, ts: jiff::Timestamp) -> PyResult<Bound<'_, PyAny>> {
    let dt = ts.to_zoned(jiff::tz::TimeZone::UTC).datetime();
    civil_datetime(py, dt, Some(utc_zone(py)?))?.ok_or_else(|| PyValueError::new_err(format!("{ts}: outside Python's years")))
}

/// A range's instant as a `datetime`: in its IANA zone (a
/// `zoneinfo.ZoneInfo`), at its fixed offset, or naive.
fn at_datetime<'py>(py: Python<'py>, at: &At) -> PyResult<Option<Bound<'py, PyAny>>> {
    let z = match at {
        At::Civil(dt) => return civil_datetime(py, *dt, None),
        At::Zoned(z) => z,
    };
    let seconds = z.offset().seconds();
    let fixed = || -> PyResult<Bound<'py, PyAny>> {
        let delta = class(py, &TIMEDELTA, "datetime", "timedelta")?.call1((0, seconds))?;
        class(py, &TIMEZONE, "datetime", "timezone")?.call1((delta,))
    };
    // (the system's tz database may lack a zone jiff bundles: then its offset)
    let named = z.time_zone().iana_name().and_then(|name| class(py, &ZONEINFO, "zoneinfo", "ZoneInfo").ok()?.call1((name,)).ok());
    match named {
        Some(zone) => {
            let Some(utc) = civil_datetime(py, z.timestamp().to_zoned(jiff::tz::TimeZone::UTC).datetime(), Some(utc_zone(py)?))? else {
                return Ok(None);
            };
            utc.call_method1("astimezone", (zone,)).map(Some)
        }
        None => civil_datetime(py, z.datetime(), Some(fixed()?)),
    }
}

/// The extension module.
#[pymodule]
fn _dateline(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Tagger>()?;
    m.add_class::<Document>()?;
    m.add_class::<Timex>()?;
    m.add_class::<Range>()?;
    m.add_class::<Group>()?;
    m.add("DatelineError", m.py().get_type::<DatelineError>())?;
    m.add("DCT_FORMS", DCT_FORMS)?;
    Ok(())
}
