//! Languages. Each language is a folder with its word lists (data files
//! compiled in) and its rules; the engine core reaches them only through
//! [`Language`].

pub mod en;

use crate::expr::Tense;
use crate::grammar::{Found, Link, Rule};
use crate::lex::Tokens;

/// Everything the engine needs from one language.
#[derive(Clone, Copy)]
pub struct Language {
    /// ISO 639-1 code.
    pub code: &'static str,
    /// The lexicon data file.
    pub lexicon: &'static str,
    /// The grammar rules, in priority order.
    pub rules: &'static [Rule],
    /// The linking pass run after composition.
    pub link: fn(&Tokens<'_>, &mut Vec<Found>) -> Vec<Link>,
    /// Tense cues: the direction a sentence points to around tokens
    /// `[start, end)`, and whether a verb governing them makes it firm.
    pub tense: fn(&Tokens<'_>, usize, usize) -> Tense,
    /// Whether the expression at tokens `[start, end)` sets the time frame of
    /// the rest of its sentence ("In 1976, the pound began a slide ... in
    /// September"): a month or day without a year later in that sentence
    /// falls in the frame's year.
    pub frames: fn(&Tokens<'_>, usize, usize) -> bool,
    /// The dateline of a news article, if it has one: the token range of
    /// its place, and the token after the dateline.
    pub dateline: fn(&Tokens<'_>) -> Option<(usize, usize, usize)>,
    /// Whether the expression at tokens `[start, end)` dates a statement
    /// ("said Wednesday") rather than an event.
    pub reports: fn(&Tokens<'_>, usize, usize) -> bool,
    /// Whether the words between two clock times (tokens `[from, to)`)
    /// restate the first in another zone ("or", "which is", a parenthesis).
    pub restates: fn(&Tokens<'_>, usize, usize) -> bool,
    /// Whether the words between two clock times (tokens `[from, to)`) only
    /// join them as items of one list, past the place the first is read in
    /// ("in Paris and", ", and"): after a restatement, the next item restates
    /// the same time too.
    pub joins_list: fn(&Tokens<'_>, usize, usize) -> bool,
    /// Which way the word at `k`, right after a length, shifts from the day
    /// under discussion ("later" 1, "earlier" -1), if it is such a word.
    pub shift_word: fn(&Tokens<'_>, usize) -> Option<i8>,
    /// Whether the tokens `[from, to)` lead from such a shift to the clock
    /// time it dates ("at", ", at").
    pub shift_then_clock: fn(&Tokens<'_>, usize, usize) -> bool,
    /// Whether the words between a schedule's clock time and a later one of
    /// its sentence (tokens `[from, to)`) tell a time that follows each
    /// occurrence: an arrival ("leaves at 9:40 p.m., landing at 9:05 a.m.
    /// the next day"), "on the same days", "each".
    pub follows_each: fn(&Tokens<'_>, usize, usize) -> bool,
    /// Whether the words between two clock times of one sentence (tokens
    /// `[from, to)`) tell the second as what follows the first (its end, an
    /// arrival, a moment within it): a time counted back from the event
    /// ("Doors open 30 minutes earlier") counts from the first.
    pub follows_on: fn(&Tokens<'_>, usize, usize) -> bool,
    /// Whether the words between a date and a later day of its sentence
    /// (tokens `[from, to)`) tell that day as what follows on the date (an
    /// arrival, an end): the day is of the days after the date.
    pub follows_day: fn(&Tokens<'_>, usize, usize) -> bool,
    /// Whether the words between a clock time and a later one of its
    /// sentence (tokens `[from, to)`) tell the later as the arrival of the
    /// trip the first leaves on ("leaves at 9:25 p.m. and is due in Madrid
    /// at 8:40 a.m. on Monday"): a day written after the arrival is its own.
    pub arrival_follows: fn(&Tokens<'_>, usize, usize) -> bool,
    /// Whether the words between a day and a later one of its sentence
    /// (tokens `[from, to)`) tell a reopening after a closing ("close at 5
    /// p.m. on Monday and reopen at 8 a.m. on Wednesday"): the later day is
    /// of the days after the first.
    pub reopens: fn(&Tokens<'_>, usize, usize) -> bool,
    /// Whether tokens `[from, to)` tell a closing ("will close", "is closed",
    /// "shuts"): what a reopening told in the next sentence follows.
    pub closes: fn(&Tokens<'_>, usize, usize) -> bool,
    /// Whether tokens `[from, to)` tell a run going on from what was told
    /// before ("Performances continue on Tuesdays", "The run then continues
    /// every Friday"): a schedule told so starts after the happenings dated
    /// before it.
    pub continues: fn(&Tokens<'_>, usize, usize) -> bool,
    /// Whether the place at token `k` is named as an audience's, which reads
    /// a time on its own clock ("for investors in New York", "viewers in Sydney").
    pub audience: fn(&Tokens<'_>, usize) -> bool,
    /// Whether the word at token `k`, right after a list of clock times,
    /// pairs them in order with a list of places told before ("in Doha and
    /// Dubai ... at 7:45 a.m. and 8:45 a.m. respectively").
    pub respectively: fn(&Tokens<'_>, usize) -> bool,
    /// How token `k` bears on the clauses of its sentence: whether it opens
    /// a clause after a comma ("..., so the window opens at 10:14 UTC"), or
    /// opens a sentence with a clause that its first comma closes
    /// ("Because clocks go back on Sunday, the call starts at 9:30 p.m.").
    pub clause: fn(&Tokens<'_>, usize) -> Option<ClauseCue>,
    /// Whether token `k` makes the date after it a bound rather than the
    /// day of an event ("by Friday, April 17", "until Oct. 27").
    pub bounds: fn(&Tokens<'_>, usize) -> bool,
    /// Whether the words before token `k` say that something stays open or
    /// goes on until the time at `k` ("will stay open until 2 a.m.", "the
    /// after-party runs until 5 a.m."): a time of the small hours there ends
    /// the night of its day.
    pub open_until: fn(&Tokens<'_>, usize) -> bool,
    /// Whether the word at `k`, followed by a point, is an abbreviation that
    /// does not end a sentence ("Sept.", "Mr.", "Calif."), unlike "New York."
    pub abbreviation: fn(&Tokens<'_>, usize) -> bool,
    /// Whether the midnight at token `start`, on the day ending at token
    /// `day_end` (written with it when `attached`), begins that day rather
    /// than ends it: "enters into force at midnight GMT on Thursday, Jan.
    /// 1", "at midnight, just as Friday began".
    pub onset: fn(&Tokens<'_>, usize, usize, bool) -> bool,
    /// Whether token `k` names the day of the article's own event by the
    /// event ("matchday", "polling day", "on the night").
    pub names_event_day: fn(&Tokens<'_>, usize) -> bool,
    /// Pushes the tokens of the nouns that the day at `[start, end)` dates
    /// ("the grand final on Sunday", "Sunday's final round"), so that a
    /// later time whose clause names one again falls on that day.
    pub dated_nouns: fn(&Tokens<'_>, usize, usize, &mut Vec<usize>),
    /// The noun that names a holiday again ("on the holiday" after "for All
    /// Saints' Day"): a holiday's date dates it.
    pub holiday_noun: &'static str,
    /// Whether the word at `k` is the noun of a noun phrase that may name
    /// an event dated before ("the final starts at 11 a.m. ET").
    pub names_dated_noun: fn(&Tokens<'_>, usize) -> bool,
    /// The noun of an event a schedule runs until, when token `k` is the
    /// word of the bound ("until the deadline"), and whether its end is the
    /// day before it ("until the exams begin").
    pub end_noun: fn(&Tokens<'_>, usize) -> Option<(usize, bool)>,
    /// Whether the day at `[start, end)` is said between a determiner and
    /// the noun of a happening it tells apart ("the Saturday evening show").
    pub dates_noun_after: fn(&Tokens<'_>, usize, usize) -> bool,
    /// Pushes the nouns of the event whose first day the day at `[start,
    /// end)` names ("the first day of the new timetable").
    pub first_day_of: fn(&Tokens<'_>, usize, usize, &mut Vec<usize>),
    /// Whether the day at `[start, end)` is the day a change of the clocks
    /// is told of ("where clocks fall back an hour on Sunday"), which dates
    /// no event of the article.
    pub clock_change: fn(&Tokens<'_>, usize, usize) -> bool,
    /// Whether the words from token `k` on make the holiday before them a
    /// stretch of days ("the Lunar New Year holiday", "over the Christmas
    /// break"), which names no one weekday.
    pub holiday_period: fn(&Tokens<'_>, usize) -> bool,
    /// Whether the words from token `k` on name the zone of the clock time
    /// just before them ("9 a.m. Geneva time"), so that the point of its
    /// "a.m." ends no sentence.
    pub zone_goes_on: fn(&Tokens<'_>, usize) -> bool,
    /// Whether the words from token `k` on name the day just told of
    /// without being a date themselves ("at 4 a.m. that day").
    pub day_told: fn(&Tokens<'_>, usize) -> bool,
    /// Whether the word at `k` joins a day to the time just before it ("at
    /// 7:15 a.m. on Sunday in Melbourne"): what follows that day still
    /// tells of the time.
    pub day_preposition: fn(&Tokens<'_>, usize) -> bool,
    /// Whether the words at `k` name the place a time is read in ("in
    /// Melbourne").
    pub place_follows: fn(&Tokens<'_>, usize) -> bool,
    /// Whether the word at `k` may stand between a place and the day and
    /// clock time told of it, the place then being that time's ("in São
    /// Paulo on April 19 at 10 p.m.", "Calgary's Scotiabank Saddledome on
    /// Saturday, Nov. 14, at 7 p.m.").
    pub leads_to_time: fn(&Tokens<'_>, usize) -> bool,
    /// Whether the clock time at tokens `[start, end)` names a happening
    /// told before ("the 3 p.m. start", "the 10:30 a.m. broadcast"): a
    /// definite noun phrase the time modifies.
    pub definite_clock: fn(&Tokens<'_>, usize, usize) -> bool,
    /// Whether the word at `k` opens the start of a run ("starting Monday,
    /// March 10", "from Tuesday, Dec. 1").
    pub starts_run: fn(&Tokens<'_>, usize) -> bool,
    /// Whether the place name at tokens `[start, end)` is that of a landform
    /// ("Long Beach", "Sandy Bay"): a name many places share.
    pub landform_name: fn(&Tokens<'_>, usize, usize) -> bool,
    /// Whether the city name at tokens `[start, end)` stands after a
    /// determiner and ends its phrase, as a street's or district's there does
    /// ("along the Alameda"; not "the Dublin team").
    pub determined_name: fn(&Tokens<'_>, usize, usize) -> bool,
    /// Whether the words from token `k` on name the days of the schedule
    /// told before ("on the same days"): a time told with them recurs as
    /// that schedule does.
    pub same_days: fn(&Tokens<'_>, usize) -> bool,
    /// Whether the words from token `k` on name each of the days just told
    /// of ("on both days", "both show days"): a time told with them recurs
    /// on each.
    pub each_day_told: fn(&Tokens<'_>, usize) -> bool,
    /// How many days the words from token `k` count, where they name each
    /// of a run's days and say how many ("on each of the five days"): the
    /// run's length from its first day, when no days were told.
    pub days_counted: fn(&Tokens<'_>, usize) -> Option<u32>,
    /// Whether the words from token `k` name the two of a weekday in a run
    /// told before ("on both Sundays"): a schedule on them takes the run's
    /// bounds.
    pub both_of_days: fn(&Tokens<'_>, usize) -> bool,
    /// Whether the word at `k` names nights ("on both nights"): a time of
    /// their small hours falls on the morning after each.
    pub names_nights: fn(&Tokens<'_>, usize) -> bool,
    /// Whether the words at `k` open a phrase that tells what goes with the
    /// clause before it (", with gates opening at 9 a.m."): a time in it is
    /// told for that clause's days.
    pub accompanies: fn(&Tokens<'_>, usize) -> bool,
    /// Whether the word at `k` joins a further clause of a sentence, one that
    /// goes on with the same occasion (", and the first acts are due on stage
    /// at 8 p.m.", "and close at 11 p.m."): a time in it, with no day of its
    /// own, is told for the days the clause before it named.
    pub joins_clause: fn(&Tokens<'_>, usize) -> bool,
    /// Whether the word at `k` opens a noun phrase (a determiner: "the",
    /// "its", "every"): after a fronted phrase with no comma, the clause's
    /// subject ("On launch day the servers will be offline").
    pub opens_noun_phrase: fn(&Tokens<'_>, usize) -> bool,
    /// Whether the noun at `k` has a word of its own before it, not a
    /// determiner ("the sprint race", "the women's final"): it may name
    /// another happening of its kind than the one dated before.
    pub modified_noun: fn(&Tokens<'_>, usize) -> bool,
    /// Whether tokens `[from, to)` tell the way back of a trip told before
    /// ("The return flight", "Sailings in the other direction"): its times
    /// keep that schedule's days.
    pub tells_way_back: fn(&Tokens<'_>, usize, usize) -> bool,
    /// Whether tokens `[from, to)` hold a verb in a past form ("appeared",
    /// "was"): a sentence that tells of the past.
    pub tells_past: fn(&Tokens<'_>, usize, usize) -> bool,
    /// Whether a past perfect stands in the clause just before token `at`
    /// ("Forecasters had met at 5 a.m."): what it tells is done.
    pub perfect_before: fn(&Tokens<'_>, usize) -> bool,
    /// Which way the word at `k`, right after a length, counts it from an
    /// event named by the words after it ("[15 minutes] before the first
    /// dart": -1), if it does.
    pub counts_from_event: fn(&Tokens<'_>, usize) -> Option<i8>,
    /// The words that name the event from token `k` on ("the stream
    /// begins": "stream", "begins"), into `out`.
    pub event_words: fn(&Tokens<'_>, usize, &mut Vec<usize>),
    /// Whether the word at `k` picks the first (`Some(true)`) or the last
    /// of a list of times ("before the first release").
    pub picks_first: fn(&Tokens<'_>, usize) -> Option<bool>,
    /// Whether the word at `k` picks the start (`Some(true)`) or the end of
    /// the span of times an event runs ("before the outage begins").
    pub picks_start: fn(&Tokens<'_>, usize) -> Option<bool>,
    /// Whether the word at `k` names the start of the event under
    /// discussion rather than an event of its own ("before the curtain").
    pub names_start: fn(&Tokens<'_>, usize) -> bool,
    /// Whether two lowercase words name one event ("stream" and "streamed").
    pub same_event_word: fn(&[u8], &[u8]) -> bool,
    /// Whether two lowercase words, not of one stem, name one kind of
    /// happening ("departure" and "leave"): the second is then the verb or
    /// noun the event's own time was told with.
    pub same_event_kind: fn(&[u8], &[u8]) -> bool,
    /// Which way the words at `k`, right after a length, count that length
    /// from the time told before, if they do: on (1) for "[half an hour]
    /// later" or "[two hours] after that", back (-1) for "[an hour] before
    /// that".
    pub counts_on: fn(&Tokens<'_>, usize) -> Option<i8>,
    /// Whether the words at `k` name the night of an event day ("on opening
    /// night", "on the night of the final"): its small hours are the next
    /// calendar day's.
    pub names_night: fn(&Tokens<'_>, usize) -> bool,
    /// Whether the sentence that opens at token `k` goes on about the
    /// subject of the sentence before it ("It is open every day until 9
    /// p.m."), so that an end that sentence gave its subject holds here too.
    pub continues_subject: fn(&Tokens<'_>, usize) -> bool,
    /// Whether the words right before token `k` place the date there
    /// beside an end rather than at it ("wraps up just before the Spring
    /// Festival", "ends ahead of March 3").
    pub beside_end: fn(&Tokens<'_>, usize) -> bool,
    /// Whether the word at `k` ("from") makes the place after it where
    /// something comes from rather than where it happens ("a flight from
    /// Guadalajara that landed at 11:40 a.m.").
    pub origin: fn(&Tokens<'_>, usize) -> bool,
    /// Whether the word at `k` ("for") makes the place after it where
    /// something is bound ("will sail for Sydney, N.S., at 5:30 p.m."): the
    /// time of leaving is not read on that place's clock.
    pub destination: fn(&Tokens<'_>, usize) -> bool,
    /// Whether the word at `k` ("with", "against") makes the place after it
    /// a party to something ("in free association with New Zealand"), not
    /// where a time of its clause is read.
    pub companion: fn(&Tokens<'_>, usize) -> bool,
    /// Whether a clause that tells what happened on the day just written
    /// opens at token `k` (", when the mayor gave the Crida at 19:30"): that
    /// day is its times' day even when a verb of reporting dates it.
    pub when_clause: fn(&Tokens<'_>, usize) -> bool,
    /// Whether a clause about a place just named opens at token `k` (",
    /// where many Afghans still mark Nowruz at home,"): it tells what is done
    /// there, and its days are none of the times told after it.
    pub place_clause: fn(&Tokens<'_>, usize) -> bool,
    /// The region a dateline's abbreviation at `k` names ("Fla." in "CAPE
    /// CANAVERAL, Fla. —" is Florida), as the gazetteer lists it.
    pub region_abbreviation: fn(&Tokens<'_>, usize) -> Option<&'static str>,
    /// The weekday written at `k` before a date ("Wednesday 24 June",
    /// "Friday, Oct. 9"), which tells a date without its year which year
    /// it is in.
    pub written_weekday: fn(&Tokens<'_>, usize) -> Option<u8>,
    /// Whether a span of weekdays whose last weekday ends at token `end` is
    /// told of one week rather than every week: its last day is named as the last of
    /// something (", the last day for posting a ballot"). (Not "will": "new
    /// episodes will air Monday through Friday" is weekly.)
    pub one_week: fn(&Tokens<'_>, usize) -> bool,
    /// Whether the token at `k`, after a run of capitals, makes it a label
    /// ("POLICE:", "SAVE THE DATE:") rather than a dateline's place.
    pub label_end: fn(&Tokens<'_>, usize) -> bool,
    /// Whether the sentence opening at token `k` speaks of several things
    /// told just before ("Both tours run from July 1 through Oct. 31"): the
    /// run it sets out bounds the schedules of the sentence before.
    pub refers_back: fn(&Tokens<'_>, usize) -> bool,
    /// Whether the schedule starting at token `b` is told with the one
    /// ending at token `a` ("at 7:45 p.m., with matinees on Thursdays"): the
    /// second starts when the first does, unless it states its own start.
    pub told_with: fn(&Tokens<'_>, usize, usize) -> bool,
    /// Whether the word at `k` is the verb (or its auxiliary) right after a
    /// subject, or after one noun the subject modifies ("Opening night will
    /// be streamed", "Launch day coverage starts"), not a phrase that goes
    /// on with a preposition ("Opening night in Glasgow").
    pub subject_verb: fn(&Tokens<'_>, usize) -> bool,
    /// Whether the words `[from, to)` of a sentence that opens with a
    /// pronoun of the subject before ("It ...") keep that subject up to the
    /// verb at `to`: no clause of another subject opens between ("It is the
    /// first route, and the fare freeze lasts until", "It hosts a show that
    /// runs until").
    pub same_subject: fn(&Tokens<'_>, usize, usize) -> bool,
    /// How many occurrences the words from token `from` (up to `to` or the
    /// end of the sentence) give the schedule told before them: "; it will
    /// run for six episodes", "for 12 performances".
    pub counted_occurrences: fn(&Tokens<'_>, usize, usize) -> Option<u32>,
    /// Whether the sentence opening at token `k` is about the timetable just
    /// told ("The summer timetable will run until Thursday, Oct. 31"), or
    /// about the subject of the sentence before, the tokens given ("The
    /// talks will continue through October"): the end it states bounds the
    /// schedules before it, not only its own.
    pub names_timetable: fn(&Tokens<'_>, usize, std::ops::Range<usize>) -> bool,
    /// Whether the sentence opening at token `k` has for its subject a noun
    /// of the tokens given again, its verb right after it ("... its Thursday
    /// concerts ... The concerts begin at 7:30 p.m."): a time in its first
    /// clause details the schedule told there.
    pub repeats_subject: fn(&Tokens<'_>, usize, std::ops::Range<usize>) -> bool,
    /// What the word (or phrase) at `k` tells of the run of a schedule: that
    /// it follows an event told before ("will then air"), that an event
    /// opens it ("the first ferry"), that a date ends it ("The run ends
    /// on"), or that it lasts as long as another run ("for the duration of
    /// the exhibition").
    pub schedule_cue: fn(&Tokens<'_>, usize) -> Option<ScheduleCue>,
    /// Whether the word at `k` names one occurrence of a schedule as its own
    /// ("the premiere", "opening night"), not a verb every occurrence has
    /// ("the papers start at 9 a.m.").
    pub names_occurrence: fn(&Tokens<'_>, usize) -> bool,
    /// What the words around a place name at tokens `[start, end)` say of
    /// it (see [`PlaceContext`]).
    pub place_context: fn(&Tokens<'_>, usize, usize) -> PlaceContext,
    /// Whether the word at `k` is one of the small words a title leaves in
    /// lower case ("Last Night in Mindelo").
    pub title_word: fn(&Tokens<'_>, usize) -> bool,
}

/// What the words around a place name say of it (see
/// [`Language::place_context`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PlaceContext {
    /// A street word follows: the name is a street's ("Queens Wharf").
    pub street: bool,
    /// A word of a company's name follows: the name is the company's
    /// ("Kumo Pictures" is no Kumo, Nigeria).
    pub company: bool,
    /// A lower-case word of a station or road follows: a country's name is
    /// that place's, not where it is ("Jamaica station", in New York).
    pub facility: bool,
    /// A capitalised plural follows: the name is a team's ("the Geelong
    /// Cats", "the Chicago Bulls"), not where anything happens.
    pub team: bool,
    /// A particle of a Romance name and a capitalised word follow: the
    /// name begins a longer one, of a building or body, not the place
    /// ("the Palacio de Bellas Artes" is no Palacio, Madrid). A name of a
    /// place with such a particle ("Rio de Janeiro") is found whole first.
    pub part_of_name: bool,
    /// "County" follows: the county named after the name ("Somerset
    /// County", in New Jersey), which for a region of another country says
    /// nothing of where it lies.
    pub county: bool,
    /// A lower-case noun follows it, with no preposition of place before
    /// it: the name tells whose the thing is, not where anything happens
    /// ("His New Zealand counterpart will name his team at 10 a.m."); not an
    /// audience ("New Zealand fans"), nor a clock ("New Zealand time").
    pub attributive: bool,
    /// A preposition of place comes before it ("in Wichita"): a place, even
    /// where the same word was a person's name.
    pub locative: bool,
    /// The word before it is a function word, so the name is not the last
    /// word of a person's name ("The Wichita Harvesters").
    pub after_function_word: bool,
    /// The name is a possessive before another name, with no preposition of
    /// place before it: whose team or person it is, not where anything
    /// happens ("face Nairobi's Rift Valley Rhinos at 9:30 a.m.", "South
    /// Africa's Thandeka Mthembu tees off at 8:05 a.m."; but "in London's
    /// Hyde Park" is a place).
    pub owner: bool,
    /// The name follows a possessive name: the first token of that owner's
    /// name ("Bhaktapur's Kamal Binayak", "Mexico's Guadalajara"). Within a
    /// town it names a landmark, not a city of its own; within a country or
    /// region, it is a city of that country.
    pub possessed_by: Option<usize>,
}

/// What a word tells of a schedule's run (see [`Language::schedule_cue`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScheduleCue {
    /// It follows the event just told: "then", "thereafter", "from then on".
    Then,
    /// The event it stands with opens a run: "premieres", "the first",
    /// "inaugural", "launches".
    Opens,
    /// The date it stands with moves to a timetable: "will move to a
    /// reduced winter timetable on Monday". It starts the schedules told
    /// after it, unless they are told as the current ones.
    Moves,
    /// The schedule of its sentence is the one that holds now, before a
    /// change told elsewhere: "currently", "still", "until then".
    Current,
    /// The date it stands with ends a run: "ends", "concludes", "wraps up".
    Closes,
    /// The date it stands with is the last of a series, which ends the run
    /// of that series only: "the finale", "the final chapter", "the last
    /// show".
    Finale,
    /// The date it stands with ends a run, unless an hour is said with it,
    /// when it ends a day: "The exhibition closes Sept. 6", but "the
    /// exchange closes at 1 p.m. on Friday".
    Shuts,
    /// The date after it ends the run of the schedule in its sentence, and
    /// only that one: "a winter timetable that runs until Jan. 4" (in
    /// another sentence what runs may be another thing: "Pre-orders run
    /// until April 30").
    Lasts,
    /// The schedule lasts as long as another run: "for the duration of",
    /// "during the run", "throughout the festival".
    Throughout,
    /// The schedule outlasts the run of the article's event: "throughout
    /// the festival season", "year-round".
    Outlasts,
    /// The stretch of days after it is a closure, no event's run: "the
    /// bridge will be closed from Tuesday until Sunday".
    Halts,
    /// The schedule starts on the article's own event, named rather than
    /// dated: "from launch day", "from the opening day".
    Since,
    /// The schedule starts the day after the article's own event: "After
    /// launch, the stream becomes a weekly show", "After the opening
    /// weekend, home games are every Friday".
    After,
}

/// What a word tells of the clauses of a sentence (see [`Language::clause`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClauseCue {
    /// After a comma, it opens a new main clause: "and", "but", "so".
    Joins,
    /// After a comma, it opens a clause that only gives the setting of the
    /// main one: "since", "because", "while".
    Subordinates,
    /// At the start of a sentence, it opens a clause that ends at the first
    /// comma: "Because", "Although", "While".
    Fronts,
    /// After a comma, it opens a relative clause about what was just named:
    /// ", where clocks fall back on Sunday", ", which airs Friday". Its days
    /// do not date a time written before it, though a time in it may sit
    /// on a day before it (", where fans can watch at 9 p.m.").
    Relative,
}

impl std::fmt::Debug for Language {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Language").field("code", &self.code).finish()
    }
}

/// English.
pub const ENGLISH: Language = Language {
    code: "en",
    lexicon: en::LEXICON,
    rules: en::RULES,
    link: en::link,
    tense: en::tense,
    frames: en::frames,
    dateline: en::dateline,
    reports: en::dates_report,
    restates: en::restates,
    joins_list: en::joins_list,
    shift_word: en::shift_word,
    shift_then_clock: en::shift_then_clock,
    follows_each: en::follows_each,
    follows_on: en::follows_on,
    follows_day: en::follows_day,
    holiday_noun: "holiday",
    arrival_follows: en::arrival_follows,
    reopens: en::reopens,
    continues: en::continues,
    closes: en::closes,
    audience: en::audience,
    respectively: en::respectively,
    clause: en::clause,
    bounds: en::bounds,
    open_until: en::open_until,
    abbreviation: en::abbreviation,
    onset: en::onset,
    names_event_day: en::names_event_day,
    dated_nouns: en::dated_nouns,
    names_dated_noun: en::names_dated_noun,
    end_noun: en::end_noun,
    dates_noun_after: en::dates_noun_after,
    first_day_of: en::first_day_of,
    clock_change: en::clock_change,
    holiday_period: en::holiday_period,
    beside_end: en::beside_end,
    zone_goes_on: en::zone_goes_on,
    day_told: en::day_told,
    day_preposition: en::day_preposition,
    place_follows: en::place_follows,
    leads_to_time: en::leads_to_time,
    definite_clock: en::definite_clock,
    starts_run: en::starts_run,
    landform_name: en::landform_name,
    determined_name: en::determined_name,
    same_days: en::same_days,
    each_day_told: en::each_day_told,
    days_counted: en::days_counted,
    both_of_days: en::both_of_days,
    names_nights: en::names_nights,
    accompanies: en::accompanies,
    joins_clause: en::joins_clause,
    opens_noun_phrase: en::opens_noun_phrase,
    modified_noun: en::modified_noun,
    tells_way_back: en::tells_way_back,
    tells_past: en::tells_past,
    perfect_before: en::perfect_before,
    counts_from_event: en::counts_from_event,
    event_words: en::event_words,
    picks_first: en::picks_first,
    picks_start: en::picks_start,
    names_start: en::names_start,
    same_event_word: en::same_event_word,
    same_event_kind: en::same_event_kind,
    counts_on: en::counts_on,
    names_night: en::names_night,
    continues_subject: en::continues_subject,
    origin: en::origin,
    destination: en::destination,
    companion: en::companion,
    when_clause: en::when_clause,
    place_clause: en::place_clause,
    region_abbreviation: en::region_abbreviation,
    written_weekday: en::written_weekday,
    one_week: en::one_week,
    label_end: en::label_end,
    refers_back: en::refers_back,
    told_with: en::told_with,
    subject_verb: en::subject_verb,
    same_subject: en::same_subject,
    counted_occurrences: en::counted_occurrences,
    names_timetable: en::names_timetable,
    repeats_subject: en::repeats_subject,
    schedule_cue: en::schedule_cue,
    names_occurrence: en::names_occurrence,
    place_context: en::place_context,
    title_word: en::title_word,
};
