//! A promotional campaign that selects the customer stage is aimed at customers: `customer_promo`
//! does not call it "not aimed at customers", and the preview of a campaign predicts exactly the
//! conflicts its creation stores.

use crate::campaigns::{campaign, setup};
use crate::ledger::fixtures::now;
use app::domain::ids::CampaignId;
use app::domain::{OnConflict, Purpose, RuleId, Stage};
use app::store::campaigns::{create_campaign, NewCampaign, SHIFT_HORIZON};
use app::store::db;
use app::store::preview::{preview_campaign, PreviewRequest};
use app::store::rules::current_rules;

/// How many of the campaign's stored touches carry a conflict of `rule`.
async fn stored_with(pool: &db::Db, id: CampaignId, rule: RuleId) -> u64 {
    let rows: Vec<(String,)> = db::query_as("SELECT conflicts FROM touches WHERE campaign_id = ?")
        .bind(id.0)
        .fetch_all(pool)
        .await
        .unwrap();
    let needle = format!("\"rule\":\"{}\"", rule.as_str());
    rows.iter().filter(|(json,)| json.contains(&needle)).count() as u64
}

/// The preview of `new` (the touch its creation stores, before it has an id).
async fn preview_of(pool: &db::Db, new: &NewCampaign) -> app::store::preview::Preview {
    let rules = current_rules(pool).await.unwrap();
    let request = PreviewRequest {
        audience: new.audience.clone(),
        touch: new.touch(None),
        horizon: SHIFT_HORIZON,
        samples_per_rule: 5,
        samples_from: None,
    };
    preview_campaign(pool, &rules, &request).await.unwrap()
}

#[tokio::test]
async fn a_promotion_to_the_customer_stage_is_aimed_at_customers() {
    let s = setup().await;
    let c = &s.company;
    db::query("UPDATE contacts SET stage = 'customer' WHERE name IN ('Ann', 'Bob')")
        .execute(&c.pool)
        .await
        .unwrap();

    let mut to_customers = campaign(c, OnConflict::Review);
    to_customers.purpose = Purpose::Promotional;
    to_customers.audience.stages = vec![Stage::Customer, Stage::Prospect];
    let preview = preview_of(&c.pool, &to_customers).await;
    assert_eq!(preview.recipients, 4);
    assert_eq!(
        preview.by_rule.get(&RuleId::CustomerPromo),
        None,
        "{preview:?}"
    );
    let created = create_campaign(&c.pool, &to_customers, now())
        .await
        .unwrap();
    assert_eq!(
        stored_with(&c.pool, created.id, RuleId::CustomerPromo).await,
        0
    );

    // A promotion to every stage is not aimed at customers: the preview says so for both
    // customers, and creation stores the same.
    let mut to_everyone = campaign(c, OnConflict::Review);
    to_everyone.purpose = Purpose::Promotional;
    to_everyone.title = "Everyone".into();
    let preview = preview_of(&c.pool, &to_everyone).await;
    let samples = &preview.samples[&RuleId::CustomerPromo];
    assert!(
        samples[0].message.contains("not aimed at customers"),
        "{samples:?}"
    );
    let created = create_campaign(&c.pool, &to_everyone, now()).await.unwrap();
    let stored = stored_with(&c.pool, created.id, RuleId::CustomerPromo).await;
    assert_eq!(preview.by_rule.get(&RuleId::CustomerPromo), Some(&stored));
    assert!(stored >= 2, "both customers: {stored}");
}
