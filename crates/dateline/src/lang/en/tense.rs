//! Tense cues: which side of the anchor a weekday, month, season or
//! quarter without a year lies on, read from the words around it.
//!
//! [`tense`] looks for the nearest cue on either side of an expression (a
//! past verb, "will", a verb of intent before an infinitive, a schedule word)
//! within its clause, lets a reporting verb speak only when nothing else
//! does, and says whether the cue is firm: a verb that governs the date
//! closely fixes its side, a looser cue only weighs it. The rules are
//! English; the resolver sees only the [`Tense`] they return.

use super::words::*;
use crate::expr::{Dir, Tense};
use crate::lex::{short_key, Tokens};
use crate::lexicon::Cue;
use crate::tuning::{
    CLAUSE_PAST_REACH, CLAUSE_REACH, COLON_VERB_REACH, DEADLINE_REACH, FIRM_REACH, OBJECT_REACH, PAREN_REACH, PARTICIPLE_AFTER, PERFECT_REACH,
    RELATIVE_CLAUSE_REACH, REPORT_SETTING_REACH, SUBJECT_NAME_WORDS, SUBJECT_PHRASE_REACH, TENSE_REACH, TENSE_SENTENCE_REACH, TIME_CLAUSE_REACH,
    WHEN_REACH,
};

/// Past cues of the lexicon that are adverbs, not verb forms: they keep their
/// meaning after "is" ("is last", "are recently"), where a participle would
/// be a passive.
const ADVERB_CUES: &[&str] = &["ago", "last", "yesterday", "earlier", "since", "recently", "previously"];

/// Whether token `k` is a past verb form: a past cue of the lexicon that is
/// not an adverb, or a lower-case word in "-ed" ("released", not "Ted" or
/// "need", whose "-eed" is no ending; "agreed" is in the lexicon) that is not
/// an adjective by its place ("the reduced dividend", "Chinese-made").
pub fn past_form(t: &Tokens<'_>, k: usize) -> bool {
    let w = t.lw(k);
    let form = t.toks.get(k).is_some_and(|tok| tok.cue == Cue::Past) && !among(w, ADVERB_CUES)
        || word(t, k) && w.len() > 4 && w.ends_with("ed") && !cap(t, k) && !w.ends_with("eed");
    if !form || bare_infinitive(t, k) {
        return false;
    }
    // ("in fulfilling increased demands", "are seeking increased funding":
    // after a verb in "-ing", which a preposition or auxiliary shows is no
    // noun like "the bombing arrived", and which is not the perfect "having
    // arrived")
    let after_gerund = || {
        k > 1
            && word(t, k - 1)
            && t.lw(k - 1).len() > 4
            && t.lw(k - 1).ends_with("ing")
            && !any(t, k - 1, &["having", "being"])
            && any(t, k - 2, &["in", "of", "for", "by", "on", "at", "from", "with", "without", "is", "are", "was", "were", "be", "been"])
    };
    // ("a locally incorporated bank": a determiner and an adverb before it,
    // not a noun in "-ly": "the family raised")
    const NOUNS_IN_LY: &[&str] = &["family", "assembly", "supply", "rally", "monopoly", "anomaly", "reply", "italy", "july", "ally", "belly"];
    let adverb = |j: usize| t.lw(j).len() > 5 && t.lw(j).ends_with("ly") && !among(t.lw(j), NOUNS_IN_LY);
    let modified = || k > 1 && adverb(k - 1) && any(t, k - 2, &["the", "a", "an", "its", "his", "her", "their", "this", "these"]);
    // ("will post updated tallies", "to release revised figures", "could
    // remain closed": the verb of the clause is the infinitive before it, so
    // the participle describes; "to have signed" is a perfect, still a past)
    let after_infinitive = || k > 1 && bare_infinitive(t, k - 1) && !any(t, k - 1, &["have", "be", "do"]);
    // ("will finally get his world title shot on Saturday": the object of a
    // verb in the infinitive, a possessive and up to three words before the
    // form, is a noun phrase, which holds no verb of its own; a participle
    // in "-ed" or "-en" may still open a clause of its own in it: "will
    // review the report released Friday")
    let irregular = !w.ends_with("ed") && !w.ends_with("en");
    let in_object = || {
        irregular
            && (k.saturating_sub(4)..k).rev().take_while(|&j| word(t, j) && !cap(t, j)).any(|j| {
                any(t, j, POSSESSIVES)
                    && j > 0
                    && bare_infinitive(t, j - 1)
                    && !any(t, j - 1, &["have", "be", "do"])
                    && (j + 1..k).all(|i| !any(t, i, POSSESSIVES))
            })
    };
    // (", weekends included,", "(holidays excepted)": a noun and its
    // participle set off on their own qualify the clause, with no verb of it;
    // ", officials said," is a report, which keeps its tense)
    let absolute = || {
        k > 1 && any(t, k - 2, &[",", "("]) && word(t, k - 1) && !cap(t, k - 1) && any(t, k + 1, &[",", ")"]) && !any(t, k, super::cues::REPORTING)
    };
    // ("a final televised town hall", "a rare scheduled stop": after a
    // determiner and an adjective, before its noun)
    let attributive = || {
        k > 1
            && any(t, k - 2, &["a", "an", "the", "its", "their", "his", "her"])
            && any(t, k - 1, ADJECTIVES_BEFORE_PARTICIPLE)
            && word(t, k + 1)
            && !cap(t, k + 1)
    };
    let adjective = k > 0 && any(t, k - 1, BEFORE_ADJECTIVE)
        || attributive()
        || modified()
        || after_gerund()
        || after_infinitive()
        || in_object()
        || absolute()
        || compound(t, k)
        || negated_participle(w);
    !adjective
}

/// Whether the word at `k` stands where only a bare infinitive can: after a
/// modal, "to" or "do", with at most one adverb between ("will hit", "could
/// soon cut", "did not quit", "to beat"). A past form that is also the base
/// form ("hit", "cut", "put", "beat") is then no past.
fn bare_infinitive(t: &Tokens<'_>, k: usize) -> bool {
    const BEFORE_BARE: &[&str] = &["will", "shall", "would", "could", "can", "may", "might", "must", "should", "ll", "to", "do", "does", "did"];
    const BETWEEN: &[&str] =
        &["not", "n't", "also", "soon", "still", "then", "likely", "probably", "never", "again", "only", "even", "just", "finally", "first", "now"];
    let Some(mut j) = k.checked_sub(1) else { return false };
    if any(t, j, BETWEEN) {
        let Some(i) = j.checked_sub(1) else { return false };
        j = i;
    }
    any(t, j, BEFORE_BARE)
}

/// Whether `w` is a participle negated by "un-" ("untouched", "unidentified",
/// "unexpected"): an adjective, since English has no verb "untouch". The few
/// verbs that reverse an action ("unveiled", "unleashed") stay verbs, and so
/// does everything in "under-" ("undermined").
fn negated_participle(w: &str) -> bool {
    const REVERSING: &[&str] = &[
        "unveiled",
        "unleashed",
        "unlocked",
        "unearthed",
        "unfolded",
        "united",
        "unified",
        "unraveled",
        "unravelled",
        "unloaded",
        "unpacked",
        "unseated",
        "unsettled",
        "unnerved",
        "untied",
        "unplugged",
        "unblocked",
        "unmasked",
        "unwrapped",
        "unfurled",
    ];
    w.starts_with("un") && !w.starts_with("under") && w.ends_with("ed") && !among(w, REVERSING)
}

/// Whether the word at `k` ends a hyphenated compound adjective
/// ("Chinese-made", "state-backed"), not a prefixed verb ("re-elected").
fn compound(t: &Tokens<'_>, k: usize) -> bool {
    k >= 2 && is(t, k - 1, "-") && adj(t, k) && adj(t, k - 1) && word(t, k - 2) && !any(t, k - 2, VERB_PREFIXES)
}

/// Prefixes written with a hyphen that leave a verb a verb: "re-elected".
const VERB_PREFIXES: &[&str] = &["re", "co", "pre", "over", "under", "out", "cross"];

/// Participles of delay, which point forward only through the preposition
/// of the new date ("postponed until Friday", not "postponed Saturday").
const DELAYS: &[&str] = &["postponed", "delayed", "deferred", "adjourned"];

/// Possessives, which open a noun phrase whose head they own: "his title
/// shot" ("the man shot Friday" may be a clause of its own).
const POSSESSIVES: &[&str] = &["its", "his", "her", "their", "our", "my", "your"];

/// Adjectives that stand before a participle used as an adjective in turn
/// ("a final televised debate", "the first scheduled meeting", "a rare
/// signed copy").
const ADJECTIVES_BEFORE_PARTICIPLE: &[&str] = &["final", "first", "last", "second", "special", "rare", "live", "new", "joint", "official"];

/// Words after which a form in "-ed" is an adjective, not a verb: "the
/// reduced dividend", "in limited quantities".
const BEFORE_ADJECTIVE: &[&str] = &[
    "the", "a", "an", "its", "his", "her", "their", "our", "my", "your", "this", "these", "those", "some", "any", "no", "more", "most", "very",
    "well", "fully", "highly", "newly", "of", "with", "in", "for", "by",
    // ("stays closed until Sunday", "will remain shut": a state after a linking verb)
    "stays", "stay", "remains", "remain",
];

/// Words that may stand between a reporting verb and the date of the report:
/// the place, the channel and the speaker ("told reporters here on Monday",
/// "said in a statement Friday", "said the ministry's spokesman Tuesday").
pub(super) const REPORT_SETTING: &[&str] = &[
    "on",
    "here",
    "there",
    "in",
    "at",
    "a",
    "an",
    "the",
    "its",
    "his",
    "her",
    "their",
    "statement",
    "interview",
    "briefing",
    "conference",
    "news",
    "press",
    "reporters",
    "spokesman",
    "spokeswoman",
    "television",
    "radio",
    "newspaper",
    "agency",
    "magazine",
    "journalists",
    "'s",
    "late",
    "early",
];

