//! The tagger configurations the property tests and the fuzz targets tag
//! with (the fuzz crate includes this file).

use dateline::{Mode, Tagger};

/// News, narrative, a default zone with a reader's zone, and a preferred
/// reading of an abbreviation with another reader's zone.
pub fn taggers() -> &'static [Tagger] {
    static TAGGERS: std::sync::OnceLock<Vec<Tagger>> = std::sync::OnceLock::new();
    TAGGERS.get_or_init(|| {
        let built = [
            Tagger::builder(),
            Tagger::builder().mode(Mode::Narrative),
            Tagger::builder().default_zone("America/Los_Angeles").reader_zone("Europe/Berlin"),
            Tagger::builder().prefer_zone("CST", "Asia/Shanghai").reader_zone("Australia/Lord_Howe"),
        ];
        built.into_iter().map(|b| b.build().expect("tagger")).collect()
    })
}
