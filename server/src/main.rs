//! `concord`: the one binary. See `concord --help`.

use clap::Parser;
use server::cli::{
    BenchCommand, Cli, Command, DbCommand, ImportCommand, TokenCommand, UserCommand,
};
use std::process::ExitCode;

#[tokio::main]
async fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return server::cli::report_usage_error(e),
    };
    server::startup::init_tracing();
    let outcome = match cli.command {
        Command::Serve(args) => server::startup::serve(args).await,
        Command::User {
            command: UserCommand::Add(args),
        } => server::commands::user_add::run(args).await,
        Command::Token {
            command: TokenCommand::Create(args),
        } => server::commands::token_create::run(args).await,
        Command::Token {
            command: TokenCommand::Revoke(args),
        } => server::commands::token_revoke::run(args).await,
        Command::Bench {
            command: BenchCommand::Preview(args),
        } => server::commands::bench::run(args).await,
        Command::Bench {
            command: BenchCommand::Timeline(args),
        } => server::commands::bench_timeline::run(args).await,
        Command::Bench {
            command: BenchCommand::Calendar(args),
        } => server::commands::bench_calendar::run(args).await,
        Command::Bench {
            command: BenchCommand::Search(args),
        } => server::commands::bench_search::run(args).await,
        Command::Bench {
            command: BenchCommand::Start(args),
        } => server::commands::bench_start::run(args).await,
        Command::Demo(args) => server::commands::demo::run(args).await,
        Command::Backup(args) => server::commands::backup::run(args).await,
        Command::Db {
            command: DbCommand::Copy(args),
        } => server::commands::db_copy::run(args).await,
        Command::Import {
            command: ImportCommand::Contacts(args),
        } => server::commands::import::run(args).await,
        Command::Import {
            command: ImportCommand::Suppression(args),
        } => server::commands::import_suppression::run(args).await,
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("concord: error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
