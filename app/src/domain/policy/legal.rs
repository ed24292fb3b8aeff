//! What the four legal rules share: which of the pack rules that reach the contact (found by
//! `reaching`) cover the touch, whether a touch is one the law covers, and how a rule's channel
//! is named in a sentence.

use super::context::Ctx;
use crate::domain::compliance::packs::{solicits, LegalRule, Scope};
use crate::domain::compliance::{Country, Jurisdiction, Region};
use crate::domain::vocabulary::Channel;

/// The judged touch's applicable rules that cover its channel, when it is a solicitation.
pub(crate) fn covering<'a>(cx: &Ctx<'a>) -> impl Iterator<Item = &'a LegalRule> + 'a {
    let me = cx.it();
    let on = solicits(me.purpose);
    let channel = me.channel;
    let all: &'a [LegalRule] = &cx.rules.legal;
    let reaching: &'a [u16] = cx.legal;
    reaching
        .iter()
        .map(move |&index| &all[usize::from(index)])
        .filter(move |rule| on && rule.covers(channel))
}

/// `sales calls`, `sales texts`, `marketing emails`, `marketing mail`.
pub(crate) fn solicitations(channel: Channel) -> &'static str {
    match channel {
        Channel::Phone => "sales calls",
        Channel::Sms => "sales texts",
        Channel::Email => "marketing emails",
        Channel::Mail => "marketing mail",
    }
}

/// The country and region whose holidays a rule means for this contact.
pub(crate) fn holiday_place(rule: &LegalRule, place: &Jurisdiction) -> (Country, Option<Region>) {
    match rule.scope {
        Scope::Region(region) => (region.country(), Some(region)),
        Scope::Country(country) => {
            let region = [place.region, place.area_code_region]
                .into_iter()
                .flatten()
                .find(|r| r.country() == country);
            (country, region)
        }
    }
}
