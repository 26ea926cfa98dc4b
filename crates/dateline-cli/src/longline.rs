//! JSON Lines documents too long to hold: a line longer than a piece goes
//! to a temporary file as it is read, its `"text"` is decoded from there
//! into another temporary file, and that is tagged in pieces like a long
//! plain text (see [`crate::long`]). The other fields (`id`, `dct`, `tz`)
//! are read as a short line would be.

use std::io::{self, BufRead, Seek, Write};

use crate::input::{self, InputError};

/// One line of a JSON Lines input.
pub enum Line {
    /// The input has ended.
    End,
    /// The line (with its line break) is in the buffer.
    Short,
    /// The line is longer than the cap, and in this file (from its start).
    Long(std::fs::File),
}

/// Reads one line into `buf` (cleared first), or, once it is longer than
/// `cap` bytes, into an anonymous temporary file; returns which, and the
/// bytes read.
pub fn read_line(r: &mut dyn BufRead, buf: &mut Vec<u8>, cap: usize) -> io::Result<(Line, usize)> {
    buf.clear();
    let mut file: Option<std::fs::File> = None;
    let mut total = 0;
    loop {
        // up to the line break, or to the cap
        let room = (cap + 1).saturating_sub(buf.len()).max(1) as u64;
        let n = io::Read::take(&mut *r, room).read_until(b'\n', buf)?;
        total += n;
        let done = n == 0 || buf.last() == Some(&b'\n');
        if buf.len() > cap {
            let f = match &mut file {
                Some(f) => f,
                None => file.insert(tempfile::tempfile()?),
            };
            f.write_all(buf)?;
            buf.clear();
        }
        if done {
            break;
        }
    }
    match file {
        Some(mut f) => {
            f.write_all(buf)?;
            buf.clear();
            f.rewind()?;
            Ok((Line::Long(f), total))
        }
        None if total == 0 => Ok((Line::End, 0)),
        None => Ok((Line::Short, total)),
    }
}

/// The most bytes kept of a field other than `"text"` of a long line.
const FIELD_MAX: usize = 1 << 20;

/// A long line read: the document's fields as a short line holding them
/// (with an empty text), and its text, decoded, in a temporary file.
pub struct Fields {
    /// `{"id":…,"dct":…,"tz":…,"text":""}` with the line's own values.
    pub short: String,
    /// The text.
    pub text: std::fs::File,
}

/// Reads the JSON object of a long line (line `n`) from `r`.
pub fn read_fields(r: &mut dyn BufRead, n: usize) -> Result<Fields, InputError> {
    let bad = |what: &str| InputError { place: format!("line {n}"), message: format!("malformed JSON: {what}") };
    let io_bad = |e: io::Error| InputError { place: format!("line {n}"), message: e.to_string() };
    let mut text: Option<std::fs::File> = None;
    let mut kept: Vec<(String, Vec<u8>)> = Vec::new();
    if n == 1 && r.fill_buf().map_err(io_bad)?.starts_with(input::BOM) {
        r.consume(input::BOM.len());
    }
    skip_ws(r).map_err(io_bad)?;
    if next(r).map_err(io_bad)? != Some(b'{') {
        return Err(bad("expected `{`"));
    }
    loop {
        skip_ws(r).map_err(io_bad)?;
        match next(r).map_err(io_bad)? {
            Some(b'}') if kept.is_empty() && text.is_none() => break,
            Some(b'"') => {}
            _ => return Err(bad("expected a key")),
        }
        let mut key = Vec::new();
        string(r, &mut key, FIELD_MAX).map_err(|e| bad(&e))?;
        skip_ws(r).map_err(io_bad)?;
        if next(r).map_err(io_bad)? != Some(b':') {
            return Err(bad("expected `:`"));
        }
        skip_ws(r).map_err(io_bad)?;
        if key == b"text" {
            if next(r).map_err(io_bad)? != Some(b'"') {
                return Err(InputError { place: format!("line {n}"), message: "no string field \"text\"".into() });
            }
            let mut f = tempfile::tempfile().map_err(io_bad)?;
            {
                let mut w = io::BufWriter::new(&mut f);
                string(r, &mut w, usize::MAX).map_err(|e| bad(&e))?;
                w.flush().map_err(io_bad)?;
            }
            f.rewind().map_err(io_bad)?;
            text = Some(f);
        } else {
            let mut raw = Vec::new();
            value(r, &mut raw).map_err(|e| bad(&e))?;
            if matches!(&key[..], b"id" | b"dct" | b"tz") {
                kept.push((String::from_utf8_lossy(&key).into_owned(), raw));
            }
        }
        skip_ws(r).map_err(io_bad)?;
        match next(r).map_err(io_bad)? {
            Some(b',') => {}
            Some(b'}') => break,
            _ => return Err(bad("expected `,` or `}`")),
        }
    }
    let text = text.ok_or_else(|| InputError { place: format!("line {n}"), message: "no string field \"text\"".into() })?;
    let mut short = String::from("{");
    for (k, v) in &kept {
        short.push_str(&format!("\"{k}\":{},", String::from_utf8_lossy(v)));
    }
    short.push_str("\"text\":\"\"}");
    Ok(Fields { short, text })
}

