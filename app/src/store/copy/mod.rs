//! Moving a company between engines (`concord db copy`): every table of the ledger read in key
//! order from one snapshot of the source and written into an empty target in one transaction,
//! then read back from the target and compared table by table — row counts and a SHA-256 over
//! every value — so that a copy that differs in any cell is reported, not trusted.

mod tables;

pub use tables::{Kind, Table, TABLES};

use super::db::{Conn, Db, DbRow, SqlBuilder};
use super::StoreError;
use sha2::{Digest, Sha256};

/// Rows read from the source per statement.
const PAGE: i64 = 2_000;

/// One table as copied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableCopy {
    /// The table.
    pub table: &'static str,
    /// Rows in the source (and, verified, in the target).
    pub rows: u64,
    /// SHA-256 of the table's values in key order (hex), the same on both sides.
    pub checksum: String,
}

/// Why a copy did not happen or is not to be trusted.
#[derive(Debug, thiserror::Error)]
pub enum CopyError {
    /// The target already holds data; nothing was written.
    #[error("the target is not empty ({table} has {rows} rows): copy into an empty database")]
    TargetNotEmpty {
        /// The first non-empty table found.
        table: &'static str,
        /// Its rows.
        rows: i64,
    },
    /// The target read back differs from the source.
    #[error("{table} differs after the copy: source {source_rows} rows ({source_sum}), target {target_rows} rows ({target_sum})")]
    Mismatch {
        /// The table.
        table: &'static str,
        /// Rows in the source.
        source_rows: u64,
        /// Rows read back from the target.
        target_rows: u64,
        /// The source's checksum.
        source_sum: String,
        /// The target's checksum.
        target_sum: String,
    },
    /// A read or write failed; the target's transaction was rolled back.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for CopyError {
    fn from(e: sqlx::Error) -> Self {
        CopyError::Store(e.into())
    }
}

/// One value of a row.
#[derive(Clone, Debug, PartialEq)]
enum Cell {
    Int(Option<i64>),
    Text(Option<String>),
    Flag(Option<bool>),
}

impl Cell {
    fn read(row: &DbRow, i: usize, kind: Kind) -> Result<Cell, sqlx::Error> {
        Ok(match kind {
            Kind::Int => Cell::Int(row.try_get(i)?),
            Kind::Text => Cell::Text(row.try_get(i)?),
            Kind::Flag => Cell::Flag(row.try_get(i)?),
        })
    }

    /// The cell's canonical bytes for the checksum (typed and length-prefixed, so that no two
    /// different tables of values hash alike by concatenation).
    fn hash_into(&self, hash: &mut Sha256) {
        match self {
            Cell::Int(Some(n)) => hash.update(format!("i{n};")),
            Cell::Flag(Some(b)) => hash.update(if *b { "f1;" } else { "f0;" }),
            Cell::Text(Some(s)) => {
                hash.update(format!("t{}:", s.len()));
                hash.update(s.as_bytes());
            }
            Cell::Int(None) | Cell::Text(None) | Cell::Flag(None) => hash.update("n;"),
        }
    }

    fn bind(self, sql: &mut SqlBuilder) {
        match self {
            Cell::Int(v) => sql.push_bind(v),
            Cell::Text(v) => sql.push_bind(v),
            Cell::Flag(v) => sql.push_bind(v),
        };
    }
}

/// Fails unless every table of `target` is empty.
pub async fn ensure_empty(target: &Db) -> Result<(), CopyError> {
    for table in TABLES {
        let rows: i64 = super::db::query_scalar(format!("SELECT COUNT(*) FROM {}", table.name))
            .fetch_one(target)
            .await?;
        if rows > 0 {
            return Err(CopyError::TargetNotEmpty {
                table: table.name,
                rows,
            });
        }
    }
    Ok(())
}

/// Copies every table of `source` into the empty `target` and verifies it; `progress` hears
/// each table's name and rows copied so far. On any failure the target is left as it was.
pub async fn copy(
    source: &Db,
    target: &Db,
    progress: &mut dyn FnMut(&str, u64),
) -> Result<Vec<TableCopy>, CopyError> {
    ensure_empty(target).await?;
    let mut reading = source.begin_read().await?;
    let mut writing = target.acquire().await?;
    writing.set_durable(false).await?;
    writing.begin().await?;
    writing.pause_counts().await?;
    let mut copied = Vec::new();
    let result = async {
        for table in TABLES {
            copied.push(copy_table(&mut reading, &mut writing, table, progress).await?);
        }
        writing.rebuild_counts().await?;
        writing.commit_open().await?;
        Ok::<_, CopyError>(())
    }
    .await;
    if let Err(e) = result {
        let _ = super::db::query("ROLLBACK").execute(&mut writing).await;
        return Err(e);
    }
    reading.commit().await?;
    writing.set_durable(true).await?;
    writing.reset_identities().await?;
    writing.analyze().await?;
    drop(writing);
    super::calendar::fold::fold_counts(target).await?;
    verify(target, &copied).await?;
    Ok(copied)
}

