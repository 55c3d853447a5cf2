//! The store suite. Every test runs on SQLite (a temporary file) and, when
//! `SOURCED_TEST_POSTGRES` holds a server URL, on PostgreSQL too (a fresh database per test);
//! `.ci/run` starts a server and sets it. With `SOURCED_REQUIRE_POSTGRES=1` a missing URL is a
//! failure rather than a skip, so CI cannot silently test one backend only.

use sourced_engine::{extract, Ledger, Meta, Options};
use sourced_store::{ClaimFilter, Outcome, Store, StoreError, ToStore};

mod common;
use common::backends;

fn ledger(text: &str, url: Option<&str>, published: &str) -> Ledger {
    let meta = Meta {
        url: url.map(str::to_string),
        outlet: url.and_then(|u| u.split('/').nth(2)).map(str::to_string),
        published: Some(published.to_string()),
        ..Meta::default()
    };
    Ledger::from_doc(&extract(text, meta, Options::default()))
}

const FIRST_REPORT: &str = "At least 40 Valorian soldiers were killed in fighting near the town of \
Drevna on Sunday, the Karstan defence ministry said on Monday.\n\nMinistry spokesman Aldo Brenn \
told reporters that about 120 Valorian soldiers were wounded. \"Our positions held,\" Brenn said.\n\n\
Farmers near Drevna said the shelling had burned their barns and scattered their herds.\n\n\
The Valorian government declined to comment on the figures.";

const VALORIAN_REPORT: &str = "Valoria's army said on Thursday that 12 Valorian soldiers were \
killed near Drevna, far fewer than the number given by Karst.\n\n\"The numbers from Karst are \
invented,\" army spokeswoman Ilse Marek said.";

const LATER_REPORT: &str = "An independent monitoring group said on Friday that more than 35 \
Valorian soldiers were killed near Drevna last week, citing hospital records.";

/// The first report, its wire copy (last paragraph cut), the Valorian army's lower count three days
/// later, and the monitor's figure two days after that.
fn write_four_reports(s: &mut Store) {
    s.write(
        ledger(
            FIRST_REPORT,
            Some("https://karst-news.example/a1"),
            "2031-05-05",
        ),
        "a1",
    )
    .unwrap();
    let trimmed = FIRST_REPORT.rsplit_once("\n\n").unwrap().0;
    s.write(
        ledger(trimmed, Some("https://wire.example/x"), "2031-05-05"),
        "copy",
    )
    .unwrap();
    s.write(
        ledger(
            VALORIAN_REPORT,
            Some("https://valoria.example/b"),
            "2031-05-08",
        ),
        "b",
    )
    .unwrap();
    s.write(
        ledger(
            LATER_REPORT,
            Some("https://monitor.example/c"),
            "2031-05-10",
        ),
        "c",
    )
    .unwrap();
}

#[test]
fn a_document_is_stored_once_and_its_rows_are_queryable() {
    for mut b in backends("stored_once") {
        let first = ledger(
            FIRST_REPORT,
            Some("https://karst-news.example/a1"),
            "2031-05-05",
        );
        let outcome = b.store.write(first.clone(), "a1.txt").unwrap();
        let Outcome::New {
            claims,
            quotes,
            dup_of: None,
            revision_of: None,
            ..
        } = outcome
        else {
            panic!("{}: {outcome:?}", b.name);
        };
        assert!(
            claims >= 2 && quotes >= 2,
            "{}: {claims} claims, {quotes} quotes",
            b.name
        );
        assert!(matches!(
            b.store.write(first, "again.txt").unwrap(),
            Outcome::Unchanged { .. }
        ));
        let stats = b.store.stats().unwrap();
        assert_eq!((stats.documents, stats.duplicates), (1, 0), "{}", b.name);
        assert_eq!(stats.claims as usize, claims, "{}", b.name);

        let killed = b
            .store
            .claims(&ClaimFilter {
                subject: Some("Valorian troops".into()),
                measure: Some("killed".into()),
                ..ClaimFilter::default()
            })
            .unwrap();
        assert_eq!(killed.len(), 1, "{}: {killed:?}", b.name);
        let k = &killed[0];
        assert_eq!(
            (k.value, k.qualifier.as_str()),
            (40.0, "at_least"),
            "{}",
            b.name
        );
        assert_eq!(k.claimant_name.as_deref(), Some("Karstan defence ministry"));
        assert_eq!(k.date.as_deref(), Some("2031-05-05"));
        assert_eq!(k.outlet.as_deref(), Some("karst-news.example"));
        assert!(
            k.evidence.contains("At least 40 Valorian soldiers"),
            "{}",
            k.evidence
        );

        let rows = b
            .store
            .connection()
            .query(
                "SELECT measure, claimant_name, outlet FROM claims_view ORDER BY id",
                &[],
            )
            .unwrap();
        assert_eq!(rows.len(), claims, "{}", b.name);
    }
}

