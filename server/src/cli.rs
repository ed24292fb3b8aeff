//! The command line: verbs, flags and the `CONCORD_*` variables each flag also reads.

use clap::{Args, Parser, Subcommand};
use std::{net::SocketAddr, path::PathBuf, process::ExitCode};

/// Concord: one outreach calendar for the whole company.
#[derive(Debug, Parser)]
#[command(name = "concord", version, about)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The verbs of `concord`.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Migrate the database and serve Concord over HTTP.
    Serve(ServeArgs),
    /// Manage users.
    User {
        /// What to do with users.
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Manage API tokens.
    Token {
        /// What to do with tokens.
        #[command(subcommand)]
        command: TokenCommand,
    },
    /// Generate a synthetic company (demo users, contacts, touches, interactions, claims)
    /// into a database without contacts.
    Demo(DemoArgs),
    /// Measure Concord against a database (see `concord demo`).
    Bench {
        /// What to measure.
        #[command(subcommand)]
        command: BenchCommand,
    },
    /// Import data into the ledger.
    Import {
        /// What to import.
        #[command(subcommand)]
        command: ImportCommand,
    },
    /// Write a consistent copy of the database while Concord keeps serving.
    Backup(BackupArgs),
    /// Move a company between databases.
    Db {
        /// What to do with the database.
        #[command(subcommand)]
        command: DbCommand,
    },
}

/// The `db` verbs.
#[derive(Debug, Subcommand)]
pub enum DbCommand {
    /// Copy every table of one database into another, empty one (SQLite to PostgreSQL or
    /// back), verifying row counts and a checksum per table.
    Copy(DbCopyArgs),
}

/// `concord db copy --from DB --to DB`.
#[derive(Debug, Args, Clone)]
pub struct DbCopyArgs {
    /// The database to copy: a SQLite file or a postgres:// URL (migrated first if older).
    #[arg(long)]
    pub from: app::store::db::Location,
    /// The database to copy into: a new or empty SQLite file, or an empty PostgreSQL database.
    #[arg(long)]
    pub to: app::store::db::Location,
}

/// `concord backup --db PATH OUT`.
#[derive(Debug, Args, Clone)]
pub struct BackupArgs {
    #[command(flatten)]
    pub db: DbArg,
    /// The file to write the copy to (must not exist yet).
    pub out: PathBuf,
}

/// The `import` verbs.
#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Import contacts from a CSV file (CRM export headers or Concord's own); all or nothing
    /// unless --partial.
    Contacts(ImportContactsArgs),
    /// Import a dated suppression list (a do-not-call registry extract or a company file): one
    /// phone number or email address a line, or the first column of a CSV.
    Suppression(ImportSuppressionArgs),
}

/// The `bench` verbs.
#[derive(Debug, Subcommand)]
pub enum BenchCommand {
    /// Time a campaign preview over the first N contacts and a bare indexed range scan of their
    /// touches in the same window; the last line gives both and their ratio.
    Preview(BenchPreviewArgs),
    /// Time the contact timeline page's read (contact, eight weeks of touches and
    /// interactions, alerts) for a spread of contacts; prints p50, p90 and p99.
    Timeline(BenchTimelineArgs),
    /// Time the team calendar's reads (month and week: all teams, one team, SMS only) and
    /// print the p50 and p90 server time of each.
    Calendar(BenchCalendarArgs),
    /// Time the contacts list's search by any part of a name, email or phone, before the
    /// trigram index has caught up and after, and print the p50 and p90 of each kind of text.
    Search(BenchSearchArgs),
    /// Time the start page's read (the whole workspace) for one person of each role and print
    /// the p50 and p90 server time of each.
    Start(BenchStartArgs),
}

/// `concord bench start`.
#[derive(Debug, Args, Clone)]
pub struct BenchStartArgs {
    /// How many times to read each role's start page.
    #[arg(long, default_value_t = 20)]
    pub runs: u32,
    #[command(flatten)]
    pub db: DbArg,
}

