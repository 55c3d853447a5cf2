//! The workbench in a real browser: headless Chromium driven through WebDriver (chromedriver)
//! against `sourced serve` on the demo ledger. Every view is loaded, used and checked, and a
//! screenshot of each is saved to `<target dir>/ui-shots/NAME.png` (the target directory is
//! the parent of `CARGO_TARGET_TMPDIR`, so `target/ui-shots/` by default, or
//! `$CARGO_TARGET_DIR/ui-shots/`), for the README.
//!
//! Needs `chromedriver` and Chromium (Debian: `apt-get install chromium chromium-driver`).
//! Without them the test prints a notice and passes, unless `SOURCED_REQUIRE_BROWSER=1` (CI
//! sets it), when it fails. `CHROMEDRIVER` and `CHROME_BIN` override where they are looked for.

use fantoccini::actions::{InputSource, MouseActions, PointerAction};
use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};
use std::io::{BufRead, BufReader};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

const WAIT: Duration = Duration::from_secs(20);

/// A child process that is killed however the test ends (panics included).
struct Guard {
    child: Child,
}

impl Drop for Guard {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn find_program(env: &str, names: &[&str]) -> Option<PathBuf> {
    if let Some(p) = std::env::var_os(env) {
        let p = PathBuf::from(p);
        return p.is_file().then_some(p);
    }
    let mut dirs: Vec<PathBuf> = vec![
        PathBuf::from("/usr/bin"),
        PathBuf::from("/usr/lib/chromium"),
    ];
    if let Some(path) = std::env::var_os("PATH") {
        dirs.extend(std::env::split_paths(&path));
    }
    for d in dirs {
        for n in names {
            let p = d.join(n);
            if p.is_file() {
                return Some(p);
            }
        }
    }
    None
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free loopback port")
}

fn shots_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("CARGO_TARGET_TMPDIR sits in the target directory")
        .join("ui-shots");
    std::fs::create_dir_all(&dir).expect("create the screenshot directory");
    dir
}

/// Starts `sourced serve` on a loopback port the system picks and returns it with the URL it
/// printed (`sourced: serving http://127.0.0.1:PORT ...`).
fn start_server(db: &Path) -> (Guard, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sourced"))
        .args(["serve", "--db"])
        .arg(db)
        .args(["--bind", "127.0.0.1:0"])
        .env_remove("SOURCED_TOKEN")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start sourced serve");
    let stdout = child.stdout.take().expect("server stdout");
    let stderr = child.stderr.take().expect("server stderr");
    let guard = Guard { child };
    let (tx, rx) = mpsc::channel();
    for stream in [
        Box::new(stdout) as Box<dyn std::io::Read + Send>,
        Box::new(stderr) as Box<dyn std::io::Read + Send>,
    ] {
        let tx = tx.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stream).lines().map_while(Result::ok) {
                eprintln!("[server] {line}");
                if tx.send(line).is_err() {
                    // The test no longer listens; keep draining so the server never blocks.
                }
            }
        });
    }
    let deadline = Instant::now() + WAIT;
    while Instant::now() < deadline {
        if let Ok(line) = rx.recv_timeout(Duration::from_millis(200)) {
            if let Some(at) = line.find("http://") {
                let url: String = line[at..]
                    .chars()
                    .take_while(|c| !c.is_whitespace() && *c != ')')
                    .collect();
                return (guard, url.trim_end_matches('/').to_string());
            }
        }
    }
    panic!("sourced serve printed no http:// URL within {WAIT:?}");
}

/// Starts chromedriver on a free port and waits until it answers.
fn start_chromedriver(driver: &Path) -> (Guard, String) {
    let port = free_port();
    let child = Command::new(driver)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("start {}: {e}", driver.display()));
    let guard = Guard { child };
    let deadline = Instant::now() + WAIT;
    while Instant::now() < deadline {
        if TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return (guard, format!("http://127.0.0.1:{port}"));
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("chromedriver did not listen on port {port} within {WAIT:?}");
}

