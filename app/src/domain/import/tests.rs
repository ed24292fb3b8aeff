use super::*;
use crate::domain::vocabulary::Stage;
use rstest::rstest;

fn columns(headers: &[&str]) -> Columns {
    Columns::from_headers(headers.iter().copied()).expect("a valid header")
}

fn parse(headers: &[&str], row: &[&str]) -> Result<ImportedContact, RowError> {
    let defaults = ImportDefaults {
        time_zone: Some(TimeZone::parse("Europe/Paris").unwrap()),
        stage: Stage::Prospect,
    };
    columns(headers).parse_row(&defaults, |i| row[i])
}

#[rstest]
#[case("First Name", Column::FirstName)]
#[case("first_name", Column::FirstName)]
#[case("LAST NAME", Column::LastName)]
#[case("Full Name", Column::Name)]
#[case("name", Column::Name)]
#[case("Email Address", Column::Email)]
#[case(" email ", Column::Email)]
#[case("Phone Number", Column::Phone)]
#[case("Mobile", Column::Mobile)]
#[case("Time Zone", Column::TimeZone)]
#[case("timezone", Column::TimeZone)]
#[case("Lifecycle Stage", Column::Stage)]
#[case("Postal Code", Column::Zip)]
#[case("Record ID", Column::ExternalId)]
#[case("external_id", Column::ExternalId)]
#[case("consent_sms", Column::ConsentSms)]
#[case("Do Not Call", Column::DoNotCall)]
#[case("\u{feff}Name", Column::Name)]
#[case("attr:child_age", Column::Attribute("child_age".into()))]
fn headers_from_crm_exports_are_understood(#[case] header: &str, #[case] column: Column) {
    assert_eq!(Column::from_header(header), Some(column));
}

#[test]
fn unknown_headers_are_ignored_and_listed() {
    let columns = columns(&["Name", "Job Title", "Company"]);
    assert_eq!(columns.ignored, vec!["Job Title", "Company"]);
}

#[test]
fn two_headers_for_one_thing_are_refused() {
    let error = Columns::from_headers(["Name", "Email", "Email Address"]).unwrap_err();
    assert_eq!(
        error,
        HeaderError::Duplicate {
            first: "Email".into(),
            second: "Email Address".into()
        }
    );
}

#[test]
fn a_header_without_a_name_column_is_refused() {
    assert_eq!(
        Columns::from_headers(["Email", "Phone"]).unwrap_err(),
        HeaderError::NoName
    );
}

#[test]
fn a_hubspot_row_becomes_a_contact() {
    let headers = [
        "First Name",
        "Last Name",
        "Email",
        "Phone Number",
        "Street Address",
        "City",
        "State/Region",
        "Postal Code",
        "Country",
        "Time Zone",
        "Lifecycle Stage",
        "Record ID",
        "Email Opt Out",
        "attr:child_age",
    ];
    let row = [
        "Dana",
        "Scully",
        "Dana@Example.COM",
        "+1 (202) 555-0143",
        "1 Main St",
        "Boston",
        "MA",
        "02110",
        "USA",
        "America/New_York",
        "Marketing Qualified Lead",
        "hs-17",
        "yes",
        "15",
    ];
    let contact = parse(&headers, &row).unwrap();
    assert_eq!(contact.name, "Dana Scully");
    assert_eq!(contact.email.unwrap().as_str(), "Dana@example.com");
    assert_eq!(contact.phone.as_deref(), Some("+1 (202) 555-0143"));
    assert_eq!(
        contact.address.as_deref(),
        Some("1 Main St\nBoston, MA 02110\nUSA")
    );
    assert_eq!(contact.time_zone.name(), "America/New_York");
    assert_eq!(contact.stage, Stage::Lead);
    assert_eq!(contact.external_id.as_deref(), Some("hs-17"));
    assert!(!contact.consent.email, "opted out of email");
    assert!(contact.consent.phone && !contact.consent.sms);
    assert_eq!(contact.attributes["child_age"], "15");
}

#[test]
fn concords_own_columns_are_read() {
    let headers = [
        "name",
        "email",
        "timezone",
        "stage",
        "consent_sms",
        "consent_mail",
        "do_not_contact",
    ];
    let row = ["Ann", "", "", "customer", "1", "no", "true"];
    let contact = parse(&headers, &row).unwrap();
    assert_eq!(contact.email, None);
    assert_eq!(contact.time_zone.name(), "Europe/Paris", "the default zone");
    assert_eq!(contact.stage, Stage::Customer);
    assert!(contact.consent.sms && !contact.consent.mail && contact.do_not_contact);
}

#[rstest]
#[case(&["", "a@b.co", "UTC", ""], RowError::MissingName)]
#[case(&["Ann", "a@@b.co", "UTC", ""], RowError::BadEmail { value: "a@@b.co".into(), reason: "more than one @" })]
#[case(&["Ann", "", "Mars/Olympus", ""], RowError::UnknownTimeZone("Mars/Olympus".into()))]
#[case(&["Ann", "", "UTC", "VIP"], RowError::UnknownStage("VIP".into()))]
fn each_bad_row_says_why(#[case] row: &[&str], #[case] error: RowError) {
    assert_eq!(
        parse(&["Name", "Email", "Time Zone", "Stage"], row),
        Err(error)
    );
}

