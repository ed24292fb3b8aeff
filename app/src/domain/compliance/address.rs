//! A postal address read for its country and region: the last parts of the address name the
//! country (`USA`, `Canada`, `France`, `United Kingdom`) and, in North America, the state or
//! province beside its postal code (`Miami, FL 33101`, `Montréal QC H2X 1Y4`). Anything else is
//! not guessed: a contact whose address says nothing clear gets its place from its phone.

use super::names::region_named;
use super::place::{Country, Region};

/// The country an address names in one of its parts, if any.
fn country_named(part: &str) -> Option<Country> {
    let plain: String = part
        .chars()
        .filter(|c| !matches!(c, '.' | ' '))
        .collect::<String>()
        .to_ascii_uppercase();
    match plain.as_str() {
        "US" | "USA" | "UNITEDSTATES" | "UNITEDSTATESOFAMERICA" => Some(Country::US),
        "CANADA" => Some(Country::CA),
        "FRANCE" => Some(Country::FR),
        "UK" | "GB" | "UNITEDKINGDOM" | "GREATBRITAIN" | "ENGLAND" | "SCOTLAND" | "WALES"
        | "NORTHERNIRELAND" => Some(Country::GB),
        _ => None,
    }
}

fn is_zip(word: &str) -> bool {
    let (five, plus4) = word.split_once('-').unwrap_or((word, "0000"));
    five.len() == 5
        && plus4.len() == 4
        && five
            .bytes()
            .chain(plus4.bytes())
            .all(|b| b.is_ascii_digit())
}

/// `A1A 1A1` (given as one or two words).
fn is_canadian_postal(code: &str) -> bool {
    let b: Vec<u8> = code.bytes().filter(|b| *b != b' ').collect();
    b.len() == 6
        && b.iter().enumerate().all(|(k, c)| {
            if k % 2 == 0 {
                c.is_ascii_alphabetic()
            } else {
                c.is_ascii_digit()
            }
        })
}

/// A UK postcode such as `SW1A 1AA` or `M1 1AE` ending the part.
fn ends_with_uk_postcode(words: &[&str]) -> bool {
    let [.., outward, inward] = words else {
        return false;
    };
    let i = inward.as_bytes();
    let o = outward.as_bytes();
    let inward_ok = i.len() == 3
        && i[0].is_ascii_digit()
        && i[1].is_ascii_alphabetic()
        && i[2].is_ascii_alphabetic();
    let outward_ok = (2..=4).contains(&o.len())
        && o[0].is_ascii_alphabetic()
        && o.iter().all(u8::is_ascii_alphanumeric)
        && o.iter().any(u8::is_ascii_digit);
    inward_ok && outward_ok
}

/// The state or province named before a postal code in this part of the address.
fn region_before_code(words: &[&str]) -> Option<Region> {
    match words {
        [head @ .., zip] if is_zip(zip) && !head.is_empty() => tail_region(Country::US, head),
        [head @ .., a, b] if is_canadian_postal(&format!("{a}{b}")) && !head.is_empty() => {
            tail_region(Country::CA, head)
        }
        [head @ .., code] if is_canadian_postal(code) && !head.is_empty() => {
            tail_region(Country::CA, head)
        }
        _ => None,
    }
}

/// The longest run of words at the end of `head` that names a region (`New Mexico`, `NM`).
fn tail_region(country: Country, head: &[&str]) -> Option<Region> {
    (1..=head.len().min(4))
        .rev()
        .find_map(|n| region_named(country, &head[head.len() - n..].join(" ")))
}

/// The country and region named by an import's separate country and state columns: ISO codes
/// (`US`, `US-FL`), names (`United States`, `Florida`) or a state's code (`FL`, `ON`), a state
/// without a country being read as a US state, else a Canadian province.
pub fn place_of_columns(country: &str, state: &str) -> Option<(Country, Option<Region>)> {
    let (country, state) = (country.trim(), state.trim());
    if let Ok(region) = Region::parse(state) {
        return Some((region.country(), Some(region)));
    }
    let named = country_named(country).or_else(|| Country::parse(country).ok());
    let region = match named {
        Some(c) => region_named(c, state),
        None if country.is_empty() => {
            region_named(Country::US, state).or_else(|| region_named(Country::CA, state))
        }
        None => None,
    };
    match (named, region) {
        (_, Some(region)) => Some((region.country(), Some(region))),
        (Some(country), None) => Some((country, None)),
        (None, None) => None,
    }
}

