//! Start-up: logging, the database, the router, and serving until asked to stop.

use crate::assets::{Assets, HASH_FILE};
use crate::sessions::Sessions;
use crate::{cli::ServeArgs, demo, jobs, routes};
use anyhow::Context;
use app::state::{AppState, Config};
use leptos::prelude::LeptosOptions;
use std::net::SocketAddr;
use tokio::net::TcpListener;
use tower_sessions::ExpiredDeletion;

/// Logs to standard error, in colour only when it is a terminal; the filter comes from
/// `CONCORD_LOG` (default `info`).
pub fn init_tracing() {
    use std::io::IsTerminal;
    let filter = tracing_subscriber::EnvFilter::try_from_env("CONCORD_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,sqlx=warn"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(std::io::stderr().is_terminal())
        .with_writer(std::io::stderr)
        .try_init();
}

/// A running Concord: where it listens and how to wait for it.
pub struct Running {
    /// The address actually bound (useful with port 0).
    pub addr: SocketAddr,
    /// The server task; it ends after a graceful shutdown.
    pub task: tokio::task::JoinHandle<anyhow::Result<()>>,
}

/// `concord serve`: migrate, optionally load the demo, serve until SIGTERM or ctrl-c.
pub async fn serve(args: ServeArgs) -> anyhow::Result<()> {
    let running = start(args, shutdown_signal()).await?;
    running.task.await.context("the server task failed")?
}

/// Opens the database, binds the address and spawns the server; returns once it listens.
pub async fn start(
    args: ServeArgs,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> anyhow::Result<Running> {
    let pool = app::store::open(&args.db.db).await?;
    if args.demo {
        demo::load_if_empty(&pool).await?;
    }
    let listener = TcpListener::bind(args.addr)
        .await
        .with_context(|| format!("cannot listen on {}", args.addr))?;
    let addr = listener.local_addr()?;
    if !addr.ip().is_loopback() {
        demo::retire_published_password(&pool).await?;
    }

    let sessions = Sessions::open(&args.db.db, &pool).await?;
    let config = Config {
        db: args.db.db.clone(),
        addr,
        api_rate_per_second: args.api_rate,
        public_origin: args.public_url.as_ref().map(|p| p.origin().to_owned()),
    };
    let lapse = jobs::lapse_claims::spawn(pool.clone(), jobs::lapse_claims::EVERY);
    let fold = jobs::fold_counts::spawn(pool.clone(), jobs::fold_counts::EVERY);
    let places = jobs::read_jurisdictions::spawn(pool.clone(), jobs::read_jurisdictions::EVERY);
    let text = jobs::index_contacts::spawn(pool.clone(), jobs::index_contacts::EVERY);
    let heavy = app::store::heavy::Heavy::open(&args.db.db).await?;
    let assets = Assets::beside_exe(OUTPUT_NAME)?;
    let pkg = args.site_root.join("pkg");
    match &assets {
        None if !pkg.join(format!("{OUTPUT_NAME}.css")).exists() => tracing::error!(
            "no {HASH_FILE} beside the binary and no {OUTPUT_NAME}.css in {}: pages will have \
             no style or script (deploy the binary with the {HASH_FILE} its build wrote)",
            pkg.display()
        ),
        None => {
            tracing::info!("no {HASH_FILE} beside the binary: the front end's files are not hashed")
        }
        Some(assets) => {
            let missing = assets.missing(&pkg);
            if !missing.is_empty() {
                tracing::error!(
                    "{HASH_FILE} names files that {} does not have ({}): it is from another build",
                    pkg.display(),
                    missing.join(", ")
                );
            }
        }
    }
    let options = leptos_options(&args, addr, assets.is_some());
    let state = AppState::new(pool, heavy, config, options);
    let clients =
        routes::client::ClientPolicy::new(args.trusted_proxy.clone(), args.anonymous_rate);
    let router = routes::router(
        state,
        sessions.clone(),
        args.public_url.clone(),
        clients,
        assets.unwrap_or_default(),
    );

    let deletion = tokio::spawn(async move {
        let _ = sessions
            .continuously_delete_expired(std::time::Duration::from_secs(3600))
            .await;
    });
    tracing::info!("Concord is listening on http://{addr}");
    let task = tokio::spawn(async move {
        let served = axum::serve(
            listener,
            router.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(shutdown)
        .await;
        deletion.abort();
        lapse.abort();
        fold.abort();
        places.abort();
        text.abort();
        tracing::info!("Concord stopped");
        served.context("the HTTP server failed")
    });
    Ok(Running { addr, task })
}

/// The front end's file names start with this (`concord.js`, `concord.<hash>.wasm`).
const OUTPUT_NAME: &str = "concord";

/// Leptos's options; `hashed` when the build named the front end's files after their hashes
/// (Leptos then reads [`HASH_FILE`] to link them).
fn leptos_options(args: &ServeArgs, addr: SocketAddr, hashed: bool) -> LeptosOptions {
    LeptosOptions::builder()
        .output_name(OUTPUT_NAME)
        .hash_files(hashed)
        .hash_file(HASH_FILE.into())
        .site_root(args.site_root.display().to_string())
        .site_pkg_dir("pkg")
        .site_addr(addr)
        .build()
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}
