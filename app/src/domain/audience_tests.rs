use super::*;
use crate::domain::ids::ContactId;
use crate::domain::timezone::TimeZone;
use rstest::rstest;

fn contact(stage: Stage, attributes: &[(&str, &str)]) -> ContactFacts {
    let mut contact = ContactFacts::new(ContactId(1), stage, TimeZone::UTC);
    for (key, value) in attributes {
        contact.attributes.insert((*key).into(), (*value).into());
    }
    contact
}

#[rstest]
#[case("child_age < 3", &[("child_age", "2")], Ok(()))]
#[case("child_age < 3", &[("child_age", "15")], Err("child_age is 15"))]
#[case("child_age < 3", &[], Err("child_age is not set"))]
#[case("child_age < 3", &[("child_age", "10")], Err("child_age is 10"))]
#[case("child_age >= 10", &[("child_age", "10")], Ok(()))]
#[case("city = \"new york\"", &[("city", "New York")], Ok(()))]
#[case("city != Boston", &[("city", "boston")], Err("city is boston"))]
#[case("tier > b", &[("tier", "c")], Ok(()))]
#[case("stage = lead", &[], Err("stage is customer"))]
#[case("stage != prospect", &[], Ok(()))]
fn checks_conditions(
    #[case] text: &str,
    #[case] attributes: &[(&str, &str)],
    #[case] expected: Result<(), &str>,
) {
    let condition = Condition::parse(text).unwrap();
    let contact = contact(Stage::Customer, attributes);
    let actual = condition.check(&contact).map_err(|miss| miss.to_string());
    assert_eq!(actual, expected.map_err(str::to_owned));
}

#[rstest]
#[case(
    "child_age",
    "expected `<field> <op> <value>` with op one of = != < <= > >=, e.g. `child_age < 3`"
)]
#[case("< 3", "the field \"\" must be a name of letters, digits, _ . or -")]
#[case("child_age <", "expected a value after the operator")]
#[case("stage < lead", "stage can only be compared with = or !=")]
#[case(
    "stage = vip",
    "unknown stage \"vip\": expected one of prospect, lead, opportunity, customer, former"
)]
fn refuses_with_a_clear_reason(#[case] text: &str, #[case] reason: &str) {
    let error = Condition::parse(text).unwrap_err();
    assert_eq!(error.reason, reason);
    assert_eq!(error.condition, text);
}

#[test]
fn parses_lists_and_prints_canonically() {
    let audience = Audience::parse("stage = Lead and child_age<3; city = \"New York\"").unwrap();
    let printed: Vec<String> = audience
        .conditions()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(
        printed,
        ["stage = lead", "child_age < 3", "city = \"New York\""]
    );
    let json = serde_json::to_string(&audience).unwrap();
    assert_eq!(
        json,
        r#"["stage = lead","child_age < 3","city = \"New York\""]"#
    );
    assert_eq!(serde_json::from_str::<Audience>(&json).unwrap(), audience);
}

#[test]
fn tells_who_an_audience_is_aimed_at() {
    let prospects = Audience::parse("stage = prospect").unwrap();
    let not_customers = Audience::parse("stage != customer; child_age < 3").unwrap();
    let customers = Audience::parse("stage = customer").unwrap();
    let anyone = Audience::parse("child_age < 3").unwrap();
    assert!(prospects.aims_at(Stage::Prospect));
    assert!(!prospects.aims_at(Stage::Customer));
    assert!(!not_customers.aims_at(Stage::Customer));
    assert!(not_customers.aims_at(Stage::Lead));
    assert!(customers.aims_at(Stage::Customer));
    assert!(!anyone.aims_at(Stage::Customer));
}
