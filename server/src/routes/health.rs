//! `GET /healthz`: is Concord up and is its database reachable.

use app::state::AppState;
use app::store::db;
use axum::{extract::State, http::StatusCode, Json};
use serde_json::{json, Value};

/// 200 with `{"status":"ok","database":"reachable","version":…}`, or 503 when the database
/// does not answer.
pub async fn healthz(State(state): State<AppState>) -> (StatusCode, Json<Value>) {
    let version = env!("CARGO_PKG_VERSION");
    match db::query_scalar::<i64>("SELECT CAST(1 AS BIGINT)")
        .fetch_one(&state.pool)
        .await
    {
        Ok(_) => (
            StatusCode::OK,
            Json(json!({"status": "ok", "database": "reachable", "version": version})),
        ),
        Err(e) => {
            tracing::error!(error = %e, "health check: database unreachable");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                Json(json!({"status": "degraded", "database": "unreachable", "version": version})),
            )
        }
    }
}
