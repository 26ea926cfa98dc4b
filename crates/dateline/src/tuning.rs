//! The tuning constants: every token window, reach, weight, threshold and
//! bias whose value was chosen by judgement rather than fixed by a fact or a
//! standard, in one place, grouped by the stage that reads it.
//!
//! They live here so that they can be found, compared and changed together:
//! a reach in one stage is often weighed against one in another, and a
//! change to any of them moves the output. Each says why it has its value.
//!
//! Not here: facts (the hours in a day), limits a format requires, bit
//! flags, word lists, and enum-like levels; those stay with their code.

// ---------------------------------------------------------------------------
// lex
// ---------------------------------------------------------------------------

/// The longest initialism, in bytes ("U.S.S.R." is 8).
pub(crate) const MAX_INITIALISM: usize = 16;

/// The longest list of words `Tokens::is_any` compares with a token word
/// by word: the compiler unrolls such a list, with the words' keys made at
/// compile time. In a longer list only the words of the token's length are
/// compared. (On two passes of te3-silver: 1,091.9M instructions with every
/// list read by length, 1,067.7M with lists of up to 8 words unrolled,
/// 1,060.8M up to 12, 1,086.4M up to 20.)
pub(crate) const SHORT_LIST: usize = 12;

// ---------------------------------------------------------------------------
// grammar and the English rules
// ---------------------------------------------------------------------------

/// The most tokens any one expression may span. Rules are written so that
/// they never look further, which keeps composition linear.
pub(crate) const MAX_SPAN: usize = 24;

/// How many earlier uses of a holiday's word that is also part of names
/// ("Ramadan") are looked at for one inside a name ("Taha Yassin Ramadan"),
/// which makes a later bare one the name too: a text names a person in full
/// within its first uses, and the bound keeps the look-back linear in a text
/// that repeats the word.
pub(crate) const NAME_RECALL_USES: usize = 8;

/// How many lines from the top a dateline may start on (a headline, a
/// byline and the dateline itself).
pub(crate) const DATELINE_LINES: usize = 4;

/// The most words a dateline's place may have ("ST. JOHN'S", "NEW ORLEANS";
/// the hyphens of "LE MONT-SAINT-MICHEL" are no words).
pub(crate) const DATELINE_WORDS: usize = 5;

/// How far past its place a dateline's own date and source may run
/// ("SEOUL, March 8 (Korea Culture Wire) —"), in tokens.
pub(crate) const DATELINE_REACH: usize = 16;

/// How many tokens the setting of a report may span, both where an
/// expression dates the report ("told members in a notice on Monday") and
/// where tense reading steps over it ("said in a statement on Monday").
pub(crate) const REPORT_SETTING_REACH: usize = 8;

/// How many tokens of a reported clause are read for a modal that puts what
/// it tells ahead of a report dated in a fronted setting ("In a statement
/// Tuesday, the city said a memorial would be held at 7 p.m."): a subject,
/// "said", and a clause of a dozen words.
pub(crate) const REPORTED_REACH: usize = 20;

/// How many words before a midnight its verb of beginning may stand
/// ("enters into force at midnight", "takes effect from midnight", "will
/// release all eight episodes of its thriller "Ember Coast" at midnight"):
/// the verb's object, a title among it. A verb of ending, a joined clause
/// or a bound nearer the midnight stops the scan first.
pub(crate) const ONSET_REACH: usize = 14;

/// How many tokens a clause of time set off after a midnight's day may take
/// to say the day begins then ("at midnight on Wednesday, March 13, the
/// moment that day begins", "as soon as Sunday turns into Monday"): a short
/// clause of a subject, its verb and a place; a longer one is more likely
/// about something else.
pub(crate) const ONSET_CLAUSE_REACH: usize = 9;

/// How many words before "from" its word of travel may stand.
pub(crate) const TRAVEL_REACH: usize = 3;

/// How many tokens before "for" its word of leaving may stand: the verb,
/// "at" and a written clock time between ("casts off at 4:30 p.m. for New
/// York": off at 4 : 30 p.m.).
pub(crate) const DESTINATION_REACH: usize = 7;

/// How far before "in" the words of a span reaching back ("first time in 20
/// years") are looked for.
pub(crate) const SPAN_BACK_REACH: usize = 12;

/// How far back in its sentence a clock time may stand whose a.m. or p.m. a
/// bare hour after "at" goes on in ("doors open at 6:15 p.m. and the
/// Leeds trio will open the show at 7").
pub(crate) const CARRY_REACH: usize = 24;

/// How far a word of play may stand from a half in its sentence.
pub(crate) const PLAY_REACH: usize = 20;

/// How far a time clause's conjunction may stand before its perfect.
pub(crate) const TIME_CLAUSE_REACH: usize = 6;

