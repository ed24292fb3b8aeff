//! Bulk writes of the synthetic company: multi-row INSERTs with bound values.

use super::company::Campaign;
use super::ledger::{SynthClaim, SynthInteraction, SynthTouch};
use super::people::Person;
use app::domain::compliance::Jurisdiction;
use app::domain::PhoneNumber;
use app::store::batch::{insert_sql, rows_per_statement};
use app::store::contacts::jurisdiction;
use app::store::db;
use app::store::events::interaction_key;
use db::Conn;

const CONTACT: [&str; 18] = [
    "id",
    "external_id",
    "name",
    "email",
    "phone",
    "address",
    "timezone",
    "stage",
    "attributes",
    "consent_email",
    "consent_sms",
    "consent_phone",
    "consent_mail",
    "do_not_contact",
    "country",
    "region",
    "area_code_region",
    "jurisdiction_source",
];
const TOUCH: [&str; 14] = [
    "contact_id",
    "channel",
    "purpose",
    "team_id",
    "author_id",
    "campaign_id",
    "scheduled_at",
    "title",
    "automated",
    "personalized",
    "status",
    "sent_at",
    "created_at",
    "updated_at",
];

/// Inserts rows in statements of as many rows as fit.
async fn insert<T>(
    conn: &mut Conn,
    table: &str,
    columns: &[&str],
    rows: &[T],
    bind: impl Fn(db::Query, &T) -> db::Query,
) -> Result<(), sqlx::Error> {
    for chunk in rows.chunks(rows_per_statement(columns.len())) {
        let sql = insert_sql(table, columns, chunk.len());
        let mut query = db::query(&sql);
        for row in chunk {
            query = bind(query, row);
        }
        query.execute(&mut *conn).await?;
    }
    Ok(())
}

/// Contacts with explicit ids; their creation instant is added by a default-free column list.
pub async fn contacts(
    conn: &mut Conn,
    rows: &[(i64, Person)],
    created: i64,
) -> Result<(), sqlx::Error> {
    let mut columns = CONTACT.to_vec();
    columns.extend(["created_at", "updated_at"]);
    insert(conn, "contacts", &columns, rows, |q, (id, p)| {
        let phone = p.phone.as_deref().and_then(|n| PhoneNumber::parse(n).ok());
        let place = Jurisdiction::derive(p.address.as_deref(), phone.as_ref());
        let [country, region, area, source] = jurisdiction::columns(&place);
        q.bind(id)
            .bind(format!("demo-{id}"))
            .bind(p.name.as_str())
            .bind(p.email.as_deref())
            .bind(p.phone.as_deref())
            .bind(p.address.as_deref())
            .bind(p.zone.name())
            .bind(p.stage.as_str())
            .bind(p.attributes.as_str())
            .bind(p.consent[0])
            .bind(p.consent[1])
            .bind(p.consent[2])
            .bind(p.consent[3])
            .bind(p.do_not_contact)
            .bind(country)
            .bind(region)
            .bind(area)
            .bind(source)
            .bind(created)
            .bind(created)
    })
    .await
}

/// Touches; sent ones have `sent_at` at their scheduled instant.
pub async fn touches(
    conn: &mut Conn,
    rows: &[SynthTouch],
    created: i64,
) -> Result<(), sqlx::Error> {
    insert(conn, "touches", &TOUCH, rows, |q, t| {
        q.bind(t.contact)
            .bind(t.channel)
            .bind(t.purpose)
            .bind(t.sender.team)
            .bind(t.sender.author)
            .bind(t.campaign)
            .bind(t.at)
            .bind(t.title)
            .bind(t.automated)
            .bind(t.personalized)
            .bind(t.status)
            .bind((t.status == "sent").then_some(t.at))
            .bind(created)
            .bind(created)
    })
    .await
}

/// Inbound interactions.
pub async fn interactions(conn: &mut Conn, rows: &[SynthInteraction]) -> Result<(), sqlx::Error> {
    // The idempotency key the store derives for events without one: the same interaction
    // generated twice is one interaction.
    let mut rows = rows.to_vec();
    rows.sort_unstable();
    rows.dedup();
    let columns = [
        "contact_id",
        "kind",
        "channel",
        "at",
        "external_id",
        "created_at",
    ];
    insert(
        conn,
        "interactions",
        &columns,
        &rows,
        |q, (contact, kind, channel, at)| {
            let key = interaction_key(contact, kind, channel, *at);
            q.bind(contact)
                .bind(*kind)
                .bind(*channel)
                .bind(at)
                .bind(key)
                .bind(at)
        },
    )
    .await
}

/// Open claims.
pub async fn claims(conn: &mut Conn, rows: &[SynthClaim]) -> Result<(), sqlx::Error> {
    let columns = [
        "contact_id",
        "user_id",
        "claimed_at",
        "renewed_at",
        "expires_at",
    ];
    insert(
        conn,
        "claims",
        &columns,
        rows,
        |q, (contact, user, at, until)| q.bind(contact).bind(user).bind(at).bind(at).bind(until),
    )
    .await
}

/// The campaigns, with explicit ids; `at` gives a campaign day's send instant.
pub async fn campaigns(
    conn: &mut Conn,
    rows: &[Campaign],
    at: impl Fn(i64) -> i64,
    created: i64,
) -> Result<(), sqlx::Error> {
    let columns = [
        "id",
        "title",
        "team_id",
        "author_id",
        "channel",
        "purpose",
        "scheduled_at",
        "on_conflict",
        "status",
        "created_at",
    ];
    insert(conn, "campaigns", &columns, rows, |q, c| {
        q.bind(c.id)
            .bind(c.title)
            .bind(c.sender.team)
            .bind(c.sender.author)
            .bind(c.channel)
            .bind(c.purpose)
            .bind(at(c.day))
            .bind("exclude")
            .bind("planned")
            .bind(created)
    })
    .await
}