#[test]
fn a_missing_zone_without_a_default_cannot_create_a_contact() {
    let columns = columns(&["Name", "Time Zone"]);
    let defaults = ImportDefaults::default();
    let row = ["Ann", " "];
    let contact = columns.parse_row(&defaults, |i| row[i]).unwrap();
    assert_eq!(contact.creatable(&defaults), Err(RowError::MissingTimeZone));
    let row = ["Ann", "Asia/Tokyo"];
    let contact = columns.parse_row(&defaults, |i| row[i]).unwrap();
    assert_eq!(contact.creatable(&defaults), Ok(()));
}

#[test]
fn a_bad_flag_or_phone_is_an_error() {
    let flag = parse(&["Name", "consent_sms"], &["Ann", "maybe"]).unwrap_err();
    assert_eq!(
        flag.to_string(),
        "bad consent_sms value \"maybe\" (expected yes or no)"
    );
    let phone = parse(&["Name", "Phone"], &["Ann", "call me"]).unwrap_err();
    assert!(matches!(phone, RowError::BadPhone { .. }), "{phone}");
}

#[test]
fn the_mobile_number_is_used_when_there_is_no_phone() {
    let contact = parse(&["Name", "Phone", "Mobile"], &["Ann", "", "555 0100 22"]).unwrap();
    assert_eq!(contact.phone.as_deref(), Some("555 0100 22"));
}

fn stored() -> ImportedContact {
    parse(
        &[
            "Name",
            "Email",
            "Phone",
            "Stage",
            "External ID",
            "City",
            "State",
        ],
        &[
            "Ann Lee",
            "ann@example.com",
            "+1 212 555 0100",
            "customer",
            "r1",
            "New York",
            "NY",
        ],
    )
    .unwrap()
}

#[test]
fn a_row_that_states_the_stored_values_changes_nothing() {
    let again = parse(
        &["Name", "Email", "External ID"],
        &["Ann Lee", "ann@example.com", "r1"],
    );
    assert_eq!(again.unwrap().update(&stored()), None);
}

#[test]
fn empty_cells_and_missing_columns_keep_the_stored_values() {
    let row = parse(&["Name", "Email", "Stage"], &["Ann Lee-Ray", "", ""]).unwrap();
    let updated = row.update(&stored()).expect("the name changed");
    assert_eq!(updated.name, "Ann Lee-Ray");
    assert_eq!(updated.stage, Stage::Customer, "not the default stage");
    assert_eq!(updated.email, stored().email);
    assert_eq!(updated.phone, stored().phone);
    assert_eq!(updated.external_id.as_deref(), Some("r1"));
    assert_eq!(updated.jurisdiction, stored().jurisdiction);
}

#[test]
fn a_file_withdraws_consent_but_never_gives_it_back() {
    let out = parse(&["Name", "Email Opt Out"], &["Ann Lee", "yes"]).unwrap();
    let withdrawn = out.update(&stored()).expect("email consent withdrawn");
    assert!(!withdrawn.consent.email);
    assert!(
        withdrawn.consent.phone,
        "channels the row says nothing of stay"
    );
    let back = parse(
        &["Name", "consent_email", "consent_sms"],
        &["Ann Lee", "yes", "yes"],
    );
    assert_eq!(
        back.unwrap().update(&withdrawn),
        None,
        "no consent is granted"
    );
    let dnc = parse(&["Name", "DNC"], &["Ann Lee", "yes"]).unwrap();
    let marked = dnc.update(&stored()).unwrap();
    assert!(marked.do_not_contact);
    let lifted = parse(&["Name", "DNC"], &["Ann Lee", "no"]).unwrap();
    assert_eq!(lifted.update(&marked), None);
}

#[test]
fn a_new_address_moves_the_contact_unless_its_place_was_set_by_hand() {
    let row = parse(&["Name", "City", "State"], &["Ann Lee", "Austin", "TX"]).unwrap();
    let moved = row.update(&stored()).unwrap();
    assert_eq!(moved.jurisdiction.region.unwrap().to_string(), "US-TX");
    assert_eq!(
        moved.jurisdiction.area_code_region.unwrap().to_string(),
        "US-NY",
        "the area code follows the stored phone"
    );
    let mut by_hand = stored();
    by_hand.jurisdiction.source = Some(crate::domain::compliance::JurisdictionSource::Manual);
    let kept = row.update(&by_hand).unwrap();
    assert_eq!(kept.jurisdiction, by_hand.jurisdiction);
}

#[test]
fn attributes_are_merged_key_by_key() {
    let mut with = stored();
    with.attributes.insert("tier".into(), "gold".into());
    with.attributes.insert("region".into(), "east".into());
    let row = parse(
        &["Name", "attr:tier", "attr:region"],
        &["Ann Lee", "silver", ""],
    )
    .unwrap();
    let updated = row.update(&with).unwrap();
    assert_eq!(
        updated.attributes.get("tier").map(String::as_str),
        Some("silver")
    );
    assert_eq!(
        updated.attributes.get("region").map(String::as_str),
        Some("east")
    );
}