/// How many words an object may take between a commanding verb and "to".
pub(crate) const OBJECT_REACH: usize = 6;

/// How far back in its clause a past verb still dates an expression that
/// no nearer cue does.
pub(crate) const CLAUSE_REACH: usize = 16;

/// The longest aside in parentheses the tense scan steps over as one token.
pub(crate) const PAREN_REACH: usize = 10;

/// How many words may stand between a verb that holds a deadline ("has",
/// "gave") and "until" ("has only until").
pub(crate) const DEADLINE_REACH: usize = 3;

/// How close a verb must stand to make its tense firm.
pub(crate) const FIRM_REACH: usize = 6;

/// How many tokens either side of an expression the tense scan looks for
/// the verb that dates it, before it settles for a report or a verb farther
/// back: a clause's worth, so that the nearest verb is the expression's own.
pub(crate) const TENSE_REACH: usize = 8;

/// How many tokens apart two places may be for resolution to look at the
/// tokens between them for a sentence end; farther apart, it counts the
/// sentence ends of the whole text once and subtracts. Looking is cheaper
/// for the short distances of real text, counting keeps long ones linear;
/// the answer is the same either way.
pub(crate) const BREAK_SCAN: usize = 64;

/// How far the tense scan looks along the sentence: forward to the main
/// clause after a fronted date ("In January, ..., a clinic bombing
/// killed"), and back for a "will" that still points forward; a long
/// sentence's length, since the scan also stops at the sentence's end.
pub(crate) const TENSE_SENTENCE_REACH: usize = 40;

/// How many tokens after a date a participle set off by a comma may stand
/// and still only describe what is dated ("a webinar on Wednesday at 11
/// a.m., streamed on its YouTube channel"): the clock time written after
/// the day ("at 11 a.m.", "at 11:30 a.m. ET") and the comma.
pub(crate) const PARTICIPLE_AFTER: usize = 6;

// ---------------------------------------------------------------------------
// links
// ---------------------------------------------------------------------------

/// How many plain words may finish naming an event's day before the date of
/// that day ("in office", "of the talks on"): a short phrase, no clause.
pub(crate) const EVENT_GAP_REACH: usize = 4;

/// How many words may stand between "each" and the "at" or "from" of the
/// clock time it gives ("each show starting at").
pub(crate) const EACH_REACH: usize = 4;

/// How many words a start verb may stand before the "on" of its date
/// ("opens to the public on Sunday"): the verb and an object of a
/// determiner, two modifiers and a noun ("will launch its spring night
/// market on Wednesday, Oct. 9, with stalls opening at 5 p.m. every
/// Wednesday").
pub(crate) const START_VERB_REACH: usize = 7;

/// How far from a recurrence its stated start or end may be, in tokens; the
/// sentence around it is looked for no further either way.
pub(crate) const RECURRENCE_END_REACH: usize = 40;

/// At most how many tokens stand between a list of clock times and the
/// schedule of days written right after it ("at 7 a.m. and 3:30 p.m.,
/// Yucatán time, every day"): a zone named by a place with its commas, or
/// ", on", no more.
pub(crate) const SCOPE_ASIDE: usize = 5;

/// How many tokens before such a list, back to its sentence's start, are
/// read for a verb in the past or another clock time ("The ferry left the
/// harbour at 7 a.m., every day"): a clause's subject, verb and object.
pub(crate) const SCOPE_PAST_REACH: usize = 12;

/// The longest aside between commas, in tokens with its commas, that a
/// recurrence's start or end is still read across ("every evening at 6
/// p.m., weekends included, from Wednesday"): up to six words, the most such
/// riders take ("rain or shine", "holidays excepted", "half an hour earlier
/// than usual"); a longer stretch between commas is a clause of its own.
pub(crate) const ASIDE_TOKENS: usize = 8;

// ---------------------------------------------------------------------------
// resolve
// ---------------------------------------------------------------------------

/// How many tokens after a day is mentioned a clock time without a day still
/// falls on it; beyond that, it falls on the anchor's day.
pub(crate) const RECENT_DAY_REACH: usize = 120;

/// How many tokens a quarter stays the topic of discussion, for "a year
/// earlier" to mean that quarter a year back.
pub(crate) const QUARTER_TOPIC_REACH: usize = 150;

/// How many days nearer the next occurrence of a weekday must be than the last
/// one for a weekday without tense cues to point forward: news reports the past.
pub(crate) const WEEKDAY_PAST_BIAS: i16 = 2;

/// Without tense cues, how much farther (in percent) a date ahead of the
/// anchor counts than one behind it: news reports more past than future.
pub(crate) const UNTOLD_AHEAD_PCT: i64 = 200;

