//! Search and filters, and keyset pages in name order.

use super::{seed, SECRET};
use crate::helpers::{spawn_app, test_db};
use app::domain::ids::UserId;
use app::domain::{role::Role, Channel, Stage, TimeZone};
use app::store::contacts::text_index::index_contact_text;
use app::store::contacts::{search_contacts, ContactSearch, Cursor, OwnerFilter};
use app::store::db;
use chrono::Utc;
use db::Db;

async fn names(pool: &Db, search: &ContactSearch) -> Vec<String> {
    let page = search_contacts(pool, search, Cursor::First, 100, Utc::now())
        .await
        .unwrap();
    assert_eq!(page.total, page.contacts.len() as u64);
    page.contacts.into_iter().map(|c| c.name).collect()
}

/// A search for `t` alone.
fn text(t: &str) -> ContactSearch {
    ContactSearch {
        text: Some(t.into()),
        ..ContactSearch::default()
    }
}

#[tokio::test]
async fn search_matches_names_emails_phones_and_external_ids_and_filters_combine() {
    let app = spawn_app().await;
    let pool = app::store::open(&app.db).await.unwrap();
    let ids = seed(&pool).await;
    assert_eq!(
        names(&pool, &text("ANN")).await,
        ["Ann Lee", "anna Berg", "Bob Ray"],
        "a word is found in names and emails (Bob Ray's is annex@…), ignoring case"
    );
    assert_eq!(
        names(&pool, &text("Annex@")).await,
        ["Bob Ray"],
        "an address-like text also matches email prefixes"
    );
    assert_eq!(names(&pool, &text("anna")).await, ["anna Berg"]);
    assert_eq!(names(&pool, &text("+1 617 555 0105")).await, ["Dee Ng"]);
    assert_eq!(names(&pool, &text("HS-4")).await, ["Cy Moe"]);
    assert!(
        names(&pool, &text("hs-4")).await.is_empty(),
        "external ids match exactly"
    );
    assert_eq!(
        names(&pool, &text("lee")).await,
        ["Ann Lee"],
        "any part of a name matches"
    );
    assert!(
        names(&pool, &text("ee")).await.is_empty(),
        "a text shorter than three characters matches from the start only"
    );

    let leads_in_paris = ContactSearch {
        stage: Some(Stage::Lead),
        time_zone: Some(TimeZone::parse("Europe/Paris").unwrap()),
        ..ContactSearch::default()
    };
    assert_eq!(names(&pool, &leads_in_paris).await, ["Ann Lee", "Bob Ray"]);
    let sms_leads = ContactSearch {
        stage: Some(Stage::Lead),
        consent: vec![(Channel::Sms, true)],
        ..ContactSearch::default()
    };
    assert_eq!(names(&pool, &sms_leads).await, ["Fay Po"]);

    app.add_user(
        "rep@example.com",
        "Rita Rep",
        Role::Rep,
        "Inside sales",
        SECRET,
    )
    .await;
    let rep: i64 = db::query_scalar("SELECT id FROM users WHERE email = 'rep@example.com'")
        .fetch_one(&pool)
        .await
        .unwrap();
    app::store::claims::claim(&pool, ids[4], UserId(rep), Role::Rep, Utc::now())
        .await
        .unwrap();
    let owned = ContactSearch {
        owner: OwnerFilter::User(UserId(rep)),
        ..ContactSearch::default()
    };
    assert_eq!(names(&pool, &owned).await, ["Dee Ng"]);
    let unowned = ContactSearch {
        owner: OwnerFilter::Unowned,
        ..ContactSearch::default()
    };
    assert_eq!(names(&pool, &unowned).await.len(), 6);
    assert!(!names(&pool, &unowned).await.contains(&"Dee Ng".to_owned()));
}

#[tokio::test]
async fn any_part_of_a_name_email_or_phone_is_found_whether_or_not_the_index_has_caught_up() {
    // A database of its own, with no server whose index job could catch up on its own.
    let dir = tempfile::tempdir().unwrap();
    let pool = app::store::open(&test_db(&dir).await).await.unwrap();
    let ids = seed(&pool).await;
    let sqlite = pool.engine() == db::Engine::Sqlite;
    let found = |round: &'static str| {
        let pool = pool.clone();
        async move {
            assert_eq!(names(&pool, &text("ERG")).await, ["anna Berg"], "{round}");
            assert_eq!(names(&pool, &text("nex@exa")).await, ["Bob Ray"], "{round}");
            assert_eq!(
                names(&pool, &text("(555) 0107")).await,
                ["Fay Po"],
                "{round}: a phone's digits, however either is written"
            );
            assert_eq!(names(&pool, &text("55 01")).await.len(), 7, "{round}");
            assert!(
                names(&pool, &text("e_o")).await.is_empty(),
                "{round}: LIKE's wildcards are taken as typed (\"Eve Oh\" has no \"e_o\")"
            );
            assert!(names(&pool, &text("%%%")).await.is_empty(), "{round}");
        }
    };
    found("before the index ran").await;
    let indexed = index_contact_text(&pool).await.unwrap();
    assert_eq!(indexed, if sqlite { 7 } else { 0 });
    found("from the index").await;
    assert_eq!(index_contact_text(&pool).await.unwrap(), 0);

    db::query("UPDATE contacts SET name = 'Anna Lindqvist' WHERE id = ?")
        .bind(ids[1].0)
        .execute(&pool)
        .await
        .unwrap();
    for round in ["renamed", "renamed and indexed again"] {
        assert_eq!(
            names(&pool, &text("lindQ")).await,
            ["Anna Lindqvist"],
            "{round}"
        );
        assert!(
            names(&pool, &text("na be")).await.is_empty(),
            "{round}: the old name is not found"
        );
        if round == "renamed" {
            let again = index_contact_text(&pool).await.unwrap();
            assert_eq!(again, if sqlite { 1 } else { 0 });
        }
    }
}

