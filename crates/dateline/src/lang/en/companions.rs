//! A schedule told with another: "Evening performances are Tuesday to
//! Saturday at 7:45 p.m., with matinees on Thursdays and Saturdays at 2:30
//! p.m., until the end of the run on Saturday, May 28." The second is told
//! as part of the first's arrangement, so they share its run: an end set off
//! after the second by a comma ends both, and the second starts when the
//! first does unless it states its own start.

use super::words::*;
use crate::grammar::{Found, Link, LinkKind};
use crate::lex::Tokens;

/// Whether the schedule starting at token `b` is told with the one ending
/// at token `a` (see `Language::told_with`): ", with" and words only between
/// ("at 7:45 p.m., with matinees on Thursdays").
pub fn told_with(t: &Tokens<'_>, a: usize, b: usize) -> bool {
    b > a + 1 && is(t, a, ",") && is(t, a + 1, "with") && (a + 2..b).all(|k| word(t, k))
}

/// Whether the schedule starting at token `b` is coordinated with the one
/// ending at token `a` as another set of days with their own hours: "and on"
/// between ("on weekdays from 8 a.m. to 3 p.m. and on Saturdays from 9 a.m.
/// to 1 p.m., until Feb. 27"), which the end after them closes both.
/// So is one told from another place after "and", its verb left out
/// ("leaving Wellington daily at 9 a.m. and Picton daily at 2:15 p.m. until
/// Sept. 27").
fn coordinated(t: &Tokens<'_>, a: usize, b: usize) -> bool {
    let a = if is(t, a, ",") { a + 1 } else { a };
    let place = b > a + 1 && b <= a + 1 + crate::tuning::JOURNEY_WORDS && (a + 1..b).all(|k| word(t, k) && cap(t, k));
    is(t, a, "and") && (b == a + 1 || b == a + 2 && is(t, a + 1, "on") || place)
}

/// The end a schedule told with another states after a comma ("..., with
/// matinees ... at 2:30 p.m., until the end of the run on Saturday, May
/// 28") is the other's too, when that one states no bound of its own. (No
/// comma, and the end is the second's alone: "open daily at 10 a.m., with
/// tours on Saturdays at 2 p.m. until Aug. 31".)
pub(super) fn companion_ends(t: &Tokens<'_>, out: &[Found], links: &mut [Link]) {
    let recurrence = |l: &Link| l.kind == LinkKind::Recurrence && !l.members.is_empty();
    for b in 0..links.len() {
        let lb = &links[b];
        let Some(u) = lb.until.filter(|_| recurrence(lb)) else { continue };
        let first = lb.members.iter().map(|&m| out[m].start).min().unwrap_or(0);
        let last = lb.clock_end(out);
        if out[u].start < last {
            continue;
        }
        // (a schedule told with another needs the comma; one coordinated with
        // it shares the end either way)
        let comma = (last..out[u].start).any(|k| is(t, k, ","));
        let a = (0..links.len()).find(|&a| {
            let la = &links[a];
            // (a start of its own does not keep a coordinated schedule from the end:
            // "From Monday, Jan. 4, ... on weekdays ... and on Saturdays ..., until
            // Feb. 27")
            // (nor does one told before the first schedule, which starts the
            // whole arrangement: "its regular schedule from Monday, Nov. 1: Monday
            // to Saturday at 7:30 p.m., with matinees ..., until Jan. 15")
            let end = la.clock_end(out);
            let own_start = la.start.is_some_and(|s| la.members.iter().any(|&m| out[m].start < out[s].start));
            a != b
                && recurrence(la)
                && la.until.is_none()
                && la.lasting.is_none()
                && (comma && !own_start && told_with(t, end, first) || coordinated(t, end, first))
        });
        if let Some(a) = a {
            links[a].until = Some(u);
        }
    }
}