/// How much farther a date against the sentence's tense counts than one with it.
pub(crate) const AGAINST_TENSE: i64 = 4;

/// The same for a firm tense ([`crate::expr::Tense::firm`]): so far that the
/// date keeps to the tense's side whenever a year allows it.
pub(crate) const AGAINST_FIRM_TENSE: i64 = 1000;

/// How many days on the wrong side a firm tense forgives, as it would a loose
/// one: a document's date can be a day or two off the events it reports
/// ("said in an editorial on Saturday, April 25" in a Friday paper).
pub(crate) const FIRM_GRACE_DAYS: i64 = 7;

// ---------------------------------------------------------------------------
// discourse
// ---------------------------------------------------------------------------

/// How many tokens apart two readings of one instant may stand.
pub(crate) const EQUIVALENT_REACH: usize = 24;

/// How many sentences back a time restated in another zone may stand
/// ("... at 9:30 p.m. CET in Frankfurt. In Tokyo, ..., it will begin at
/// 5:30 a.m."): the next sentence or the one after.
pub(crate) const ECHO_SENTENCES: u32 = 2;

/// How many of the dates last written on a weekday a bare weekday looks
/// back through for one within the window (the latest almost always is; the
/// bound keeps the work linear).
pub(crate) const NAMED_SCAN: usize = 4;

/// The most readings one group may hold: an article writes one instant in
/// at most a handful of zones ("3 a.m. ET, 7 a.m. in London, 4 p.m. in Seoul,
/// 6 p.m. in Sydney"); the bound keeps the solving linear on any text.
pub(crate) const GROUP_MAX: usize = 8;

/// How many expressions back a restated time is looked for at most (two
/// sentences hold far fewer; the bound keeps the work linear on a text with
/// no full stops).
pub(crate) const ECHO_SCAN: usize = 32;

/// How many tokens before a time its clause's subject may name the happening
/// it restates ("In Brisbane, where clocks do not change, the race starts at
/// 5 p.m."): a subject and its verb.
pub(crate) const ECHO_NOUN_REACH: usize = 8;

/// How many tokens from a time a place of its sentence may stand and still
/// locate it (a long sentence rarely runs past this; the bound keeps the
/// work linear on a text with no full stops).
pub(crate) const PLACE_REACH: usize = 80;

/// How many expressions either side of a time are looked at for the other
/// clock times of its sentence (a sentence holds far fewer; the bound keeps
/// the work linear on a text with no full stops).
pub(crate) const CLOCK_SCAN: usize = 16;

/// How many tokens after a clock time that restates another in a place's
/// zone that place may start ("is 8 a.m. in New York", "is 9am in the
/// Netherlands"): it is the reader's place abroad, no evidence of the
/// article's own zone.
pub(crate) const RESTATED_PLACE_REACH: usize = 3;

/// How many words of a proper name may modify the noun of a happening
/// besides its own ("the Golden Meeple fan award": a name of two words, as
/// most are).
pub(crate) const NAME_WORDS: usize = 2;

/// How many tokens before a place name may hold the word that opens the
/// name of a street or square named after it, with its particles ("Campo de
/// São Francisco", "Place de la Concorde": the head, a particle, an article).
pub(crate) const STREET_HEAD_REACH: usize = 3;

/// How many words before the first of two clock times joined with words
/// between ("at 6 a.m. and at 6 p.m. every Monday") are read for a verb of
/// the past, which makes the first a happening of its own: a short clause.
pub(crate) const SPREAD_CLAUSE_WORDS: usize = 8;

/// How many tokens stand between a day and a clock time that is its own,
/// told with a preposition ("Sunday's at 5 a.m.": the possessive's two
/// tokens and the preposition), so that a time before the day does not take it.
pub(crate) const OWN_CLOCK_GAP: usize = 3;

/// How many tokens may open a sentence before a clock time that restates
/// the last time of the sentence before ("That's 8 a.m. in New York", "That
/// is 5 p.m. in London"): a short pointer back, nothing of its own.
pub(crate) const OPENING_RESTATES: usize = 4;

/// How many expressions after a span of weekdays its heading's line is read
/// for, before the listing under it ("SHOW TIMINGS (Tuesday to Sunday;
/// closed on Mondays)"): a heading holds a few; the bound keeps a long line
/// of spans linear.
pub(crate) const LISTING_HEADING: usize = 4;

/// How many paragraphs past the first of the body (or past the headline's,
/// for the lead of a run) a lead may stand: one masthead or standfirst
/// between ("BOX HILL ROSE AND GARDEN CLUB - MARCH NEWSLETTER"); a place or
/// a run further down tells no lead.
pub(crate) const LEAD_PARAGRAPHS: u32 = 1;