#[test]
fn an_edited_article_is_a_revision_and_a_wire_copy_is_a_duplicate() {
    for mut b in backends("revisions") {
        let url = Some("https://karst-news.example/a1");
        let first = b
            .store
            .write(ledger(FIRST_REPORT, url, "2031-05-05"), "a1")
            .unwrap();
        let Outcome::New { id: first_id, .. } = first else {
            panic!()
        };

        let edited = FIRST_REPORT.replace("about 120", "about 130");
        let revision = b
            .store
            .write(ledger(&edited, url, "2031-05-05"), "a1-edit")
            .unwrap();
        let Outcome::New {
            revision_of,
            dup_of,
            id: edited_id,
            ..
        } = revision
        else {
            panic!()
        };
        assert_eq!(
            revision_of.as_deref(),
            Some(first_id.as_str()),
            "{}",
            b.name
        );
        assert_eq!(dup_of, None);

        // The newest revision is the one a further edit links to.
        let again = FIRST_REPORT.replace("about 120", "about 140");
        let Outcome::New { revision_of, .. } = b
            .store
            .write(ledger(&again, url, "2031-05-06"), "a1-edit2")
            .unwrap()
        else {
            panic!()
        };
        assert_eq!(
            revision_of.as_deref(),
            Some(edited_id.as_str()),
            "{}",
            b.name
        );

        // The timeline reads the latest revision only: one row, the edited figure.
        let wounded = b.store.timeline("Valorian soldiers", "wounded").unwrap();
        let figures: Vec<f64> = wounded.iter().map(|r| r.claim.value).collect();
        assert_eq!(figures, [140.0], "{}: {wounded:#?}", b.name);
        assert_eq!(
            wounded[0].claim.revision_of.as_deref(),
            Some(edited_id.as_str()),
            "{}: the row says its article was edited",
            b.name
        );
        let before: Vec<f64> = wounded[0].before_edit.iter().map(|f| f.value).collect();
        assert_eq!(before, [120.0, 130.0], "{}: the earlier figures", b.name);

        // A syndicated copy elsewhere, last paragraph trimmed: a near-duplicate of the first.
        let trimmed = FIRST_REPORT.rsplit_once("\n\n").unwrap().0;
        let copy = b
            .store
            .write(
                ledger(trimmed, Some("https://wire.example/x"), "2031-05-05"),
                "copy",
            )
            .unwrap();
        let Outcome::New {
            dup_of,
            revision_of: None,
            ..
        } = copy
        else {
            panic!("{copy:?}")
        };
        assert_eq!(dup_of.as_deref(), Some(first_id.as_str()), "{}", b.name);

        // An unrelated report is neither.
        let other = b
            .store
            .write(
                ledger(
                    VALORIAN_REPORT,
                    Some("https://valoria.example/b"),
                    "2031-05-08",
                ),
                "b",
            )
            .unwrap();
        assert!(matches!(
            other,
            Outcome::New {
                dup_of: None,
                revision_of: None,
                ..
            }
        ));
        let stats = b.store.stats().unwrap();
        assert_eq!(
            (stats.documents, stats.duplicates, stats.revisions),
            (5, 1, 2),
            "{}",
            b.name
        );
    }
}

