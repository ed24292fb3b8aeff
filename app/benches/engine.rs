//! Campaign-preview throughput of the contact policy engine, in memory: 100 000 recipients with
//! about 10 ledger entries each, every rule on, one core. Prints evaluations per second for
//! the full evaluation (with explanations), the verdict (counts only) and the next-allowed
//! search. Target (issue 3): at least 1 000 000 recipient evaluations per second — and the same
//! with every rule pack on (a sales call to contacts spread over the packs' places).

use app::domain::compliance::packs::all_packs;
use app::domain::compliance::{Country, Jurisdiction, Region};
use app::domain::ids::{CampaignId, ContactId, InteractionId, TeamId, TouchId, UserId};
use app::domain::{
    Audience, Channel, Claim, ContactFacts, Evaluator, Interaction, InteractionKind, Ledger, Names,
    ProposedTouch, Purpose, Rules, Stage, TimeZone, Touch, TouchStatus,
};
use chrono::{DateTime, TimeDelta, Utc};
use std::hint::black_box;
use std::time::Instant;

const RECIPIENTS: usize = 100_000;
const TOUCHES_EACH: usize = 9;
const INTERACTIONS_EACH: usize = 1;
/// Passes over every recipient per timed round. The kernel reports a thread's CPU time in
/// scheduler ticks (4 ms here), so one 0.1 s pass could read 4 % off; ten make that 0.4 %.
const PASSES: usize = 10;

/// A small deterministic generator (xorshift), so every run measures the same data.
struct Dice(u64);

impl Dice {
    fn next(&mut self, below: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % below
    }
}

struct Population {
    contacts: Vec<ContactFacts>,
    touches: Vec<Touch>,
    interactions: Vec<Interaction>,
}

fn population(send_at: DateTime<Utc>) -> Population {
    let zones: Vec<TimeZone> = ["America/New_York", "Europe/Berlin", "Asia/Kolkata", "UTC"]
        .iter()
        .map(|name| TimeZone::parse(name).expect("known zone"))
        .collect();
    let mut dice = Dice(0x9e37_79b9_7f4a_7c15);
    let mut contacts = Vec::with_capacity(RECIPIENTS);
    let mut touches = Vec::with_capacity(RECIPIENTS * TOUCHES_EACH);
    let mut interactions = Vec::with_capacity(RECIPIENTS * INTERACTIONS_EACH);
    for n in 0..RECIPIENTS {
        let stage = Stage::ALL[dice.next(5) as usize];
        let zone = zones[dice.next(4) as usize];
        let mut contact = ContactFacts::new(ContactId(n as i64), stage, zone);
        contact.consent.sms = dice.next(2) == 0;
        contact.consent.email = dice.next(20) != 0;
        let age = dice.next(18).to_string();
        contact.attributes.insert("child_age".into(), age);
        if dice.next(4) == 0 {
            contact.claim = Some(Claim {
                owner: UserId(10),
                since: send_at - TimeDelta::days(3),
                expires_at: send_at + TimeDelta::days(11),
            });
        }
        for k in 0..TOUCHES_EACH {
            let team = TeamId(1 + dice.next(4) as i64);
            let minutes = dice.next(20 * 1440) as i64 - 10 * 1440;
            touches.push(Touch {
                id: TouchId((n * TOUCHES_EACH + k) as i64),
                channel: Channel::ALL[dice.next(4) as usize],
                purpose: Purpose::ALL[dice.next(6) as usize],
                team,
                author: UserId(10 + team.0),
                campaign: None,
                scheduled_at: send_at + TimeDelta::minutes(minutes),
                status: TouchStatus::ALL[dice.next(7) as usize],
                automated: false,
                personalized: true,
            });
        }
        for k in 0..INTERACTIONS_EACH {
            let minutes = dice.next(10 * 1440) as i64;
            interactions.push(Interaction {
                id: InteractionId((n * INTERACTIONS_EACH + k) as i64),
                kind: InteractionKind::ALL[dice.next(7) as usize],
                channel: Channel::Email,
                at: send_at - TimeDelta::minutes(minutes),
            });
        }
        contacts.push(contact);
    }
    Population {
        contacts,
        touches,
        interactions,
    }
}

/// The same population moved to places the packs know, each in its own zone (and some with an
/// area code elsewhere), in turn.
fn in_the_packs_places(people: &Population) -> Population {
    // Zones, each with a place the packs know (and an area code elsewhere for some).
    let places: Vec<(TimeZone, Jurisdiction)> = [
        ("America/New_York", Some("US-FL"), None),
        ("America/Chicago", Some("US-TX"), Some("US-OK")),
        ("America/Los_Angeles", Some("US-CA"), Some("US-FL")),
        ("America/Toronto", Some("CA-ON"), None),
        ("Europe/Paris", None, None),
        ("Europe/London", None, None),
        ("Asia/Kolkata", None, None),
        ("America/Chicago", Some("US-AL"), None),
    ]
    .iter()
    .map(|(zone, region, area)| {
        let zone = TimeZone::parse(zone).expect("known zone");
        let region = region.map(|r| Region::parse(r).expect("region"));
        let country = match zone.name() {
            "Europe/Paris" => Some(Country::FR),
            "Europe/London" => Some(Country::GB),
            _ => None,
        };
        let mut place = Jurisdiction::by_hand(country, region, None).expect("place");
        place.area_code_region = area.map(|r| Region::parse(r).expect("region"));
        (zone, place)
    })
    .collect();
    let contacts = people
        .contacts
        .iter()
        .enumerate()
        .map(|(n, contact)| {
            let (zone, place) = places[n % places.len()];
            let mut moved = contact.clone();
            moved.time_zone = zone;
            moved.jurisdiction = place;
            moved
        })
        .collect();
    Population {
        contacts,
        touches: people.touches.clone(),
        interactions: people.interactions.clone(),
    }
}

