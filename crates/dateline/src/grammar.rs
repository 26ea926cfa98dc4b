//! The second pipeline stage: grammar rules compose tokens into unresolved
//! [`Expr`] trees.
//!
//! A rule is a function that looks at the tokens from one position and, if it
//! recognises an expression there, returns where it ends and what it means.
//! [`compose`] tries every rule of a language at every token and keeps the
//! longest match (ties go to the earlier rule), then continues after it. Every
//! rule looks at most [`MAX_SPAN`] tokens ahead, so the whole stage is linear
//! in the number of tokens whatever the input looks like.

use crate::expr::Expr;
use crate::lex::Tokens;

/// The most tokens any one expression may span. Rules are written so that
/// they never look further, which keeps composition linear. (Set in
/// `tuning`, with the other tuning constants.)
pub const MAX_SPAN: usize = crate::tuning::MAX_SPAN;

/// What a rule found: the token range `[start, end)` and its meaning.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    /// Index of the first token.
    pub start: usize,
    /// Index one past the last token.
    pub end: usize,
    /// The unresolved expression.
    pub expr: Expr,
    /// Another expression whose day this one falls on ("12 am" in "April 25
    /// at 12 am"), as an index into the same list.
    pub anchor: Option<usize>,
}

/// How linked expressions relate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LinkKind {
    /// Two ends of an interval ("May 3-7", "from 2019 to 2021").
    Range,
    /// Coordinated expressions ("April 23 and 24").
    List,
    /// Parts of one recurrence ("every Saturday and Sunday at 9:10 pm").
    Recurrence,
    /// One instant read in two zones, the second in parentheses: "6:39 a.m.
    /// (2139 GMT)". The local reading takes its UTC instant from the other.
    Reading,
    /// One instant written in several zones ("8 p.m. ET, which is 5 p.m. PT
    /// and 1 a.m. GMT"), found and solved by the document stage.
    Equivalent,
}

impl LinkKind {
    /// The name the JSON output gives it (`range`, `list`, `recurrence`,
    /// `reading`, `equivalent`).
    ///
    /// ```
    /// use dateline::LinkKind;
    /// assert_eq!(LinkKind::Recurrence.as_str(), serde_json::to_value(LinkKind::Recurrence).unwrap());
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            LinkKind::Range => "range",
            LinkKind::List => "list",
            LinkKind::Recurrence => "recurrence",
            LinkKind::Reading => "reading",
            LinkKind::Equivalent => "equivalent",
        }
    }
}

/// A link between expressions found by a language's linking pass.
#[derive(Clone, Debug, PartialEq)]
pub struct Link {
    /// The relation.
    pub kind: LinkKind,
    /// Indices into the list of found expressions, in text order.
    pub members: Vec<usize>,
    /// For a recurrence: the found date it runs until ("until the finale on April 16").
    pub until: Option<usize>,
    /// For a recurrence: the found duration it runs for ("for six weeks").
    pub lasting: Option<usize>,
    /// For a recurrence: the found date it starts on ("starting May 3").
    pub start: Option<usize>,
    /// For a recurrence: the found clock time each occurrence ends at ("from
    /// 7 to 9 p.m."); not a member, since nothing starts then.
    pub ends: Option<usize>,
    /// For a recurrence: its weekdays are the ends of a span ("Mondays
    /// through Thursdays"), which holds the days between them too.
    pub through: bool,
}

impl Link {
    /// The token a recurrence's clock times end at: past its members and the
    /// clock time its occurrences end at ("every Friday from 11:30 p.m. to
    /// 4:30 a.m."), where the words told after it (its bounds, a count) begin.
    pub(crate) fn clock_end(&self, found: &[Found]) -> usize {
        self.members.iter().chain(&self.ends).map(|&m| found[m].end).max().unwrap_or(0)
    }
}

/// A grammar rule: given the tokens and a start position, the end position
/// and expression it recognises there, if any.
pub type Rule = fn(&Tokens<'_>, usize) -> Option<(usize, Expr)>;

/// Runs `rules` over `toks` left to right, keeping the longest match at each
/// position, and returns the non-overlapping expressions found. A match of
/// [`Expr::Void`] (a date that does not exist) keeps its tokens from the
/// other rules and is left out.
///
/// Rules are tried only at tokens where an expression can begin at all (a
/// number, a lexicon word, or one of the language's openers, marked by the
/// lexer), which keeps the work per token small on ordinary prose.
pub fn compose(toks: &Tokens<'_>, rules: &[Rule]) -> Vec<Found> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if toks.toks[i].class == 0 {
            i += 1;
            continue;
        }
        let mut best: Option<(usize, Expr)> = None;
        for rule in rules {
            if let Some((end, expr)) = rule(toks, i) {
                debug_assert!(end > i && end - i <= MAX_SPAN);
                if end > i && end - i <= MAX_SPAN && best.as_ref().is_none_or(|b| end > b.0) {
                    best = Some((end, expr));
                }
            }
        }
        match best {
            // (words a rule claims as no time at all, "April 31": no other
            // rule may read a month or a year out of them)
            Some((end, Expr::Void)) => i = end,
            Some((end, expr)) => {
                out.push(Found { start: i, end, expr, anchor: None });
                i = end;
            }
            None => i += 1,
        }
    }
    out
}