/// `concord bench search`.
#[derive(Debug, Args, Clone)]
pub struct BenchSearchArgs {
    /// How many searches of each kind of text.
    #[arg(long, default_value_t = 50)]
    pub runs: u32,
    #[command(flatten)]
    pub db: DbArg,
}

/// `concord bench timeline`.
#[derive(Debug, Args, Clone)]
pub struct BenchTimelineArgs {
    /// How many timelines to read (contacts spread over the whole id range).
    #[arg(long, default_value_t = 1_000)]
    pub reads: u32,
    #[command(flatten)]
    pub db: DbArg,
}

/// `concord bench calendar`.
#[derive(Debug, Args, Clone)]
pub struct BenchCalendarArgs {
    /// How many times to load each view.
    #[arg(long, default_value_t = 50)]
    pub runs: u32,
    /// The viewer's time zone (IANA name).
    #[arg(long, default_value = "America/New_York")]
    pub zone: String,
    /// The date shown (YYYY-MM-DD); default the middle of the stored touches.
    #[arg(long)]
    pub date: Option<String>,
    #[command(flatten)]
    pub db: DbArg,
}

/// `concord bench preview`.
#[derive(Debug, Args, Clone)]
pub struct BenchPreviewArgs {
    /// How many recipients (the first contacts by id).
    #[arg(long, default_value_t = 100_000)]
    pub recipients: u64,
    /// How many times to run each (alternating); the best time of each is reported.
    #[arg(long, default_value_t = 3)]
    pub runs: u32,
    #[command(flatten)]
    pub db: DbArg,
}

/// `concord demo`.
#[derive(Debug, Args, Clone)]
pub struct DemoArgs {
    /// How many contacts.
    #[arg(long, default_value_t = 300)]
    pub contacts: u64,
    /// How many touches in all.
    #[arg(long, default_value_t = 3_000)]
    pub touches: u64,
    /// The seed: the same seed and reference date give the same data.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// The middle of the ±60-day window of touches (YYYY-MM-DD; default today, UTC).
    #[arg(long)]
    pub reference: Option<String>,
    #[command(flatten)]
    pub db: DbArg,
}

/// `concord import contacts`.
#[derive(Debug, Args, Clone)]
pub struct ImportContactsArgs {
    /// The CSV file; its first line is the header.
    pub file: PathBuf,
    /// Import the good rows even when some rows are bad (they are reported).
    #[arg(long)]
    pub partial: bool,
    /// The time zone of rows without one (without it, such rows are rejected).
    #[arg(long, env = "CONCORD_IMPORT_TIMEZONE")]
    pub default_timezone: Option<String>,
    /// The stage of rows without one.
    #[arg(long, default_value = "prospect")]
    pub default_stage: String,
    #[command(flatten)]
    pub db: DbArg,
}

/// `concord import suppression`.
#[derive(Debug, Args, Clone)]
pub struct ImportSuppressionArgs {
    /// The file: one number or address a line (a header line and blank lines are skipped).
    pub file: PathBuf,
    /// The list's name, e.g. "US DNC extract".
    #[arg(long)]
    pub name: String,
    /// `registry` (a national do-not-call extract, stale after 31 days) or `company`.
    #[arg(long, default_value = "registry")]
    pub kind: String,
    /// The channels it blocks: `phone,sms` (numbers) or `email` (addresses).
    #[arg(long, default_value = "phone,sms")]
    pub channels: String,
    /// The day the extract was taken (YYYY-MM-DD).
    #[arg(long)]
    pub date: String,
    #[command(flatten)]
    pub db: DbArg,
}

/// The `token` verbs.
#[derive(Debug, Subcommand)]
pub enum TokenCommand {
    /// Create an API token acting as a user and print it (it is shown only once).
    Create(TokenCreateArgs),
    /// Revoke an API token by its id: requests bearing it are refused at once.
    Revoke(TokenRevokeArgs),
}

