//! One ordered range query read as a cursor: rows come in contact-id order, and each contact
//! takes its own rows as the preview walks the recipients in the same order (a merge join).

use crate::store::db::DbRow;
use futures_util::{stream::BoxStream, TryStreamExt};

/// Rows ordered by contact id (column 0), consumed one contact at a time.
pub(super) struct Cursor<'a> {
    stream: BoxStream<'a, Result<DbRow, sqlx::Error>>,
    peeked: Option<(i64, DbRow)>,
    done: bool,
}

impl<'a> Cursor<'a> {
    /// A cursor over a running query.
    pub(super) fn new(stream: BoxStream<'a, Result<DbRow, sqlx::Error>>) -> Cursor<'a> {
        Cursor {
            stream,
            peeked: None,
            done: false,
        }
    }

    /// Decodes into `out` (cleared first) every row of contact `id`, skipping the rows of
    /// earlier contacts without decoding them. Ids must be asked in ascending order.
    pub(super) async fn take<T>(
        &mut self,
        id: i64,
        decode: fn(&DbRow) -> Result<(i64, T), sqlx::Error>,
        out: &mut Vec<T>,
    ) -> Result<(), sqlx::Error> {
        out.clear();
        loop {
            if self.peeked.is_none() {
                if self.done {
                    return Ok(());
                }
                match self.stream.try_next().await? {
                    Some(row) => self.peeked = Some((row.try_get(0)?, row)),
                    None => {
                        self.done = true;
                        return Ok(());
                    }
                }
            }
            match &self.peeked {
                Some((contact, _)) if *contact < id => self.peeked = None,
                Some((contact, row)) if *contact == id => {
                    out.push(decode(row)?.1);
                    self.peeked = None;
                }
                _ => return Ok(()),
            }
        }
    }

    /// Counts the rows left (for the bare scan).
    pub(super) async fn count(mut self) -> Result<u64, sqlx::Error> {
        let mut rows = 0;
        while let Some(row) = self.stream.try_next().await? {
            let _: i64 = row.try_get(0)?;
            rows += 1;
        }
        Ok(rows)
    }
}