/// The next byte, consumed.
fn next(r: &mut dyn BufRead) -> io::Result<Option<u8>> {
    let b = r.fill_buf()?.first().copied();
    if b.is_some() {
        r.consume(1);
    }
    Ok(b)
}

/// Skips JSON white space.
fn skip_ws(r: &mut dyn BufRead) -> io::Result<()> {
    loop {
        let avail = r.fill_buf()?;
        let k = avail.iter().position(|b| !matches!(b, b' ' | b'\t' | b'\r' | b'\n')).unwrap_or(avail.len());
        let all = k == avail.len() && k > 0;
        r.consume(k);
        if !all {
            return Ok(());
        }
    }
}

/// Decodes a JSON string (its opening quote read) into `out`, at most `max` bytes.
fn string(r: &mut dyn BufRead, out: &mut dyn Write, max: usize) -> Result<(), String> {
    let mut written = 0usize;
    loop {
        let avail = r.fill_buf().map_err(|e| e.to_string())?;
        if avail.is_empty() {
            return Err("the string is not closed".into());
        }
        let found = avail.iter().position(|&b| b == b'"' || b == b'\\' || b < 0x20);
        let k = found.unwrap_or(avail.len());
        written += k;
        if written > max {
            return Err(format!("a key or value over {max} bytes"));
        }
        out.write_all(&avail[..k]).map_err(|e| e.to_string())?;
        r.consume(k);
        if found.is_none() {
            continue;
        }
        match next(r).map_err(|e| e.to_string())? {
            None => return Err("the string is not closed".into()),
            Some(b'"') => return Ok(()),
            Some(b'\\') => {
                let c = match next(r).map_err(|e| e.to_string())? {
                    Some(b'"') => '"',
                    Some(b'\\') => '\\',
                    Some(b'/') => '/',
                    Some(b'b') => '\u{8}',
                    Some(b'f') => '\u{c}',
                    Some(b'n') => '\n',
                    Some(b'r') => '\r',
                    Some(b't') => '\t',
                    Some(b'u') => {
                        let hi = hex4(r)?;
                        if (0xd800..0xdc00).contains(&hi) {
                            if next(r).map_err(|e| e.to_string())? != Some(b'\\') || next(r).map_err(|e| e.to_string())? != Some(b'u') {
                                return Err("lone leading surrogate in hex escape".into());
                            }
                            let lo = hex4(r)?;
                            if !(0xdc00..0xe000).contains(&lo) {
                                return Err("lone leading surrogate in hex escape".into());
                            }
                            char::from_u32(0x10000 + ((hi - 0xd800) << 10) + (lo - 0xdc00)).ok_or("invalid escape")?
                        } else {
                            char::from_u32(hi).ok_or("lone trailing surrogate in hex escape")?
                        }
                    }
                    _ => return Err("invalid escape".into()),
                };
                let mut b = [0u8; 4];
                out.write_all(c.encode_utf8(&mut b).as_bytes()).map_err(|e| e.to_string())?;
                written += c.len_utf8();
            }
            Some(_) => return Err("control character (\\u0000-\\u001F) found while parsing a string".into()),
        }
    }
}