/// How many expressions back that time is looked for at most (the bound
/// keeps the work linear on a text with no full stops).
pub(crate) const OFFSET_SCAN: usize = 16;

/// How many sentences back the time an offset counts from may stand: its
/// own, or the one just before ("Kickoff is at 5:30 p.m. ... The gates open
/// two hours earlier").
pub(crate) const OFFSET_SENTENCES: u32 = 1;

/// How many sentences back the time of an event that a length counts from
/// may stand ("The stream starts at 4 p.m. ... A countdown will run 45
/// minutes before the stream begins"): a short passage about one event; the
/// event is found by its name there, so it may stand further than the time
/// an offset counts from.
pub(crate) const EVENT_OFFSET_SENTENCES: u32 = 3;

/// How many sentences back the time of an event named again by a word of
/// its own, or of its kind, may stand ("will unlock ... on Thursday, Oct.
/// 29: 4 p.m. GMT" three sentences of readings abroad before "Pre-loading
/// opens 72 hours before launch"): a name is firmer than nearness, so it
/// reaches a paragraph further than [`EVENT_OFFSET_SENTENCES`].
pub(crate) const EVENT_NAMED_SENTENCES: u32 = 5;

/// How many tokens before a clock time a word naming an event may stand to
/// tell that time: a verb, its object, a place and "at" ("leave North
/// Sydney at 5 p.m.", "the window opens at 14:45", "a welcome to country on
/// the Pandanus boardwalk at 6 p.m."), not the next clause's (five tokens
/// lose the last, and the own articles one instant).
pub(crate) const NAMED_TIME_GAP: usize = 8;

/// How many words after "before" or "after" name the event a length counts
/// from ("the first dart", "the concert begins"): a short noun phrase or
/// clause.
pub(crate) const EVENT_PHRASE_WORDS: usize = 4;

/// How many leading bytes two words share to name one event ("stream" and
/// "streamed", "release" and "releases"): a stem, past the endings of
/// English verbs and plurals.
pub(crate) const EVENT_STEM_BYTES: usize = 5;

/// The fewest bytes a shorter word must have to share its whole with a
/// longer one as an event's name ("dart" and "darts"): shorter words
/// ("set", "day") are too common to name one event.
pub(crate) const EVENT_STEM_MIN: usize = 4;

/// How many tokens may stand between a clock time and the place that
/// locates it ("7 a.m. in Toronto", "in Dublin at 08:05").
pub(crate) const NEXT_PLACE_GAP: usize = 2;

/// How many tokens from the first word of a place its relative clause may
/// open ("in India, where", "in Andaman and Nicobar Islands, where"): place
/// names run to four words.
pub(crate) const RELATIVE_PLACE_GAP: usize = 6;

/// How many tokens a relative clause set off by commas may span on either
/// side of a place in it ("Arguedas, who has lived in Madrid since 2012,
/// will ..."): a short clause of a person or of another event; a longer
/// stretch is more likely the main clause.
pub(crate) const RELATIVE_CLAUSE_REACH: usize = 16;

/// How many tokens before a time a place may lead into it, through the rest
/// of a name and one word ("London St Pancras at 8:04 a.m.", "Tokyo's Haneda
/// at"): a station or venue after its city takes up to three words.
pub(crate) const LEAD_IN_PLACE_GAP: usize = 5;

/// How many expressions back the place of a time's day is looked for (a
/// time on a weekday that repeats a date written with its venue), and how
/// many hops a time's day is followed to the list of days it belongs to
/// ("from 13:00 to 18:00 on both days": the end through the start).
pub(crate) const DAY_CHAIN: usize = 3;

/// How many days before the DCT a date may lie and still be the one a bare
/// weekday repeats: a week, since a bare weekday names a day of the week
/// around the text's own.
pub(crate) const REPEAT_BEFORE_DAYS: i64 = 7;

/// How many days after the DCT: an event announced weeks ahead ("a concert
/// on Friday, April 12 ... Friday's concert") is still named by its weekday.
pub(crate) const REPEAT_AFTER_DAYS: i64 = 60;

/// How many days apart the ends of a stretch told for an event must be,
/// less than, for a bare weekday after it to be read as that day of it
/// ("from Thursday, March 4, to Saturday, March 6 ... The final is at 5pm
/// Friday"): under a week, so that each weekday falls in it once.
pub(crate) const STRETCH_DAYS: i32 = 7;

/// How many sentences back the same clock time said again may stand and
/// still be the same happening.
pub(crate) const REPEAT_CLOCK_SENTENCES: u32 = 3;

/// How many expressions either side of a time are looked at for a day of its
/// sentence (a sentence holds far fewer).
pub(crate) const SENTENCE_SCAN: usize = 16;

