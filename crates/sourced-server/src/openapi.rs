//! `GET /api/openapi.json`: an OpenAPI 3.1 description of the API, written by hand. A test
//! checks that its paths are exactly the router's `/api` routes.

use serde_json::{json, Map, Value};

struct Param {
    name: &'static str,
    kind: &'static str,
    required: bool,
    about: &'static str,
}

const fn q(name: &'static str, kind: &'static str, about: &'static str) -> Param {
    Param {
        name,
        kind,
        required: false,
        about,
    }
}

const fn req(name: &'static str, about: &'static str) -> Param {
    Param {
        name,
        kind: "string",
        required: true,
        about,
    }
}

const PAGING: [Param; 2] = [
    q("offset", "integer", "rows to skip (default 0)"),
    q(
        "limit",
        "integer",
        "rows per page (default 50, at most 500)",
    ),
];

struct Op {
    method: &'static str,
    path: &'static str,
    summary: &'static str,
    params: Vec<Param>,
    /// The answer's schema: a component name, or a ready JSON schema.
    answer: Value,
    body: bool,
}

fn r(name: &str) -> Value {
    json!({ "$ref": format!("#/components/schemas/{name}") })
}

fn page_of(name: &str) -> Value {
    json!({
        "type": "object",
        "required": ["total", "offset", "limit", "items"],
        "properties": {
            "total": {"type": "integer"}, "offset": {"type": "integer"},
            "limit": {"type": "integer"}, "items": {"type": "array", "items": r(name)}
        }
    })
}

fn any_object() -> Value {
    json!({ "type": "object" })
}

fn operations() -> Vec<Op> {
    let paged = |mut v: Vec<Param>| {
        v.extend(PAGING);
        v
    };
    let figure = || {
        vec![
            Param {
                name: "subject",
                kind: "string",
                required: true,
                about: "who is counted (troops, forces and soldiers match alike)",
            },
            Param {
                name: "measure",
                kind: "string",
                required: true,
                about: "what happened to them: killed, wounded, ...",
            },
            q(
                "place",
                "string",
                "only reports whose place, evidence or title mention this",
            ),
        ]
    };
    vec![
        Op { method: "get", path: "/api/health", summary: "Liveness and the number of stored documents", params: vec![], answer: json!({"type": "object", "properties": {"ok": {"type": "boolean"}, "version": {"type": "string"}, "documents": {"type": "integer"}}}), body: false },
        Op { method: "get", path: "/api/stats", summary: "Row counts of the ledger", params: vec![], answer: any_object(), body: false },
        Op { method: "get", path: "/api/claims", summary: "Claims, filtered, sorted and paged", params: paged(vec![
            q("subject", "string", "who is counted"), q("measure", "string", "what happened to them"),
            q("claimant", "string", "who asserts the figure (any part of the name)"),
            q("outlet", "string", "the outlet, exactly (case-blind)"),
            q("place", "string", "place, evidence or title mention this"),
            q("since", "string", "reported on or after this ISO date"), q("until", "string", "reported on or before this ISO date"),
            q("sort", "string", "date, -date (default), value or -value")]), answer: page_of("ClaimRow"), body: false },
        Op { method: "get", path: "/api/claims/{id}", summary: "One claim", params: vec![req("id", "claim id")], answer: r("ClaimRow"), body: false },
        Op { method: "get", path: "/api/timeline", summary: "Every report of one figure in date order, copies folded, sources counted", params: figure(), answer: json!({"type": "object", "properties": {"subject": {"type": "string"}, "measure": {"type": "string"}, "items": {"type": "array", "items": any_object()}}}), body: false },
        Op { method: "get", path: "/api/conflicts", summary: "Incompatible figures from different origins within a window", params: vec![
            q("subject", "string", "only this subject"), q("measure", "string", "only this measure"),
            q("place", "string", "place, evidence or title mention this"),
            q("window", "integer", "days apart at most (default 14)")], answer: json!({"type": "object", "properties": {"items": {"type": "array", "items": any_object()}}}), body: false },
        Op { method: "get", path: "/api/sources/{claim_id}", summary: "The independent origins behind a claim's figure", params: vec![req("claim_id", "claim id")], answer: any_object(), body: false },
        Op { method: "get", path: "/api/summary", summary: "Low / best / high and the conservative figure per period", params: { let mut v = figure(); v.push(q("period", "string", "day, month (default) or year")); v }, answer: json!({"type": "array", "items": any_object()}), body: false },
        Op { method: "get", path: "/api/subjects", summary: "Subject and measure pairs that can be charted, most claims first", params: paged(vec![q("q", "string", "words of the subject")]), answer: page_of("Subject"), body: false },
        Op { method: "get", path: "/api/documents", summary: "Documents, newest first", params: paged(vec![q("q", "string", "words of the title or URL"), q("outlet", "string", "the outlet")]), answer: page_of("DocumentRow"), body: false },
        Op { method: "get", path: "/api/documents/{id}", summary: "One document: text, entities with mention spans, quotes, claims, stances", params: vec![req("id", "document id (SHA-256 of the text)")], answer: any_object(), body: false },
        Op { method: "get", path: "/api/entities", summary: "Entities grouped across documents by key", params: paged(vec![q("q", "string", "words of the name")]), answer: page_of("Entity"), body: false },
        Op { method: "get", path: "/api/quotes", summary: "Quotes with their document", params: paged(vec![q("speaker", "string", "the speaker's name"), q("q", "string", "words of the quote")]), answer: page_of("Object"), body: false },
        Op { method: "get", path: "/api/stances", summary: "Stances with their document", params: paged(vec![q("actor", "string", "the actor's name")]), answer: page_of("Object"), body: false },
        Op { method: "get", path: "/api/search", summary: "Subjects, entities, documents and claims matching words (at most 20 of each)", params: vec![q("q", "string", "the words")], answer: any_object(), body: false },
        Op { method: "post", path: "/api/extract", summary: "The ledger of one article (nothing is stored), plus the cleaned text its spans index", params: vec![], answer: any_object(), body: true },
        Op { method: "post", path: "/api/ingest", summary: "Store one article (token required always)", params: vec![], answer: json!({"type": "object", "properties": {"outcome": {"enum": ["new", "unchanged", "duplicate", "revision"]}, "doc_id": {"type": "string"}, "claims": {"type": "integer"}, "quotes": {"type": "integer"}}}), body: true },
        Op { method: "get", path: "/api/openapi.json", summary: "This document", params: vec![], answer: any_object(), body: false },
    ]
}

