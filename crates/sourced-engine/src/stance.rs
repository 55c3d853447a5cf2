use crate::doc::Doc;
pub fn stances(_doc: &mut Doc) {}
