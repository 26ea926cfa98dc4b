//! Criterion benchmarks of the pipeline's hot paths on real news text: the
//! TE3 silver corpus of the corpora directory (`$DATELINE_SHARED/corpora/te3-silver`),
//! or the project's example article when the corpus is not there; and the
//! whole pipeline on articles with clock times (`corpora/zoned-dev/plain`,
//! or the repository's own articles), where the document stage looks up
//! every capitalised word as the start of a place name.
//!
//! `cargo bench -p dateline` runs them; each reports throughput in bytes of text.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use dateline::lang::ENGLISH;
use dateline::lexicon::Lexicon;
use dateline::{grammar, lex, Document, Tagger};

/// Where the external corpora are (`$DATELINE_SHARED`).
#[path = "../../dateline-cli/tests/support/mod.rs"]
mod support;

/// Up to ~1 MB of plain news text, with the DCT of each document.
fn corpus() -> Vec<(String, jiff::civil::Date)> {
    let mut docs = Vec::new();
    let mut size = 0;
    let dir = support::shared("the te3-silver corpus (benchmarking the example article instead)", &["corpora/te3-silver"]);
    if let Some(rd) = dir.and_then(|d| std::fs::read_dir(d.join("corpora/te3-silver")).ok()) {
        let mut files: Vec<_> = rd.filter_map(|e| e.ok()).map(|e| e.path()).collect();
        files.sort();
        for f in files {
            let Ok(raw) = std::fs::read_to_string(&f) else { continue };
            let (Some(a), Some(b)) = (raw.find("<TEXT>"), raw.find("</TEXT>")) else { continue };
            let mut text = String::new();
            let mut in_tag = false;
            for c in raw[a + 6..b].chars() {
                match c {
                    '<' => in_tag = true,
                    '>' => in_tag = false,
                    c if !in_tag => text.push(c),
                    _ => {}
                }
            }
            let dct = raw.find("value=\"").and_then(|v| raw.get(v + 7..v + 17)).and_then(|s| s.parse().ok()).unwrap_or(jiff::civil::date(1997, 1, 1));
            size += text.len();
            docs.push((text, dct));
            if size > 1_000_000 {
                break;
            }
        }
    }
    if docs.is_empty() {
        let ex = include_str!("../../../examples/harbour-festival.txt");
        docs.push((ex.repeat(200), jiff::civil::date(2023, 3, 14)));
    }
    docs
}

/// Plain articles with clock times, whose zones the document stage infers
/// from the places they name (`$DATELINE_SHARED/corpora/zoned-dev/plain`,
/// else the repository's own articles), each with its DCT, and repeated to
/// about 1 MB.
fn clock_articles() -> Vec<(String, jiff::civil::Date)> {
    let mut docs = Vec::new();
    let shared = support::shared("the zoned-dev articles (benchmarking the repository's articles instead)", &["corpora/zoned-dev/plain"]);
    let dirs = [shared.map(|d| d.join("corpora/zoned-dev/plain")), Some(support::workspace().join("crates/dateline-cli/tests/articles/plain"))];
    for dir in dirs.into_iter().flatten() {
        let Ok(rd) = std::fs::read_dir(&dir) else { continue };
        let mut files: Vec<_> = rd.filter_map(|e| e.ok()).map(|e| e.path()).collect();
        files.sort();
        for f in files {
            let Ok(raw) = std::fs::read_to_string(&f) else { continue };
            // (a seed file: "date YYYY-MM-DD" on its first line)
            let (dct, text) = match raw.strip_prefix("date ").and_then(|r| r.split_once('\n')) {
                Some((d, rest)) => (d.trim().parse().ok(), rest.to_string()),
                None => (None, raw),
            };
            docs.push((text, dct.unwrap_or(jiff::civil::date(2023, 3, 14))));
        }
        if !docs.is_empty() {
            break;
        }
    }
    let size: usize = docs.iter().map(|d| d.0.len()).sum::<usize>().max(1);
    let copies = (1_000_000 / size).max(1);
    docs.iter().cycle().take(docs.len() * copies).cloned().collect()
}