#[tokio::test]
async fn keyset_pages_walk_forward_and_back_in_name_order_without_gaps() {
    let app = spawn_app().await;
    let pool = app::store::open(&app.db).await.unwrap();
    seed(&pool).await;
    let all = names(&pool, &ContactSearch::default()).await;
    assert_eq!(all[0], "Ann Lee");
    assert_eq!(all[1], "anna Berg", "case is ignored in the order");
    let search = ContactSearch::default();
    let mut cursor = Cursor::First;
    let mut walked = Vec::new();
    let mut pages = Vec::new();
    loop {
        let page = search_contacts(&pool, &search, cursor, 3, Utc::now())
            .await
            .unwrap();
        assert_eq!(page.total, 7);
        assert_eq!(page.has_prev, !pages.is_empty());
        walked.extend(page.contacts.iter().map(|c| c.name.clone()));
        pages.push(page.contacts.clone());
        if !page.has_next {
            break;
        }
        cursor = Cursor::After(page.contacts.last().unwrap().id);
    }
    assert_eq!(walked, all);
    assert_eq!(pages.len(), 3);
    let back = search_contacts(
        &pool,
        &search,
        Cursor::Before(pages[2][0].id),
        3,
        Utc::now(),
    )
    .await
    .unwrap();
    assert_eq!(back.contacts, pages[1]);
    assert!(back.has_prev && back.has_next);
    let first = search_contacts(
        &pool,
        &search,
        Cursor::Before(pages[1][0].id),
        3,
        Utc::now(),
    )
    .await
    .unwrap();
    assert_eq!(first.contacts, pages[0]);
    assert!(!first.has_prev);
}

#[tokio::test]
async fn names_sort_and_match_byte_for_byte_with_ascii_case_folding_on_either_engine() {
    use app::domain::{ContactInput, NewContact};
    let app = spawn_app().await;
    let pool = app::store::open(&app.db).await.unwrap();
    for name in [
        "Émile Zola",
        "émile Roux",
        "Zoe Park",
        "adam Cole",
        "Ädam Berg",
        "Eve Lund",
    ] {
        let input = ContactInput {
            name: name.into(),
            timezone: "Europe/Paris".into(),
            stage: "lead".into(),
            ..ContactInput::default()
        };
        let contact = NewContact::parse(&input).unwrap();
        app::store::contacts::create_contact(&pool, &contact, None, Utc::now())
            .await
            .unwrap();
    }
    // SQLite's lower() folds ASCII letters only and its order is by bytes: the accented
    // capitals sort after every ASCII name, and "É" is not "é". PostgreSQL must agree.
    assert_eq!(
        names(&pool, &ContactSearch::default()).await,
        [
            "adam Cole",
            "Eve Lund",
            "Zoe Park",
            "Ädam Berg",
            "Émile Zola",
            "émile Roux"
        ]
    );
    assert_eq!(names(&pool, &text("émile")).await, ["émile Roux"]);
    assert_eq!(names(&pool, &text("ÉMILE")).await, ["Émile Zola"]);
    assert_eq!(names(&pool, &text("ADAM")).await, ["adam Cole"]);
}

#[tokio::test]
async fn an_overlong_search_is_refused_in_words_not_failed() {
    let app = spawn_app().await;
    super::signed_in(&app, "mia@example.com", Role::Marketer).await;
    for (q, refused) in [("ab".repeat(100), false), ("ab".repeat(101), true)] {
        let page = app
            .client
            .get(app.url(&format!("/contacts?q={q}")))
            .send()
            .await
            .unwrap();
        assert_eq!(page.status(), 200);
        let body = page.text().await.unwrap();
        assert_eq!(
            body.contains("a search is at most 200 characters"),
            refused,
            "{} characters",
            q.len()
        );
    }
}
