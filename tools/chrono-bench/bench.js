// Throughput of chrono-node (`chrono.parse`, casual English, each document
// with its creation date as the reference) on a directory of TimeML files,
// measured the way `dateline bench` measures dateline: every document is
// read first, one warm-up pass, then whole passes for a given time. Reading
// is outside the timed region. The text of a document is its <TEXT>
// element with the inner tags removed and the XML entities decoded, as
// dateline's TimeML reader gives it to the tagger.
//
//   npm install            (once: fetches chrono-node)
//   node bench.js ../../../shared/corpora/te3-silver --seconds 3 [--json]
//
// Run it right after `dateline bench <same corpus> --seconds 3 --jobs 1` to
// get the ratio in one sitting (tools/chrono-bench/README.md).
'use strict';
const fs = require('fs');
const path = require('path');
const chrono = require('chrono-node');

function parseArgs(argv) {
  const args = { corpus: null, seconds: 10, json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--seconds') args.seconds = Number(argv[++i]);
    else if (a === '--json') args.json = true;
    else if (!args.corpus) args.corpus = a;
    else throw new Error(`unexpected argument ${a}`);
  }
  if (!args.corpus || !(args.seconds >= 0)) {
    throw new Error('usage: node bench.js <dir of .tml files> [--seconds N] [--json]');
  }
  return args;
}

function files(dir) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...files(p));
    else if (e.name.endsWith('.tml') || e.name.endsWith('.TE3input')) out.push(p);
  }
  return out.sort();
}

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(s) {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (m, e) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITIES[e] ?? m;
  });
}

function load(file) {
  const raw = fs.readFileSync(file, 'utf8');
  const a = raw.indexOf('<TEXT>');
  const b = raw.indexOf('</TEXT>');
  if (a < 0 || b < a) return null;
  const text = decode(raw.slice(a + 6, b).replace(/<[^>]*>/g, ''));
  const m = raw.match(/<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*>/);
  const v = m && m[0].match(/value="(\d{4})-(\d{2})-(\d{2})/);
  const dct = v ? new Date(Number(v[1]), Number(v[2]) - 1, Number(v[3]), 12) : new Date(1997, 0, 1, 12);
  return { text, dct };
}

// The installed version, read from its package.json (which the package does not export).
function chronoVersion() {
  const dir = path.join(__dirname, 'node_modules', 'chrono-node', 'package.json');
  try {
    return JSON.parse(fs.readFileSync(dir, 'utf8')).version;
  } catch {
    return '(version unknown)';
  }
}

function pass(docs) {
  let n = 0;
  for (const d of docs) n += chrono.parse(d.text, d.dct).length;
  return n;
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const docs = files(args.corpus).map(load).filter(Boolean);
  if (docs.length === 0) throw new Error(`${args.corpus}: no documents`);
  const bytes = docs.reduce((s, d) => s + Buffer.byteLength(d.text, 'utf8'), 0);
  const found = pass(docs); // warm-up
  const start = process.hrtime.bigint();
  let passes = 0;
  let secs = 0;
  while (passes === 0 || secs < args.seconds) {
    pass(docs);
    passes++;
    secs = Number(process.hrtime.bigint() - start) / 1e9;
  }
  const report = {
    corpus: args.corpus,
    tool: `chrono-node ${chronoVersion()}`,
    docs: docs.length,
    bytes,
    results_per_pass: found,
    passes,
    seconds: secs,
    mb_per_s: (bytes * passes) / secs / 1e6,
    docs_per_s: (docs.length * passes) / secs,
  };
  if (args.json) {
    console.log(JSON.stringify(report));
  } else {
    console.log(`corpus   ${report.corpus}  (${report.docs} docs, ${(bytes / 1e6).toFixed(2)} MB, ${found} results per pass)`);
    console.log(`${report.tool}  ${report.mb_per_s.toFixed(2)} MB/s  ${report.docs_per_s.toFixed(0)} docs/s  (${passes} passes in ${secs.toFixed(1)} s)`);
  }
}

main();
