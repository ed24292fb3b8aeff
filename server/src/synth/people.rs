//! Synthetic contacts: names, addresses, zones, stages, consent and attributes in realistic
//! proportions.

use super::rng::Rng;
use app::domain::{Stage, TimeZone};

const FIRST: [&str; 24] = [
    "Ava", "Ben", "Chloe", "Dev", "Elena", "Farid", "Grace", "Hugo", "Ines", "Jamal", "Kira",
    "Liam", "Maya", "Noah", "Olga", "Priya", "Quinn", "Rosa", "Sven", "Tara", "Umar", "Vera",
    "Wen", "Zoe",
];
const LAST: [&str; 20] = [
    "Adams", "Brown", "Chen", "Diaz", "Evans", "Fischer", "Garcia", "Hughes", "Ito", "Jones",
    "Khan", "Lopez", "Martin", "Nguyen", "Okafor", "Patel", "Rossi", "Smith", "Tanaka", "Weber",
];
/// A zone, a city, the rest of its address and a phone prefix.
type Place = (&'static str, &'static str, &'static str, &'static str);

/// Weighted places.
const PLACES: [(u64, Place); 8] = [
    (
        30,
        ("America/New_York", "Boston", "MA 02110\nUSA", "+1 617 555 "),
    ),
    (
        10,
        (
            "America/New_York",
            "New York",
            "NY 10001\nUSA",
            "+1 212 555 ",
        ),
    ),
    (
        18,
        ("America/Chicago", "Chicago", "IL 60601\nUSA", "+1 312 555 "),
    ),
    (
        7,
        ("America/Denver", "Denver", "CO 80202\nUSA", "+1 303 555 "),
    ),
    (
        18,
        (
            "America/Los_Angeles",
            "Los Angeles",
            "CA 90012\nUSA",
            "+1 213 555 ",
        ),
    ),
    (
        7,
        (
            "Europe/London",
            "London",
            "EC1A 1BB\nUnited Kingdom",
            "+44 20 7946 ",
        ),
    ),
    (
        5,
        ("Europe/Paris", "Paris", "75001\nFrance", "+33 1 70 36 "),
    ),
    (5, ("Asia/Tokyo", "Tokyo", "100-0001\nJapan", "+81 3 5555 ")),
];
const STAGES: [(u64, Stage); 5] = [
    (40, Stage::Prospect),
    (25, Stage::Lead),
    (8, Stage::Opportunity),
    (22, Stage::Customer),
    (5, Stage::Former),
];
const SEGMENTS: [&str; 4] = ["retail", "small_business", "enterprise", "education"];

/// One generated contact, with the column values to store.
#[derive(Clone, Debug)]
pub struct Person {
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub address: Option<String>,
    pub zone: TimeZone,
    pub stage: Stage,
    pub attributes: String,
    pub consent: [bool; 4],
    pub do_not_contact: bool,
}

/// The contact numbered `n` (1-based) of the company seeded with `seed`.
pub fn person(rng: &mut Rng, n: u64) -> Person {
    let (first, last) = (*rng.pick(&FIRST), *rng.pick(&LAST));
    let (zone, city, region, phone) = *rng.weighted(&PLACES);
    let stage = *rng.weighted(&STAGES);
    let mut attributes = format!(
        "{{\"segment\":\"{}\",\"city\":\"{city}\"",
        rng.pick(&SEGMENTS)
    );
    if rng.percent(30) {
        attributes.push_str(&format!(",\"child_age\":\"{}\"", rng.below(18)));
    }
    attributes.push('}');
    let street = format!("{} {} St", 1 + rng.below(999), rng.pick(&LAST));
    Person {
        name: format!("{first} {last}"),
        email: rng.percent(95).then(|| {
            format!(
                "{}.{}.{n}@example.com",
                first.to_lowercase(),
                last.to_lowercase()
            )
        }),
        phone: rng
            .percent(85)
            .then(|| format!("{phone}{:04}", rng.below(10_000))),
        address: rng
            .percent(90)
            .then(|| format!("{street}\n{city}, {region}")),
        zone: TimeZone::parse(zone).unwrap_or(TimeZone::UTC),
        stage,
        attributes,
        consent: [
            rng.percent(95),
            rng.percent(30),
            rng.percent(90),
            rng.percent(97),
        ],
        do_not_contact: rng.percent(1),
    }
}