/// A read of one table in key order, a page at a time, hashing every value as it goes.
struct Scan {
    table: &'static Table,
    after: Cell,
    hash: Sha256,
    rows: u64,
    done: bool,
}

impl Scan {
    fn new(table: &'static Table) -> Self {
        let after = match table.columns[0].1 {
            Kind::Text => Cell::Text(Some(String::new())),
            Kind::Int | Kind::Flag => Cell::Int(Some(i64::MIN)),
        };
        Scan {
            table,
            after,
            hash: Sha256::new(),
            rows: 0,
            done: false,
        }
    }

    /// The next page of rows, none when the table is read.
    async fn next_page(&mut self, conn: &mut Conn) -> Result<Option<Vec<Vec<Cell>>>, CopyError> {
        if self.done {
            return Ok(None);
        }
        let columns: Vec<&str> = self.table.columns.iter().map(|(c, _)| *c).collect();
        let key = columns[0];
        let mut sql = SqlBuilder::new(format!(
            "SELECT {} FROM {} WHERE {key} > ",
            columns.join(", "),
            self.table.name
        ));
        self.after.clone().bind(&mut sql);
        sql.push(format_args!(" ORDER BY {key} LIMIT {PAGE}"));
        let read = sql.build().fetch_all(&mut *conn).await?;
        self.done = (read.len() as i64) < PAGE;
        if read.is_empty() {
            return Ok(None);
        }
        let mut page = Vec::with_capacity(read.len());
        for row in &read {
            let values = self
                .table
                .columns
                .iter()
                .enumerate()
                .map(|(i, (_, kind))| Cell::read(row, i, *kind))
                .collect::<Result<Vec<_>, _>>()?;
            for value in &values {
                value.hash_into(&mut self.hash);
            }
            self.hash.update("\n");
            page.push(values);
        }
        self.rows += page.len() as u64;
        self.after = page[page.len() - 1][0].clone();
        Ok(Some(page))
    }

    /// The rows read and their checksum.
    fn finish(self) -> TableCopy {
        TableCopy {
            table: self.table.name,
            rows: self.rows,
            checksum: hex::encode(self.hash.finalize()),
        }
    }
}

/// Copies one table a page at a time (never more than a page in memory).
async fn copy_table(
    reading: &mut Conn,
    writing: &mut Conn,
    table: &'static Table,
    progress: &mut dyn FnMut(&str, u64),
) -> Result<TableCopy, CopyError> {
    let mut scan = Scan::new(table);
    while let Some(page) = scan.next_page(reading).await? {
        insert(writing, table, page).await?;
        progress(table.name, scan.rows);
    }
    Ok(scan.finish())
}

/// Inserts rows as multi-row statements small enough for either engine's parameter limit.
async fn insert(conn: &mut Conn, table: &Table, rows: Vec<Vec<Cell>>) -> Result<(), CopyError> {
    let columns: Vec<&str> = table.columns.iter().map(|(c, _)| *c).collect();
    let per_statement = (30_000 / columns.len()).clamp(1, 500);
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let mut sql = SqlBuilder::new(format!(
            "INSERT INTO {} ({}) VALUES ",
            table.name,
            columns.join(", ")
        ));
        for (i, row) in rows.by_ref().take(per_statement).enumerate() {
            sql.push(if i == 0 { "(" } else { ", (" });
            for (j, cell) in row.into_iter().enumerate() {
                if j > 0 {
                    sql.push(", ");
                }
                cell.bind(&mut sql);
            }
            sql.push(")");
        }
        sql.build().execute(&mut *conn).await?;
    }
    Ok(())
}

/// Reads every table back from `target` and compares it with what was copied.
async fn verify(target: &Db, copied: &[TableCopy]) -> Result<(), CopyError> {
    let mut conn = target.begin_read().await?;
    for (table, source) in TABLES.iter().zip(copied) {
        let mut scan = Scan::new(table);
        while scan.next_page(&mut conn).await?.is_some() {}
        let found = scan.finish();
        if found != *source {
            return Err(CopyError::Mismatch {
                table: table.name,
                source_rows: source.rows,
                target_rows: found.rows,
                source_sum: source.checksum.clone(),
                target_sum: found.checksum,
            });
        }
    }
    conn.commit().await?;
    Ok(())
}
