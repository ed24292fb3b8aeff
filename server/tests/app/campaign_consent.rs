//! No manager overrides a withdrawal of consent or a do-not-contact flag: a campaign leaves
//! such recipients out, even when it sends its other blocked recipients to review.

use crate::campaigns::{campaign, setup};
use crate::ledger::fixtures::now;
use app::domain::{OnConflict, Stage};
use app::store::campaigns::create_campaign;
use app::store::db;

#[tokio::test]
async fn recipients_without_consent_are_left_out_not_sent_to_review() {
    let s = setup().await;
    let c = &s.company;
    db::query("UPDATE contacts SET consent_email = ? WHERE name = 'Ann'")
        .bind(false)
        .execute(&c.pool)
        .await
        .unwrap();
    db::query("UPDATE contacts SET do_not_contact = ? WHERE name = 'Bob'")
        .bind(true)
        .execute(&c.pool)
        .await
        .unwrap();
    let mut new = campaign(c, OnConflict::Review);
    new.audience.stages = vec![Stage::Prospect];
    let created = create_campaign(&c.pool, &new, now()).await.unwrap();
    // Cid and Dee are blocked by the daily cap, which a manager may override: review.
    // Ann (no email consent) and Bob (do not contact) may not be overridden: left out.
    assert_eq!(
        (created.planned, created.pending_review, created.excluded),
        (0, 2, 2),
        "{created:?}"
    );
    let in_review: i64 = c
        .count(&format!(
            "SELECT COUNT(*) FROM touches t JOIN contacts k ON k.id = t.contact_id
             WHERE t.campaign_id = {} AND k.name IN ('Ann', 'Bob')",
            created.id.0
        ))
        .await;
    assert_eq!(in_review, 0);
}