/// Conjunctions that open a subordinate clause, whose tense is its own.
/// ("when" and "while" are not among them: a clause at the same time as the
/// expression tells its tense, "on June 9 when hosts Germany meet Costa Rica").
const SUBORDINATORS: &[&str] = &["after", "before", "because", "although", "though", "unless", "whereas", "if"];

/// Conjunctions of a time clause, whose present perfect tells a completion
/// that may lie ahead ("will serve meals until the storm has passed", "once
/// the vote has been counted").
const TIME_CLAUSE: &[&str] = &["until", "till", "once", "after", "before", "when"];

/// Whether the past form at `k` is a present perfect in a time clause after
/// the expression ending at `end`: "from Thursday until the storm has passed".
fn perfect_in_time_clause(t: &Tokens<'_>, k: usize, end: usize) -> bool {
    k > end && any(t, k - 1, &["has", "have"]) && (end.max(k.saturating_sub(TIME_CLAUSE_REACH))..k - 1).any(|j| any(t, j, TIME_CLAUSE))
}

/// Verbs of intent, command and schedule whose infinitive lies ahead of
/// them: "agreed to meet", "was ordered to attend", "is to visit".
const INTENT: &[&str] = &[
    "agree",
    "agreed",
    "agrees",
    "decide",
    "decided",
    "decides",
    "vow",
    "vowed",
    "vows",
    "promise",
    "promised",
    "promises",
    "pledge",
    "pledged",
    "pledges",
    "threaten",
    "threatened",
    "threatens",
    "threatening",
    "order",
    "ordered",
    "orders",
    "ask",
    "asked",
    "asks",
    "urge",
    "urged",
    "urges",
    "invite",
    "invited",
    "invites",
    "intend",
    "intended",
    "intends",
    "hope",
    "hoped",
    "hopes",
    "want",
    "wanted",
    "wants",
    "aim",
    "aimed",
    "aims",
    "prepared",
    "preparing",
    "ready",
    "likely",
    "poised",
    "slated",
    "expected",
    "planned",
    "plans",
    "set",
    "going",
    "scheduled",
    "forecast",
    "projected",
    "predicted",
    "is",
    "are",
    "was",
    "were",
];

/// Verbs that take an object before the infinitive of what is to be done:
/// "to ask the court to rule", "urges Iran to halt". Only the bare and
/// present forms: after a past one the date may as well tell when the
/// asking was done ("Sharon asked Katsav to dissolve parliament on Monday").
const COMMANDING: &[&str] =
    &["ask", "asks", "urge", "urges", "order", "orders", "invite", "invites", "tell", "tells", "persuade", "allow", "allows", "expect", "expects"];

/// Words after "to" that show it is a preposition, not an infinitive marker.
const NOT_INFINITIVE: &[&str] = &["the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your", "date"];

/// Whether the "to" at token `k` starts an infinitive that lies ahead of the
/// verb of intent before it: "agreed to meet", not "agreed to the plan", and
/// not the perfect "was to have begun" (a plan that lay in the past).
fn infinitive_ahead(t: &Tokens<'_>, k: usize) -> bool {
    // the day of the decision may stand between: "vowed Friday to return",
    // "agreed on Monday to sign"
    let day = |j: usize| weekday(t, j).is_some() || any(t, j, &["today", "yesterday"]);
    // or its object: "expected to ask Governor General Michaelle Jean to
    // dissolve Parliament on Tuesday", "ordered the troops to withdraw"
    let object = (k.saturating_sub(OBJECT_REACH)..k.saturating_sub(1)).rev().take_while(|&m| word(t, m + 1)).any(|m| any(t, m, COMMANDING));
    let intent = k > 0 && any(t, k - 1, INTENT)
        || k > 1 && day(k - 1) && any(t, k - 2, INTENT)
        || k > 2 && day(k - 1) && is(t, k - 2, "on") && any(t, k - 3, INTENT)
        || object;
    intent && !superseded(t, k - 1) && word(t, k + 1) && !cap(t, k + 1) && !any(t, k + 1, NOT_INFINITIVE) && !is(t, k + 1, "have")
}

/// Whether the word of plan at `k` follows "had been": "had been scheduled to
/// expire at midnight Friday", a plan since superseded, says nothing of the
/// side of the date, like "had been due to".
fn superseded(t: &Tokens<'_>, k: usize) -> bool {
    k > 1 && is(t, k - 1, "been") && is(t, k - 2, "had")
}