/// The country and, when the address says so clearly, the region of a postal address.
pub fn place_of_address(address: &str) -> Option<(Country, Option<Region>)> {
    let parts: Vec<&str> = address
        .split(['\n', ','])
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .collect();
    let named = parts.last().and_then(|part| country_named(part));
    for part in parts.iter().rev() {
        let words: Vec<&str> = part.split_whitespace().collect();
        if let Some(region) = region_before_code(&words) {
            if named.is_none_or(|country| country == region.country()) {
                return Some((region.country(), Some(region)));
            }
        }
        if named.is_none_or(|country| country == Country::US) {
            // A state written out in full on its own ("Miami, Florida"); a bare two-letter
            // code is not enough (CA is California and Canada).
            if let Some(region) = region_named(Country::US, part).filter(|_| part.len() > 2) {
                return Some((Country::US, Some(region)));
            }
        }
        if named.is_none() && ends_with_uk_postcode(&words) {
            return Some((Country::GB, None));
        }
    }
    named.map(|country| (country, None))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(address: &str) -> Option<String> {
        place_of_address(address)
            .map(|(country, region)| region.map_or_else(|| country.to_string(), |r| r.to_string()))
    }

    #[test]
    fn north_american_addresses_name_their_state_or_province() {
        assert_eq!(
            place("1 Ocean Dr\nMiami, FL 33139").as_deref(),
            Some("US-FL")
        );
        assert_eq!(
            place("1 Ocean Dr, Miami, FL 33139-1234, USA").as_deref(),
            Some("US-FL")
        );
        assert_eq!(
            place("5 Main St\nSanta Fe, New Mexico 87501").as_deref(),
            Some("US-NM")
        );
        assert_eq!(place("12 Elm St\nAustin, Texas").as_deref(), Some("US-TX"));
        assert_eq!(
            place("100 Rue Sherbrooke\nMontréal QC H2X 1Y4\nCanada").as_deref(),
            Some("CA-QC")
        );
        assert_eq!(
            place("1 Bay St, Toronto, ON M5J2N8").as_deref(),
            Some("CA-ON")
        );
    }

    #[test]
    fn european_addresses_name_their_country() {
        assert_eq!(
            place("8 rue de Rivoli\n75004 Paris\nFrance").as_deref(),
            Some("FR")
        );
        assert_eq!(
            place("10 Downing St\nLondon SW1A 2AA").as_deref(),
            Some("GB")
        );
        assert_eq!(
            place("1 High St, Leeds, United Kingdom").as_deref(),
            Some("GB")
        );
    }

    #[test]
    fn import_columns_name_the_place() {
        let place =
            |c, s| place_of_columns(c, s).map(|(c, r)| r.map_or(c.to_string(), |r| r.to_string()));
        assert_eq!(place("United States", "FL").as_deref(), Some("US-FL"));
        assert_eq!(place("", "Florida").as_deref(), Some("US-FL"));
        assert_eq!(place("", "ON").as_deref(), Some("CA-ON"));
        assert_eq!(place("Canada", "Quebec").as_deref(), Some("CA-QC"));
        assert_eq!(place("", "US-TX").as_deref(), Some("US-TX"));
        assert_eq!(place("FR", "").as_deref(), Some("FR"));
        assert_eq!(place("Germany", "Bavaria"), None);
        assert_eq!(place("", ""), None);
    }

    #[test]
    fn an_unclear_address_is_not_guessed() {
        assert_eq!(place("12 Somewhere Lane"), None);
        assert_eq!(place("Boston, MA"), None);
        assert_eq!(place("PO Box 4, CA"), None);
        // A ZIP code under a country that is not the US says nothing about a state.
        assert_eq!(
            place("8 rue de Rivoli\nFL 75004 Paris\nFrance").as_deref(),
            Some("FR")
        );
    }
}