/// How many words around a time its clause may name the article's event
/// day in ("will run on matchday between 11 a.m. and 6 p.m.").
pub(crate) const EVENT_NOUN_REACH: usize = 8;

/// How many words back a time looks for the opening of its sentence, where
/// a fronted phrase names the day of all of it ("On premiere night, the
/// cast will host a watch party on the drama's official channel, starting
/// at 10:30 p.m."): news sentences run to about forty words.
pub(crate) const SENTENCE_OPENING_REACH: usize = 40;

/// How many words a fronted phrase that names the event day may take
/// before its comma ("On premiere night,", "On the night of the final,").
pub(crate) const FRONTED_EVENT_WORDS: usize = 6;

/// How many sentences apart a schedule and what bounds it from another
/// sentence may stand: the event it follows ("will then air"), the event
/// that opens it, a date that ends its run. A news paragraph is two or
/// three sentences; a bound further off is usually another run's.
pub(crate) const BOUND_SENTENCES: u32 = 3;

/// How many words before a date or a schedule a word of its run may stand
/// ("The initial run ends on Friday, June 26", "will then operate every
/// day"): a clause's subject and verb.
pub(crate) const RUN_CUE_REACH: usize = 10;

/// How many words may stand between a verb of lasting and the "until" of
/// its end ("continues at Suhrawardy Udyan and the Bangla Academy until Feb.
/// 28"): a venue of a few names. Only words: a comma or a date ends the look.
pub(crate) const LASTS_REACH: usize = 9;

/// How many tokens back from a schedule the word that opens its sentence
/// is looked for ("During that period an extra train will leave every day
/// at 5:50 a.m., and a late train will leave every night at 10 p.m."), and
/// a night named before a small-hours time ("on opening night, with the last
/// service ... at 12:15am"), and how far either way a weekday's sentence is
/// read for a past verb: a long news sentence, as for the tense scan.
pub(crate) const SENTENCE_REACH: usize = 40;

/// How many days the run of an article's event, set out in its lead, may
/// last and still bound the schedules told without bounds of their own: a
/// festival, a season's programme, a month of Ramadan (a longer stretch,
/// "from 2024 to 2026", is history or a plan, not an event's run).
pub(crate) const LEAD_RUN_DAYS: i32 = 62;

/// How many tokens a quoted title may span ("Last Night in Mindelo"): a
/// title is short; a longer quotation is speech, whose places may count.
pub(crate) const TITLE_WORDS: usize = 10;

/// How many words before the date of an event a word of its opening may
/// stand ("will premiere \"Marea Alta,\" its costliest telenovela in a
/// decade, on Monday, March 10"): a title and an appositive between the verb
/// and its date. The same reach finds the opening that opens the clause of a
/// clock time in another zone ("Opening night streams live on the band's
/// channel at 11 p.m. ET"), which restates no schedule.
pub(crate) const OPENING_CUE_REACH: usize = 16;

/// How many words may stand between a sentence's determiner and the noun
/// that makes it speak of the timetable just told ("The new summer
/// timetable"): modifiers of the noun; more is another noun phrase.
pub(crate) const TIMETABLE_WORDS: usize = 2;

/// How many words back from a copula its subject's determiner may stand
/// ("The deadline for individual returns is June 30"): the subject with a
/// short complement; further back is another clause.
pub(crate) const SUBJECT_WORDS: usize = 6;

/// How many words an aside between a subject and its verb may have ("The
/// final, originally planned for a Sunday afternoon, has been moved to
/// Saturday"): a participle phrase; longer, the comma is another clause's.
pub(crate) const SUBJECT_ASIDE_WORDS: usize = 8;

/// How many hours apart a dateline's city and the state or country written
/// after it ("KINGSTON, Norfolk Island —") must be for the second to tell
/// which city of that name it is. A state holds cities a clock or two apart
/// ("EL PASO, Texas" is an hour from most of Texas, and its own zone is
/// right); a city of the same name elsewhere lies further off.
pub(crate) const QUALIFIER_HOURS: u32 = 2;

/// How many words may name what leaves first and last after a schedule's
/// stretch of days ("with the first bus at 6:30 and the last at 22:00",
/// "with the first ferry from Split at 5:30"): a noun with a short
/// modifier; a longer gap is another clause.
pub(crate) const FIRST_LAST_NOUN: usize = 3;

/// How many found expressions either side of a schedule that ends "until
/// the deadline" are looked at for the day that noun was dated with: a few
/// paragraphs of an article, and a bound on the work for each such schedule.
pub(crate) const NOUN_END_SCAN: usize = 40;

