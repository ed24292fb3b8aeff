//! `customer_promo`: customers are not prospects. No promotional touch from a campaign that is
//! not aimed at customers (it does not select the customer stage, and its conditions have no
//! `stage = customer`), and fewer promos per window.

use super::cap::capped;
use super::compiled::{CapMs, On};
use super::context::Ctx;
use super::sink::{Explanation, Retry, Sink};
use crate::domain::conflict::RuleId;
use crate::domain::vocabulary::{Purpose, Stage};

/// The customer-promo rule.
pub(crate) fn check<S: Sink>(cx: &Ctx, on: &On<CapMs>, sink: &mut S) {
    if cx.contact.stage != Stage::Customer || cx.it().purpose != Purpose::Promotional {
        return;
    }
    let touch = cx.touch;
    if touch.from_campaign() && !touch.aims_at(Stage::Customer) {
        sink.hit(RuleId::CustomerPromo, on.severity, Retry::Never, || {
            Explanation {
                message: "Promotional campaign not aimed at customers (its audience does not \
                      select the customer stage), sent to a paying customer"
                    .to_owned(),
                touch_ids: Vec::new(),
            }
        });
    }
    let promo = |o: &super::item::Item| o.purpose == Purpose::Promotional;
    capped(
        cx,
        RuleId::CustomerPromo,
        on,
        promo,
        "promo to this customer",
        sink,
    );
}
