//! The TempEval-3 timex scorer, computed as the official evaluation does:
//! TreeTagger-style tokenisation of the TEXT content, B/I/O labels per token
//! for EVENT and TIMEX3 tags, the TimeML-Normalizer's left-to-right id
//! alignment, then strict and relaxed precision/recall/F1 and the value and
//! type attribute F1 (attribute accuracy over relaxed matches, times relaxed F1).
//!
//! It follows `shared/tools/te3score.py` step for step so that the figures
//! agree with it.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

static ABBREVIATIONS: LazyLock<std::collections::HashSet<&'static str>> = LazyLock::new(|| {
    "Jan. Feb. Mar. Apr. Jun. Jul. Aug. Sep. Sept. Oct. Nov. Dec.
Mon. Tue. Tues. Wed. Thu. Thur. Thurs. Fri. Sat. Sun.
Mr. Mrs. Ms. Messrs. Dr. Drs. Prof. Rev. Hon. Sen. Sens. Rep. Reps. Gov. Gen. Adm.
Capt. Col. Lt. Maj. Sgt. Brig. Cmdr. Jr. Sr. St. Ste. Ft. Mt.
Inc. INC. Corp. CORP. Co. CO. Cos. COS. Ltd. Bros. Bhd. Pty. Mfg. Dept. Bancorp. Cia. Cie. S.p.A. s.r.l.
Ala. Ariz. Ark. Calif. Ca. Colo. Conn. Del. Fla. Ga. Ill. Ind. Kan. Ky. La. Mass. Md. Mich.
Minn. Miss. Mo. Neb. Nev. Okla. Ont. Ore. Pa. Tenn. Tex. Va. Vt. Wash. Wis. Wyo. W.Va.
No. Nos. Ave. Etc. etc. vs. v. cap. ft. Ph. Prop. a.k.a. i.e. e.g. a.m. p.m. days.
U.S.-U.K. U.S.-U.S.S.R. Canada-U.S. Japan-U.S. Sino-U.S. anti-U.S. non-U.S."
        .split_whitespace()
        .collect()
});

const C1P: &[u32] = &[0x82, 0x84, 0x86, 0x87, 0x8B, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x9B];
const C1F: &[u32] = &[0x82, 0x84, 0x85, 0x86, 0x87, 0x89, 0x8B, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x9B];

fn is_pre(c: char) -> bool {
    "[{(\u{b4}`\"\u{bb}\u{ab}".contains(c) || C1P.contains(&(c as u32))
}

fn is_post(c: char) -> bool {
    "]}'`\"),;:!?%\u{bb}\u{ab}".contains(c) || C1F.contains(&(c as u32))
}

const LET: &str = "a-zA-Z\u{c0}-\u{ff}";
const UPPER: &str = "A-Z\u{c0}-\u{dd}";

struct Patterns {
    clitic: Regex,
    initials: Regex,
    punct_glue: Regex,
    comma: Regex,
    abbrev_split: Regex,
    one_hyphen: Regex,
    tag: Regex,
    entity: Regex,
    attr: Regex,
}