/// Four hex digits of a `\u` escape.
fn hex4(r: &mut dyn BufRead) -> Result<u32, String> {
    let mut v = 0;
    for _ in 0..4 {
        let d = next(r).map_err(|e| e.to_string())?.and_then(|b| (b as char).to_digit(16)).ok_or("invalid escape")?;
        v = v * 16 + d;
    }
    Ok(v)
}

/// Copies one JSON value as written into `raw` (at most [`FIELD_MAX`]
/// bytes are kept, which a longer value makes malformed).
fn value(r: &mut dyn BufRead, raw: &mut Vec<u8>) -> Result<(), String> {
    let peek = |r: &mut dyn BufRead| r.fill_buf().map(|b| b.first().copied()).map_err(|e| e.to_string());
    let first = peek(r)?.ok_or("the line ends before a value")?;
    let scalar = !matches!(first, b'"' | b'{' | b'[');
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    loop {
        let Some(b) = peek(r)? else {
            return if scalar { Ok(()) } else { Err("the line ends inside a value".into()) };
        };
        if scalar && matches!(b, b',' | b'}' | b']' | b' ' | b'\t' | b'\r' | b'\n') {
            return Ok(());
        }
        r.consume(1);
        if raw.len() < FIELD_MAX {
            raw.push(b);
        }
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
                if depth == 0 {
                    return Ok(());
                }
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                depth = depth.checked_sub(1).ok_or("unbalanced brackets")?;
                if depth == 0 {
                    return Ok(());
                }
            }
            _ => {}
        }
    }
}

/// The document of a long line: its fields checked as a short line's are.
pub fn doc(fields: &Fields, n: usize, dct: Option<input::Dct>) -> Result<input::Doc, InputError> {
    input::json_doc(&fields.short, n, dct)
}

/// Reads `r` to its end; for tests.
#[cfg(test)]
fn all(mut r: impl io::Read) -> String {
    let mut s = String::new();
    r.read_to_string(&mut s).expect("read");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_line_goes_to_a_file_and_its_fields_are_read() {
        let line = "{\"dct\": \"2020-05-01\", \"meta\": {\"a\": [1, \"}\"]}, \"text\": \"On May 3\\n\\u00e9\\ud83d\\ude00 \\\"x\\\"\", \"id\": 7}\n{\"text\":\"b\"}\n";
        let mut r = io::BufReader::new(line.as_bytes());
        let mut buf = Vec::new();
        let Ok((Line::Long(f), n)) = read_line(&mut r, &mut buf, 10) else { panic!("a long line") };
        assert_eq!(n, line.find('\n').expect("break") + 1);
        // (a small buffer, so that every string runs across refills)
        let fields = read_fields(&mut io::BufReader::with_capacity(3, f), 1).expect("fields");
        assert_eq!(fields.short, "{\"dct\":\"2020-05-01\",\"id\":7,\"text\":\"\"}");
        assert_eq!(all(fields.text), "On May 3\n\u{e9}\u{1f600} \"x\"");
        assert!(matches!(read_line(&mut r, &mut buf, 100), Ok((Line::Short, 13))));
        assert!(matches!(read_line(&mut r, &mut buf, 100), Ok((Line::End, 0))));
        for bad in ["{\"text\": \"open", "{\"text\": 5}", "[1]", "{\"id\": 1, \"text\": \"a\\q\"}"] {
            assert!(read_fields(&mut io::BufReader::new(bad.as_bytes()), 3).is_err(), "{bad}");
        }
    }
}
