//! TimeML input and output, and the TempEval-3 timex scorer, for dateline.
//!
//! The engine crate does no I/O and knows nothing of XML; this crate turns
//! TimeML files into the text and DCT the engine takes ([`timeml::TimemlDoc`]),
//! writes the engine's timexes back inline, and scores system files against
//! gold ones exactly as the TempEval-3 evaluation does ([`score`]), and checks
//! an analysis against the TIMEX3 value grammar and dateline's promises
//! ([`check`]).
#![deny(missing_docs)]

pub mod check;
pub mod parallel;
pub mod score;
pub mod timeml;