#[test]
fn the_timeline_folds_copies_and_counts_independent_sources() {
    for mut b in backends("timeline") {
        let s = &mut b.store;
        write_four_reports(s);

        let rows = s.timeline("Valorian soldiers", "killed").unwrap();
        let figures: Vec<(f64, &str)> = rows
            .iter()
            .map(|r| (r.claim.value, r.claim.qualifier.as_str()))
            .collect();
        assert_eq!(
            figures,
            [(40.0, "at_least"), (12.0, "exact"), (35.0, "more_than")],
            "{}: {rows:#?}",
            b.name
        );
        assert_eq!(
            rows[0].copies.len(),
            1,
            "{}: the wire copy folds into the first report",
            b.name
        );
        // "at least 40" and "more than 35" agree and come from different origins; 12 stands alone.
        assert_eq!(rows[0].independent_sources, 2, "{}", b.name);
        assert_eq!(rows[1].independent_sources, 1, "{}", b.name);
        assert_eq!(rows[2].independent_sources, 2, "{}", b.name);

        let since = s
            .claims(&ClaimFilter {
                measure: Some("killed".into()),
                since: Some("2031-05-08".into()),
                ..ClaimFilter::default()
            })
            .unwrap();
        assert_eq!(since.len(), 2, "{}", b.name);
        let by_claimant = s
            .claims(&ClaimFilter {
                claimant: Some("Marek".into()),
                ..ClaimFilter::default()
            })
            .unwrap();
        assert!(by_claimant
            .iter()
            .all(|c| c.claimant_name.as_deref() == Some("Ilse Marek")));
    }
}

#[test]
fn a_failing_batch_leaves_nothing_behind() {
    for mut b in backends("atomic") {
        let good = ledger(VALORIAN_REPORT, None, "2031-05-08");
        let mut bad = ledger(FIRST_REPORT, None, "2031-05-05");
        // Two claims with one id break the claims table's primary key mid-batch.
        let twin = bad.claims[0].clone();
        bad.claims.push(twin);
        let err = b
            .store
            .write_batch(&[ToStore::new(good, "good"), ToStore::new(bad, "bad")])
            .unwrap_err();
        assert!(matches!(err, StoreError::Query { .. }), "{}: {err}", b.name);
        let stats = b.store.stats().unwrap();
        assert_eq!((stats.documents, stats.claims), (0, 0), "{}", b.name);
    }
}

#[test]
fn reopening_keeps_the_data_and_foreign_databases_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ledger.db");
    let path = path.to_str().unwrap();
    {
        let mut s = Store::open(path).unwrap();
        s.write(ledger(LATER_REPORT, None, "2031-05-10"), "c")
            .unwrap();
    }
    let mut s = Store::open(path).unwrap();
    assert_eq!(s.stats().unwrap().documents, 1);

    let foreign = dir.path().join("foreign.db");
    let conn = rusqlite::Connection::open(&foreign).unwrap();
    conn.execute_batch("CREATE TABLE documents (x INTEGER)")
        .unwrap();
    drop(conn);
    let err = Store::open(foreign.to_str().unwrap()).err().unwrap();
    assert!(err.to_string().contains("did not create"), "{err}");

    let text = dir.path().join("notes.txt");
    std::fs::write(
        &text,
        "this is not a database at all, just some words in a file",
    )
    .unwrap();
    let err = Store::open(text.to_str().unwrap()).err().unwrap();
    assert!(err.to_string().contains("notes.txt"), "{err}");
}

#[test]
fn conflicts_pair_incompatible_figures_from_different_sources() {
    for mut b in backends("conflicts") {
        let s = &mut b.store;
        write_four_reports(s);

        let found = s.conflicts(Some("Valorian soldiers"), 14).unwrap();
        let mut pairs: Vec<(f64, f64)> = found
            .iter()
            .filter(|c| c.measure == "killed")
            .map(|c| (c.a.value, c.b.value))
            .collect();
        pairs.sort_by(|x, y| x.partial_cmp(y).unwrap());
        // 12 disagrees with "at least 40" and with "more than 35"; those two agree, and the
        // wire copy of the first report is not a second source.
        assert_eq!(
            pairs,
            [(12.0, 35.0), (40.0, 12.0)],
            "{}: {found:#?}",
            b.name
        );
        let c = found.iter().find(|c| c.a.value == 40.0).unwrap();
        assert_eq!(c.days_apart, 3);
        assert!(
            c.b.evidence.contains("12 Valorian soldiers"),
            "{}",
            c.b.evidence
        );

        assert!(
            s.conflicts(Some("Valorian soldiers"), 1)
                .unwrap()
                .is_empty(),
            "{}",
            b.name
        );
        assert!(
            s.conflicts(Some("civilians"), 30).unwrap().is_empty(),
            "{}",
            b.name
        );
        // Scoped to a place the reports mention, the same conflicts; to another, none.
        let at_drevna = s
            .conflicts_at(Some("Valorian soldiers"), Some("DREVNA"), 14)
            .unwrap();
        assert_eq!(at_drevna.len(), found.len(), "{}", b.name);
        assert!(s.conflicts_at(None, Some("Olst"), 14).unwrap().is_empty());
        let at = |s: &mut Store, place| s.timeline_at("Valorian soldiers", "killed", place);
        assert_eq!(at(s, Some("drevna")).unwrap().len(), 3, "{}", b.name);
        assert!(at(s, Some("100% olst")).unwrap().is_empty(), "{}", b.name);
    }
}