/// `concord token revoke`.
#[derive(Debug, Args, Clone)]
pub struct TokenRevokeArgs {
    /// The token's id (printed by `concord token create`, listed on the settings page).
    #[arg(long)]
    pub id: i64,
    #[command(flatten)]
    pub db: DbArg,
}

/// `concord token create`.
#[derive(Debug, Args, Clone)]
pub struct TokenCreateArgs {
    /// The email of the user the token acts as.
    #[arg(long)]
    pub email: String,
    /// What the token is for.
    #[arg(long, default_value = "command line")]
    pub label: String,
    #[command(flatten)]
    pub db: DbArg,
}

/// The `user` verbs.
#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Add a user (creating the team if needed); the password comes from CONCORD_PASSWORD or
    /// standard input.
    Add(UserAddArgs),
}

/// The database, shared by every verb.
#[derive(Debug, Args, Clone)]
pub struct DbArg {
    /// The database: a SQLite file (created if missing; a path or sqlite:PATH) or a PostgreSQL
    /// URL (postgres://user:password@host:port/database).
    #[arg(long, env = "CONCORD_DB", default_value = "concord.db")]
    pub db: app::store::db::Location,
}

/// `concord serve`.
#[derive(Debug, Args, Clone)]
pub struct ServeArgs {
    #[command(flatten)]
    pub db: DbArg,
    /// The address to listen on.
    #[arg(long, env = "CONCORD_ADDR", default_value = "127.0.0.1:3000")]
    pub addr: SocketAddr,
    /// Load a small demo company into an empty database and print its sign-ins.
    #[arg(long, env = "CONCORD_DEMO")]
    pub demo: bool,
    /// API requests a second allowed per token (bursts of as many).
    #[arg(long, env = "CONCORD_API_RATE", default_value_t = 10_000)]
    pub api_rate: u32,
    /// The folder with the built site (the browser bundle, styles and public files).
    #[arg(long, env = "CONCORD_SITE_ROOT", default_value = "target/site")]
    pub site_root: PathBuf,
    /// The address people reach Concord at, e.g. https://concord.example.com. Writes from a
    /// browser must come from it; with https the session cookie is Secure and HSTS is sent.
    #[arg(long, env = "CONCORD_PUBLIC_URL", value_parser = crate::public_url::PublicUrl::parse)]
    pub public_url: Option<crate::public_url::PublicUrl>,
    /// Proxies whose X-Forwarded-For is believed (comma-separated addresses), for the sign-in
    /// throttle, rate limits and logs.
    #[arg(long, env = "CONCORD_TRUSTED_PROXY", value_delimiter = ',')]
    pub trusted_proxy: Vec<std::net::IpAddr>,
    /// Requests a second allowed per address without a session or token (bursts of 5x).
    #[arg(long, env = "CONCORD_ANONYMOUS_RATE", default_value_t = 20)]
    pub anonymous_rate: u32,
}

/// `concord user add`.
#[derive(Debug, Args, Clone)]
pub struct UserAddArgs {
    /// The address the user signs in with.
    #[arg(long)]
    pub email: String,
    /// The user's display name.
    #[arg(long)]
    pub name: String,
    /// One of marketer, rep, manager, admin.
    #[arg(long)]
    pub role: String,
    /// The team's name (created if it does not exist).
    #[arg(long)]
    pub team: String,
    #[command(flatten)]
    pub db: DbArg,
}

/// Prints a usage error as one line (help and version as clap renders them) and picks the
/// exit code: 0 for help and version, 2 for a usage error.
pub fn report_usage_error(e: clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    match e.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = e.print();
            if e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            }
        }
        _ => {
            let rendered = e.render().to_string();
            let first = rendered.lines().next().unwrap_or("invalid arguments");
            let first = first.strip_prefix("error: ").unwrap_or(first);
            eprintln!("concord: error: {first} (see concord --help)");
            ExitCode::from(2)
        }
    }
}
