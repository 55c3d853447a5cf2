//! The browse calls of the workbench (documents, entities, quotes, stances, subjects, search,
//! claim pages), on SQLite and, when `SOURCED_TEST_POSTGRES` is set, on PostgreSQL; the
//! backends of `common/mod.rs`, as `store.rs`.

use sourced_engine::{extract, Ledger, Meta, Options};
use sourced_store::{ClaimQuery, ClaimSort, Paging, Store, StoreError};

mod common;
use common::backends;

fn ledger(text: &str, url: &str, published: &str) -> Ledger {
    let meta = Meta {
        url: Some(url.to_string()),
        outlet: url.split('/').nth(2).map(str::to_string),
        title: Some(format!(
            "Report from {}",
            url.split('/').nth(2).unwrap_or("?")
        )),
        published: Some(published.to_string()),
        ..Meta::default()
    };
    Ledger::from_doc(&extract(text, meta, Options::default()))
}

const KARST: &str = "At least 40 Valorian soldiers were killed in fighting near the town of \
Drevna on Sunday, the Karstan defence ministry said on Monday.\n\nMinistry spokesman Aldo Brenn \
told reporters that about 120 Valorian soldiers were wounded. \"Our positions held,\" Brenn said.\n\n\
The Valorian government declined to comment on the figures.";

const VALORIA: &str = "Valoria's army said on Thursday that 12 Valorian soldiers were \
killed near Drevna, far fewer than the number given by Karst.\n\n\"The numbers from Karst are \
invented,\" army spokeswoman Ilse Marek said.";

fn write_two(s: &mut Store) {
    s.write(
        ledger(KARST, "https://karst-news.example/a1", "2031-05-05"),
        "a1",
    )
    .unwrap();
    s.write(
        ledger(VALORIA, "https://valoria.example/b", "2031-05-08"),
        "b",
    )
    .unwrap();
}

#[test]
fn documents_page_and_the_document_view_carry_spans() {
    for mut b in backends("browse_documents") {
        write_two(&mut b.store);
        let page = b.store.documents(None, None, Paging::new(0, 1)).unwrap();
        assert_eq!((page.total, page.items.len()), (2, 1), "{}", b.name);
        assert_eq!(
            page.items[0].outlet.as_deref(),
            Some("valoria.example"),
            "newest first"
        );
        assert!(
            page.items[0].claims >= 1 && page.items[0].quotes >= 1,
            "{}",
            b.name
        );
        let karst = b
            .store
            .documents(None, Some("KARST-NEWS.example"), Paging::default())
            .unwrap();
        assert_eq!(karst.total, 1, "{}: outlet is case-blind", b.name);
        let by_title = b
            .store
            .documents(Some("report from valoria"), None, Paging::default())
            .unwrap();
        assert_eq!(by_title.total, 1, "{}", b.name);
        // LIKE wildcards in the words are literal.
        assert_eq!(
            b.store
                .documents(Some("%"), None, Paging::default())
                .unwrap()
                .total,
            0
        );

        let view = b.store.document(&karst.items[0].id).unwrap();
        let chars: Vec<char> = view.text.chars().collect();
        let slice = |a: i64, z: i64| chars[a as usize..z as usize].iter().collect::<String>();
        let brenn = view
            .entities
            .iter()
            .find(|e| e.name.contains("Brenn"))
            .unwrap();
        assert!(
            brenn.mentions.len() >= 2,
            "{}: {:?}",
            b.name,
            brenn.mentions
        );
        for m in &brenn.mentions {
            let said = slice(m[0], m[1]);
            assert!(
                said.contains("Brenn") || said.contains("spokesman"),
                "{said}"
            );
        }
        assert!(!view.claims.is_empty());
        for c in &view.claims {
            assert_eq!(slice(c.start, c.end), c.text, "{}", b.name);
            assert!(c.evidence_start <= c.start && c.end <= c.evidence_end);
            assert_eq!(b.store.claim(&c.id).unwrap().doc_id, view.id);
        }
        let direct = view.quotes.iter().find(|q| q.kind == "direct").unwrap();
        assert_eq!(slice(direct.start, direct.end), direct.text);
        if let (Some(a), Some(z)) = (direct.cue_start, direct.cue_end) {
            assert_eq!(Some(slice(a, z)), direct.cue.clone());
        }
        assert!(matches!(
            b.store.document("nope"),
            Err(StoreError::NotFound {
                what: "document",
                ..
            })
        ));
        assert!(matches!(
            b.store.claim("nope"),
            Err(StoreError::NotFound { what: "claim", .. })
        ));
    }
}

