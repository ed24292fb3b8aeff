//! Each documented pattern accepts exactly what its parser accepts: every text up to a few
//! characters long over an alphabet of the characters that matter (blanks that `trim` removes
//! and one it keeps, a control character, the punctuation the parsers look at), plus longer
//! cases at the length limits.

use super::patterns::{or_blank, COUNTRY, EMAIL, PHONE, REGION, TOPIC};
use super::*;
use crate::domain::compliance::suppression::ListMeta;
use crate::domain::compliance::{Blackout, Blackouts, Country, Region};
use crate::domain::consent::{ConsentChange, Evidence, Method, Topic, TopicState};
use crate::domain::new_contact::{parse_email, parse_jurisdiction, parse_phone};
use crate::domain::new_touch::tests::planner;
use crate::domain::senders::{SecretFields, SourceKind};
use crate::domain::{label::parse_label, EmailAddress, PhoneNumber};
use crate::domain::{NewTouch, TouchInput};
use crate::store::senders::NewSecret;
use regex::Regex;

/// Blanks `trim` removes (ASCII, U+0085, U+00A0, U+2028), one it keeps (U+FEFF), a control.
const BLANKS: [char; 6] = [' ', '\t', '\u{85}', '\u{a0}', '\u{2028}', '\u{feff}'];

/// Every text of up to `len` characters over `alphabet`.
fn texts(alphabet: &[char], len: usize) -> Vec<String> {
    let mut all = vec![String::new()];
    let mut last = vec![String::new()];
    for _ in 0..len {
        last = last
            .iter()
            .flat_map(|text| {
                alphabet.iter().map(move |c| {
                    let mut longer = text.clone();
                    longer.push(*c);
                    longer
                })
            })
            .collect();
        all.extend(last.iter().cloned());
    }
    all
}

/// `alphabet` with the blanks and a control character.
fn with_blanks(alphabet: &[char]) -> Vec<char> {
    let mut all = alphabet.to_vec();
    all.extend(BLANKS);
    all.push('\u{1}');
    all
}

/// Asserts that `pattern` matches exactly the texts `accepts` takes.
fn agree(pattern: &str, texts: impl IntoIterator<Item = String>, accepts: impl Fn(&str) -> bool) {
    let regex = Regex::new(pattern).expect("the pattern compiles");
    for text in texts {
        assert_eq!(
            regex.is_match(&text),
            accepts(&text),
            "{text:?} against {pattern}"
        );
    }
}

/// The texts at and around a length limit: `n` characters of `fill` between blanks.
fn around(fill: &str, limit: usize) -> Vec<String> {
    (limit - 1..=limit + 1)
        .flat_map(|n| {
            let core = fill.repeat(n);
            [core.clone(), format!(" {core}\t"), format!("\u{a0}{core}")]
        })
        .collect()
}

#[test]
fn non_blank_text_is_text_with_something_trim_keeps() {
    agree(&non_blank_pattern(), texts(&with_blanks(&['a']), 3), |t| {
        !t.trim().is_empty()
    });
}

#[test]
fn a_label_is_what_parse_label_takes() {
    let mut cases = texts(&with_blanks(&['a', '\u{7f}']), 3);
    cases.extend(around("x", 100));
    cases.extend(around("é", 100));
    agree(&label_pattern(), cases, |t| parse_label("label", t).is_ok());
}

#[test]
fn a_label_is_what_a_blackout_day_and_a_suppression_list_take_as_a_name() {
    let mut cases = texts(&with_blanks(&['a', '\u{7f}']), 3);
    cases.extend(around("x", 100));
    cases.extend(around("a\tb", 33));
    let today = "2026-12-24".parse().unwrap();
    agree(&label_pattern(), cases.clone(), |name| {
        let day = Blackout {
            date: today,
            name: name.to_owned(),
            channels: Default::default(),
            teams: Default::default(),
        };
        Blackouts::default().add(day).is_ok()
    });
    agree(&label_pattern(), cases, |name| {
        ListMeta::parse(name, "registry", "phone", "2026-12-01", today).is_ok()
    });
}

#[test]
fn a_wording_is_what_consent_evidence_takes() {
    let mut cases = texts(&with_blanks(&['a']), 3);
    cases.extend(around("x", 500));
    agree(&wording_pattern(), cases, |wording| {
        let evidence = Evidence {
            wording: Some(wording.to_owned()),
            ..Evidence::default()
        };
        let topic = Topic::parse("news").unwrap();
        ConsentChange::new(
            topic,
            TopicState::OptedIn,
            Method::Api,
            &evidence,
            TopicState::NotSet,
        )
        .is_ok()
    });
}

