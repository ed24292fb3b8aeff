//! Reading one touch back.

use crate::domain::ids::TouchId;
use crate::records::TouchRecord;
use crate::store::db::{self, Conn, Db};
use crate::store::rows::{TouchRow, TOUCH_SELECT};
use crate::store::StoreError;

/// The touch's row, on a connection (e.g. inside a transaction).
pub async fn touch_row(conn: &mut Conn, id: TouchId) -> Result<Option<TouchRow>, StoreError> {
    Ok(db::query_as(format!("{TOUCH_SELECT} WHERE t.id = ?"))
        .bind(id.0)
        .fetch_optional(conn)
        .await?)
}

/// The touch as the pages and the API show it.
pub async fn get_touch(pool: &Db, id: TouchId) -> Result<Option<TouchRecord>, StoreError> {
    let mut conn = pool.acquire().await?;
    touch_row(&mut conn, id)
        .await?
        .map(TouchRow::record)
        .transpose()
}