/// Whether "due" at `k` begins "due to" + a verb: "due to be published",
/// and after a copula "is due to present his report", "was due to return to
/// Italy", "is due to visit China from Friday", "was due to expire Friday"
/// (the verb's object, a particle, a name or the date follow it); "the delay was due to heavy rain", "pulled out due to
/// injuries" name a cause.
fn due_to_verb(t: &Tokens<'_>, k: usize, start: usize) -> bool {
    // ("is due to reopen on June 5": the verb's date after its preposition,
    // with a present copula; "was due to rain on Friday" may give a cause)
    let on_the_date = |j: usize| any(t, j, &["on", "in", "by"]) && j + 1 == start && k > 0 && any(t, k - 1, &["is", "are"]);
    const COMPLEMENT: &[&str] =
        &["the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "to", "for", "back", "home", "up", "out", "off", "down", "over"];
    // "due to be published", after a copula or not
    if is(t, k + 1, "to") && is(t, k + 2, "be") {
        return true;
    }
    k > 0
        && any(t, k - 1, &["is", "are", "was", "were"])
        && is(t, k + 1, "to")
        && word(t, k + 2)
        && !cap(t, k + 2)
        && !any(t, k + 2, NOT_INFINITIVE)
        && (any(t, k + 3, COMPLEMENT) || (word(t, k + 3) && cap(t, k + 3)) || k + 3 == start || on_the_date(k + 3))
}

/// Words that open a clause of their own: a verb before them belongs to
/// another clause.
const CLAUSE_OPENERS: &[&str] = &[
    "that", "which", "who", "whom", "whose", "when", "while", "where", "and", "but", "or", "if", "after", "before", "because", "since", "until", "as",
];

/// Whether the past form at token `k` is a participle after a present or bare
/// form of "be" ("will be released", "is paid"), which says nothing of tense.
pub fn passive(t: &Tokens<'_>, k: usize) -> bool {
    // "will be re-opened": the auxiliary stands before the prefix
    let k = if k >= 3 && is(t, k - 1, "-") && any(t, k - 2, VERB_PREFIXES) { k - 2 } else { k };
    k > 0 && any(t, k - 1, &["be", "being", "is", "are", "am"])
}

/// Whether token `k` is a verb in the past: a past form that is not a passive,
/// nor the participle of a noun phrase that opens its sentence ("Paid seats
/// go on sale on Thursday", "Reserved copies must be picked up"): a finite
/// verb comes after its subject.
pub fn past_verb(t: &Tokens<'_>, k: usize) -> bool {
    past_form(t, k) && !passive(t, k) && !(k > 0 && opens_text(t, k) && word(t, k + 1) && !cap(t, k + 1))
}

/// Whether tokens `[from, to)` hold a verb in a past form: "The pair
/// appeared to lash out ... on Sunday" tells of the past, whatever its
/// nearest cue.
pub fn tells_past(t: &Tokens<'_>, from: usize, to: usize) -> bool {
    (from..to.min(t.len())).any(|k| past_verb(t, k))
}

/// Whether a past perfect stands in the clause just before token `at`,
/// within [`PERFECT_REACH`] tokens and no comma or stop between ("The first
/// alert had gone out at 6:02 a.m.", "had first flagged the risk at 9:30
/// a.m.").
pub fn perfect_before(t: &Tokens<'_>, at: usize) -> bool {
    (at.saturating_sub(PERFECT_REACH)..at.min(t.len())).rev().take_while(|&k| !any(t, k, &[",", ".", ";"])).any(|k| is(t, k, "had"))
}

/// Whether tokens `[from, to)` tell of what is done: a past form, passives
/// too, or an auxiliary of the perfect or the past ("Police patrolled every
/// night this week", "The mayor has spoken every day this month"). A schedule
/// told so bounds nothing still to come.
pub fn tells_done(t: &Tokens<'_>, from: usize, to: usize) -> bool {
    (from..to.min(t.len())).any(|k| past_form(t, k) || any(t, k, &["has", "have", "had", "was", "were"]))
}

/// Words that open the subject of a new clause after ", and" or ", but"
/// (a determiner or a pronoun): "..., and the union has asked".
pub(super) const CLAUSE_SUBJECTS: &[&str] =
    &["the", "a", "an", "its", "his", "her", "their", "our", "this", "that", "these", "those", "he", "she", "it", "they", "we", "i", "you"];

/// Verbs of travel, meeting, play and commemoration whose present simple,
/// in news, sets out a schedule: "the president visits Japan on Thursday",
/// "Chelsea plays Arsenal on Saturday", "the city marks the anniversary on
/// Sunday". The third person in "-s"; the plural forms only
/// after a plural subject ("Voters head to the polls Sunday").
/// Verbs of a timetable in the third person, which point ahead from
/// earlier in their sentence as [`SCHEDULE_VERBS_S`] do, and from later in it too ("A replay airs at
/// 10 a.m. ET, 7 a.m. PT on Tuesday", "the first flight on Monday leaves at 7:10"); not those that are as often nouns
/// ("plans", "runs", "ends").
pub(super) const TIMETABLE_VERBS_S: &[&str] =
    &["airs", "opens", "closes", "departs", "arrives", "leaves", "lands", "premieres", "debuts", "begins", "starts", "launches", "resumes"];

/// The plural forms of [`TIMETABLE_VERBS_S`] that [`SCHEDULE_VERBS`] holds
/// (a plural verb of a schedule needs a plural subject: "the doors open").
const TIMETABLE_VERBS_PLURAL: &[&str] = &["open", "close", "reopen", "leave", "start", "begin"];

pub(super) const SCHEDULE_VERBS_S: &[&str] = &[
    "plays",
    "hosts",
    "faces",
    "visits",
    "travels",
    "heads",
    "meets",
    "leaves",
    "flies",
    "tours",
    "returns",
    "holds",
    "votes",
    "goes",
    "marks",
    "celebrates",
    "commemorates",
    "falls",
    "happens",
    "lands",
    "sails",
    "docks",
    "streams",
    "drops",
    "reopens",
    "reaches",
    "lifts",
    "screens",
    "performs",
    "competes",
    "stays",
    "follows",
];
const SCHEDULE_VERBS: &[&str] = &[
    "play", "host", "face", "visit", "travel", "head", "leave", "fly", "tour", "return", "hold", "vote", "go", "stay", "start", "begin", "kick",
    "follow", "open", "close", "reopen",
];

/// The keys of [`SCHEDULE_VERBS`], all words of at most seven letters,
/// which [`schedule_present`] compares with a token's key.
const SCHEDULE_KEYS: [u64; SCHEDULE_VERBS.len()] = {
    let mut keys = [0; SCHEDULE_VERBS.len()];
    let mut n = 0;
    while n < keys.len() {
        keys[n] = match short_key(SCHEDULE_VERBS[n].as_bytes()) {
            Some(key) => key,
            None => panic!("a verb of schedule of more than seven letters"),
        };
        n += 1;
    }
    keys
};

/// Events held on a day that is awaited: "for Saturday's semifinal", "ahead
/// of Sunday's final".
const FIXTURES: &[&str] = &[
    "match",
    "game",
    "final",
    "semifinal",
    "semi",
    "quarterfinal",
    "race",
    "concert",
    "show",
    "vote",
    "election",
    "ballot",
    "meeting",
    "hearing",
    "summit",
    "premiere",
    "launch",
    "ceremony",
    "parade",
    "session",
    "debate",
    "fixture",
    "clash",
    "showdown",
    "derby",
    "opener",
    "test",
    "tie",
];

/// Verbs of setting the time of something to come: what they date, past
/// their object, lies ahead ("listed a hearing for Thursday", "has called a
/// news conference on Thursday").
const SETTING_VERBS: &[&str] =
    &["called", "listed", "scheduled", "rescheduled", "fixed", "arranged", "booked", "slated", "convened", "summoned", "adjourned", "plan", "plans"];

/// Verbs that fix a moment for something to come, whose clock time is that
/// moment: "fixed the auspicious moment at 6:42 p.m.", "scheduled the vote
/// at 10 a.m." (unlike some of [`SETTING_VERBS`], they tell no act done at
/// the time: not "called the police at 11 p.m.").
const FIXING_VERBS: &[&str] = &["fixed", "scheduled", "rescheduled", "slated", "timed"];

/// Verbs that permit their object, whose window of clock times is the
/// hours allowed for it ("approved the march between 8 a.m. and 3 p.m.").
/// A warning or an order issued for a window is in force then ("issued a red
/// warning for the district from 9 a.m. Wednesday").
const PERMITTING_VERBS: &[&str] = &["approved", "authorised", "authorized", "permitted", "sanctioned", "cleared", "allowed", "licensed", "issued"];

/// The determiners that open the object of a verb of setting ("listed a
/// hearing", "fixed the moment").
const OBJECT_DETERMINERS: &[&str] = &["a", "an", "the", "its", "his", "her", "their", "our", "this"];

/// Whether the word at `k` is a verb of [`SCHEDULE_VERBS_S`] or
/// [`SCHEDULE_VERBS`] in the present simple: after its subject, not after a
/// determiner, possessive or preposition that makes it a noun ("his visits",
/// "the play", "in return").
fn schedule_present(t: &Tokens<'_>, k: usize) -> bool {
    const NOT_SUBJECT: &[&str] = &[
        "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "that", "these", "those", "of", "in", "on", "at", "to", "for",
        "by", "with", "from", "and", "or", "first", "last", "next", "recent", "two", "three", "four", "several", "many", "official", "state", "all",
        "some", "most", "no",
    ];
    let w = t.lw(k);
    // (most words are neither: a plural form is one of the keys of
    // SCHEDULE_KEYS, and every third-person form ends in "s", so the lists
    // are read only then)
    let plural_form = SCHEDULE_KEYS.contains(&t.key(k));
    if !plural_form && !w.ends_with('s') {
        return false;
    }
    // "follow" schedules only through its preposition ("the second semi-final
    // follows on Sunday"); "the arrest follows Tuesday's raid" is after it
    if matches!(w, "follows" | "follow") && !any(t, k + 1, &["on", "at"]) {
        return false;
    }
    // so do "open" and "close", which a market's day reports ("Stocks close
    // lower Tuesday", "the centers open for trade from Monday") and a
    // timetable sets ("Stalls open at 10:00 on Saturday", "The exhibition
    // closes on Sunday")
    // (a time after "at", not a price: "stocks close at record highs on
    // Friday"; and no verb of the past later in the sentence: "Polls close at 8
    // p.m. on Sunday in the runoff, which the incumbent won easily")
    if matches!(w, "open" | "close" | "closes" | "reopen") {
        let timed = is(t, k + 1, "on") || is(t, k + 1, "at") && super::times::clock(t, k + 2).is_some();
        // (a clause of its own told in the past, after "which", "who", "and" or
        // "but": not a report of the statement, "..., the commission said", nor
        // a participle, "with 200 traders expected")
        let clause_past = |j: usize| {
            past_form(t, j)
                && !any(t, j, super::cues::REPORTING)
                && (j.saturating_sub(CLAUSE_PAST_REACH)..j).any(|c| any(t, c, &["which", "who", "and", "but"]))
        };
        let later_past = (k + 1..(k + 1 + TENSE_SENTENCE_REACH).min(t.len())).take_while(|&j| !full_stop(t, j)).any(clause_past);
        if !timed || later_past {
            return false;
        }
    }
    // (a plural verb stands after a subject in "-s")
    let plural_subject = |j: usize| t.lw(j).len() > 3 && t.lw(j).ends_with('s') && !t.lw(j).ends_with("ss");
    // (or after a phrase that qualifies that subject: "Submissions on the
    // bill close at 11:59 p.m. on Sunday", "Nominations for the council
    // election close")
    // (the words of a name count as one: "Submissions on the Local Water
    // Services Amendment Bill close")
    // (one phrase may qualify another, with a possessive in it: "Requests for
    // a listeners' choice hour on Saturday close")
    let qualified = || {
        let (mut p, mut words, mut name) = (k, 0, 0);
        while p > 1 && words <= SUBJECT_PHRASE_REACH && name <= SUBJECT_NAME_WORDS {
            p -= 1;
            if is(t, p, "'") && p + 1 < k && word(t, p - 1) {
                continue;
            }
            if !word(t, p) || past_form(t, p) {
                return false;
            }
            if p + 1 < k && any(t, p, SUBJECT_PREPOSITIONS) && plural_subject(p - 1) {
                return !any(t, p - 1, NOT_SUBJECT);
            }
            if cap(t, p) {
                name += 1;
            } else {
                words += 1;
            }
        }
        false
    };
    let plural = plural_form && k > 0 && (plural_subject(k - 1) || qualified());
    // (and the verbs of a timetable: "airs", "opens", "departs")
    let third = !plural && w.ends_with('s') && (among(w, SCHEDULE_VERBS_S) || among(w, TIMETABLE_VERBS_S));
    // a second verb of the subject after "and", past a name or a figure that
    // ends the first ("Miami beat Boston 105-103 on Monday and visits
    // Chicago on Wednesday"): its tense is its own ("calls and visits" are nouns)
    if third && k >= 2 && is(t, k - 1, "and") && (cap(t, k - 2) || digits(t, k - 2)) && !cap(t, k) {
        return true;
    }
    if !(plural || third) || k == 0 || !word(t, k - 1) || any(t, k - 1, NOT_SUBJECT) || cap(t, k) {
        return false;
    }
    // (a plural verb needs a plural subject, "Voters head", "Italians vote",
    // which `plural` has asked)
    // a past verb before it in its clause makes it a noun ("Wen told his
    // French hosts Tuesday")
    // (a colon opens a clause of its own: "the gap has shifted: Friday's
    // headline set starts at 11:15 p.m.")
    !(k.saturating_sub(8)..k).rev().take_while(|&j| !any(t, j, &[".", ";", "!", "?", ",", ":"])).any(|j| past_form(t, j))
}

/// Whether the colon at `k` opens a clause of its own, with its own verb
/// soon after ("has shifted: Friday's set starts"), not a list or a label
/// ("the lineup: Friday at 8 p.m.", "Time: 7 p.m.") nor a clock ("10:30").
fn colon_clause(t: &Tokens<'_>, k: usize) -> bool {
    !adj(t, k + 1) && (k + 1..(k + 1 + COLON_VERB_REACH).min(t.len())).take_while(|&j| !any(t, j, &[",", ".", ";"])).any(|j| schedule_present(t, j))
}

/// The prepositions of a phrase that qualifies a plural subject before its
/// verb ("Submissions on the bill close", "Tickets for the final go").
const SUBJECT_PREPOSITIONS: &[&str] = &["on", "for", "of", "to", "from", "about", "in", "at"];

/// Words that make what follows them hypothetical, reported or conditional:
/// a verb beyond them does not fix the side of a date.
const UNFIRM: &[&str] =
    &["would", "could", "might", "may", "should", "must", "if", "unless", "whether", "that", "to", ",", "(", "\"", "``", "''", ".", "!", "?", ";"];

/// Whether the "to" at `k` is a preposition before a noun phrase ("went to a
/// party in December", "moved to Paris in May", "closed to traffic from
/// Saturday"), which leaves the verb before
/// it in charge of the date, unlike an infinitive ("decided to leave in
/// December").
fn preposition_to(t: &Tokens<'_>, k: usize) -> bool {
    // ("closed to traffic", "open to visitors": whom a word of access lets in,
    // a plural or a noun of traffic; not "available to discuss", "closed to
    // clean up", where the infinitive takes the date)
    let access = k > 0 && any(t, k - 1, ACCESS) && (plural_noun(t, k + 1) || any(t, k + 1, ADMITTED));
    is(t, k, "to") && (any(t, k + 1, NOT_INFINITIVE) || cap(t, k + 1) || digits(t, k + 1) || access)
}

/// Words of access after which "to" may name who is let in: "closed to
/// traffic", "open to visitors", "available to subscribers".
const ACCESS: &[&str] = &["closed", "open", "opened", "reopened", "shut", "available", "restricted", "limited", "accessible"];

/// Nouns, not plural, that a word of access lets in ("closed to traffic").
const ADMITTED: &[&str] = &["traffic", "everyone", "anyone", "nobody", "shipping"];

/// Words that may follow a date used as an adverbial ("in January and",
/// "in March to"): a date followed by any other lower-case word that is no
/// verb modifies that word as a noun ("January delivery").
const AFTER_ADVERBIAL: &[&str] = &[
    "and",
    "or",
    "but",
    "to",
    "of",
    "for",
    "in",
    "on",
    "at",
    "by",
    "with",
    "from",
    "as",
    "when",
    "while",
    "after",
    "before",
    "until",
    "since",
    "than",
    "that",
    "which",
    "who",
    "where",
    "the",
    "a",
    "an",
    "this",
    "next",
    "last",
    "through",
    "so",
    "because",
    "if",
    "into",
    "over",
    "against",
    "amid",
    "despite",
    "during",
    "under",
    "about",
    "following",
    "is",
    "are",
    "was",
    "were",
    "will",
    "would",
    "has",
    "have",
    "had",
];

/// Whether the word at `k` is not a verb cue: a lower-case word after a date
/// that is neither a function word nor a verb we know is taken for a noun.
fn classify_free(t: &Tokens<'_>, k: usize) -> bool {
    t.toks.get(k).is_some_and(|tok| tok.cue == Cue::None) && !past_form(t, k) && !t.lw(k).ends_with("ing")
}

/// Words before a verb that make it hypothetical or conditional.
const HEDGES: &[&str] = &["would", "could", "might", "may", "should", "must", "if", "unless", "whether"];

/// Whether token `j` ends the phrase a preposition governs: a clause
/// boundary or a verb ("since he said in March" is not "since March").
fn stop_word(t: &Tokens<'_>, j: usize) -> bool {
    any(t, j, &[",", ";", "(", "\"", "that", "and", "but"])
        || past_form(t, j)
        || any(t, j, &["is", "are", "was", "were", "will", "has", "have", "had"])
}

/// Nouns of periods that a participle may name by their end: "the year
/// ended June 30", "the three months ended Dec. 31".
const PERIOD_NOUNS: &[&str] = &["year", "years", "quarter", "quarters", "month", "months", "period", "half", "week", "weeks"];

/// Abbreviations before a name, whose point ends no sentence.
const TITLES: &[&str] = &[
    "vs", "mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "sgt", "gov", "sen", "rep", "prof", "rev", "capt", "maj", "adm", "mt", "ft", "ald",
    "supt", "insp", "cmdr", "atty", "hon", "fr", "cllr",
];

/// Verbs that hold or grant time until a deadline: "has until Saturday to
/// publish", "gave them until Friday to leave".
const DEADLINE_HOLDERS: &[&str] = &["has", "have", "had", "gave", "given", "give", "gives", "giving", "got", "gets", "get"];

/// Auxiliaries before a participle that make it a verb of its clause ("was
/// built by", "has been followed by").
const AUXILIARIES: &[&str] = &["is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "get", "gets", "got"];

/// Infers the direction of an expression at tokens `[start, end)` from tense
/// cues in its sentence: the nearest cue on either side (left first at equal
/// distance), looking at most eight tokens away; failing that, a "will"
/// earlier in the same sentence (up to 40 tokens back). The tense is firm
/// when a verb of that direction ("won", "was", "will") stands within six
/// tokens with nothing hypothetical, reported or subordinate between
/// ("would", "if", "that", "after", a comma, a full stop), or when "since"
/// governs the date.
pub fn tense(t: &Tokens<'_>, start: usize, end: usize) -> Tense {
    // "a preview on Thursday at 6 p.m., when the dome will be shown": the
    // clause that says what happens then tells its side
    if let Some(dir) = when_clause(t, end) {
        return Tense { dir, firm: false, strict: false };
    }
    // "extended to Nov. 20", "asked to respond by Oct. 31", "set for June 7",
    // "a deadline of May 14", "a cut from February", "crude for delivery in
    // January fell": a deadline, goal, start or purpose may lie ahead of a
    // past action
    let goal = start > 0 && any(t, start - 1, &["to", "until", "till", "through", "by", "for", "of", "from"])
        || (start.saturating_sub(3)..start).any(|j| is(t, j, "for"));
    // "gave no reason for the Jan. 14 deadline", "crude for January delivery
    // fell": a date that modifies a noun is not what the verb dates
    // ("trounced Fatah in January elections" dates the elections, after "in")
    let attributive = start > 0 && any(t, start - 1, &["the", "a", "an", "its", "his", "her", "their", "this", "that"])
        || word(t, end)
            && !cap(t, end)
            && !any(t, end, AFTER_ADVERBIAL)
            && classify_free(t, end)
            && !(start > 0 && any(t, start - 1, &["in", "during"]));
    // whether the verb at `k` (pointing `dir`) fixes the date's side
    let firm_at = |k: usize, dir: Dir| {
        let (lo, hi) = if k < start { (k + 1, start) } else { (end, k) };
        // (an auxiliary "had" is no verb of its own)
        let verb = is(t, k, "will") && dir == Dir::Future || dir == Dir::Past && (past_verb(t, k) && !is(t, k, "had") || any(t, k, &["was", "were"]));
        // "would be re-introduced on April 30", "if the government fell on
        // Dec. 8": a modal or condition before the verb
        // a past perfect ("had put the finals on Dec. 5") often tells a plan
        // that was superseded: it only weighs
        // (read only for a verb)
        let hedged = || (k.saturating_sub(3)..k).any(|j| any(t, j, HEDGES)) || (k.saturating_sub(2)..k).any(|j| is(t, j, "had"));
        // a subordinator between opens a clause of its own only with a verb
        // of its own ("will reconvene after the recess in September" is one
        // clause; "after the government agreed in September" is two)
        let clause = |j: usize| any(t, j, SUBORDINATORS) && (j + 1..hi).any(|m| stop_word(t, m) && word(t, m) && !any(t, m, &["that", "and", "but"]));
        verb && !goal && !attributive && hi - lo < FIRM_REACH && !hedged() && !(lo..hi).any(|j| any(t, j, UNFIRM) && !preposition_to(t, j) || clause(j))
            // "since its historic win in the January polls": whatever
            // "since" governs lies behind
            || dir == Dir::Past && is(t, k, "since") && k < start && !(lo..hi).any(|j| stop_word(t, j))
    };
    match direction(t, start, end) {
        Some((dir, Some(k))) => {
            // the nearest cue decides the direction; a verb of the same
            // direction close on the other side may still make it firm
            // ("since it trounced his party in January elections, also
            // appealed": "appealed" is nearer, "trounced" governs the date)
            let near = (start.saturating_sub(FIRM_REACH)..start).chain(end..(end + FIRM_REACH).min(t.len()));
            // (a fronted time is dated by the finite verb of its main clause, however
            // far: "At 10 a.m. CDT, or 1500 UTC, the centre of the storm was")
            let main = k > end && fronted(t, start, end) && (is(t, k, "will") || any(t, k, &["was", "were"]) || past_verb(t, k) && !is(t, k, "had"));
            let firm = main || firm_at(k, dir) || near.filter(|&j| j != k).any(|j| firm_at(j, dir));
            // (an end after "until" and a past verb lies either way, the nearer
            // reading: "extended its warning until 6 p.m. Sunday"; not one told
            // with a past auxiliary, "did not finish until 9:50 p.m.", nor a
            // deadline met, "finished the work by Friday")
            // (read only for such an end: tense is asked of every expression)
            let auxiliary = || (start.saturating_sub(FIRM_REACH)..start).any(|j| any(t, j, PAST_AUXILIARIES));
            let open_end = goal && !firm && dir == Dir::Past && start > 0 && any(t, start - 1, &["until", "till"]) && !auxiliary();
            let dir = if open_end { Dir::Infer } else { dir };
            Tense { dir, firm, strict: false }
        }
        // a rule that sees the direction in the construction ("playoffs
        // starting in January") may still have a verb of that direction
        // close by ("there will be playoffs starting in January")
        Some((dir, None)) => {
            let mut near = (start.saturating_sub(FIRM_REACH)..start).chain(end..(end + FIRM_REACH).min(t.len()));
            Tense { dir, firm: near.any(|j| firm_at(j, dir)), strict: false }
        }
        None => Tense::loose(Dir::Infer),
    }
}

/// Auxiliaries of the past: a time after "until" in their clause is of the
/// past too ("did not finish until 9:50 p.m.", "was delayed until Monday").
const PAST_AUXILIARIES: &[&str] = &["did", "didn't", "didn", "was", "were", "wasn't", "wasn", "weren't", "weren", "had", "hadn't", "hadn"];

/// The side a ", when ..." clause right after a time puts it on: "will" in
/// the clause is ahead. The clause opens within
/// [`WHEN_REACH`] tokens (a clock time may stand between: "on Thursday at 6
/// p.m., when") and is read up to its first stop.
fn when_clause(t: &Tokens<'_>, end: usize) -> Option<Dir> {
    let stop = |k: usize| is(t, k, "(") || full_stop(t, k);
    let comma = (end..(end + WHEN_REACH).min(t.len())).take_while(|&k| !stop(k)).find(|&k| is(t, k, ","))?;
    if !is(t, comma + 1, "when") {
        return None;
    }
    // (only ahead: a past verb may be a participle before a noun, "the restored
    // dome will be shown", or a clause's of its own, "when polls that opened on
    // Monday close"; the verbs around the time still tell the past)
    (comma + 2..(comma + 2 + WHEN_REACH).min(t.len())).take_while(|&k| !stop(k) && !is(t, k, ",")).any(|k| is(t, k, "will")).then_some(Dir::Future)
}

/// Words that [`direction`] reads as a cue by their place without the
/// lexicon giving them one: "to" before an infinitive, "set for", "due to",
/// "ahead of", "takes effect", "comes into force", "enters into force", and
/// the modals.
const CUES_IN_CONTEXT: &[&str] =
    &["to", "set", "due", "ahead", "takes", "take", "comes", "come", "enters", "enter", "should", "may", "might", "must", "would", "can", "wraps"];

/// Whether the word at `k` may be a tense cue, whatever stands around it: a
/// cue of the lexicon, a form in "-ed" or "-ing", a word after "to" (an
/// infinitive), one of [`CUES_IN_CONTEXT`] ("wraps" only as a verb) or a
/// verb of schedule. What is
/// none of these (punctuation, names, nouns, most function words: most of
/// the words around an expression) never decides a tense, and `direction`
/// does not read it further.
fn may_cue(t: &Tokens<'_>, k: usize) -> bool {
    if t.toks.get(k).is_some_and(|tok| tok.cue != Cue::None) {
        return true;
    }
    if !word(t, k) {
        return false;
    }
    let w = t.lw(k);
    w.ends_with("ed")
        || w.ends_with("ing")
        || k > 0 && is(t, k - 1, "to")
        || SHORT_CUE_KEYS.contains(&t.key(k))
        || w.ends_with('s') && among(w, SCHEDULE_VERBS_S)
}

/// The keys of [`CUES_IN_CONTEXT`] and [`SCHEDULE_VERBS`], all words of at
/// most seven letters, which [`may_cue`] compares with a token's key.
const SHORT_CUE_KEYS: [u64; CUES_IN_CONTEXT.len() + SCHEDULE_VERBS.len()] = {
    let mut keys = [0; CUES_IN_CONTEXT.len() + SCHEDULE_VERBS.len()];
    let mut n = 0;
    while n < keys.len() {
        let w = if n < CUES_IN_CONTEXT.len() { CUES_IN_CONTEXT[n] } else { SCHEDULE_VERBS[n - CUES_IN_CONTEXT.len()] };
        keys[n] = match short_key(w.as_bytes()) {
            Some(key) => key,
            None => panic!("a word of more than seven letters among the short cues"),
        };
        n += 1;
    }
    keys
};

/// Whether the expression at tokens `[start, end)` opens its sentence after
/// a preposition and a comma closes it ("In January, ...", "At 10 a.m.
/// CDT, ..."): it frames the main clause, whose first verb dates it.
fn fronted(t: &Tokens<'_>, start: usize, end: usize) -> bool {
    let opens = start
        .checked_sub(1)
        .is_some_and(|o| any(t, o, &["in", "on", "during", "at"]) && (o == 0 || t.toks[o].newline_before || any(t, o - 1, &[".", "!", "?"])));
    opens && is(t, end, ",")
}

/// The direction of [`tense`], with the token of the verb or word that
/// decided it when there is one.
fn direction(t: &Tokens<'_>, start: usize, end: usize) -> Option<(Dir, Option<usize>)> {
    // a full stop, not the point of "1.5" nor that of an abbreviation
    // before a comma or a lower-case word ("Birmingham, Ala., killed", "U.S.
    // officials", "Roe vs. Wade", "Mr. Smith")
    let abbreviation = |k: usize| {
        k > 0
            && adj(t, k)
            && (any(t, k - 1, TITLES) || cap(t, k - 1) && t.lw(k - 1).len() <= 4 && (any(t, k + 1, &[",", ")"]) || word(t, k + 1) && !cap(t, k + 1)))
    };
    // (read for every word the scans below pass: by keys, not by the text)
    let stop = |k: usize| {
        if is(t, k, ".") {
            !(figure_point(t, k) || abbreviation(k))
        } else {
            // (a sentence that ends in "p.m." keeps its full stop in the word)
            // (a colon before a clause of its own ends the tense of the one
            // before: "the gap has shifted: Friday's set starts at 11 p.m.")
            any(t, k, &["!", "?", ";"]) || any(t, k, &["a.m.", "p.m."]) && closing_abbreviation(t, k) || is(t, k, ":") && colon_clause(t, k)
        }
    };
    let boundary = |k: usize| stop(k) || t.toks[k].newline_before;
    // "will", "shall", "'ll"
    let will = |k: usize| any(t, k, &["will", "shall"]) || (is(t, k, "ll") && k > 0 && any(t, k - 1, &["'", "’"]));
    let read_cue = |k: usize| -> Option<Dir> {
        let w = t.lw(k);
        // (whether the word is a past form, which several cues below ask: read once)
        let past_known = std::cell::OnceCell::new();
        let past = || *past_known.get_or_init(|| past_form(t, k));
        if will(k) {
            return Some(Dir::Future);
        }
        // "was supposed to be airlifted on Friday": a plan that lay in the past
        if w == "supposed" && is(t, k + 1, "to") && k > 0 && any(t, k - 1, &["was", "were"]) {
            return Some(Dir::Past);
        }
        if w == "to" && k > 1 && is(t, k - 1, "supposed") && any(t, k - 2, &["was", "were"]) {
            return None;
        }
        // "to be published Friday", "to be held in May": an infinitive passive lies ahead
        if w == "to" && is(t, k + 1, "be") && past_form(t, k + 2) {
            return Some(Dir::Future);
        }
        // "planned to leave", "expected to join", "planned for March" point forward; "as planned" or "a vote
        // planned before the summer" say nothing about the tense of the sentence
        // ("On Friday, the government planned to pay": a date before
        // "planned" dates the planning)
        if w == "planned" && k >= end && is(t, k + 1, "to") {
            return Some(Dir::Past);
        }
        // "the opener is set for Sept. 5", "talks are set to resume": a
        // present arrangement lies ahead ("set a record on Sunday" is past)
        if w == "set" && k > 0 && any(t, k - 1, &["is", "are", "am", "be"]) && any(t, k + 1, &["for", "to"]) {
            return Some(Dir::Future);
        }
        // ("3,000 volunteers are expected on beaches on Saturday": a present
        // passive of expecting looks ahead, whatever follows it)
        if w == "expected" && k > 0 && any(t, k - 1, &["is", "are", "am"]) {
            return Some(Dir::Future);
        }
        if matches!(w, "planned" | "expected") {
            return any(t, k + 1, &["to", "for"]).then_some(Dir::Future);
        }
        // "plans to visit", "planning for the summit" look ahead; the noun
        // ("vacation plans for the trip") says nothing
        if matches!(w, "plan" | "plans") && !is(t, k + 1, "to") || w == "planning" && !any(t, k + 1, &["to", "for"]) {
            return None;
        }
        // "due in court Monday", "due to be released", "due to present his
        // report" point forward; "due to the rain" is a cause
        // ("it had been due to expire Friday" was a plan that changed)
        if w == "due" && k > 0 && is(t, k - 1, "been") {
            return None;
        }
        if w == "due" {
            return (!is(t, k + 1, "to") || due_to_verb(t, k, start)).then_some(Dir::Future);
        }
        // "ahead of the long weekend", "ahead of Sunday's vote": what is ahead lies ahead
        if w == "ahead" && is(t, k + 1, "of") {
            return Some(Dir::Future);
        }
        // "in the run-up to Sunday's elections", "the countdown to May 1"
        if w == "to" && k < start && k > 0 {
            let lead = is(t, k - 1, "up") && k > 2 && any(t, if is(t, k - 2, "-") { k - 3 } else { k - 2 }, &["run", "lead", "build"]);
            if lead || is(t, k - 1, "countdown") {
                return Some(Dir::Future);
            }
        }
        // "the Poets' Day, which is falling on Monday", "they are meeting on
        // Friday": the present progressive of an arrangement (before the
        // date: "signed him in the summer, is supporting" is ongoing)
        if k < start
            && k > 0
            && any(t, k - 1, &["is", "are", "am"])
            && word(t, k)
            && w.len() > 4
            && w.ends_with("ing")
            && !matches!(w, "being" | "nothing" | "something" | "anything" | "everything")
        {
            return Some(Dir::Future);
        }
        // "agreed to meet on Monday", "was ordered to attend ... in May", "is
        // to visit Friday": an infinitive after a verb of intent, command or
        // schedule lies ahead of it (but "the meeting on Thursday agreed to
        // deploy" is dated by "agreed", so only a cue on the left counts)
        if w == "to" && k < start && (infinitive_ahead(t, k) || k > 0 && is(t, k - 1, "due") && due_to_verb(t, k - 1, start)) {
            return Some(Dir::Future);
        }
        // the infinitive itself ("threatened to disrupt supplies to the
        // European Union from Monday") is the verb that governs the date
        if k < start && k > 1 && is(t, k - 1, "to") && infinitive_ahead(t, k - 1) {
            return Some(Dir::Future);
        }
        // "the law takes effect Jan. 1", "comes into force in May": a
        // schedule in the present lies ahead
        if (matches!(w, "takes" | "take") && is(t, k + 1, "effect"))
            || (matches!(w, "comes" | "come" | "enters" | "enter") && is(t, k + 1, "into") && is(t, k + 2, "force"))
        {
            return Some(Dir::Future);
        }
        // "expected no earlier than Monday", "no later than March": a bound,
        // not an adverb of the past
        if matches!(w, "earlier" | "later") && is(t, k + 1, "than") {
            return None;
        }
        // "everything is an hour earlier": a copula's length compares two clocks
        // (the copula before the length's amount and unit, "is an hour", "is two hours")
        if w == "earlier" && k >= 2 && unit(t, k - 1).is_some() && (k.saturating_sub(3)..k - 1).any(|j| super::relative::present_copula(t, j)) {
            return None;
        }
        // "in the last quarter-final": the final one, not a past one; "will
        // last through Sept. 30": the verb, whose modal tells the tense
        if w == "last" && k > 0 && (is(t, k - 1, "the") || bare_infinitive(t, k)) {
            return None;
        }
        // "will meet ... from February through June, unlike last year": the
        // "last" of a period names that period; it tells no tense of a verb
        if w == "last" && unit(t, k + 1).is_some() {
            return None;
        }
        // "soon after the riots": soon after a past event, not ahead of the document
        if w == "soon" && (any(t, k + 1, &["after", "before", "afterwards", "thereafter"]) || (k > 0 && past_verb(t, k - 1))) {
            return None;
        }
        // "difficult for Sun to meet demand": a bare verb of the lexicon
        // ("meet", "resume") after "to" takes its time from the verb it
        // depends on, which the rule above has weighed
        if t.toks[k].cue == Cue::Future && k > 0 && is(t, k - 1, "to") {
            return None;
        }
        // "a building next to the embassy": a place, not a time to come
        if w == "next" && is(t, k + 1, "to") {
            return None;
        }
        if t.toks[k].cue == Cue::Future && superseded(t, k) {
            return None;
        }
        // "was postponed until Friday" looks ahead, but "flights were
        // postponed Saturday night" dates the postponing: a participle of
        // delay points forward only through the preposition of its new date
        // (or to a fixture named by the date: "postponed Saturday's match")
        if t.toks[k].cue == Cue::Future && among(w, DELAYS) && k < start {
            let through = (k + 1..start).any(|j| any(t, j, &["to", "until", "till", "for", "by"]));
            let fixture = any(t, end, &["'s", "’s"]) || is(t, end, "'") || is(t, end, "’");
            if !through && !fixture {
                return Some(Dir::Past);
            }
        }
        if t.toks[k].cue == Cue::Future {
            return Some(Dir::Future);
        }
        // "The series wraps up on July 22", "Filming wraps Friday", as "ends"
        // (the noun is none: "took the wraps off", "ran out of chicken wraps on
        // Saturday")
        let noun = k > 0 && any(t, k - 1, OBJECT_DETERMINERS) || k > 1 && any(t, k - 2, &["of", "with", "for"]);
        if w == "wraps" && !noun && (any(t, k + 1, &["up", "on"]) || start == k + 1) {
            return Some(Dir::Future);
        }
        // (a timetable's verb also after its date, with its hour: "the first
        // flight on Monday leaves at 7:10 a.m."; not "the ruling on Friday
        // opens the way")
        // (or its plural after a plural subject: "On Friday, the doors open at 1 p.m.")
        let timetable = among(w, TIMETABLE_VERBS_S) || among(w, TIMETABLE_VERBS_PLURAL);
        if (k < start || timetable && is(t, k + 1, "at")) && schedule_present(t, k) {
            return Some(Dir::Future);
        }
        // "construction work should begin in July": a modal before its verb
        // looks ahead ("may have been", "must not" do not; "could" is also
        // the past of "can": "could be located Wednesday")
        // "would" is the future of a past report ("said the bridge would
        // reopen Monday"), unless an infinitive between takes the date ("would
        // look for ways to get around Wednesday's ruling")
        let infinitive_between = || (k + 1..start).any(|j| is(t, j, "to") && !preposition_to(t, j) && word(t, j + 1));
        // ("fans can see the first episodes on Wednesday": "can" offers what is to come)
        let modal = matches!(w, "should" | "may" | "might" | "must" | "can") && !cap(t, k) || w == "would" && !infinitive_between();
        if k < start && modal && !any(t, k + 1, &["have", "not"]) {
            return Some(Dir::Future);
        }
        // ("said its last departure on Saturday would leave at 9.55pm": a
        // date in the subject of "would" and a verb with a clock time of its
        // own is a timetable's; not "the crash on Saturday would be investigated")
        if k == end && w == "would" && word(t, k + 1) && !any(t, k + 1, &["have", "not", "be"]) && (k + 2..k + 4).any(|j| is(t, j, "at")) {
            return Some(Dir::Future);
        }
        // "revenue for the year ended June 30 is expected to top": a
        // participle that names a period by its end dates no event
        if w == "ended" && k + 1 == start && k > 0 && any(t, k - 1, PERIOD_NOUNS) {
            return None;
        }
        // a passive ("will be released Friday", "is paid in January") takes
        // its tense from the auxiliary: look on past the participle
        if past() && perfect_in_time_clause(t, k, end) {
            return None;
        }
        // "a satellite built by Orbital", "results, followed by a webcast": a
        // participle with its agent after a noun or a comma, no verb of the clause
        if past() && is(t, k + 1, "by") && k > 0 && !any(t, k - 1, AUXILIARIES) && (is(t, k - 1, ",") || word(t, k - 1) && !cap(t, k - 1)) {
            return None;
        }
        // "a call at 21:00 on Friday, timed to catch fund managers": a participle set
        // off by a comma before its complement (not a report: ", said on Monday")
        if past() && k > 0 && is(t, k - 1, ",") && any(t, k + 1, &["to", "for", "with"]) && !any(t, k, super::cues::REPORTING) {
            return None;
        }
        // "will reach Cherbourg at 17:00 on Sunday, having lost an hour": a perfect
        // participle set off by a comma tells what comes before its clause's time
        if past() && k > 1 && is(t, k - 1, "having") && is(t, k - 2, ",") {
            return None;
        }
        // "host a webinar on Wednesday at 11 a.m., streamed on its YouTube
        // channel": a participle set off right after the time, with its
        // phrase, tells how the thing is done, not when
        if past() && k > end && k <= end + PARTICIPLE_AFTER && is(t, k - 1, ",") && any(t, k + 1, &["on", "via", "live", "online", "by", "in"]) {
            return None;
        }
        if past() {
            return (!passive(t, k)).then_some(Dir::Past);
        }
        // "its last 200 seats", "the last episode": an adjective, no adverb of the past
        if w == "last" && k > 0 && any(t, k - 1, &["the", "its", "their", "his", "her", "our", "my", "your", "a"]) {
            return None;
        }
        // ("9 p.m. on Saturday is also 9 p.m. local time, since both cities are
        // five hours behind": after a comma and before a clause, "since" gives a
        // reason, no time behind)
        if w == "since" && k > 0 && is(t, k - 1, ",") && word(t, k + 1) && !cap(t, k + 1) {
            return None;
        }
        // the adverbs ("ago", "yesterday", "recently"); a past form taken
        // for an adjective ("Chinese-made", "the cut") is no cue
        (t.toks[k].cue == Cue::Past && among(w, ADVERB_CUES)).then_some(Dir::Past)
    };
    // (most words around an expression can be no cue at all: they are read
    // only when `may_cue` says they can; the tests check that it never
    // passes over one)
    let classify = |k: usize| -> Option<Dir> {
        if may_cue(t, k) {
            return read_cue(k);
        }
        debug_assert!(read_cue(k).is_none(), "{:?} at token {k} is a cue that may_cue passes over", t.raw(k));
        None
    };
    // a reporting verb ("said", "told") sets the tense of the report, not of
    // what is reported: it counts only when nothing else is in reach, unless
    // the expression dates the report itself: "said Monday", "said on Monday",
    // and with only the setting or the speaker between, "announced here
    // Monday", "said in a statement on Monday", "said spokesman Liu Jianchao
    // Thursday"
    // (an adverb of manner may stand between too: "warned publicly in
    // August", "said separately on Monday")
    let manner = |j: usize| word(t, j) && !cap(t, j) && t.lw(j).len() > 4 && t.lw(j).ends_with("ly");
    let dates_report = |k: usize| {
        k == end
            || k < start
                && start - k <= REPORT_SETTING_REACH
                && (k + 1..start).all(|j| (word(t, j) && cap(t, j)) || any(t, j, REPORT_SETTING) || manner(j))
    };
    let reporting = |k: usize| any(t, k, super::cues::REPORTING) && !dates_report(k);
    // where the phrase the expression heads begins: on one of `preps` right
    // before it, or at the expression itself
    let lead_by = |preps: &[&str]| if start > 0 && any(t, start - 1, preps) { start - 1 } else { start };
    // "a hearing beginning August 19", "a visit starting on Monday": a
    // schedule set out after a noun lies ahead
    let lead = lead_by(&["in", "on", "from"]);
    if lead >= 2
        && any(t, lead - 1, &["beginning", "starting"])
        // (or after a comma, in a clause with no past verb before it: "opens at
        // 9 a.m. each weekday morning, beginning Friday, until Dec. 4")
        && (word(t, lead - 2) || is(t, lead - 2, ",") && !(lead.saturating_sub(2 + TENSE_REACH)..lead - 2).any(|k| past_verb(t, k)))
        && !cap(t, lead - 1)
        && !any(t, lead - 2, &["is", "are", "was", "were", "be", "been"])
        // ("the deal beginning in December was not ...": the noun is the
        // subject of a past verb right after)
        && !(end..(end + 2).min(t.len())).any(|k| any(t, k, &["was", "were", "had"]) || past_verb(t, k))
    {
        return Some((Dir::Future, None));
    }
    // "Starting Monday, the segment moves to 7:40 a.m.": a sentence that opens
    // with its start sets out what lies ahead (unless its verb is past:
    // "Starting Monday, the show moved")
    if lead >= 1
        && any(t, lead - 1, &["beginning", "starting", "effective"])
        && (lead == 1 || t.toks[lead - 1].newline_before || any(t, lead - 2, &[".", "\"", "“", "—"]))
        && !(end..(end + TENSE_REACH).min(t.len())).any(|k| any(t, k, &["was", "were", "had"]) || past_verb(t, k))
    {
        return Some((Dir::Future, None));
    }
    // "directed both sides to file submissions by 4 p.m. on Friday", "asked to
    // lodge submissions by 5pm on Friday 9 October": a deadline of what is to be
    // done lies ahead
    let clause_start = (start.saturating_sub(2 * TENSE_REACH)..start).rev().find(|&k| any(t, k, &[",", ";", ".", "!", "?"])).map_or(0, |k| k + 1);
    let to_do = (clause_start.max(start.saturating_sub(2 * TENSE_REACH))..start).find(|&k| is(t, k, "to") && word(t, k + 1) && !preposition_to(t, k));
    if to_do.is_some_and(|k| (k..start).any(|j| is(t, j, "by"))) {
        return Some((Dir::Future, None));
    }
    // "rallies were announced for Sunday", "a vote called for March 3": a
    // past form with "for" sets a named day to come ("arrested for Sunday's
    // attack" names a past one)
    if start >= 2 && is(t, start - 1, "for") && past_form(t, start - 2) && cap(t, start) && !any(t, end, &["'", "’", "'s"]) {
        return Some((Dir::Future, None));
    }
    // "named a team for Saturday's semifinal", "ahead of Sunday's final": a
    // fixture named by its day, awaited (not "arrested for Sunday's attack")
    let awaited = start >= 1 && any(t, start - 1, &["for", "before"]) || start >= 2 && is(t, start - 2, "ahead") && is(t, start - 1, "of");
    if awaited && cap(t, start) && any(t, end, &["'", "’", "'s"]) && (end + 1..(end + 6).min(t.len())).any(|k| any(t, k, FIXTURES)) {
        return Some((Dir::Future, None));
    }
    // "listed a final hearing for Thursday at 9:45 a.m.", "has called a news
    // conference at the Coliseu on Thursday at 11 a.m.": a verb of setting a
    // time, past its object, dates what is set, which lies ahead
    // (with "on", only a day with its hour: "called a strike on Monday" may date
    // the call)
    let lead = lead_by(&["for", "on"]);
    // (the hour written after the day or right before it: "at noon on Monday")
    // (or a window of hours after it: "permitted the concert on Saturday until 11 p.m.")
    let timed = any(t, end, &["at", "until", "from", "between"]) && digits(t, end + 1)
        || start >= 2 && is(t, start - 1, "on") && (digits(t, start - 2) || any(t, start - 2, &["a.m.", "p.m.", "am", "pm", "noon", "midnight"]));
    if lead > 0
        && lead < start
        && (is(t, lead, "for") || timed)
        && cap(t, start)
        && (lead.saturating_sub(2 * TENSE_REACH)..lead)
            .rev()
            .take_while(|&k| !any(t, k, &[",", ";", ".", "and", "but"]))
            // (with its object after it: not "its record high set on Aug. 6")
            .any(|k| (any(t, k, SETTING_VERBS) || any(t, k, PERMITTING_VERBS)) && any(t, k + 1, OBJECT_DETERMINERS))
    {
        return Some((Dir::Future, None));
    }
    // (at a clock time alone too, after a verb that fixes a moment, not one
    // that also tells an act done then: "fixed the auspicious moment at 6:42
    // p.m.", not "called the police at 11 p.m.")
    // (and a window of clock times after a verb that permits its object, the
    // hours it is allowed: "has approved the march between 8 a.m. and 3 p.m.";
    // not the moment of the act, "approved the budget at 3 p.m.")
    let clock_after = |words: &[&str]| start >= 1 && any(t, start - 1, words) && (digits(t, start) || any(t, start, &["noon", "midnight"]));
    let object_of = |verbs: &[&str]| {
        (start.saturating_sub(1 + TENSE_REACH)..start - 1)
            .rev()
            .take_while(|&k| !any(t, k, &[",", ";", ".", "and", "but"]))
            .any(|k| any(t, k, verbs) && any(t, k + 1, OBJECT_DETERMINERS))
    };
    if clock_after(&["at"]) && object_of(FIXING_VERBS) || clock_after(&["between", "from"]) && object_of(PERMITTING_VERBS) {
        return Some((Dir::Future, None));
    }
    // "results were expected Monday", "a ruling is expected by March": what
    // is expected lies ahead ("as expected" and "than expected" say nothing)
    let lead = lead_by(&["in", "on", "by", "at", "within", "over", "for", "during"]);
    if lead >= 2 && is(t, lead - 1, "expected") && !any(t, lead - 2, &["as", "than"]) {
        return Some((Dir::Future, None));
    }
    // "the vote is on Sunday", "the deadline is Friday", "talks are set for
    // March 3": what the present copula dates lies ahead ("today is Monday"
    // and "it is Monday" name the present)
    // (past a clock time between: "kickoff is at 7:30 p.m. ET on Sunday")
    let clockish = |k: usize| {
        digits(t, k)
            || any(t, k, &["on", "at", "for", ":", "a.m.", "p.m.", "am", "pm", "noon", "midnight", "local", "time"])
            || t.toks[k].class & crate::lexicon::class::ZONE != 0
    };
    // "has until midnight on Saturday to publish", "gave them until Friday to
    // leave": a deadline for what is still to be done lies ahead
    let mut k = start.saturating_sub(1);
    while k > 0 && k + 4 > start && clockish(k) {
        k -= 1;
    }
    let holder = (k.saturating_sub(DEADLINE_REACH)..k).any(|j| any(t, j, DEADLINE_HOLDERS));
    if k < start && holder && any(t, k, &["until", "till", "by"]) && is(t, end, "to") && word(t, end + 1) && !any(t, end + 1, NOT_INFINITIVE) {
        return Some((Dir::Future, None));
    }
    let mut lead = lead_by(&["on", "at", "for"]);
    if lead < start {
        let floor = lead.saturating_sub(8);
        while lead > floor && clockish(lead - 1) {
            lead -= 1;
        }
    }
    // (the subject may close an aside first: "The final, with a prize of
    // N50 million, is on Saturday")
    if lead >= 2
        && any(t, lead - 1, &["is", "are"])
        && !any(t, lead - 2, &["today", "tonight", "now", "it", "this", "that", "what"])
        && (word(t, lead - 2) || any(t, lead - 2, &[",", ")"]))
    {
        return Some((Dir::Future, None));
    }
    // "will grow by 0.6 percent from the third quarter", "up from 3.2
    // percent in May": the base a figure is compared with has been measured
    let lead = lead_by(&["in", "on"]);
    if lead >= 3 && is(t, lead - 1, "from") && any(t, lead - 2, &["percent", "%", "points", "cents"]) {
        return Some((Dir::Past, None));
    }
    // "In January, a week after the anniversary of the decision, a clinic
    // bombing killed ...": a date fronted before a comma frames the main
    // clause, whose first verb dates it however far it stands
    // (not after a closing quotation mark: '"... resumes its session" on
    // Monday, the spokesman told'; not "By Friday," a deadline)
    if fronted(t, start, end) {
        // (past a relative clause set off by commas, whose verb is its own: "On
        // Thursday, the guitarist, who produced the record, will play")
        let hi = (end + TENSE_SENTENCE_REACH).min(t.len());
        // (the comma that closes a relative clause opened at `k`, if it does)
        let relative_close = |k: usize| {
            (is(t, k, ",") && any(t, k + 1, &["who", "which", "whose", "whom"]))
                .then(|| (k + 2..(k + 2 + RELATIVE_CLAUSE_REACH).min(hi)).take_while(|&j| !stop(j)).find(|&j| is(t, j, ",")))
                .flatten()
        };
        let mut main = None;
        let mut k = end + 1;
        while k < hi && !stop(k) {
            if let Some(close) = relative_close(k) {
                k = close + 1;
                continue;
            }
            if let Some(d) = classify(k) {
                main = Some((d, Some(k)));
                break;
            }
            k += 1;
        }
        if main.is_some() {
            return main;
        }
    }
    let mut report: Option<Dir> = None;
    let mut left_open = true;
    let mut right_open = true;
    // quotation marks: a reporting verb past one frames the quotation ("...
    // before March," he said) and says nothing of the tense inside, and a
    // quotation opened after the expression is another utterance ("... that
    // killed 19 servicemen in June, Washington "will respond"")
    let quote = |k: usize| any(t, k, &["\"", "``", "''", "“", "”"]);
    let opens = |k: usize| quote(k) && adj(t, k + 1) && (k == 0 || t.toks[k].space_before);
    let (mut left_quoted, mut right_quoted) = (false, false);
    // a cue decides, unless it is a reporting verb: that is kept as a fallback
    let mut weigh = |k: usize, quoted: bool| -> Option<(Dir, Option<usize>)> {
        let dir = classify(k)?;
        if !reporting(k) {
            return Some((dir, Some(k)));
        }
        if !quoted {
            report = report.or(Some(dir));
        }
        None
    };
    // a number written with a point or comma ("5.50", "1,200"), or a score
    // or range joined by a hyphen ("94-91"), counts as one token of the distance
    let number = |k: usize| digits(t, k) && k >= 2 && adj(t, k) && any(t, k - 1, &[".", ",", "-"]) && adj(t, k - 1) && digits(t, k - 2);
    // "unseen since he underwent surgery in July, will spotlight": a clause
    // opened by a subordinator before the expression ends at a comma after
    // it; the main clause past that comma dates it only when the clause
    // itself does not ("when the talks open in July, the ministers will sign")
    let subordinate = (start.saturating_sub(TENSE_REACH)..start)
        .rev()
        .take_while(|&k| !boundary(k + 1) && !stop(k))
        .any(|k| any(t, k, SUBORDINATORS) || any(t, k, &["since", "when", "while"]));
    let mut deferred: Option<usize> = None;
    // a participle set off by commas ("the minister, speaking on Tuesday,
    // said"): it is dated by the clause around it, not by what follows
    let aside = is(t, end, ",") && {
        let p = if start > 0 && any(t, start - 1, &["on", "in", "at"]) { start - 1 } else { start };
        p >= 2 && word(t, p - 1) && !cap(t, p - 1) && t.lw(p - 1).len() > 4 && t.lw(p - 1).ends_with("ing") && is(t, p - 2, ",")
    };
    // "... on Saturday and were planning ...", "... Sunday after the
    // government agreed ...": a verb after "and" or "but", or a subordinating
    // conjunction, opens another clause, whose tense is its own
    // (so does ", and" or ", but" before a subject of its own: "will hold
    // sessions daily from Tuesday through Friday, and the union has asked")
    // (and a participle set off after it, with its object: "will run from 4:15
    // p.m. on Monday, giving an early read", whose verbs are the clause's)
    // (not an aside that a comma closes before the main verb: "Officials on
    // Thursday, citing the three deaths, ordered the park closed")
    let participle = |k: usize| {
        is(t, k, ",")
            && word(t, k + 1)
            && !cap(t, k + 1)
            && t.lw(k + 1).len() > 5
            && t.lw(k + 1).ends_with("ing")
            && (any(t, k + 2, &["a", "an", "the", "its", "his", "her", "their", "our"]) || digits(t, k + 2))
            && !(k + 2..(k + 2 + TENSE_REACH).min(t.len())).take_while(|&j| !stop(j)).any(|j| is(t, j, ","))
    };
    let closes = |k: usize| {
        boundary(k)
            || opens(k)
            || any(t, k, SUBORDINATORS)
            || k >= end && participle(k)
            || (any(t, k, &["and", "but"]) && k + 1 < t.len() && classify(k + 1).is_some())
            || (any(t, k, &["and", "but"])
                && k > 0
                && is(t, k - 1, ",")
                // (a bare noun only with its verb right after: "and police warned",
                // not a subject of two nouns, "the parade on Friday, and fireworks
                // on Saturday night will go ahead")
                && (any(t, k + 1, CLAUSE_SUBJECTS) || word(t, k + 1) && classify(k + 1).is_none() && k + 2 < t.len() && classify(k + 2).is_some())
                // (with a verb of its own before the next comma: not "The Monday
                // deadline, and the penalties, will be waived")
                && (k + 2..(k + 2 + TENSE_REACH).min(t.len())).take_while(|&j| !is(t, j, ",")).any(|j| classify(j).is_some()))
    };
    let (mut left, mut right) = (start, end);
    let possessive = any(t, end, &["'", "’", "'s"]);
    for d in 1..=TENSE_REACH {
        if left_open && left > 0 {
            let mut k = left - 1;
            while number(k) {
                k -= 2;
            }
            // an aside in parentheses counts as one token: "passed at 5 p.m.
            // local time (2200 GMT) on Friday"
            if is(t, k, ")") {
                if let Some(open) = (k.saturating_sub(PAREN_REACH)..k).rev().find(|&j| is(t, j, "(")) {
                    k = open;
                }
            }
            left = k;
            left_quoted |= quote(k);
            if boundary(k + 1) && d > 1 || stop(k) {
                left_open = false;
            } else if let Some(found) = weigh(k, left_quoted) {
                return Some(found);
            }
        }
        let mut k = right;
        while k + 2 < t.len() && number(k + 2) {
            k += 2;
        }
        if is(t, k, "(") {
            if let Some(close) = (k + 1..(k + 1 + PAREN_REACH).min(t.len())).find(|&j| is(t, j, ")")) {
                k = close;
            }
        }
        // (after a possessive date, a name of several words counts as one:
        // "Sunday's tie between Tayport United and Greenock Thistle starts")
        while possessive && k > end + 1 && word(t, k) && cap(t, k) && word(t, k + 1) && cap(t, k + 1) {
            k += 1;
        }
        right = k + 1;
        if right_open && k < t.len() {
            right_quoted |= quote(k);
            if subordinate && is(t, k, ",") {
                right_open = false;
                deferred = Some(k);
            } else if aside && k == end {
                // past the aside only a report counts: "the minister, speaking
                // on Tuesday, said talks would resume"
                right_open = false;
                // (weighing a report only notes it)
                for j in (end + 1..(end + TENSE_REACH).min(t.len())).take_while(|&j| !closes(j)).filter(|&j| reporting(j)) {
                    weigh(j, right_quoted);
                }
            } else if closes(k) {
                right_open = false;
            } else if let Some(found) = weigh(k, right_quoted) {
                return Some(found);
            }
        }
    }
    // the main clause after the subordinate one, within the same reach
    if let Some(comma) = deferred {
        for k in comma + 1..(end + TENSE_REACH).min(t.len()) {
            right_quoted |= quote(k);
            if closes(k) {
                break;
            }
            if let Some(found) = weigh(k, right_quoted) {
                return Some(found);
            }
        }
    }
    // a possessive date opening its sentence is dated by its noun's verb
    // however far an aside puts it ("Sunday's hilly second stage, from Haro
    // to Laguardia, starts at 11:15 a.m.")
    if possessive && (start == 0 || opens_sentence(t, start) || any(t, start - 1, &["—", "–", "--"])) {
        let verb = (end..(end + TENSE_SENTENCE_REACH).min(t.len()))
            .take_while(|&k| !stop(k))
            .find_map(|k| classify(k).filter(|_| !reporting(k)).map(|d| (d, Some(k))));
        if verb.is_some() {
            return verb;
        }
    }
    // nothing near but perhaps a reporting verb: a "will" anywhere earlier in
    // the sentence still points forward ("who will start a visit to China on
    // Sunday, said ..."), and says more than the report does; so does the
    // "can" of an offer ("fans can also join an online question-and-answer
    // session on Sunday")
    let mut earlier =
        (start.saturating_sub(TENSE_SENTENCE_REACH)..start).rev().take_while(|&k| !stop(k) && (k + 1 == start || !t.toks[k + 1].newline_before));
    // (not past a participle after it: "can be held until Saturday after being
    // arrested on Tuesday")
    // (and so does the present of a schedule, past a time and its readings:
    // "The talks begin at 10:00 am in Moscow (0700 GMT) on Monday")
    let no_past_since = |k: usize| !(k + 1..start).any(|j| past_form(t, j));
    if earlier.any(|k| will(k) || (is(t, k, "can") && !cap(t, k) || schedule_present(t, k)) && no_past_since(k)) {
        return Some((Dir::Future, None));
    }
    // nothing near: a verb farther back in the same clause ("changed from a
    // fiscal year to a calendar year in December", "hope to complete them by
    // the time of the meeting in late September") still tells its tense,
    // though not firmly, and says more than a report does; a comma, a
    // quotation mark or a word that opens a clause ends the search
    // (a possessive date, "Sunday's final", is dated by the noun's verb)
    let far = || {
        if !left_open || any(t, end, &["'", "’", "'s"]) {
            return None;
        }
        let (k, dir) = (start.saturating_sub(CLAUSE_REACH)..start)
            .rev()
            // (the "and" of "between 1 and 3 a.m." joins two times, not two clauses)
            .take_while(|&k| {
                let between = is(t, k, "and") && (k.saturating_sub(3)..k).any(|j| is(t, j, "between"));
                !boundary(k + 1) && !stop(k) && !quote(k) && !any(t, k, &[",", "(", ")"]) && (!any(t, k, CLAUSE_OPENERS) || between)
            })
            .filter(|&k| k < left && !reporting(k))
            .find_map(|k| classify(k).map(|d| (k, d)))?;
        // (a perfect, "has extended loans through January", "had been
        // expected at the funeral Tuesday", tells no past time of its own,
        // and a bound after "through", "until" or "by" may lie ahead)
        match dir {
            Dir::Past
                if !past_verb(t, k)
                    || any(t, k, &["had", "been"])
                    || (k.saturating_sub(2)..k).any(|j| any(t, j, &["has", "have", "had", "been"]))
                    || start > 0 && any(t, start - 1, &["to", "until", "till", "through", "by"]) =>
            {
                None
            }
            dir => Some((dir, Some(k))),
        }
    };
    // nothing but perhaps a report: a deadline lies ahead of the sentence's
    // present ("she has until midnight on Saturday to publish a map, the
    // ruling said", "comments are due by Friday"); what the report says is
    // its own tense
    let deadline = || {
        let mut k = start.checked_sub(1)?;
        while k > 0 && k + 4 > start && clockish(k) {
            k -= 1;
        }
        any(t, k, &["until", "till", "by"]).then_some((Dir::Future, None))
    };
    far().or_else(deadline).or(report.map(|d| (d, None)))
}