fn article_body() -> Value {
    json!({
        "required": true,
        "content": {
            "application/json": {"schema": {"type": "object", "required": ["text"], "properties": {
                "text": {"type": "string"}, "title": {"type": "string"}, "url": {"type": "string"},
                "outlet": {"type": "string"}, "published": {"type": "string"}}}},
            "text/plain": {"schema": {"type": "string"}},
            "text/html": {"schema": {"type": "string"}},
            "multipart/form-data": {"schema": {"type": "object", "required": ["file"], "properties": {
                "file": {"type": "string", "contentMediaType": "application/octet-stream"},
                "title": {"type": "string"}, "url": {"type": "string"},
                "outlet": {"type": "string"}, "published": {"type": "string"}}}}
        }
    })
}

fn components() -> Value {
    let s = |t: &str| json!({"type": t});
    let ns = || json!({"type": ["string", "null"]});
    json!({
        "schemas": {
            "Error": {"type": "object", "required": ["error"], "properties": {"error": s("string")}},
            "Object": {"type": "object"},
            "ClaimRow": {"type": "object", "properties": {
                "id": s("string"), "date": ns(), "value": s("number"), "value_hi": {"type": ["number", "null"]},
                "qualifier": s("string"), "measure": s("string"), "subject": ns(), "claimant_name": ns(),
                "cites_name": {"type": "array", "items": s("string")}, "via_name": {"type": "array", "items": s("string")},
                "stance": s("string"), "text": s("string"), "evidence": s("string"), "outlet": ns(),
                "title": ns(), "url": ns(), "doc_id": s("string"), "dup_of": ns(), "same_as": ns()}},
            "Subject": {"type": "object", "properties": {"subject_key": s("string"), "measure": s("string"), "claims": s("integer")}},
            "DocumentRow": {"type": "object", "properties": {
                "id": s("string"), "title": ns(), "outlet": ns(), "url": ns(), "published": ns(),
                "words": s("integer"), "dup_of": ns(), "revision_of": ns(), "claims": s("integer"), "quotes": s("integer")}},
            "Entity": {"type": "object", "properties": {
                "key": s("string"), "name": s("string"), "kind": s("string"), "documents": s("integer"),
                "claims": s("integer"), "quotes": s("integer")}}
        },
        "securitySchemes": {
            "bearer": {"type": "http", "scheme": "bearer"},
            "cookie": {"type": "apiKey", "in": "cookie", "name": "sourced_token"}
        }
    })
}

/// The whole document.
pub fn document() -> Value {
    let error = |what: &str| json!({"description": what, "content": {"application/json": {"schema": r("Error")}}});
    let mut paths = Map::new();
    for op in operations() {
        let params: Vec<Value> = op
            .params
            .iter()
            .map(|p| {
                json!({
                    "name": p.name,
                    "in": if op.path.contains(&format!("{{{}}}", p.name)) { "path" } else { "query" },
                    "required": p.required,
                    "description": p.about,
                    "schema": {"type": p.kind}
                })
            })
            .collect();
        let mut o = json!({
            "summary": op.summary,
            "parameters": params,
            "responses": {
                "200": {"description": "OK", "content": {"application/json": {"schema": op.answer}}},
                "400": error("bad request"),
                "401": error("a token is configured and none was sent"),
                "404": error("not found"),
                "500": error("store error")
            }
        });
        if op.body {
            o["requestBody"] = article_body();
            o["responses"]["413"] = error("body larger than --max-body");
            o["responses"]["415"] = error("unsupported Content-Type");
        }
        if op.path == "/api/ingest" {
            o["responses"]["403"] = error("the server runs without a token: writes are disabled");
        }
        let entry = paths
            .entry(op.path.to_string())
            .or_insert_with(|| Value::Object(Map::new()));
        entry[op.method] = o;
    }
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "sourced workbench API",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Attributed numeric claims and quotes from news reports. Spans are [start, end) offsets in Unicode code points of the document text. Lists take offset and limit and answer {total, offset, limit, items}."
        },
        "security": [{"bearer": []}, {"cookie": []}, {}],
        "paths": paths,
        "components": components()
    })
}