#[test]
fn sources_group_reports_by_origin_and_summary_picks_traceable_figures() {
    for mut b in backends("provenance") {
        let s = &mut b.store;
        write_four_reports(s);
        let killed = |s: &mut Store| {
            s.claims(&ClaimFilter {
                measure: Some("killed".into()),
                ..ClaimFilter::default()
            })
            .unwrap()
        };
        let claims = killed(s);
        let forty = claims
            .iter()
            .find(|c| c.value == 40.0 && c.dup_of.is_none())
            .unwrap();
        let p = s.sources(&forty.id).unwrap();
        assert_eq!(p.independent_sources(), 2, "{}: {p:#?}", b.name);
        let own = &p.origins[0];
        assert_eq!(own.origin, "Karstan defence ministry", "{}", b.name);
        assert_eq!(own.reports[0].copies, ["wire.example"], "{}", b.name);
        assert_eq!(
            own.reports[0].path.last().map(String::as_str),
            Some("karst-news.example")
        );
        assert!(
            p.origins[1].reports.iter().all(|r| r.value == 35.0),
            "{}: {p:#?}",
            b.name
        );

        // Asking about the wire copy's claim gives the original's provenance.
        let copy = claims
            .iter()
            .find(|c| c.value == 40.0 && c.dup_of.is_some())
            .unwrap();
        assert_eq!(
            s.sources(&copy.id).unwrap().origins,
            p.origins,
            "{}",
            b.name
        );
        assert!(matches!(
            s.sources("nope:c1"),
            Err(StoreError::NotFound { .. })
        ));

        let months = s
            .summary(
                "Valorian soldiers",
                "killed",
                None,
                sourced_store::Period::Month,
            )
            .unwrap();
        assert_eq!(months.len(), 1, "{}: {months:#?}", b.name);
        let m = &months[0];
        assert_eq!(
            (m.period.as_str(), m.reports, m.origins),
            ("2031-05", 3, 3),
            "{}",
            b.name
        );
        assert_eq!((m.low.value, m.high.value), (12.0, 40.0), "{}", b.name);
        // 40 and 35 each have two origins behind them; the later report is the best figure,
        // and the lower of the two the conservative one.
        assert_eq!(
            (m.best.value, m.conservative.value),
            (35.0, 35.0),
            "{}",
            b.name
        );
        assert!(claims
            .iter()
            .any(|c| c.id == m.low.claim_id && c.value == 12.0));
    }
}

#[test]
fn an_acronym_learnt_later_joins_the_origin_it_names() {
    for mut b in backends("aliases") {
        let s = &mut b.store;
        // The acronym alone first, the full name with the acronym a day later.
        s.write(
            ledger(
                "The KIA said on Monday that more than 90 Valorian soldiers were killed near Olst.",
                Some("https://first.example/1"),
                "2031-05-05",
            ),
            "1",
        )
        .unwrap();
        s.write(
            ledger(
                "The Karstan Intelligence Agency (KIA) said on Tuesday that at least 100 \
                 Valorian soldiers were killed near Olst.",
                Some("https://second.example/2"),
                "2031-05-06",
            ),
            "2",
        )
        .unwrap();
        let rows = s.timeline("Valorian soldiers", "killed").unwrap();
        assert_eq!(rows.len(), 2, "{}: {rows:#?}", b.name);
        // One agency behind both figures: one independent source, not two.
        assert!(
            rows.iter().all(|r| r.independent_sources == 1),
            "{}: {rows:#?}",
            b.name
        );
    }
}

