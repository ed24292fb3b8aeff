//! A contact's jurisdiction in its four columns (`country`, `region`, `area_code_region`,
//! `jurisdiction_source`), and the background step that reads it for contacts stored before
//! Concord kept it (their source is NULL).

use crate::domain::compliance::{Country, Jurisdiction, JurisdictionSource, Region};
use crate::domain::PhoneNumber;
use crate::store::db::{self, Db};
use crate::store::tx::begin_write;
use crate::store::StoreError;

/// The source column's value for a contact whose place could not be read.
const NONE: &str = "none";

/// The four column values, in that order.
pub fn columns(j: &Jurisdiction) -> [Option<String>; 4] {
    [
        j.country.map(|c| c.to_string()),
        j.region.map(|r| r.to_string()),
        j.area_code_region.map(|r| r.to_string()),
        Some(j.source.map_or(NONE, |s| s.as_str()).to_owned()),
    ]
}

fn read<T, E: std::fmt::Display>(
    text: Option<&str>,
    parse: impl Fn(&str) -> Result<T, E>,
) -> Result<Option<T>, StoreError> {
    text.map(|t| parse(t).map_err(|e| StoreError::Corrupt(format!("jurisdiction: {e}"))))
        .transpose()
}

/// The stored jurisdiction; `None` when it was never read (the columns predate it).
pub fn stored(
    country: Option<&str>,
    region: Option<&str>,
    area_code_region: Option<&str>,
    source: Option<&str>,
) -> Result<Option<Jurisdiction>, StoreError> {
    let Some(source) = source else {
        return Ok(None);
    };
    Ok(Some(Jurisdiction {
        country: read(country, Country::parse)?,
        region: read(region, Region::parse)?,
        area_code_region: read(area_code_region, Region::parse)?,
        source: read(
            Some(source).filter(|s| *s != NONE),
            JurisdictionSource::parse,
        )?,
    }))
}

/// The stored jurisdiction, or the one read from the address and phone when none is stored.
pub fn stored_or_read(
    columns: [Option<&str>; 4],
    address: Option<&str>,
    phone: Option<&str>,
) -> Result<Jurisdiction, StoreError> {
    let [country, region, area, source] = columns;
    Ok(match stored(country, region, area, source)? {
        Some(found) => found,
        None => {
            let phone = phone.and_then(|p| PhoneNumber::parse(p).ok());
            Jurisdiction::derive(address, phone.as_ref())
        }
    })
}

/// Rows read per step of [`read_missing`].
const STEP: i64 = 2_000;

/// Reads the jurisdiction of up to [`STEP`] contacts that have none stored and writes them in
/// one short transaction (a row changed meanwhile keeps what was written since); answers how
/// many were read (0 once every contact has one, after one small indexed read).
pub async fn read_missing(pool: &Db) -> Result<u64, StoreError> {
    let rows: Vec<(i64, Option<String>, Option<String>)> = db::query_as(
        "SELECT id, address, phone FROM contacts WHERE jurisdiction_source IS NULL ORDER BY id LIMIT ?",
    )
    .bind(STEP)
    .fetch_all(pool)
    .await?;
    if rows.is_empty() {
        return Ok(0);
    }
    let mut tx = begin_write(pool).await?;
    for (id, address, phone) in &rows {
        let phone = phone.as_deref().and_then(|p| PhoneNumber::parse(p).ok());
        let found = Jurisdiction::derive(address.as_deref(), phone.as_ref());
        let [country, region, area, source] = columns(&found);
        db::query(
            "UPDATE contacts SET country = ?, region = ?, area_code_region = ?, jurisdiction_source = ?
             WHERE id = ? AND jurisdiction_source IS NULL",
        )
        .bind(country)
        .bind(region)
        .bind(area)
        .bind(source)
        .bind(id)
        .execute(&mut tx)
        .await?;
    }
    tx.commit().await?;
    Ok(rows.len() as u64)
}
