//! `sourced serve` (the workbench: JSON API and web UI) and `sourced loadtest` (a bounded
//! load on it, to see latency and memory under many clients).

use crate::query_cmd::DbArgs;
use anyhow::{Context, Result};
use clap::Args;
use sourced_server::loadtest::{self, Target};
use sourced_server::{Config, Server, DEFAULT_BIND, DEFAULT_MAX_BODY};
use std::net::SocketAddr;
use std::process::ExitCode;

#[derive(Args)]
pub struct ServeArgs {
    #[command(flatten)]
    db: DbArgs,
    /// Address to listen on. Anything but loopback requires --token.
    #[arg(long, default_value = DEFAULT_BIND)]
    bind: SocketAddr,
    /// Required for every request when given (Bearer header or the /login cookie), and for
    /// POST /api/ingest always.
    #[arg(long, env = "SOURCED_TOKEN", hide_env_values = true)]
    token: Option<String>,
    /// Largest request body accepted, in bytes.
    #[arg(long, default_value_t = DEFAULT_MAX_BODY)]
    max_body: usize,
}

fn runtime() -> Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")
}

pub fn serve(args: ServeArgs) -> Result<ExitCode> {
    let mut config = Config::new(args.db.db());
    config.bind = args.bind;
    config.token = args.token.filter(|t| !t.is_empty());
    config.max_body = args.max_body;
    run_server(config)
}

/// The workbench on `db`, loopback only, no token: what `sourced demo --serve` opens.
pub fn serve_locally(db: &str) -> Result<ExitCode> {
    run_server(Config::new(db))
}

fn run_server(config: Config) -> Result<ExitCode> {
    let db = config.db.clone();
    runtime()?.block_on(sourced_server::serve(config, |addr| {
        // On stdout and flushed at once: scripts and the browser tests wait for this line.
        println!("sourced: serving http://{addr} (db {db})");
        let _ = std::io::Write::flush(&mut std::io::stdout());
    }))?;
    eprintln!("sourced: stopped");
    Ok(ExitCode::SUCCESS)
}

#[derive(Args)]
pub struct LoadtestArgs {
    #[command(flatten)]
    db: DbArgs,
    /// Concurrent clients, each on its own keep-alive connection.
    #[arg(long, default_value_t = 200)]
    clients: usize,
    /// Requests in all, shared by the clients.
    #[arg(long, default_value_t = 20_000)]
    requests: usize,
    /// A running server (http://HOST:PORT); without it one is started in this process on an
    /// ephemeral loopback port over --db.
    #[arg(long)]
    url: Option<String>,
    /// Token for --url.
    #[arg(long, env = "SOURCED_TOKEN", hide_env_values = true)]
    token: Option<String>,
}

pub fn loadtest(args: LoadtestArgs) -> Result<ExitCode> {
    let rt = runtime()?;
    let report = rt.block_on(async {
        match &args.url {
            Some(url) => {
                let target = Target::from_url(url, args.token.clone()).await?;
                anyhow::Ok(loadtest::run(target, args.clients, args.requests).await?)
            }
            None => {
                let mut config = Config::new(args.db.db());
                config.bind = SocketAddr::from(([127, 0, 0, 1], 0));
                let server = Server::bind(config).await?;
                let addr = server.local_addr();
                let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
                let running = tokio::spawn(server.run(async {
                    let _ = stopped.await;
                }));
                let target = Target {
                    addr,
                    host: addr.to_string(),
                    token: None,
                };
                let report = loadtest::run(target, args.clients, args.requests).await;
                let _ = stop.send(());
                running.await.context("the server task failed")??;
                Ok(report?)
            }
        }
    })?;
    println!("{report}");
    for f in &report.failures {
        eprintln!("sourced: loadtest failure: {f}");
    }
    Ok(if report.errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