#[test]
fn a_description_meets_the_institution_it_describes() {
    for mut b in backends("descriptions") {
        let s = &mut b.store;
        // The name with its description first; the description alone two days later.
        s.write(
            ledger(
                "At least 70 Valorian soldiers were killed near Olst, the Tarn Monitoring \
                 Bureau, Russia's spy agency, said on Monday.",
                Some("https://first.example/1"),
                "2031-05-05",
            ),
            "1",
        )
        .unwrap();
        s.write(
            ledger(
                "About 70 Valorian soldiers were killed near Olst, the Russian intelligence \
                 service said on Wednesday.",
                Some("https://second.example/2"),
                "2031-05-07",
            ),
            "2",
        )
        .unwrap();
        let rows = s.timeline("Valorian soldiers", "killed").unwrap();
        assert_eq!(rows.len(), 2, "{}: {rows:#?}", b.name);
        assert!(
            rows.iter().all(|r| r.independent_sources == 1),
            "{}: {rows:#?}",
            b.name
        );
        let provenance = s.sources(&rows[1].claim.id).unwrap();
        assert_eq!(provenance.origins.len(), 1, "{}: {provenance:#?}", b.name);
        assert_eq!(provenance.origins[0].reports.len(), 2, "{}", b.name);
    }
}

#[test]
fn tolls_of_different_places_are_different_events() {
    for mut b in backends("events") {
        let s = &mut b.store;
        let report = |place: &str, figure: &str, day: u32| {
            let source = ["Red Cross workers", "police", "a hospital director"][day as usize % 3];
            ledger(
                &format!(
                    "{figure} people were killed in a bombing in {place} on Monday, {source} \
                     said. Officials in {place} said the toll could rise.\n\n\
                     Hospitals in {place} asked for blood donors."
                ),
                Some(&format!("https://news{day}.example/{place}")),
                &format!("2031-05-{day:02}"),
            )
        };
        s.write(report("Somalia", "Seven", 5), "1").unwrap();
        s.write(report("Pakistan", "Thirty-one", 6), "2").unwrap();
        s.write(report("Somalia", "Twenty", 7), "3").unwrap();
        let conflicts = s.conflicts(Some("people"), 14).unwrap();
        let pairs: Vec<(f64, f64)> = conflicts.iter().map(|c| (c.a.value, c.b.value)).collect();
        // Somalia's 7 and 20 disagree; Pakistan's 31 is another bombing.
        assert_eq!(pairs, [(7.0, 20.0)], "{}: {conflicts:#?}", b.name);
        let rows = s.timeline("people", "killed").unwrap();
        let places: Vec<&str> = rows.iter().map(|r| r.places[0].as_str()).collect();
        assert_eq!(places, ["Somalia", "Pakistan", "Somalia"], "{}", b.name);
        // Summed up per event: Somalia's two reports together, Pakistan's apart.
        let summary = s
            .summary("people", "killed", None, sourced_store::Period::Month)
            .unwrap();
        let events: Vec<(Option<&str>, usize, f64, f64)> = summary
            .iter()
            .map(|p| (p.event.as_deref(), p.reports, p.low.value, p.high.value))
            .collect();
        assert_eq!(
            events,
            [
                (Some("Somalia"), 2, 7.0, 20.0),
                (Some("Pakistan"), 1, 31.0, 31.0)
            ],
            "{}",
            b.name
        );
    }
}

#[test]
fn an_edit_shows_the_figure_it_changed_and_only_that_one() {
    for mut b in backends("edits") {
        let s = &mut b.store;
        let url = Some("https://edits.example/1");
        let text = "About 120 Valorian soldiers were wounded on Monday, the army said.\n\n\
                    In a later count, doctors said 150 Valorian soldiers had been wounded in all.";
        s.write(ledger(text, url, "2031-05-05"), "v1").unwrap();
        s.write(ledger(&text.replace("150", "160"), url, "2031-05-05"), "v2")
            .unwrap();
        let rows = s.timeline("Valorian soldiers", "wounded").unwrap();
        let shown: Vec<(f64, Vec<f64>)> = rows
            .iter()
            .map(|r| {
                (
                    r.claim.value,
                    r.before_edit.iter().map(|f| f.value).collect(),
                )
            })
            .collect();
        assert_eq!(
            shown,
            [(120.0, vec![]), (160.0, vec![150.0])],
            "{}: {rows:#?}",
            b.name
        );
    }
}