static RE: LazyLock<Patterns> = LazyLock::new(|| Patterns {
    clitic: Regex::new(r"(?s)^(.*.)('(?:s|re|ve|d|m|em|ll)|n't)$").expect("valid"),
    initials: Regex::new(r"^(?:[A-Za-z\x{c0}-\x{ff}]\.)+$").expect("valid"),
    punct_glue: Regex::new(r"([;!?/])([^ ])").expect("valid"),
    comma: Regex::new(r"(,)([^ 0-9.])").expect("valid"),
    abbrev_split: Regex::new(&format!(r"([{LET}][{LET}][.:])([{UPPER}])")).expect("valid"),
    one_hyphen: Regex::new(r"^[^-]+-[^-]+$").expect("valid"),
    tag: Regex::new(r"^<(/?)([A-Za-z][A-Za-z0-9_]*)((?:\s[^>]*)?)>").expect("valid"),
    entity: Regex::new(r"^&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);").expect("valid"),
    attr: Regex::new(r#"([A-Za-z_][\w:.-]*)\s*=\s*"([^"]*)""#).expect("valid"),
});

fn chars_len(s: &str) -> usize {
    s.chars().count()
}

fn split_word(w: &str) -> Vec<String> {
    let mut w: String = w.to_string();
    let mut head: Vec<String> = Vec::new();
    let mut tail: Vec<String> = Vec::new();
    while !ABBREVIATIONS.contains(w.as_str()) {
        let cs: Vec<char> = w.chars().collect();
        let n = cs.len();
        if n >= 2 && is_pre(cs[0]) {
            head.push(cs[0].to_string());
            w = cs[1..].iter().collect();
        } else if n >= 2 && is_post(cs[n - 1]) {
            tail.insert(0, cs[n - 1].to_string());
            w = cs[..n - 1].iter().collect();
        } else if n >= 2 && cs[n - 1] == '.' && is_post(cs[n - 2]) {
            let p = cs[n - 2];
            w = cs[..n - 2].iter().collect();
            tail.insert(0, ".".into());
            if w.is_empty() {
                w = p.to_string();
            } else {
                tail.insert(0, p.to_string());
            }
        } else {
            break;
        }
    }
    let done = |head: Vec<String>, w: String, tail: Vec<String>| {
        let mut v = head;
        v.push(w);
        v.extend(tail);
        v
    };
    if ABBREVIATIONS.contains(w.as_str()) || RE.initials.is_match(&w) {
        return done(head, w, tail);
    }
    if chars_len(&w) >= 2 && w.ends_with('.') && w != "..." {
        w.pop();
        tail.insert(0, ".".into());
        if ABBREVIATIONS.contains(w.as_str()) {
            return done(head, w, tail);
        }
    }
    while let Some(c) = RE.clitic.captures(&w) {
        let m2 = c.get(2).expect("group 2");
        let (start, text) = (m2.start(), m2.as_str().to_string());
        tail.insert(0, text);
        w.truncate(start);
    }
    done(head, w, tail)
}

fn line_tokens(line: &str) -> Vec<String> {
    let s = format!(" {line} ");
    let s = s.replace("...", " ... ");
    let s = RE.punct_glue.replace_all(&s, "$1 $2").into_owned();
    let s = RE.comma.replace_all(&s, "$1 $2").into_owned();
    let s = RE.abbrev_split.replace_all(&s, "$1 $2").into_owned();
    let mut out = Vec::new();
    for w in s.split_whitespace() {
        for t in split_word(w) {
            if t.is_empty() {
                continue;
            }
            if RE.one_hyphen.is_match(&t) {
                let (a, b) = t.split_once('-').expect("one hyphen");
                out.push(a.to_string());
                out.push("-".to_string());
                out.push(b.to_string());
            } else {
                out.push(t);
            }
        }
    }
    out
}

/// Token spans (in characters) of `text`, as the TE3 tokeniser cuts it.
pub fn tokenize(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut base = 0;
    for line in text.split('\n') {
        let cleaned = line.replace('\r', "");
        let lchars: Vec<char> = line.chars().collect();
        let mut cur = 0;
        for t in line_tokens(&cleaned) {
            let tc: Vec<char> = t.chars().collect();
            if let Some(i) = find_chars(&lchars, &tc, cur) {
                spans.push((base + i, base + i + tc.len()));
                cur = i + tc.len();
            }
        }
        base += lchars.len() + 1;
    }
    spans
}

fn find_chars(hay: &[char], needle: &[char], from: usize) -> Option<usize> {
    if needle.is_empty() {
        return Some(from.min(hay.len()));
    }
    if needle.len() > hay.len() {
        return None;
    }
    (from..=hay.len() - needle.len()).find(|&i| hay[i..i + needle.len()] == *needle)
}

/// An EVENT or TIMEX3 element inside TEXT, in character offsets of the plain text.
#[derive(Debug, Clone)]
pub struct Element {
    /// "TIMEX3" or "EVENT".
    pub kind: String,
    /// Its attributes.
    pub attrs: HashMap<String, String>,
    /// Start offset (characters).
    pub start: usize,
    /// End offset (characters).
    pub end: usize,
    /// The raw text between the tags.
    pub rawtext: String,
    /// Whether other tags nest inside it (such elements are not scored).
    pub nested: bool,
    order: usize,
}

fn unescape(e: &str) -> String {
    let name = &e[1..e.len() - 1];
    match name {
        "amp" => "&".into(),
        "lt" => "<".into(),
        "gt" => ">".into(),
        "quot" => "\"".into(),
        "apos" => "'".into(),
        _ => {
            let n = if let Some(h) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                u32::from_str_radix(h, 16).ok()
            } else if let Some(d) = name.strip_prefix('#') {
                d.parse().ok()
            } else {
                None
            };
            match n.and_then(char::from_u32) {
                Some(c) => c.to_string(),
                None => e.to_string(),
            }
        }
    }
}