async fn connect(webdriver: &str) -> Client {
    let mut chrome = json!({
        "args": [
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--window-size=1280,800", "--hide-scrollbars", "--force-device-scale-factor=1",
            "--lang=en-US", "--no-first-run", "--disable-extensions",
        ],
    });
    if let Some(bin) = find_program(
        "CHROME_BIN",
        &["chromium", "chromium-browser", "google-chrome"],
    ) {
        chrome["binary"] = json!(bin.to_string_lossy());
    }
    let mut caps = serde_json::Map::new();
    caps.insert("browserName".into(), json!("chrome"));
    caps.insert("goog:chromeOptions".into(), chrome);
    let connector = hyper_util::client::legacy::connect::HttpConnector::new();
    ClientBuilder::new(connector)
        .capabilities(caps)
        .connect(webdriver)
        .await
        .expect("open a WebDriver session in headless Chromium")
}

/// A browser session that is closed on every exit path.
struct Browser {
    client: Client,
    shots: PathBuf,
}

impl Browser {
    async fn goto(&self, url: &str) {
        self.client
            .goto(url)
            .await
            .unwrap_or_else(|e| panic!("open {url}: {e}"));
    }

    async fn js(&self, script: &str) -> Value {
        self.client
            .execute(script, vec![])
            .await
            .unwrap_or_else(|e| panic!("run script {script:?}: {e}"))
    }