fn ledger<'a>(people: &'a Population, n: usize, names: &'a Names) -> Ledger<'a> {
    let touches = &people.touches[n * TOUCHES_EACH..(n + 1) * TOUCHES_EACH];
    let interactions = &people.interactions[n * INTERACTIONS_EACH..(n + 1) * INTERACTIONS_EACH];
    Ledger::new(touches, interactions).with_names(names)
}

/// A stopwatch for wall time and, on Linux, this thread's own CPU time (from
/// `/proc/thread-self/schedstat`), so a busy machine does not understate one core's rate.
struct Clock {
    wall: Instant,
    cpu_ns: Option<u64>,
}

/// This thread's CPU time so far (ns), when the kernel reports it.
fn cpu_ns() -> Option<u64> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    text.split_whitespace().next()?.parse().ok()
}

impl Clock {
    fn start() -> Clock {
        Clock {
            wall: Instant::now(),
            cpu_ns: cpu_ns(),
        }
    }
}

/// Prints one timing and returns its rate on one core (evaluations per CPU second when the
/// CPU time is known, else per wall second).
fn report(what: &str, clock: Clock, extra: &str) -> f64 {
    let wall = clock.wall.elapsed().as_secs_f64();
    let cpu = clock
        .cpu_ns
        .zip(cpu_ns())
        .map(|(start, end)| end.saturating_sub(start) as f64 / 1e9)
        .filter(|seconds| *seconds > 0.0);
    let seconds = cpu.unwrap_or(wall);
    let rate = (RECIPIENTS * PASSES) as f64 / seconds;
    println!(
        "{what:<12} {RECIPIENTS} recipients x {PASSES}: {wall:.3} s wall, {seconds:.3} s on CPU = \
         {rate:>10.0} evaluations/s{extra}"
    );
    rate
}

/// Evaluates the campaign against every recipient in five rounds of [`PASSES`] passes each (the
/// median round is the figure), then one round for the verdict and one for the next-allowed
/// search.
fn measure(
    title: &str,
    people: &Population,
    names: &Names,
    rules: &Rules,
    campaign: &ProposedTouch,
) {
    println!("{title}");
    let send_at = campaign.scheduled_at;
    let proposed = std::slice::from_ref(campaign);
    let mut evaluator = Evaluator::new(rules);
    let mut rates = Vec::new();
    for round in 0..5 {
        let started = Clock::start();
        let mut conflicts = 0usize;
        for _ in 0..PASSES {
            for (n, contact) in people.contacts.iter().enumerate() {
                let found = evaluator.evaluate(contact, ledger(people, n, names), proposed);
                conflicts += black_box(found).len();
            }
        }
        let per = conflicts as f64 / (RECIPIENTS * PASSES) as f64;
        let extra = format!(" ({per:.2} conflicts each)");
        rates.push(report(&format!("evaluate #{round}"), started, &extra));
    }
    rates.sort_by(f64::total_cmp);
    println!(
        "evaluate median: {:.0} evaluations/s (one core)",
        rates[rates.len() / 2]
    );

    let started = Clock::start();
    let mut blocked = 0usize;
    for _ in 0..PASSES {
        blocked = 0;
        for (n, contact) in people.contacts.iter().enumerate() {
            let verdict = evaluator.verdict(contact, ledger(people, n, names), proposed);
            blocked += usize::from(!black_box(verdict).blocks.is_empty());
        }
    }
    report("verdict", started, &format!(" ({blocked} blocked)"));

    let started = Clock::start();
    let horizon = TimeDelta::days(14);
    let mut shifted = 0usize;
    for _ in 0..PASSES {
        shifted = 0;
        for (n, contact) in people.contacts.iter().enumerate() {
            let ledger = ledger(people, n, names);
            let next = evaluator.next_allowed(contact, ledger, proposed, 0, send_at, horizon);
            shifted += usize::from(black_box(next).is_some_and(|at| at > send_at));
        }
    }
    report("next_allowed", started, &format!(" ({shifted} shifted)"));
}

fn main() {
    let send_at: DateTime<Utc> = "2025-03-11T14:00:00Z".parse().expect("instant");
    let people = population(send_at);
    let names = Names::new()
        .with_team(TeamId(1), "Corporate marketing")
        .with_team(TeamId(2), "Boston store marketing")
        .with_team(TeamId(3), "Inside sales")
        .with_team(TeamId(4), "Service");
    let mut campaign = ProposedTouch::new(
        Channel::Email,
        Purpose::Promotional,
        TeamId(1),
        UserId(11),
        send_at,
    );
    campaign.campaign = Some(CampaignId(1));
    campaign.audience = Some(Audience::parse("child_age < 12").expect("audience"));
    // `ENGINE_BENCH=packs` runs only the every-pack half (for profiling it alone).
    let only_packs = std::env::var("ENGINE_BENCH").is_ok_and(|v| v == "packs");
    if !only_packs {
        measure(
            "email campaign, the company's rules (no pack)",
            &people,
            &names,
            &Rules::default(),
            &campaign,
        );
        println!();
    }

    // Every pack on: a sales call at 14:00 UTC on a Tuesday reaches contacts from Texas to Paris.
    let rules = Rules {
        rule_packs: all_packs(),
        ..Rules::default()
    };
    let mut call = campaign.clone();
    call.channel = Channel::Phone;
    call.purpose = Purpose::SalesFollowup;
    let placed = in_the_packs_places(&people);
    measure(
        "sales call, every rule pack on",
        &placed,
        &names,
        &rules,
        &call,
    );
}
