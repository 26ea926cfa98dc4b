//! What the property tests share: the document generator and the taggers.
#![allow(dead_code)]

pub mod docs;
pub mod taggers;