    /// Polls `script` (a JS expression) until it is truthy; returns its value.
    async fn until(&self, what: &str, script: &str) -> Value {
        let deadline = Instant::now() + WAIT;
        let body = format!("return ({script});");
        loop {
            let v = self.js(&body).await;
            let truthy = match &v {
                Value::Null => false,
                Value::Bool(b) => *b,
                Value::Number(n) => n.as_f64() != Some(0.0),
                Value::String(s) => !s.is_empty(),
                _ => true,
            };
            if truthy {
                return v;
            }
            if Instant::now() > deadline {
                let page = self.text("body").await;
                panic!("timed out waiting for {what} ({script}); the page shows:\n{page}");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    async fn find(&self, css: &str) -> Element {
        self.client
            .wait()
            .at_most(WAIT)
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("find {css}: {e}"))
    }

    async fn count(&self, css: &str) -> usize {
        self.client
            .find_all(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("find all {css}: {e}"))
            .len()
    }

    async fn text(&self, css: &str) -> String {
        match self.client.find(Locator::Css(css)).await {
            Ok(e) => e.text().await.unwrap_or_default(),
            Err(_) => String::new(),
        }
    }

    async fn hover(&self, element: Element) {
        let mouse = MouseActions::new("mouse".to_string()).then(PointerAction::MoveToElement {
            element,
            duration: Some(Duration::from_millis(50)),
            x: 0.0,
            y: 0.0,
        });
        self.client
            .perform_actions(mouse)
            .await
            .expect("move the mouse");
    }

    /// Moves the mouse away from everything (the top-left corner of the page).
    async fn unhover(&self) {
        let mouse = MouseActions::new("mouse".to_string()).then(PointerAction::MoveTo {
            duration: None,
            x: 1.0,
            y: 1.0,
        });
        self.client
            .perform_actions(mouse)
            .await
            .expect("move the mouse away");
    }

    async fn type_into(&self, css: &str, text: &str) {
        let e = self.find(css).await;
        e.clear()
            .await
            .unwrap_or_else(|e| panic!("clear {css}: {e}"));
        e.send_keys(text)
            .await
            .unwrap_or_else(|e| panic!("type into {css}: {e}"));
    }

    /// Sets a field's value from script (for long texts, where typing is slow) and fires input.
    async fn set_value(&self, css: &str, text: &str) {
        self.find(css).await;
        self.client
            .execute(
                "const el = document.querySelector(arguments[0]); el.value = arguments[1];\
                 el.dispatchEvent(new Event('input', {bubbles: true}));",
                vec![json!(css), json!(text)],
            )
            .await
            .unwrap_or_else(|e| panic!("set {css}: {e}"));
    }

    async fn click(&self, css: &str) {
        self.find(css)
            .await
            .click()
            .await
            .unwrap_or_else(|e| panic!("click {css}: {e}"));
    }

    async fn shot(&self, name: &str) {
        let png = self.client.screenshot().await.expect("take a screenshot");
        let path = self.shots.join(format!("{name}.png"));
        std::fs::write(&path, png).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
        eprintln!("screenshot: {}", path.display());
    }

    /// No error box on the page, and no script error recorded.
    async fn no_errors(&self, view: &str) {
        let errors = self.text("[data-testid=error]").await;
        assert!(
            errors.is_empty(),
            "{view}: the page shows an error: {errors}"
        );
        let js_errors = self.js("return window.__errors || [];").await;
        assert_eq!(js_errors, json!([]), "{view}: script errors");
    }
}

#[test]
fn workbench_in_headless_chromium() {
    let required = std::env::var("SOURCED_REQUIRE_BROWSER").is_ok_and(|v| v == "1");
    let Some(driver) = find_program("CHROMEDRIVER", &["chromedriver"]) else {
        if required {
            panic!(
                "SOURCED_REQUIRE_BROWSER=1 but chromedriver is not installed: \
                 apt-get install chromium chromium-driver (or set CHROMEDRIVER)"
            );
        }
        eprintln!(
            "NOTICE: browser test skipped: chromedriver not found \
             (apt-get install chromium chromium-driver; SOURCED_REQUIRE_BROWSER=1 makes this fail)"
        );
        return;
    };

    let tmp = tempfile::tempdir().expect("temporary directory");
    let db = tmp.path().join("demo.db");
    let out = Command::new(env!("CARGO_BIN_EXE_sourced"))
        .args(["demo", "--db"])
        .arg(&db)
        .output()
        .expect("run sourced demo");
    assert!(
        out.status.success(),
        "sourced demo failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );

    let (_server, base) = start_server(&db);
    let (_driver, webdriver) = start_chromedriver(&driver);

    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("tokio runtime");
    rt.block_on(async {
        let client = connect(&webdriver).await;
        let browser = Browser {
            client: client.clone(),
            shots: shots_dir(),
        };
        // Run the checks in a task so that a failing assertion still closes the session.
        let outcome = tokio::spawn(async move { run(&browser, &base).await }).await;
        let _ = client.close().await;
        if let Err(e) = outcome {
            std::panic::resume_unwind(e.into_panic());
        }
    });
}

/// Records script errors and Content-Security-Policy violations so every view can assert
/// there were none.
const ERROR_HOOK: &str = "if (!window.__errors) { window.__errors = []; \
     window.addEventListener('error', (e) => window.__errors.push(String(e.message))); \
     window.addEventListener('unhandledrejection', (e) => window.__errors.push(String(e.reason))); \
     document.addEventListener('securitypolicyviolation', (e) => \
       window.__errors.push('CSP violation: ' + e.violatedDirective)); }";

async fn run(b: &Browser, base: &str) {
    b.client
        .set_window_size(1280, 800)
        .await
        .expect("set the window size");

    // ---- the claims table, then filtered
    b.goto(&format!("{base}/#/claims")).await;
    b.js(ERROR_HOOK).await;
    b.until(
        "the claims table",
        "document.querySelectorAll('[data-testid=claim-row]').length > 0",
    )
    .await;
    let all_rows = b.count("[data-testid=claim-row]").await;
    let all_count = b.text("#claims-count").await;
    assert!(all_count.contains("claims"), "claims count: {all_count}");
    b.shot("claims").await;

    b.type_into("#f-subject", "Valorian soldiers").await;
    b.type_into("#f-measure", "killed").await;
    b.click("#f-apply").await;
    b.until(
        "the filter in the URL",
        "location.hash.includes('subject=Valorian') && location.hash.includes('measure=killed')",
    )
    .await;
    b.until(
        "the filtered table",
        "document.querySelector('#claims-count') && !document.querySelector('[data-testid=loading]')",
    )
    .await;
    let filtered = b.count("[data-testid=claim-row]").await;
    assert!(filtered > 0, "no Valorian soldiers killed claims");
    assert!(filtered <= all_rows, "the filter did not narrow the table");
    let measures = b
        .js("return [...document.querySelectorAll('[data-testid=claim-row] td:nth-child(3)')].map(t => t.textContent);")
        .await;
    for m in measures.as_array().expect("measures") {
        assert_eq!(m, "killed", "a filtered row of another measure");
    }
    assert_eq!(
        b.find("#f-subject")
            .await
            .prop("value")
            .await
            .unwrap()
            .as_deref(),
        Some("Valorian soldiers"),
        "the filter inputs reflect the URL"
    );
    // Sorting by value: ascending after two clicks puts the smallest first.
    b.click("#sort-value").await;
    b.until("value sort", "location.hash.includes('sort=-value')")
        .await;
    b.until(
        "the sorted table",
        "document.querySelector('#sort-value .arrow')",
    )
    .await;
    b.click("#sort-value").await;
    b.until(
        "ascending value sort",
        "location.hash.includes('sort=value')",
    )
    .await;
    b.until(
        "the ascending table",
        "document.querySelector('#sort-value[aria-sort=ascending]')",
    )
    .await;
    let links = b
        .count("[data-testid=claim-row] [data-testid=doc-link]")
        .await;
    assert_eq!(links, filtered, "every row links to its document");
    assert_eq!(
        b.count("[data-testid=claim-row] [data-testid=sources-link]")
            .await,
        filtered,
        "every row links to its sources"
    );
    // "Export shown as CSV": catch the Blob the page makes (and the download it starts).
    b.js(
        "window.__csv = null; const make = URL.createObjectURL; \
         URL.createObjectURL = (blob) => { blob.text().then((t) => { window.__csv = t; }); return make(blob); }; \
         HTMLAnchorElement.prototype.click = function () { window.__download = this.download; };",
    )
    .await;
    b.click("#export-csv").await;
    let csv = b.until("the CSV export", "window.__csv").await;
    let csv = csv.as_str().unwrap();
    assert_eq!(
        b.js("return window.__download;").await,
        json!("sourced-claims.csv")
    );
    let first = csv.lines().next().unwrap_or_default();
    assert!(
        first.starts_with("claim_id,date,value,"),
        "CSV header: {first}"
    );
    // One line per row shown (no field of the demo holds a line break), evidence quoted.
    assert_eq!(csv.trim_end().lines().count(), filtered + 1, "CSV: {csv}");
    assert!(
        csv.contains(",\"The "),
        "evidence with commas is quoted: {csv}"
    );
    b.no_errors("claims").await;
    b.shot("claims-filtered").await;

    // ---- the timeline for Valorian soldiers / killed
    b.goto(&format!(
        "{base}/#/timeline?subject=Valorian%20soldiers&measure=killed"
    ))
    .await;
    b.js(ERROR_HOOK).await;
    b.until(
        "timeline points",
        "document.querySelectorAll('[data-testid=tl-point]').length > 0",
    )
    .await;
    let points = b.count("[data-testid=tl-point]").await;
    let rows = b.count("[data-testid=timeline-row]").await;
    assert!(points >= 3, "only {points} points on the timeline");
    assert!(
        rows >= points,
        "the table under the chart lists every point"
    );
    assert!(
        b.count("[data-testid=legend-item]").await >= 2,
        "a legend with the claimants"
    );
    // Every point of a lower bound carries its upward arrow (a path), and withdrawn ones a strike.
    let qualifiers = b
        .js("return [...document.querySelectorAll('[data-testid=tl-point]')].map(g => g.getAttribute('data-qualifier'));")
        .await;
    let qualifiers: Vec<String> = serde_json::from_value(qualifiers).unwrap();
    eprintln!("timeline qualifiers: {qualifiers:?}");
    let arrows = b.count("[data-testid=tl-point] path").await;
    let bounds = qualifiers
        .iter()
        .filter(|q| {
            matches!(
                q.as_str(),
                "at_least" | "more_than" | "over" | "vague" | "at_most" | "less_than" | "under"
            )
        })
        .count();
    assert!(arrows >= bounds, "{bounds} bounds but {arrows} arrows");
    // A lower bound ("more than …") when there is one: its path has the most links to show.
    let point = if qualifiers.iter().any(|q| q == "more_than") {
        b.find("[data-testid=tl-point][data-qualifier=more_than] .mark")
            .await
    } else {
        b.find("[data-testid=tl-point] .mark").await
    };
    b.hover(point).await;
    b.until(
        "the tooltip's provenance path",
        "!document.querySelector('#tooltip').hidden && document.querySelector('[data-testid=tt-path][data-loaded]')",
    )
    .await;
    let evidence = b.text("#tooltip [data-testid=tt-evidence]").await;
    assert!(
        evidence.len() > 20,
        "the tooltip shows the evidence sentence: {evidence:?}"
    );
    let path = b.text("#tooltip [data-testid=tt-path]").await;
    assert!(
        path.contains("Provenance") && path.contains('→'),
        "the tooltip shows a provenance path: {path:?}"
    );
    let claimant = b.text("#tooltip [data-testid=tt-claimant]").await;
    assert!(!claimant.is_empty(), "the tooltip names a claimant");
    b.shot("timeline").await;
    b.unhover().await;
    // Keyboard focus shows the tooltip too.
    b.js("document.querySelectorAll('[data-testid=tl-point]')[1].focus();")
        .await;
    b.until(
        "the tooltip on focus",
        "!document.querySelector('#tooltip').hidden",
    )
    .await;
    b.js("document.activeElement.blur();").await;
    b.no_errors("timeline").await;

    // ---- conflicts
    b.click("#nav-conflicts").await;
    b.until(
        "the conflicts view",
        "location.hash.startsWith('#/conflicts') && document.querySelector('#conflicts-count')",
    )
    .await;
    let conflicts = b.count("[data-testid=conflict]").await;
    assert!(conflicts > 0, "the demo ledger has conflicting figures");
    assert_eq!(
        b.count("[data-testid=conflict-side]").await,
        2 * conflicts,
        "each conflict has two sides"
    );
    assert!(
        b.count("[data-testid=conflict] mark.figure").await > 0,
        "figures are highlighted in the evidence"
    );
    b.no_errors("conflicts").await;
    b.shot("conflicts").await;

    // ---- provenance of the first conflict's figure
    b.click("[data-testid=conflict] [data-testid=sources-link]")
        .await;
    b.until(
        "the provenance view",
        "location.hash.startsWith('#/sources/') && document.querySelector('#origin-count')",
    )
    .await;
    let origins: usize = b.text("#origin-count").await.parse().expect("origin count");
    assert_eq!(
        origins,
        b.count("[data-testid=origin]").await,
        "the count matches the origins listed"
    );
    assert!(
        b.count("[data-testid=prov-chain] [data-testid=prov-node]")
            .await
            > 0,
        "report paths drawn as chains"
    );
    b.no_errors("sources").await;
    // For the picture: the timeline's best corroborated report, with more than one origin.
    b.goto(&format!(
        "{base}/#/timeline?subject=Valorian%20soldiers&measure=killed"
    ))
    .await;
    let best = b
        .until(
            "the timeline's best corroborated report",
            "(() => { const rows = [...document.querySelectorAll('[data-testid=timeline-row]')]; \
               if (!rows.length) return null; \
               const n = (r) => +r.querySelector('td[data-label=\"Independent sources\"]').textContent; \
               const best = rows.reduce((a, r) => (n(r) > n(a) ? r : a)); \
               return best.querySelector('[data-testid=sources-link]').getAttribute('href'); })()",
        )
        .await;
    b.goto(&format!("{base}/{}", best.as_str().unwrap())).await;
    b.until(
        "several independent origins",
        "document.querySelectorAll('[data-testid=origin]').length > 1",
    )
    .await;
    assert_eq!(
        b.text("#origin-count").await,
        b.count("[data-testid=origin]").await.to_string()
    );
    b.shot("sources").await;

    // ---- a document with its highlights
    b.goto(&format!("{base}/#/documents")).await;
    b.until(
        "the documents list",
        "document.querySelectorAll('[data-testid=doc-row]').length > 0",
    )
    .await;
    b.shot("documents").await;
    b.click("[data-testid=doc-row] [data-testid=doc-link]")
        .await;
    b.until("the document text", "document.querySelector('#doc-text')")
        .await;
    let entities = b
        .count("#doc-text .hl-person, #doc-text .hl-org, #doc-text .hl-place, #doc-text .hl-group")
        .await;
    let quotes = b.count("#doc-text .hl-quote").await;
    let claims = b.count("#doc-text .hl-figure").await;
    assert!(entities > 0, "entity highlights");
    assert!(quotes > 0, "quote highlights");
    assert!(claims > 0, "claim highlights");
    // The pieces put back together are the text: nothing lost or doubled by the splitting.
    let (joined, pieces) = (
        b.js("return document.querySelector('#doc-text').textContent.length;")
            .await,
        b.js("return document.querySelectorAll('#doc-text .hl').length;")
            .await,
    );
    assert!(joined.as_u64().unwrap() > 200 && pieces.as_u64().unwrap() > 3);
    // Hover a quote that sits on one line and read its speaker in the tooltip.
    b.js("const q = [...document.querySelectorAll('#doc-text .hl-quote')].find(e => e.getClientRects().length === 1 && e.textContent.trim().length > 3);\
          q.scrollIntoView({block: 'center'}); q.setAttribute('data-hover-target', '1');")
        .await;
    let quote = b.find("[data-hover-target]").await;
    b.hover(quote).await;
    b.until(
        "the quote's speaker",
        "!document.querySelector('#tooltip').hidden && document.querySelector('#tooltip [data-testid=tt-speaker]')",
    )
    .await;
    let speaker = b.text("#tooltip [data-testid=tt-speaker]").await;
    assert!(
        !speaker.is_empty() && speaker != "unknown",
        "the quote's speaker on hover: {speaker:?}"
    );
    b.shot("document").await;
    b.unhover().await;
    // Layer toggles and the removed boilerplate.
    b.click("#toggle-entities").await;
    let bg = b
        .js("const e = document.querySelector('#doc-text .hl-person, #doc-text .hl-org, #doc-text .hl-place, #doc-text .hl-group'); return getComputedStyle(e).backgroundColor;")
        .await;
    assert_eq!(bg, json!("rgba(0, 0, 0, 0)"), "entities toggled off");
    b.click("#toggle-entities").await;
    b.click("#toggle-removed").await;
    assert!(
        b.find("#doc-removed")
            .await
            .is_displayed()
            .await
            .unwrap_or(false),
        "the removed boilerplate is shown"
    );
    b.no_errors("document").await;

    // ---- paste an invented article and see its claims
    let article = "Officials in the port city of Velmora said on Friday that at least 27 \
        Dunmarch militiamen had been killed in two days of fighting near the northern bridge.\n\n\
        Advertisement\n\n\
        \"We counted 27 bodies ourselves,\" said Ilsa Tarvane, the city's deputy mayor. \
        The Dunmarch Council rejected the figure and said only nine of its fighters had died.";
    b.goto(&format!("{base}/#/extract")).await;
    b.js(ERROR_HOOK).await;
    b.set_value("#x-text", article).await;
    b.type_into("#x-title", "Velmora bridge fighting").await;
    b.type_into("#x-outlet", "Invented Gazette").await;
    b.click("#x-submit").await;
    b.until(
        "the extracted claims",
        "document.querySelector('#x-claims') || document.querySelector('[data-testid=error]')",
    )
    .await;
    b.no_errors("extract").await;
    let rows = b.count("#x-claims [data-testid=x-claim-row]").await;
    assert!(rows >= 1, "the pasted article's claims");
    let claims_text = b.text("#x-claims").await;
    assert!(claims_text.contains("27"), "the figure 27: {claims_text}");
    assert!(
        b.count("#x-result #doc-text .hl-figure").await > 0,
        "the pasted text is highlighted"
    );
    assert!(
        b.text("#x-quotes").await.contains("Ilsa Tarvane"),
        "the quote's speaker in the quotes table"
    );
    b.shot("extract").await;
    // The boilerplate line was removed from the text and is shown greyed on request.
    assert!(!b
        .text("#x-result #doc-text")
        .await
        .contains("Advertisement"));
    b.click("#x-result #toggle-removed").await;
    let removed = b.text("#x-result #doc-removed").await;
    assert!(
        removed.contains("Advertisement"),
        "the removed boilerplate: {removed:?}"
    );

    // ---- markup in a pasted article stays text
    let hostile = "Officials said 12 soldiers were killed. <script>window.__pwned=1</script> \
        The army said <img src=x onerror=\"window.__pwned=2\"> nothing more.";
    b.goto(&format!("{base}/#/claims")).await;
    b.goto(&format!("{base}/#/extract")).await;
    b.set_value("#x-text", hostile).await;
    b.click("#x-submit").await;
    b.until(
        "the hostile article's text",
        "document.querySelector('#x-result #doc-text') || document.querySelector('[data-testid=error]')",
    )
    .await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(
        b.js("return typeof window.__pwned;").await,
        json!("undefined"),
        "markup in the article ran"
    );
    let shown = b.text("#x-result #doc-text").await;
    assert!(
        shown.contains("<script>window.__pwned=1</script>"),
        "the script tag shows literally: {shown:?}"
    );
    assert!(
        shown.contains("<img src=x onerror=\"window.__pwned=2\">"),
        "the img tag shows literally: {shown:?}"
    );
    assert_eq!(
        b.count("#x-result img, #x-result script").await,
        0,
        "no element was made from the text"
    );
    b.no_errors("extract with markup").await;
    b.shot("extract-markup").await;

    // ---- an API error is shown, with the server's message
    b.goto(&format!("{base}/#/sources/no-such-claim")).await;
    let shown = b
        .until(
            "the error message",
            "document.querySelector('[data-testid=error]') && document.querySelector('[data-testid=error]').textContent",
        )
        .await;
    assert!(
        shown.as_str().unwrap().starts_with("Error: ") && shown.as_str().unwrap().len() > 10,
        "error box: {shown}"
    );

    // ---- a narrow window still works
    b.client
        .set_window_size(420, 800)
        .await
        .expect("narrow window");
    b.goto(&format!(
        "{base}/#/timeline?subject=Valorian%20soldiers&measure=killed"
    ))
    .await;
    b.until(
        "the timeline in a narrow window",
        "document.querySelectorAll('[data-testid=tl-point]').length > 0",
    )
    .await;
    let overflow = b
        .js("return document.documentElement.scrollWidth - document.documentElement.clientWidth;")
        .await;
    assert!(
        overflow.as_i64().unwrap_or(0) <= 1,
        "the page scrolls sideways in a narrow window ({overflow} px)"
    );
    b.shot("timeline-narrow").await;
}
