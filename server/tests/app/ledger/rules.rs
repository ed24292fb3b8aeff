//! Stored rules drive scheduling and claims; invalid ones are refused.

use super::fixtures::{company, day, now};
use crate::helpers::schedule;
use app::domain::role::Role;
use app::domain::{RuleId, Rules, RulesError, TouchStatus};
use app::store::claims::claim;
use app::store::rules::{current_rules, save_rules};
use chrono::TimeDelta;

#[tokio::test]
async fn saved_rules_are_the_ones_applied() {
    let company = company().await;
    assert_eq!(
        current_rules(&company.pool).await.unwrap(),
        Rules::default()
    );
    let mut rules = Rules::default();
    rules.daily_cap.params.limit = 1;
    rules.claims.claim_days = 3;
    save_rules(&company.pool, &rules, company.manager, now())
        .await
        .unwrap();
    assert_eq!(current_rules(&company.pool).await.unwrap(), rules);

    let mut broken = rules.clone();
    broken.claims.claim_days = 0;
    let refused = save_rules(&company.pool, &broken, company.manager, now()).await;
    assert!(matches!(
        refused.unwrap_err().refusal(),
        Some(RulesError::Invalid { rule: "claims", .. })
    ));
    assert_eq!(current_rules(&company.pool).await.unwrap(), rules);
    assert_eq!(company.audited("rules.saved").await, 1);

    let contact = company.contact("Pia").await;
    let at = day() + TimeDelta::hours(13);
    let first = schedule(&company.pool, &company.email(contact, at), now())
        .await
        .unwrap();
    let later = company.email(contact, at + TimeDelta::hours(6));
    let second = schedule(&company.pool, &later, now()).await.unwrap();
    assert_eq!(first.touch.status, TouchStatus::Planned);
    assert_eq!(second.touch.status, TouchStatus::PendingReview);
    assert_eq!(second.conflicts[0].rule, RuleId::DailyCap);

    let granted = claim(&company.pool, contact, company.rep, Role::Rep, now())
        .await
        .unwrap();
    assert_eq!(granted.expires_at, now() + TimeDelta::days(3));
}

#[tokio::test]
async fn the_rules_cache_reads_back_each_save_and_keeps_a_refused_one_out() {
    use app::store::rules_cache::RulesCache;
    let company = company().await;
    let cache = RulesCache::default();
    let first = cache.get(&company.pool).await.unwrap();
    assert_eq!(*first, Rules::default());

    let mut rules = Rules::default();
    rules.min_gap.params.gap = app::domain::span::Span::minutes(60);
    cache
        .save(&company.pool, &rules, company.manager, now())
        .await
        .unwrap();
    assert_eq!(*cache.get(&company.pool).await.unwrap(), rules);

    let mut broken = rules.clone();
    broken.daily_cap.params.limit = 0;
    assert!(cache
        .save(&company.pool, &broken, company.manager, now())
        .await
        .is_err());
    assert_eq!(*cache.get(&company.pool).await.unwrap(), rules);
    assert_eq!(current_rules(&company.pool).await.unwrap(), rules);
}
