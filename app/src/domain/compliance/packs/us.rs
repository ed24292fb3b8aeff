//! United States: the federal calling hours and the states COMPLIANCE.md lists with a source.
//! Rhode Island, Pennsylvania, Utah and Maine are left out (reported, not verified).

use super::{LegalKind, LegalRule, Pack, PackId, Scope, Week};
use crate::domain::compliance::place::{Country, Region};
use crate::domain::vocabulary::Channel;

const VOICE: &[Channel] = &[Channel::Phone, Channel::Sms];
const CALLS: &[Channel] = &[Channel::Phone];

const fn every_day(window: &'static [(u16, u16)]) -> Week {
    [window; 7]
}

const fn no_sunday(window: &'static [(u16, u16)]) -> Week {
    [window, window, window, window, window, window, &[]]
}

const H8_21: &[(u16, u16)] = &[(480, 1260)];
const H8_20: &[(u16, u16)] = &[(480, 1200)];
const H9_21: &[(u16, u16)] = &[(540, 1260)];
const H9_20: &[(u16, u16)] = &[(540, 1200)];
const H10_21: &[(u16, u16)] = &[(600, 1260)];
const H12_21: &[(u16, u16)] = &[(720, 1260)];

const fn state(code: &[u8; 2]) -> Scope {
    Scope::Region(Region::of(Country::US, *code))
}

const fn hours(
    key: &'static str,
    code: &[u8; 2],
    law: &'static str,
    week: Week,
    source: &'static str,
    note: Option<&'static str>,
) -> LegalRule {
    LegalRule {
        key,
        scope: state(code),
        law,
        channels: VOICE,
        kind: LegalKind::Hours(week),
        source,
        note,
    }
}

const fn cap(
    key: &'static str,
    code: &[u8; 2],
    law: &'static str,
    channels: &'static [Channel],
    source: &'static str,
) -> LegalRule {
    LegalRule {
        key,
        scope: state(code),
        law,
        channels,
        kind: LegalKind::Cap {
            limit: 3,
            hours: 24,
        },
        source,
        note: Some("the law counts calls on the same subject; Concord counts every sales call"),
    }
}

const fn no_holidays(
    key: &'static str,
    code: &[u8; 2],
    law: &'static str,
    source: &'static str,
    note: Option<&'static str>,
) -> LegalRule {
    LegalRule {
        key,
        scope: state(code),
        law,
        channels: VOICE,
        kind: LegalKind::Holidays,
        source,
        note,
    }
}

const UNCONFIRMED: Option<&str> = Some("hours as reported; the citation is still to be confirmed");

const RULES: &[LegalRule] = &[
    hours(
        "us-fl-hours",
        b"FL",
        "Florida",
        every_day(H8_20),
        "Fla. Stat. 501.616(6)",
        None,
    ),
    cap("us-fl-cap", b"FL", "Florida", CALLS, "Fla. Stat. 501.059"),
    hours(
        "us-ok-hours",
        b"OK",
        "Oklahoma",
        every_day(H8_20),
        "15 O.S. §775C.4",
        None,
    ),
    cap("us-ok-cap", b"OK", "Oklahoma", CALLS, "15 O.S. §775C.4"),
    hours(
        "us-md-hours",
        b"MD",
        "Maryland",
        every_day(H8_20),
        "Maryland Stop the Spam Calls Act of 2023",
        None,
    ),
    cap(
        "us-md-cap",
        b"MD",
        "Maryland",
        VOICE,
        "Maryland Stop the Spam Calls Act of 2023 (from 1 Jan 2024)",
    ),
    hours(
        "us-wa-hours",
        b"WA",
        "Washington",
        every_day(H8_20),
        "Washington HB 1497 (2022)",
        None,
    ),
    hours(
        "us-tx-hours",
        b"TX",
        "Texas",
        [H9_21, H9_21, H9_21, H9_21, H9_21, H9_21, H12_21],
        "Tex. Bus. & Com. Code ch. 301/302",
        Some("texts are covered since 1 Sep 2025 (SB 140)"),
    ),
    hours(
        "us-ct-hours",
        b"CT",
        "Connecticut",
        every_day(H9_20),
        "Conn. Gen. Stat. 42-288a",
        None,
    ),
    hours(
        "us-ky-hours",
        b"KY",
        "Kentucky",
        every_day(H10_21),
        "KRS 367.46955",
        None,
    ),
    hours(
        "us-al-hours",
        b"AL",
        "Alabama",
        no_sunday(H8_20),
        "Ala. Admin. Code 770-X-5-.17",
        None,
    ),
    no_holidays(
        "us-al-holidays",
        b"AL",
        "Alabama",
        "Ala. Admin. Code 770-X-5-.17",
        Some("a Sunday holiday is observed on Monday, a Saturday holiday on Friday"),
    ),
    hours(
        "us-la-hours",
        b"LA",
        "Louisiana",
        no_sunday(H8_20),
        "La. R.S. 45:844.31",
        None,
    ),
    no_holidays(
        "us-la-holidays",
        b"LA",
        "Louisiana",
        "La. R.S. 45:844.31",
        Some("the federal legal holidays; Louisiana's own state holidays are not included"),
    ),
    hours(
        "us-ms-hours",
        b"MS",
        "Mississippi",
        no_sunday(H8_20),
        "Mississippi do-not-call rules",
        None,
    ),
    no_holidays(
        "us-ms-holidays",
        b"MS",
        "Mississippi",
        "Mississippi do-not-call rules",
        Some("reported as restricted on holidays: Concord allows no calls on the federal holidays"),
    ),
    hours(
        "us-ma-hours",
        b"MA",
        "Massachusetts",
        every_day(H8_20),
        "M.G.L. c.159C §3",
        None,
    ),
    hours(
        "us-mi-hours",
        b"MI",
        "Michigan",
        every_day(H9_21),
        "MCL 750.540e",
        None,
    ),
    hours(
        "us-mn-hours",
        b"MN",
        "Minnesota",
        every_day(H9_21),
        "Minn. Stat. 325E.30",
        None,
    ),
    hours(
        "us-nm-hours",
        b"NM",
        "New Mexico",
        every_day(H9_21),
        "New Mexico telephone solicitation law",
        UNCONFIRMED,
    ),
    hours(
        "us-nv-hours",
        b"NV",
        "Nevada",
        every_day(H9_20),
        "Nevada telephone solicitation law",
        UNCONFIRMED,
    ),
    hours(
        "us-il-hours",
        b"IL",
        "Illinois",
        every_day(H9_21),
        "815 ILCS 413/15",
        Some("unverified: sources disagree between 08:00 and 09:00; the later opening is used"),
    ),
    LegalRule {
        key: "us-hours",
        scope: Scope::Country(Country::US),
        law: "US federal law",
        channels: VOICE,
        kind: LegalKind::Hours(every_day(H8_21)),
        source: "47 CFR 64.1200(c)(1); FTC Telemarketing Sales Rule",
        note: Some("the FCC treats texts as calls"),
    },
];

/// The United States pack.
pub const PACK: Pack = Pack {
    id: PackId::Us,
    name: "United States (federal and states)",
    version: "2026.12",
    rules: RULES,
};