/// How many sentences after a schedule told without a clock time ("will
/// close on weeknights for three weeks starting Monday, March 10") its
/// clock times may be told, starting with it ("The bridge will be closed
/// from 8 p.m. to 5 a.m., Monday through Thursday nights"): the next
/// sentence, where an article gives the detail of what its lead announced.
pub(crate) const COARSE_SENTENCES: u32 = 1;

/// How many schedules (or end statements) back a run that spans another
/// ("for the duration of the exhibition") looks for that one's days.
pub(crate) const SPAN_SCHEDULES: usize = 6;

// ---------------------------------------------------------------------------
// recurrences
// ---------------------------------------------------------------------------

/// How many tokens after the days that open a sentence ("On weekdays, the
/// first bus will leave the Seton terminal at 5:12 a.m.") their clause's
/// clock time may stand: a subject, a verb and its object.
pub(crate) const FRONTED_REACH: usize = 16;

/// How many tokens before a schedule's clock time the noun may stand that a
/// clock time after "and" repeats ("with day sessions starting daily at 11
/// a.m. and night sessions at 7 p.m."): a modifier, the noun, a participle
/// and a frequency, with room for one more word.
pub(crate) const PARALLEL_NOUN_REACH: usize = 6;

/// How many words before a clock time a verb that moves it may stand
/// ("delayed the vote at 10 a.m. from Monday to Friday"): the verb and its
/// object.
pub(crate) const MOVE_REACH: usize = 6;

/// How many words may name the run between a recurrence's days and its
/// clock time ("every day of the festival at 6 a.m."): a determiner's noun
/// with an adjective or two.
pub(crate) const RUN_NOUN_WORDS: usize = 3;

/// How many days a stretch of days may span and still hold a clock time
/// told once on each of its days ("from Thursday, March 26, through
/// Friday, April 3, ... at 3 p.m."): an event's run; a longer stretch is
/// no run of one time a day.
pub(crate) const DAY_LIST_DAYS: i32 = 31;

/// How many tokens from its list or stretch of days a clock time told once
/// for them may stand, in its sentence ("at 6:30 a.m. on Friday and
/// Saturday", "from Dec. 19 to Jan. 10, they will run longer, from 8
/// a.m."): a short clause's subject and verb.
pub(crate) const DAY_LIST_REACH: usize = 10;

/// How many tokens from its list of days a phrase that goes with the days'
/// clause (", with the first groups away at 7:10 a.m.") may open, and how
/// many tokens into it a clock time may stand, when no other day stands
/// between: the phrase may follow an aside of its own (", from the first
/// and 10th tees,"), and may list more than one time ("and the afternoon
/// wave starting at 12:20 p.m.").
pub(crate) const DAY_LIST_WITH_REACH: usize = 20;

/// How many words the way of a journey may take between its verb and the
/// clock time told before a recurrence's own ("and sail back from North
/// Sydney at"): a particle, a preposition and a place of up to three words.
/// (The same bounds the place a schedule told after "and" leaves from, its
/// verb left out: "and Picton daily at 2:15 p.m.")
pub(crate) const JOURNEY_WORDS: usize = 6;

/// How many words may stand between a recurrence's clock time and the
/// clock time that ends each occurrence ("at 10 p.m. and stays open until
/// 2:30 a.m."): a conjunction, a verb, an adjective and the preposition.
pub(crate) const CLOSING_WORDS: usize = 5;

/// How many days ahead of a start the first occurrence is looked for: four
/// years, so that a fifth weekday or a 29th of February is still found.
pub(crate) const FIRST_REACH_DAYS: i64 = 4 * 366;

// ---------------------------------------------------------------------------
// calendar
// ---------------------------------------------------------------------------

/// The most characters of an event's sentence an iCalendar description
/// quotes: a readable line, cut with an ellipsis beyond it.
pub(crate) const ICAL_SENTENCE_CHARS: usize = 90;

/// How many bytes either way the sentence around an event is looked for, so
/// that a text without sentence ends costs the same per event as any other.
pub(crate) const ICAL_SENTENCE_WINDOW: usize = 400;

// ---------------------------------------------------------------------------
// pieces
// ---------------------------------------------------------------------------

/// The most bytes of a document tagged at once. A longer text is cut into
/// pieces of at most this size (at a blank line, else a line break, else a
/// sentence end, else a space), each tagged alone, so that memory stays flat
/// however long the input: the engine keeps some 100 bytes of tokens,
/// expressions and records per byte of dense text. It is three times the
/// longest article of the TempEval-3 corpora (80 KB), so real articles are
/// never cut and what the document stage reads across sentences is kept;
/// only a text longer than any article loses that across a cut.
pub const PIECE_BYTES: usize = 256 << 10;

