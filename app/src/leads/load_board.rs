//! Server function: the leads board for the signed-in user.

use crate::error::AppError;
use crate::models::leads::{BoardPages, LeadsBoard};
use leptos::prelude::*;

/// The board as the caller sees it now, each contact listed once (see [`LeadsBoard::once`]);
/// `include_owned` also lists hot leads others own (to request a claim on them); `pages` says
/// which page of each section (the first when absent).
#[server(name = LoadBoard, prefix = "/api", endpoint = "leads/board")]
pub async fn load_board(
    include_owned: bool,
    pages: Option<BoardPages>,
) -> Result<LeadsBoard, AppError> {
    let (state, user) = crate::auth::require::allowed(crate::domain::Action::Plan).await?;
    let mut board = crate::store::leads::board(
        &state.pool,
        &user,
        include_owned,
        pages.unwrap_or_default(),
        chrono::Utc::now(),
    )
    .await
    .map_err(|e| e.log_as_internal())?;
    board.once();
    Ok(board)
}