/// Reads a TimeML file's TEXT: (plain text, elements). `None` without `<TEXT>`.
pub fn read_timeml(raw: &str) -> Option<(String, Vec<Element>)> {
    let a = raw.find("<TEXT>")?;
    let b = raw.find("</TEXT>")?;
    if b < a + 6 {
        return None;
    }
    let body = &raw[a + 6..b];
    let mut plain = String::new();
    let mut n = 0usize;
    let mut elems: Vec<Element> = Vec::new();
    let mut stack: Vec<(usize, usize)> = Vec::new(); // (element index, raw position after open tag)
    let mut i = 0;
    while i < body.len() {
        let rest = &body[i..];
        let c = rest.chars().next().expect("non-empty");
        if c == '<' {
            if let Some(m) = RE.tag.captures(rest) {
                let whole = m.get(0).expect("match").end();
                let closing = !m[1].is_empty();
                let name = m[2].to_string();
                let attrs_s = m.get(3).map_or("", |x| x.as_str());
                let selfclose = attrs_s.trim_end().ends_with('/');
                if name == "TIMEX3" || name == "EVENT" {
                    if !closing {
                        for (e, _) in &stack {
                            elems[*e].nested = true;
                        }
                        let attrs = RE.attr.captures_iter(attrs_s).map(|c| (c[1].to_string(), c[2].to_string())).collect();
                        let order = elems.len();
                        elems.push(Element { kind: name, attrs, start: n, end: usize::MAX, rawtext: String::new(), nested: false, order });
                        if selfclose {
                            elems[order].end = n;
                        } else {
                            stack.push((order, i + whole));
                        }
                    } else if let Some(k) = stack.iter().rposition(|(e, _)| elems[*e].kind == name) {
                        let (e, rp) = stack.remove(k);
                        elems[e].end = n;
                        elems[e].rawtext = body[rp..i].to_string();
                    }
                } else {
                    for (e, _) in &stack {
                        elems[*e].nested = true;
                    }
                }
                i += whole;
                continue;
            }
        }
        if c == '&' {
            if let Some(m) = RE.entity.find(rest) {
                let u = unescape(m.as_str());
                n += chars_len(&u);
                plain.push_str(&u);
                i += m.end();
                continue;
            }
        }
        plain.push(c);
        n += 1;
        i += c.len_utf8();
    }
    for (e, _) in stack {
        elems[e].end = elems[e].start;
        elems[e].nested = true;
    }
    for el in &mut elems {
        el.rawtext = el.rawtext.replace("&quot;", "\"");
        if el.rawtext.contains('<') {
            el.nested = true;
        }
    }
    Some((plain, elems))
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Bio {
    O,
    B,
    I,
}

#[derive(Clone, Debug)]
struct Label {
    bio: Bio,
    kind: Option<usize>, // 0 = TIMEX3, 1 = EVENT
    el: Option<usize>,
}

fn kind_id(k: &str) -> usize {
    usize::from(k != "TIMEX3")
}

/// Nested tags of different kinds in a system file.
#[derive(Debug)]
struct NestedError(String);

fn token_labels(tokens: &[(usize, usize)], elems: &[Element]) -> Result<Vec<Label>, NestedError> {
    // (position, doc-order key, is_close, element)
    let mut ev: Vec<(usize, (u8, usize), bool, usize)> = Vec::new();
    for (idx, el) in elems.iter().enumerate() {
        let key_open = (1u8, 2 * el.order);
        let key_close = if el.start != el.end { (0u8, 2 * el.order + 1) } else { (1u8, 2 * el.order + 1) };
        ev.push((el.start, key_open, false, idx));
        ev.push((el.end, key_close, true, idx));
    }
    ev.sort_by_key(|a| (a.0, a.1));
    let mut labels = Vec::with_capacity(tokens.len());
    let mut k = 0;
    let (mut bio, mut in_kind, mut in_el): (Bio, Option<usize>, Option<usize>) = (Bio::O, None, None);
    for (ti, &(ts, te)) in tokens.iter().enumerate() {
        let mut found_open = false;
        let mut delayed = false;
        while k < ev.len() && ev[k].0 < te {
            let (pos, _, is_close, e) = ev[k];
            k += 1;
            let after_first_char = pos > ts;
            let ek = kind_id(&elems[e].kind);
            if !is_close {
                found_open = true;
                if in_kind.is_some_and(|ik| ik != ek) {
                    return Err(NestedError(format!("nested tags at token {ti}")));
                }
                in_kind = Some(ek);
                in_el = Some(e);
                bio = Bio::B;
            } else if in_kind == Some(ek) {
                if found_open && after_first_char {
                    delayed = true;
                } else {
                    bio = Bio::O;
                    in_kind = None;
                    in_el = None;
                }
            }
        }
        labels.push(Label { bio, kind: if bio != Bio::O { in_kind } else { None }, el: if bio == Bio::B { in_el } else { None } });
        if bio == Bio::B {
            bio = Bio::I;
        }
        if delayed {
            bio = Bio::O;
            in_kind = None;
            in_el = None;
        }
    }
    Ok(labels)
}

fn align_ids(gold: &[Label], sys: &[Label]) -> [HashMap<usize, usize>; 2] {
    let mut maps = [HashMap::new(), HashMap::new()];
    let mut open_t = [0usize; 2];
    let mut last_local = [0usize; 2];
    let mut last_tid = 1usize;
    let labs = [gold, sys];
    #[allow(clippy::needless_range_loop)] // both label lists are walked in lockstep
    for i in 0..gold.len() {
        for a in 0..2 {
            let l = &labs[a][i];
            if l.bio == Bio::O || (l.bio == Bio::B && l.kind == Some(0)) {
                open_t[a] = 0;
            }
        }
        for a in 0..2 {
            let l = &labs[a][i];
            if l.bio == Bio::B && l.kind == Some(0) {
                let other = 1 - a;
                open_t[a] = last_tid;
                if open_t[other] != 0 && last_local[a] < open_t[other] {
                    open_t[a] = open_t[other];
                }
                last_local[a] = open_t[a];
                if open_t[a] == last_tid {
                    last_tid += 1;
                }
                if let Some(e) = l.el {
                    maps[a].insert(e, open_t[a]);
                }
            }
        }
    }
    maps
}

/// Match counts, summed over documents.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq, Eq)]
pub struct Counts {
    /// Gold timexes.
    pub gold: usize,
    /// System timexes.
    pub system: usize,
    /// System timexes strictly matched.
    pub strict_p: usize,
    /// System timexes relaxed-matched.
    pub relaxed_p: usize,
    /// Gold timexes strictly matched.
    pub strict_r: usize,
    /// Gold timexes relaxed-matched.
    pub relaxed_r: usize,
    /// Relaxed matches with the same type.
    #[serde(rename = "type")]
    pub typ: usize,
    /// Relaxed matches with the same value.
    pub value: usize,
}

impl Counts {
    /// Adds another document's counts.
    pub fn add(&mut self, o: &Counts) {
        self.gold += o.gold;
        self.system += o.system;
        self.strict_p += o.strict_p;
        self.relaxed_p += o.relaxed_p;
        self.strict_r += o.strict_r;
        self.relaxed_r += o.relaxed_r;
        self.typ += o.typ;
        self.value += o.value;
    }

    /// The figures on a 0-100 scale.
    pub fn metrics(&self) -> Metrics {
        let div = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let f1 = |p: f64, r: f64| if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
        let (sp, sr) = (div(self.strict_p, self.system), div(self.strict_r, self.gold));
        let (rp, rr) = (div(self.relaxed_p, self.system), div(self.relaxed_r, self.gold));
        let (mut sf, mut rf) = (f1(sp, sr), f1(rp, rr));
        let (va, ta, vf, tf);
        if self.gold == 0 && self.system == 0 {
            sf = 1.0;
            rf = 1.0;
            (va, ta, vf, tf) = (1.0, 1.0, 1.0, 1.0);
        } else {
            va = div(self.value, self.relaxed_r);
            ta = div(self.typ, self.relaxed_r);
            vf = va * rf;
            tf = ta * rf;
        }
        Metrics {
            strict: Prf { p: 100.0 * sp, r: 100.0 * sr, f1: 100.0 * sf },
            relaxed: Prf { p: 100.0 * rp, r: 100.0 * rr, f1: 100.0 * rf },
            value_f1: 100.0 * vf,
            type_f1: 100.0 * tf,
            value_accuracy: 100.0 * va,
            type_accuracy: 100.0 * ta,
            counts: *self,
        }
    }
}

/// Precision, recall and F1.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Prf {
    /// Precision.
    pub p: f64,
    /// Recall.
    pub r: f64,
    /// F1.
    pub f1: f64,
}

