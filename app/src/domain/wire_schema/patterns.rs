//! The patterns: regular expressions that accept exactly what the domain's parsers accept.
//!
//! They use only what ECMA-262, Python's `re` and Rust's `regex` read alike: classes written
//! out (`\s` differs between them: ECMA-262 counts U+FEFF, Python U+001C–U+001F, Rust's `trim`
//! neither), `\uXXXX` escapes, anchors and counted repeats.

/// What `str::trim` removes (`char::is_whitespace`), as the inside of a character class.
const BLANKS: &str = r"\t-\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000";

/// The control characters (`char::is_control`), as the inside of a character class.
const CONTROLS: &str = r"\u0000-\u001f\u007f-\u009f";

/// `template` with `{B}` standing for [`BLANKS`] and `{C}` for [`CONTROLS`].
fn fill(template: &str) -> String {
    template.replace("{B}", BLANKS).replace("{C}", CONTROLS)
}

/// `core`, or nothing, between optional blanks: a field where blank text means "none".
pub(super) fn or_blank(core: &str) -> String {
    fill(&format!("^[{{B}}]*(?:{core})?[{{B}}]*$"))
}

/// Text with a character that is not a blank (a name, a title, a reason).
pub fn non_blank_pattern() -> String {
    fill("[^{B}]")
}

/// A label or short name ([`crate::domain::label::check_label`]: a token's, a team's, a
/// blackout day's, a suppression list's, a topic's): 1 to 100 characters once trimmed, none a
/// control character.
pub fn label_pattern() -> String {
    fill("^[{B}]*[^{B}{C}](?:[^{C}]{0,98}[^{B}{C}])?[{B}]*$")
}

/// Consent evidence's wording: at most 500 characters once trimmed (blank is none).
pub fn wording_pattern() -> String {
    fill(r"^[{B}]*(?:[^{B}](?:[\s\S]{0,498}[^{B}])?)?[{B}]*$")
}

/// A source's secret (`NewSecret::new` in the store): not blank, and no control character
/// once trimmed.
pub fn secret_pattern() -> String {
    fill("^[{B}]*[^{B}{C}](?:[^{C}]*[^{B}{C}])?[{B}]*$")
}

/// A secret that is Postmark's basic-auth pair, `user:password`.
pub fn secret_pair_pattern() -> String {
    fill("^[{B}]*[^{C}]*:[^{C}]*[{B}]*$")
}

/// Postmark's basic-auth user: no colon, and no control character once trimmed.
pub fn postmark_user_pattern() -> String {
    fill("^[{B}]*(?:[^:{B}{C}](?:[^:{C}]*[^:{B}{C}])?)?[{B}]*$")
}

/// Postmark's basic-auth password: no control character but in its trailing blanks.
pub fn postmark_password_pattern() -> String {
    fill("^[^{C}]*[{B}]*$")
}

/// The SNS topic SES publishes to: `arn:aws…:sns:region:account:name`, every part there.
pub fn topic_arn_pattern() -> String {
    fill("^[{B}]*arn:aws[^:{C}]*:sns:[^:{C}]+:[^:{C}]+:[^:{C}]*[^:{B}{C}][{B}]*$")
}

/// The part of an email address between its surrounding blanks
/// ([`crate::domain::EmailAddress::parse`]): 1 to 64 characters before the `@` (the parser
/// counts 64 bytes, which a pattern cannot), then dotted labels that are not empty and neither
/// start nor end with `-`.
pub(super) const EMAIL: &str = concat!(
    r"[^@{B}{C}]{1,64}",
    r"@[^@.\-{B}{C}](?:[^@.{B}{C}]*[^@.\-{B}{C}])?",
    r"(?:\.[^@.\-{B}{C}](?:[^@.{B}{C}]*[^@.\-{B}{C}])?)+",
);

/// The part of a phone number between its surrounding blanks
/// ([`crate::domain::PhoneNumber::parse`]).
pub(super) const PHONE: &str = r"\+?[ .()\-]*(?:[0-9][ .()\-]*){5,20}";

/// A country code ([`crate::domain::compliance::Country::parse`]).
pub(super) const COUNTRY: &str = "[A-Za-z]{2}";

/// A region code ([`crate::domain::compliance::Region::parse`]): the country part is trimmed
/// again.
pub(super) const REGION: &str = "[A-Za-z]{2}[{B}]*-[A-Za-z0-9]{1,3}";

/// A consent topic id ([`crate::domain::consent::Topic::parse`]), read in any case.
pub(super) const TOPIC: &str = "[A-Za-z][A-Za-z0-9_]{0,39}";

/// An email address as [`crate::domain::EmailAddress::parse`] reads it.
pub fn email_pattern() -> String {
    fill(&format!("^[{{B}}]*{EMAIL}[{{B}}]*$"))
}

/// A phone number as [`crate::domain::PhoneNumber::parse`] reads it.
pub fn phone_pattern() -> String {
    fill(&format!("^[{{B}}]*{PHONE}[{{B}}]*$"))
}

/// A country code as [`crate::domain::compliance::Country::parse`] reads it.
pub fn country_pattern() -> String {
    fill(&format!("^[{{B}}]*{COUNTRY}[{{B}}]*$"))
}

/// A region code as [`crate::domain::compliance::Region::parse`] reads it.
pub fn region_pattern() -> String {
    fill(&format!("^[{{B}}]*{REGION}[{{B}}]*$"))
}

/// A consent topic id as [`crate::domain::consent::Topic::parse`] reads it.
pub fn topic_pattern() -> String {
    fill(&format!("^[{{B}}]*{TOPIC}[{{B}}]*$"))
}
