//! Criterion benchmarks of TimeML reading and inline writing on the TBAQ
//! gold files of the corpora directory (`$DATELINE_SHARED/corpora/te3-tbaq`),
//! or one short document when the corpus is not there.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use dateline::{Document, Tagger};
use dateline_eval::timeml::TimemlDoc;

/// Where the external corpora are (`$DATELINE_SHARED`).
#[path = "../../dateline-cli/tests/support/mod.rs"]
mod support;

fn files() -> Vec<String> {
    let dir = support::shared("the TBAQ corpus (benchmarking one short document instead)", &["corpora/te3-tbaq/TimeBank"]);
    let mut out: Vec<String> = dir
        .and_then(|d| std::fs::read_dir(d.join("corpora/te3-tbaq/TimeBank")).ok())
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| std::fs::read_to_string(e.path()).ok())
        .collect();
    if out.is_empty() {
        out.push(
            r#"<TimeML><DCT><TIMEX3 tid="t0" value="2022-04-19"/></DCT><TEXT>The OST drops on April 25 at 12 am KST.</TEXT></TimeML>"#.to_string(),
        );
    }
    out
}

fn benches(c: &mut Criterion) {
    let raws = files();
    let bytes: usize = raws.iter().map(String::len).sum();
    let tagger = Tagger::new();
    let parsed: Vec<TimemlDoc> = raws.iter().map(|r| TimemlDoc::parse(r).expect("valid TimeML")).collect();
    let analyses: Vec<_> = parsed.iter().map(|d| tagger.tag(&Document { dct: d.dct, ..Document::new(&d.text) })).collect();
    let mut g = c.benchmark_group("timeml");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(20);
    g.bench_function("read", |b| b.iter(|| raws.iter().map(|r| TimemlDoc::parse(r).map_or(0, |d| d.text.len())).sum::<usize>()));
    g.bench_function("write", |b| b.iter(|| parsed.iter().zip(&analyses).map(|(d, a)| d.write(a).len()).sum::<usize>()));
    g.finish();
}

criterion_group!(timeml, benches);
criterion_main!(timeml);