/// How many bytes either side of a cut are tagged again to make sure no
/// expression is cut: many times the longest expression ([`MAX_SPAN`]
/// tokens).
pub(crate) const SEAM_BYTES: usize = 4 << 10;

/// Tokens of a noun phrase that may stand between a frequency adjective and
/// the plural weekdays its weeks fall on ("fortnightly follow-up calls on
/// Tuesdays": follow, -, up, calls). Four covers a hyphenated compound and
/// its noun; more would reach across a clause ("weekly, and the rest on ...").
pub(crate) const FREQUENCY_NOUN_REACH: usize = 4;

/// How many shifts of a day may nest in one expression ("a day after the day
/// after tomorrow" nests two). Each level reads the rest of the phrase again,
/// so a bound keeps the work at each token constant and the stack shallow on
/// "the day before the day before ..." repeated; three is past what people write.
pub(crate) const SHIFT_DEPTH: usize = 3;

/// The first hour of the evening, and the hour the small hours end: a time
/// before [`SMALL_HOURS_END`] that follows one from [`EVENING_FROM`] on the
/// same event day, with no day of its own, is that night's, on the next
/// calendar day ("Doors open at 7 p.m. ... last entry at 1:30 a.m."). Six
/// p.m. is where news and listings start calling a time evening; by six in
/// the morning a new day's events begin (races, markets, flights).
pub(crate) const EVENING_FROM: u8 = 18;
/// See [`EVENING_FROM`].
pub(crate) const SMALL_HOURS_END: u8 = 6;

/// The most days after a schedule's occurrence a time that follows it may
/// fall ("landing in Sydney at 9:05 a.m. the next day", "two days later"):
/// longer journeys are told with dates of their own.
pub(crate) const FOLLOWING_DAYS: i32 = 2;

/// How many words after "with" its participle may stand for a time that
/// accompanies each occurrence ("with results posted at noon", "with the
/// results of each auction posted"): a short noun phrase between.
pub(crate) const WITH_PARTICIPLE_REACH: usize = 4;

/// How many words before "until" a verb of lasting or "open" may stand for
/// a time of the small hours to end the night ("will stay open late until
/// 2 a.m.", "the after-party at a shipyard runs until 5 a.m."): a verb and
/// a short complement.
pub(crate) const OPEN_UNTIL_REACH: usize = 4;

/// How many tokens after "until" the date that ends a recurrence may stand,
/// past a short clause of the event that ends it and no comma or stop ("until
/// the season ends on Oct. 29", "until the clocks go back on the night of
/// Oct. 29", "until the National Assembly rises for its mid-year recess on
/// June 24"): fourteen, a subject of three words, its verb, a phrase of
/// five tokens on it ("for its mid-year recess") and "on" (or "on the night
/// of" after a shorter clause).
pub(crate) const UNTIL_CLAUSE_REACH: usize = 14;

/// How many tokens the noun of the event an end names may take before the
/// comma of a relative clause that dates it ("until the season finale,
/// which"): "the", two words of the noun and the comma. Past such a comma
/// the date may stand [`RELATIVE_CLAUSE_TOKENS`] further.
pub(crate) const END_NOUN_TOKENS: usize = 4;

/// How many words before a plural verb of a schedule the preposition of a
/// phrase qualifying its subject may stand ("Submissions [on the bill]
/// close", "Tickets [for the two Auckland shows] go"): the preposition, a
/// determiner and up to three words of its noun. Past that, the plural
/// before it is too far to be sure of as the verb's subject.
pub(crate) const SUBJECT_PHRASE_REACH: usize = 5;

/// How many capitalised words a name in that phrase may add besides
/// ("Submissions on the Local Water Services Amendment Bill close"): the
/// title of a bill, a court or a venue.
pub(crate) const SUBJECT_NAME_WORDS: usize = 6;

/// How many tokens after a colon the verb of a clause of its own may stand
/// ("has shifted: Friday's headline set starts"): a subject of a few words
/// with its possessive.
pub(crate) const COLON_VERB_REACH: usize = 6;

/// How many tokens before a past verb the word that opens its clause may
/// stand ("which the incumbent won", "and traders left"): a subject of a
/// few words.
pub(crate) const CLAUSE_PAST_REACH: usize = 4;

/// How many names placed by a region after them ("North Sydney, Nova
/// Scotia,"), and how many landmarks a town owns ("Santiago's Alameda"), one
/// document keeps to match again: an article names a handful, and the bound
/// keeps each capitalised word's look-up short on any text.
pub(crate) const PLACE_ALIASES: usize = 16;

/// How many tokens past a recurrence a month may start and still bound it
/// ("every Sunday at 1 p.m. in April": the preposition and the month, with
/// a comma between at most).
pub(crate) const MONTH_BOUND_GAP: usize = 2;