fn benches(c: &mut Criterion) {
    let docs = corpus();
    let bytes: usize = docs.iter().map(|d| d.0.len()).sum();
    let lexicon = Lexicon::parse(ENGLISH.lexicon).expect("lexicon");
    let tagger = Tagger::new();
    let mut g = c.benchmark_group("pipeline");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(20);
    g.bench_function("lex", |b| b.iter(|| docs.iter().map(|(t, _)| lex::tokenize(t, &lexicon).len()).sum::<usize>()));
    // composition alone, on tokens cut beforehand: the rules tried at every
    // token that may begin an expression (most of them determiners and numbers)
    let tokens: Vec<_> = docs.iter().map(|(t, _)| lex::tokenize(t, &lexicon)).collect();
    g.bench_function("compose", |b| b.iter(|| tokens.iter().map(|t| grammar::compose(t, ENGLISH.rules).len()).sum::<usize>()));
    // the lexicon entries of every token, as the rules read them (a run of
    // the lexicon's one table of entries, not a copy per token)
    g.bench_function("token entries", |b| b.iter(|| tokens.iter().map(|t| (0..t.len()).map(|i| t.entries(i).len()).sum::<usize>()).sum::<usize>()));
    // the comparison the rules make most: a token against a short word
    g.bench_function("word comparisons", |b| {
        b.iter(|| {
            tokens
                .iter()
                .map(|t| (0..t.len()).filter(|&i| t.is(i, "the") || t.is(i, "said") || t.is(i, ",") || t.is(i + 1, "of")).count())
                .sum::<usize>()
        })
    });
    // a token against a list of words, as the tense cues and rules test
    // it: the keys of a list written out are worked out at compile time
    g.bench_function("word list comparisons", |b| {
        b.iter(|| {
            tokens
                .iter()
                .map(|t| {
                    (0..t.len())
                        .filter(|&i| {
                            t.is_any(i, &["after", "before", "because", "although", "though", "unless", "whereas", "if"])
                                || t.is_any(i, &["is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "get", "gets", "got"])
                        })
                        .count()
                })
                .sum::<usize>()
        })
    });
    // the tense cues read around every expression found
    let found: Vec<Vec<(usize, usize)>> =
        tokens.iter().map(|t| grammar::compose(t, ENGLISH.rules).iter().map(|f| (f.start, f.end)).collect()).collect();
    g.bench_function("tense cues", |b| {
        b.iter(|| tokens.iter().zip(&found).map(|(t, fs)| fs.iter().filter(|&&(s, e)| (ENGLISH.tense)(t, s, e).firm).count()).sum::<usize>())
    });
    g.bench_function("lex+compose", |b| {
        b.iter(|| docs.iter().map(|(t, _)| grammar::compose(&lex::tokenize(t, &lexicon), ENGLISH.rules).len()).sum::<usize>())
    });
    g.bench_function("lex+compose+link", |b| {
        b.iter(|| {
            docs.iter()
                .map(|(t, _)| {
                    let toks = lex::tokenize(t, &lexicon);
                    let mut found = grammar::compose(&toks, ENGLISH.rules);
                    (ENGLISH.link)(&toks, &mut found).len() + found.len()
                })
                .sum::<usize>()
        })
    });
    g.bench_function("tag (all stages, with resolution)", |b| {
        b.iter(|| docs.iter().map(|(t, d)| tagger.tag(&Document::new(t).with_dct(*d)).timexes.len()).sum::<usize>())
    });
    let tagged: Vec<_> = docs.iter().map(|(t, d)| tagger.tag(&Document::new(t).with_dct(*d))).collect();
    g.bench_function("json output", |b| b.iter(|| tagged.iter().map(|a| serde_json::to_string(a).map_or(0, |s| s.len())).sum::<usize>()));
    g.finish();

    // the lexicon lookup the lexer makes for every word
    let words: Vec<&str> = docs.iter().flat_map(|(t, _)| t.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty())).take(200_000).collect();
    let lowered: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let mut g = c.benchmark_group("lexicon");
    g.throughput(Throughput::Elements(lowered.len() as u64));
    g.bench_function("word lookups", |b| b.iter(|| lowered.iter().filter(|w| lexicon.word(w).is_some()).count()));
    g.finish();

    // figures, as business news is full of them: a number tries the rules
    // only before a word they read after one
    let figures =
        "Shares rose 5 percent to 312 yen, and 200 people lost 3 million dollars in 10 consecutive days; at 8 p.m. the index was up 12 points. "
            .repeat(2000);
    let figure_tokens = lex::tokenize(&figures, &lexicon);
    let mut g = c.benchmark_group("figures");
    g.throughput(Throughput::Bytes(figures.len() as u64));
    g.bench_function("compose", |b| b.iter(|| grammar::compose(&figure_tokens, ENGLISH.rules).len()));
    g.finish();

    // determiners and possessives, a fifth of the words that may begin an
    // expression: the modifier rule settles those it cannot begin on ("a",
    // "this", "his") by one comparison of keys
    let determiners =
        "This is a test of the system that his team built for a client, and the results of this work went to their board. ".repeat(2000);
    let determiner_tokens = lex::tokenize(&determiners, &lexicon);
    let mut g = c.benchmark_group("determiners");
    g.throughput(Throughput::Bytes(determiners.len() as u64));
    g.bench_function("compose", |b| b.iter(|| grammar::compose(&determiner_tokens, ENGLISH.rules).len()));
    g.finish();

    // the values every timex gets: a day, a month, a clock time
    let days: Vec<jiff::civil::Date> = (0..10_000).map(|n| jiff::civil::date(1990 + n % 40, 1 + (n % 12) as i8, 1 + (n % 28) as i8)).collect();
    let mut g = c.benchmark_group("values");
    g.throughput(Throughput::Elements(days.len() as u64));
    g.bench_function("day", |b| b.iter(|| days.iter().map(|&d| dateline::value::day(d).len()).sum::<usize>()));
    g.finish();

    // articles with clock times: the zone evidence (every capitalised word
    // looked up as the start of a place name, most of them settled by the
    // filter of the names' heads) and the schedules
    let clocks = clock_articles();
    let mut g = c.benchmark_group("clock articles");
    g.throughput(Throughput::Bytes(clocks.iter().map(|d| d.0.len() as u64).sum()));
    g.sample_size(20);
    g.bench_function("tag (all stages, with zones)", |b| {
        b.iter(|| clocks.iter().map(|(t, d)| tagger.tag(&Document::new(t).with_dct(*d)).timexes.len()).sum::<usize>())
    });
    g.finish();
}

criterion_group!(pipeline, benches);
criterion_main!(pipeline);