#[test]
fn claim_pages_filter_sort_and_count() {
    for mut b in backends("browse_claims") {
        write_two(&mut b.store);
        let all = b.store.claims_query(&ClaimQuery::default()).unwrap();
        assert!(all.total >= 3, "{}: {}", b.name, all.total);
        assert_eq!(all.items.len() as i64, all.total);
        let killed = ClaimQuery {
            subject: Some("Valorian troops".into()),
            measure: Some("killed".into()),
            sort: ClaimSort::Value,
            ..ClaimQuery::default()
        };
        let page = b.store.claims_query(&killed).unwrap();
        let values: Vec<f64> = page.items.iter().map(|c| c.value).collect();
        assert_eq!(values, vec![12.0, 40.0], "{}", b.name);
        let second = b
            .store
            .claims_query(&ClaimQuery {
                sort: ClaimSort::ValueDesc,
                paging: Paging::new(1, 1),
                ..killed.clone()
            })
            .unwrap();
        assert_eq!(
            (second.total, second.items[0].value),
            (2, 12.0),
            "{}",
            b.name
        );
        let outlet = b
            .store
            .claims_query(&ClaimQuery {
                outlet: Some("valoria.example".into()),
                ..killed.clone()
            })
            .unwrap();
        assert_eq!(outlet.total, 1, "{}", b.name);
        let none = b
            .store
            .claims_query(&ClaimQuery {
                subject: Some("dolphins".into()),
                ..ClaimQuery::default()
            })
            .unwrap();
        assert_eq!((none.total, none.items.len()), (0, 0));
        let newest = b
            .store
            .claims_query(&ClaimQuery {
                sort: ClaimSort::DateDesc,
                since: Some("2031-05-06".into()),
                ..ClaimQuery::default()
            })
            .unwrap();
        assert!(newest
            .items
            .iter()
            .all(|c| c.date.as_deref() == Some("2031-05-08")));
        assert_eq!(Paging::new(0, 10_000).limit, sourced_store::MAX_PAGE);
    }
}

#[test]
fn entities_quotes_stances_subjects_and_search() {
    for mut b in backends("browse_lists") {
        write_two(&mut b.store);
        let ents = b.store.entities(Some("brenn"), Paging::default()).unwrap();
        assert_eq!(ents.total, 1, "{}", b.name);
        let brenn = &ents.items[0];
        assert_eq!(
            (brenn.documents, brenn.kind.as_str()),
            (1, "person"),
            "{}",
            b.name
        );
        assert!(
            brenn.quotes >= 1 && brenn.claims >= 1,
            "{}: {brenn:?}",
            b.name
        );
        let every = b.store.entities(None, Paging::new(0, 2)).unwrap();
        assert!(every.total > 2 && every.items.len() == 2);

        let quotes = b
            .store
            .quotes(Some("Marek"), None, Paging::default())
            .unwrap();
        assert!(quotes.total >= 1, "{}", b.name);
        assert!(quotes
            .items
            .iter()
            .all(|q| q.outlet.as_deref() == Some("valoria.example")));
        let words = b
            .store
            .quotes(None, Some("POSITIONS HELD"), Paging::default())
            .unwrap();
        assert_eq!(words.total, 1, "{}", b.name);

        let stances = b.store.stances(None, Paging::default()).unwrap();
        assert!(
            stances.items.iter().any(|s| s.stance == "no_comment"),
            "{}: {stances:?}",
            b.name
        );
        assert!(stances.items.iter().all(|s| !s.evidence.is_empty()));

        let subjects = b.store.subjects(None, Paging::default()).unwrap();
        let first = &subjects.items[0];
        assert_eq!(
            (first.measure.as_str(), first.claims),
            ("killed", 2),
            "{}: {subjects:?}",
            b.name
        );
        assert!(first.subject_key.contains("valorian"));
        assert_eq!(
            b.store
                .subjects(Some("dolphins"), Paging::default())
                .unwrap()
                .total,
            0
        );

        let found = b.store.search("Drevna").unwrap();
        assert!(!found.claims.is_empty(), "{}", b.name);
        let found = b.store.search("brenn").unwrap();
        assert!(
            found.entities.iter().any(|e| e.name.contains("Brenn")),
            "{}",
            b.name
        );
        let empty = b.store.search("  ").unwrap();
        assert!(empty.claims.is_empty() && empty.documents.is_empty());
    }
}
