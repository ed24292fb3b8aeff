//! What the rule packs page and the API show about each pack, built from the domain's data.

use crate::domain::compliance::packs::{describe, LegalKind, LegalRule, PackId, RulePacks};
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// One rule of a pack, in words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PackRuleView {
    /// A stable key, e.g. `us-fl-cap`.
    pub key: String,
    /// Where it applies, e.g. `Florida (US-FL)`.
    pub applies_to: String,
    /// The rule id that enforces it, e.g. `legal_call_cap`.
    pub rule: String,
    /// What it allows, in a sentence.
    pub allows: String,
    /// The text it comes from.
    pub source: String,
    /// A caveat (a disputed or partly verified value).
    pub note: Option<String>,
    /// Whether it runs (an admin may switch a single rule off).
    pub enabled: bool,
    /// Whether an admin changed it.
    pub edited: bool,
    /// What the law itself allows, when an edit changed it.
    pub law_allows: Option<String>,
    /// A cap's limit now, for the edit form.
    pub limit: Option<u32>,
    /// A quiet period's days now, for the edit form.
    pub days: Option<u32>,
    /// Set when the edit allows more than the law: it no longer holds a legal minimum.
    pub warning: Option<String>,
}

/// A pack, its switch and its rules.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PackView {
    /// `us`, `ca`, `fr` or `uk`.
    pub id: String,
    /// Its name.
    pub name: String,
    /// The version of its data.
    pub version: String,
    /// Whether the company has it on.
    pub enabled: bool,
    /// Its rules, the most specific first.
    pub rules: Vec<PackRuleView>,
}

/// Every pack as the page and the API show it.
pub fn pack_views(on: &RulePacks) -> Vec<PackView> {
    PackId::ALL
        .iter()
        .map(|id| {
            let pack = id.pack();
            PackView {
                id: id.as_str().to_owned(),
                name: pack.name.to_owned(),
                version: pack.version.to_owned(),
                enabled: on.enabled.contains(id),
                rules: pack.rules.iter().map(|rule| rule_view(rule, on)).collect(),
            }
        })
        .collect()
}

/// One rule as the company has it: the law's, or an admin's edit beside the law's.
fn rule_view(rule: &LegalRule, on: &RulePacks) -> PackRuleView {
    let edit = on.edits.get(rule.key);
    let now = edit.map_or(Some(*rule), |e| e.apply(rule));
    let (limit, days) = match now.map(|r| r.kind) {
        Some(LegalKind::Cap { limit, .. }) => (Some(limit), None),
        Some(LegalKind::RefusalQuiet { days }) => (None, days),
        _ => (None, None),
    };
    PackRuleView {
        key: rule.key.to_owned(),
        applies_to: describe::place(rule.scope),
        rule: describe::rule_id(&rule.kind).as_str().to_owned(),
        allows: now.map_or_else(
            || "Switched off: this rule stops nothing.".to_owned(),
            |r| describe::allows(&r),
        ),
        source: rule.source.to_owned(),
        note: rule.note.map(str::to_owned),
        enabled: now.is_some(),
        edited: edit.is_some(),
        law_allows: edit.map(|_| describe::allows(rule)),
        limit,
        days,
        warning: edit.filter(|e| e.weakens(rule)).map(|_| {
            format!(
                "Weaker than the law ({}): touches it allows may break it.",
                rule.law
            )
        }),
    }
}

/// Loads the rule packs page; admins only.
#[server(prefix = "/api", endpoint = "packs_overview")]
pub async fn packs_overview() -> Result<Vec<PackView>, AppError> {
    use crate::domain::Action;

    let (state, _) = crate::auth::require::allowed(Action::EditRules).await?;
    let rules = state
        .rules
        .get(&state.pool)
        .await
        .map_err(|e| e.log_as_internal())?;
    Ok(pack_views(&rules.rule_packs))
}