/// Tokens from the start of a clock time to the "in" of a place written
/// right after it ("2.35pm in Sydney": 2 . 35 pm in; "12:15 a.m. in London":
/// 12 : 15 a.m. in): the longest written clock and its "in".
pub(crate) const CLOCK_TOKENS: usize = 6;

/// Tokens from the end of a time to the comma of a ", when ..." clause
/// about it, and from "when" to its verb ("on Thursday at 6 p.m., when the
/// restored dome mechanism will be shown"): a clock time, then a subject.
pub(crate) const WHEN_REACH: usize = 8;

/// Words of the name after a possessive place read for a venue word
/// ("Tokyo's Haneda International Airport"): a name of a few words.
pub(crate) const OWNED_NAME_WORDS: usize = 4;

/// Words from a quantity to the plural noun it counts ("three guided
/// tours", "hundreds of interviews", "two big free shows"): the noun and two
/// words before it.
pub(crate) const COUNTED_NOUN_WORDS: usize = 3;

/// How many words "once the" may stand before the word that tells the event
/// is over: its noun phrase and verb ("Once the classic regatta is over").
pub(crate) const ONCE_OVER_WORDS: usize = 4;

/// How many words the subject of a clause of a run's lasting may have
/// before its verb ("while the new winter timetable runs", "each evening
/// that the night train runs"): a determiner and a short noun phrase; a
/// longer one is a clause of another kind.
pub(crate) const RUN_CLAUSE_WORDS: usize = 4;

/// How many tokens a relative clause that holds a recurrence may span
/// between its opening ", which" and its closing comma ("which has run every
/// Saturday morning at 8 since the May long weekend,"): a recurrence and a
/// bound or two; longer, the comma is more likely another clause's.
pub(crate) const RELATIVE_CLAUSE_TOKENS: usize = 20;

/// How many tokens of a noun may stand between an attributive weekday and
/// the "each week" of its recurrence ("a Saturday-morning bird walk every
/// week": "-", "morning", "bird", "walk"): a short noun phrase.
pub(crate) const ATTRIBUTE_WORDS: usize = 4;

/// The largest count of occurrences read as a schedule's run ("for six
/// episodes", "for 40 performances"): a year of daily shows; a larger
/// number is more likely a total of something else.
pub(crate) const MAX_COUNTED_OCCURRENCES: u32 = 366;

/// How many tokens after a schedule its count of occurrences may stand
/// ("on Thursdays at 6 a.m. starting Nov. 7; it will run for six
/// episodes"): its start and a short clause.
pub(crate) const COUNT_REACH: usize = 16;

/// How many words past a place the longer name it begins may run ("Paris
/// Gare de Lyon", "London St Pancras International"), which bounds the scan.
pub(crate) const LONGER_NAME_WORDS: usize = 6;

/// The most days a run told only by its count may last ("on each of the
/// five days" of a Test match, "on all ten days" of a festival): a longer
/// count is rarely a run's, and a rule over it from a guessed start would
/// put many wrong days in a calendar.
pub(crate) const COUNTED_RUN_DAYS: u32 = 14;

/// How many words a start told by words that opens a sentence may take
/// before the end after it ("From that day until March 31, ...", "From the
/// first day of the new timetable until ..."): a short noun phrase.
pub(crate) const FRONTED_START_WORDS: usize = 8;

/// How many tokens a relative clause that tells a recurrence's time in
/// another zone may take before its closing comma (", which is 9 a.m. in
/// London and Dublin, through Sept. 27"): "which is", the time and its
/// zone, a place or two.
pub(crate) const EQUIVALENT_CLAUSE_TOKENS: usize = 14;

/// How many tokens after a clock time a date may start and still date it
/// ("6 p.m. PT on Oct. 9", "6 p.m. PT, Friday, Oct. 9"): a preposition or a
/// comma and a weekday; a date further on tells something else ("6 p.m. ET,
/// beginning Nov. 8, with the last episode on Dec. 6").
pub(crate) const DATE_AFTER_TIME: usize = 3;

/// How many days past its departure's day an arrival told without a day of
/// its own may fall: a night's journey lands the next day, the longest
/// flights (westward across the date line) the day after.
pub(crate) const ARRIVAL_DAYS: usize = 2;

/// How many tokens before a clock time a past perfect may stand to tell that
/// the time is past ("Forecasters had first flagged the risk at 9:30 a.m."):
/// "had", an adverb, the participle and a short object.
pub(crate) const PERFECT_REACH: usize = 7;

/// How many found expressions before a schedule told as going on ("The run
/// then continues every Friday") are read for the opening and the
/// happenings it follows: an article's worth, so that a long input stays
/// linear.
pub(crate) const CONTINUED_SCAN: usize = 160;
