//! Temporary: replaced by the compiled gazetteer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PlaceKind {
    City,
    Region,
    Country,
    Broadcaster,
    Exchange,
}
pub(crate) struct Place {
    pub(crate) zone: &'static str,
    pub(crate) kind: PlaceKind,
}
pub(crate) const MAX_WORDS: usize = 3;
pub(crate) fn lookup(name: &str) -> Option<Place> {
    let n = name.trim_end_matches("'s").to_lowercase();
    let (zone, kind) = match n.as_str() {
        "seoul" => ("Asia/Seoul", PlaceKind::City),
        "tokyo" => ("Asia/Tokyo", PlaceKind::City),
        "london" => ("Europe/London", PlaceKind::City),
        "new orleans" => ("America/Chicago", PlaceKind::City),
        "chicago" => ("America/Chicago", PlaceKind::City),
        "shanghai" => ("Asia/Shanghai", PlaceKind::City),
        "toronto" => ("America/Toronto", PlaceKind::City),
        "dublin" => ("Europe/Dublin", PlaceKind::City),
        "edinburgh" => ("Europe/London", PlaceKind::City),
        "sydney" => ("Australia/Sydney", PlaceKind::City),
        "new york" => ("America/New_York", PlaceKind::City),
        _ => return None,
    };
    let _ = (PlaceKind::Region, PlaceKind::Country, PlaceKind::Broadcaster, PlaceKind::Exchange);
    Some(Place { zone, kind })
}
