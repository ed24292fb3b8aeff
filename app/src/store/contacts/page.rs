//! One page of a contact search, in name order, paged by keyset (the last or first contact
//! shown) so page 10 000 costs what page 1 costs, with a count that stops at [`COUNT_CAP`].

use super::search::ContactSearch;
use super::substring::Substring;
use super::text_index::{self, Reach};
use super::text_match::TextMatch;
use crate::domain::ids::ContactId;
use crate::records::Contact;
use crate::store::db::{self, Db, SqlBuilder};
use crate::store::rows::{ContactRow, CONTACT_SELECT};
use crate::store::StoreError;
use chrono::{DateTime, Utc};

/// Counting stops here: "more than 10 000" is as useful to a person as the exact number, and
/// a capped count stays fast on a million contacts whatever the filter.
pub const COUNT_CAP: u64 = 10_000;

/// Where a page starts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Cursor {
    /// The first page.
    #[default]
    First,
    /// The page after this contact.
    After(ContactId),
    /// The page before this contact.
    Before(ContactId),
}

/// One page of contacts and how many match in all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContactPage {
    /// The contacts on this page, by name then id.
    pub contacts: Vec<Contact>,
    /// How many contacts match, at most [`COUNT_CAP`] + 1 (more than the cap reads as "over").
    pub total: u64,
    /// Whether a page follows.
    pub has_next: bool,
    /// Whether a page precedes.
    pub has_prev: bool,
}

/// The page of `search` at `cursor`, `size` contacts long.
#[tracing::instrument(skip_all)]
pub async fn search_contacts(
    pool: &Db,
    search: &ContactSearch,
    cursor: Cursor,
    size: u32,
    now: DateTime<Utc>,
) -> Result<ContactPage, StoreError> {
    let mut conn = pool.acquire().await?;
    let anchor = match cursor {
        Cursor::First => None,
        Cursor::After(id) | Cursor::Before(id) => {
            let key: Option<(String, i64)> =
                db::query_as("SELECT lower(name), id FROM contacts WHERE id = ?")
                    .bind(id.0)
                    .fetch_optional(&mut conn)
                    .await?;
            key
        }
    };
    let backwards = matches!(cursor, Cursor::Before(_)) && anchor.is_some();
    let branches = match &search.text {
        Some(text) => {
            let reach = match Substring::of(text) {
                Some(part) => text_index::reach(&mut conn, &part).await?,
                None => Reach::Like,
            };
            TextMatch::branches(text, reach)
        }
        None => Vec::new(),
    };
    let mut rows: Vec<ContactRow> = Vec::new();
    // Each way the text matches on its own (see `TextMatch`), or the whole search at once
    // when it has no text.
    let each: Vec<&[TextMatch]> = match branches.as_slice() {
        [] => vec![&[]],
        some => some.iter().map(std::slice::from_ref).collect(),
    };
    for only in each {
        let query = Branch {
            search,
            anchor: anchor.as_ref(),
            backwards,
            size,
            now,
            only,
        };
        rows.extend(query.rows(&mut conn).await?);
    }
    // Merge the branches in page order; a contact several branches found counts once.
    rows.sort_by(|a, b| {
        let key = |r: &ContactRow| (r.name.to_ascii_lowercase(), r.id);
        let order = key(a).cmp(&key(b));
        if backwards {
            order.reverse()
        } else {
            order
        }
    });
    rows.dedup_by_key(|r| r.id);
    let more = rows.len() > size as usize;
    rows.truncate(size as usize);
    if backwards {
        rows.reverse();
    }
    let contacts = rows
        .into_iter()
        .map(|row| row.record(now))
        .collect::<Result<Vec<_>, _>>()?;
    let (has_next, has_prev) = match (backwards, anchor.is_some()) {
        (true, _) => (true, more),
        (false, true) => (more, true),
        (false, false) => (more, false),
    };
    Ok(ContactPage {
        total: count(&mut conn, search, &branches, now).await?,
        contacts,
        has_next,
        has_prev,
    })
}

/// One branch of a page's query: the rows of one way the text matches (or of the whole
/// search), beyond the anchor, in page order.
struct Branch<'a> {
    search: &'a ContactSearch,
    anchor: Option<&'a (String, i64)>,
    backwards: bool,
    size: u32,
    now: DateTime<Utc>,
    only: &'a [TextMatch],
}

impl Branch<'_> {
    async fn rows(&self, conn: &mut db::Conn) -> Result<Vec<ContactRow>, StoreError> {
        let mut sql: SqlBuilder = SqlBuilder::new(CONTACT_SELECT);
        self.search.push_where(&mut sql, self.now, self.only);
        if let Some((name, id)) = self.anchor {
            // (name, id) beyond the anchor, spelled so the name bound is an index range.
            let (op, strict) = if self.backwards {
                ("<=", "<")
            } else {
                (">=", ">")
            };
            sql.push(format_args!(" AND lower(c.name) {op} "))
                .push_bind(name.clone())
                .push(format_args!(" AND (lower(c.name) {strict} "))
                .push_bind(name.clone())
                .push(format_args!(" OR c.id {strict} "))
                .push_bind(*id)
                .push(")");
        }
        let order = if self.backwards { "DESC" } else { "ASC" };
        sql.push(format_args!(
            " ORDER BY lower(c.name) {order}, c.id {order} LIMIT "
        ))
        .push_bind(i64::from(self.size) + 1);
        Ok(sql.build_query_as().fetch_all(conn).await?)
    }
}

/// How many contacts match by any of `branches`, counting no further than [`COUNT_CAP`] + 1.
async fn count(
    conn: &mut db::Conn,
    search: &ContactSearch,
    branches: &[TextMatch],
    now: DateTime<Utc>,
) -> Result<u64, StoreError> {
    let mut sql: SqlBuilder = SqlBuilder::new(
        "SELECT COUNT(*) FROM (SELECT 1 FROM contacts c \
         LEFT JOIN claims cl ON cl.contact_id = c.id AND cl.ended_at IS NULL",
    );
    search.push_where(&mut sql, now, branches);
    sql.push(" LIMIT ")
        .push_bind(COUNT_CAP as i64 + 1)
        .push(") AS matched");
    let total: i64 = sql.build_query_scalar().fetch_one(conn).await?;
    Ok(total.max(0) as u64)
}
