use crate::doc::Doc;
pub fn claims(_doc: &mut Doc) {}