#[test]
fn an_email_address_is_what_email_address_parse_takes() {
    let alphabet = ['a', '@', '.', '-', ' ', '\u{85}', '\u{1}', 'é'];
    let mut cases = texts(&alphabet, 6);
    let local = |n| format!("{}@example.com", "a".repeat(n));
    cases.extend([local(64), local(65), format!(" {} ", local(64))]);
    agree(&email_pattern(), cases.clone(), |t| {
        EmailAddress::parse(t).is_ok()
    });
    agree(&or_blank(EMAIL), cases, |t| parse_email(Some(t)).is_ok());
}

#[test]
fn a_phone_number_is_what_phone_number_parse_takes() {
    let alphabet = ['1', '+', ' ', '(', '-', '\t', '\u{a0}', 'x'];
    let mut cases = texts(&alphabet, 6);
    cases.extend(around("1", 5));
    cases.extend(around("1", 20));
    cases.extend(around("1 ", 20));
    cases.extend(["+1 (617) 555-0100".into(), "+ 1.617.555.0100\n".into()]);
    agree(&phone_pattern(), cases.clone(), |t| {
        PhoneNumber::parse(t).is_ok()
    });
    agree(&or_blank(PHONE), cases, |t| parse_phone(Some(t)).is_ok());
}

#[test]
fn country_and_region_codes_are_what_their_parsers_take() {
    let cases = texts(&with_blanks(&['u', 'S', '1', '-']), 5);
    agree(&country_pattern(), cases.clone(), |t| {
        Country::parse(t).is_ok()
    });
    agree(&region_pattern(), cases.clone(), |t| {
        Region::parse(t).is_ok()
    });
    agree(&or_blank(COUNTRY), cases.clone(), |t| {
        parse_jurisdiction(Some(t), None, None, None).is_ok()
    });
    agree(&or_blank(REGION), cases, |t| {
        parse_jurisdiction(None, Some(t), None, None).is_ok()
    });
}

#[test]
fn a_topic_is_what_topic_parse_takes() {
    let mut cases = texts(&with_blanks(&['n', 'N', '1', '_', '-']), 3);
    cases.extend(around("n", 40));
    agree(&topic_pattern(), cases, |t| Topic::parse(t).is_ok());
}

/// Whether a source of `kind` takes `fields` as its secret, as connecting one checks it (but
/// for SES's topic ARN, checked apart).
fn takes(kind: SourceKind, fields: SecretFields<'_>) -> bool {
    fields
        .text_for(kind)
        .is_ok_and(|text| NewSecret::new(kind, &text).is_ok())
}

#[test]
fn a_secret_is_what_a_source_takes() {
    let cases = texts(&with_blanks(&['k', ':']), 4);
    agree(&secret_pattern(), cases.clone(), |t| {
        let fields = SecretFields {
            token: Some(t),
            ..SecretFields::default()
        };
        takes(SourceKind::Aircall, fields)
    });
    agree(&secret_pair_pattern(), cases.clone(), |t| {
        let fields = SecretFields {
            secret: Some(t),
            ..SecretFields::default()
        };
        takes(SourceKind::Postmark, fields)
    });
    agree(&postmark_user_pattern(), cases.clone(), |user| {
        let fields = SecretFields {
            username: Some(user),
            password: Some("pw"),
            ..SecretFields::default()
        };
        takes(SourceKind::Postmark, fields)
    });
    agree(&postmark_password_pattern(), cases, |password| {
        let fields = SecretFields {
            username: Some("hook"),
            password: Some(password),
            ..SecretFields::default()
        };
        takes(SourceKind::Postmark, fields)
    });
}

#[test]
fn a_topic_arn_has_six_parts_of_which_none_is_empty() {
    let regex = Regex::new(&topic_arn_pattern()).unwrap();
    for good in [
        "arn:aws:sns:us-east-1:123456789012:ses-events",
        " arn:aws-cn:sns:cn-north-1:1:t\n",
        "arn:aws:sns: : :x",
    ] {
        assert!(regex.is_match(good), "{good:?}");
    }
    for bad in [
        "arn:aws:sns:us-east-1:123456789012:",
        "arn:aws:sns:us-east-1:123456789012: ",
        "arn:aws:sqs:us-east-1:1:t",
        "arn:gcp:sns:us-east-1:1:t",
        "arn:aws:sns:us-east-1::t",
        "arn:aws:sns:us-east-1:1:t:x",
        "arn:aws:sns:us\t-east-1:1:t",
    ] {
        assert!(!regex.is_match(bad), "{bad:?}");
    }
}

#[test]
fn a_topic_or_blank_is_what_a_touch_takes() {
    let mut cases = texts(&with_blanks(&['n', 'N', '1', '_']), 3);
    cases.extend(around("n", 40));
    agree(&or_blank(TOPIC), cases, |topic| {
        let input = TouchInput {
            contact_id: 7,
            channel: "email".into(),
            purpose: "newsletter".into(),
            scheduled_at: "2026-11-23T09:00:00Z".into(),
            title: "News".into(),
            topic: Some(topic.to_owned()),
            ..TouchInput::default()
        };
        NewTouch::parse(&input, &planner()).is_ok()
    });
}