/// The TE3 figures, shaped like te3score.py's `--json`.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Metrics {
    /// Strict (exact extent) matching.
    pub strict: Prf,
    /// Relaxed (overlapping) matching.
    pub relaxed: Prf,
    /// Value attribute F1.
    pub value_f1: f64,
    /// Type attribute F1.
    pub type_f1: f64,
    /// Share of relaxed matches with the right value.
    pub value_accuracy: f64,
    /// Share of relaxed matches with the right type.
    pub type_accuracy: f64,
    /// The raw counts.
    pub counts: Counts,
}

/// How one gold and system timex pair up after alignment.
#[derive(Debug, Clone)]
pub struct Pairing {
    /// Gold elements and their aligned system partner, if any.
    pub matched: Vec<(Element, Option<Element>)>,
    /// System elements that matched no gold element.
    pub spurious: Vec<Element>,
}

/// Scores one document: gold TimeML against system TimeML.
/// Returns the counts, the pairing (for error analysis) and an error note
/// when the system file could not be used.
pub fn score_doc(gold_raw: &str, sys_raw: Option<&str>) -> (Counts, Pairing, Option<String>) {
    let (gtext, gelems) = read_timeml(gold_raw).unwrap_or_default();
    let mut err = None;
    let mut selems = Vec::new();
    match sys_raw {
        None => err = Some("missing system file".to_string()),
        Some(s) => match read_timeml(s) {
            None => err = Some("unreadable system file: no <TEXT> element".to_string()),
            Some((stext, se)) => {
                if stext != gtext {
                    err = Some("system text differs from gold text".to_string());
                } else {
                    selems = se;
                }
            }
        },
    }
    let toks = tokenize(&gtext);
    let gl = token_labels(&toks, &gelems).unwrap_or_else(|_| token_labels(&toks, &[]).expect("empty is fine"));
    let sl = match token_labels(&toks, &selems) {
        Ok(l) => l,
        Err(NestedError(e)) => {
            err = Some(format!("system: {e}"));
            selems.clear();
            token_labels(&toks, &[]).expect("empty is fine")
        }
    };
    let [gmap, smap] = align_ids(&gl, &sl);
    let g: HashMap<usize, &Element> =
        gmap.iter().filter(|(e, _)| gelems[**e].kind == "TIMEX3" && !gelems[**e].nested).map(|(e, id)| (*id, &gelems[*e])).collect();
    let s: HashMap<usize, &Element> =
        smap.iter().filter(|(e, _)| selems[**e].kind == "TIMEX3" && !selems[**e].nested).map(|(e, id)| (*id, &selems[*e])).collect();
    let mut c = Counts { gold: g.len(), system: s.len(), ..Counts::default() };
    let attr = |e: &Element, k: &str| e.attrs.get(k).cloned().unwrap_or_default();
    let mut pairing = Pairing { matched: Vec::new(), spurious: Vec::new() };
    let mut gids: Vec<_> = g.keys().copied().collect();
    gids.sort_unstable();
    for id in &gids {
        let ge = g[id];
        let se = s.get(id).filter(|se| !se.rawtext.trim().is_empty());
        pairing.matched.push((ge.clone(), se.map(|e| (*e).clone())));
        if ge.rawtext.trim().is_empty() {
            continue;
        }
        if let Some(se) = se {
            c.relaxed_r += 1;
            c.strict_r += usize::from(ge.rawtext == se.rawtext);
            c.typ += usize::from(attr(ge, "type") == attr(se, "type"));
            c.value += usize::from(attr(ge, "value") == attr(se, "value"));
        }
    }
    let mut sids: Vec<_> = s.keys().copied().collect();
    sids.sort_unstable();
    for id in sids {
        let se = s[&id];
        if se.rawtext.trim().is_empty() {
            continue;
        }
        match g.get(&id) {
            Some(ge) if !ge.rawtext.trim().is_empty() => {
                c.relaxed_p += 1;
                c.strict_p += usize::from(ge.rawtext == se.rawtext);
            }
            _ => pairing.spurious.push(se.clone()),
        }
    }
    (c, pairing, err)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokenizer_splits_like_treetagger() {
        let text = "He said Friday's deal (Aug. 7) was \"final,\" U.S. officials said.";
        let toks: Vec<String> = tokenize(text).iter().map(|&(a, b)| text.chars().skip(a).take(b - a).collect()).collect();
        assert_eq!(
            toks,
            ["He", "said", "Friday", "'s", "deal", "(", "Aug.", "7", ")", "was", "\"", "final", ",", "\"", "U.S.", "officials", "said", "."]
        );
        let t2 = "third-quarter 10/30/89";
        let toks: Vec<String> = tokenize(t2).iter().map(|&(a, b)| t2.chars().skip(a).take(b - a).collect()).collect();
        assert_eq!(toks, ["third", "-", "quarter", "10/", "30/", "89"]);
    }

    fn doc(body: &str) -> String {
        format!("<TimeML><TEXT>{body}</TEXT></TimeML>")
    }

    #[test]
    fn strict_relaxed_and_values() {
        let gold = doc("Sales rose <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1998-Q3\">the third quarter</TIMEX3> and <TIMEX3 tid=\"t2\" type=\"DATE\" value=\"1998\">last year</TIMEX3> <EVENT eid=\"e1\">fell</EVENT>.");
        let sys = doc("Sales rose the <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1998-Q3\">third quarter</TIMEX3> and <TIMEX3 tid=\"t2\" type=\"DATE\" value=\"1997\">last year</TIMEX3> fell.");
        let (c, p, err) = score_doc(&gold, Some(&sys));
        assert!(err.is_none());
        assert_eq!((c.gold, c.system, c.relaxed_r, c.strict_r, c.value, c.typ), (2, 2, 2, 1, 1, 2));
        assert!(p.spurious.is_empty());
        let m = c.metrics();
        assert!((m.relaxed.f1 - 100.0).abs() < 1e-9);
        assert!((m.strict.f1 - 50.0).abs() < 1e-9);
        assert!((m.value_f1 - 50.0).abs() < 1e-9);
    }

    #[test]
    fn different_text_scores_nothing() {
        let gold = doc("<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1998\">1998</TIMEX3>");
        let (c, _, err) = score_doc(&gold, Some(&doc("1999")));
        assert_eq!(err.as_deref(), Some("system text differs from gold text"));
        assert_eq!((c.gold, c.system, c.relaxed_r), (1, 0, 0));
    }
}
