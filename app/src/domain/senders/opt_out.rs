//! The keywords a text message may consist of: the union of Twilio's defaults and the FCC's
//! list revokes consent; a few words re-subscribe; HELP and INFO change nothing.

/// What a whole inbound message says, when it is a keyword.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Keyword {
    /// Revoke consent (STOP and its synonyms).
    Stop,
    /// Subscribe again (START, UNSTOP, YES).
    Start,
    /// Ask for help (HELP, INFO).
    Help,
}

const STOP: &[&str] = &[
    "STOP",
    "STOPALL",
    "UNSUBSCRIBE",
    "CANCEL",
    "END",
    "QUIT",
    "REVOKE",
    "OPTOUT",
    "OPT OUT",
];
const START: &[&str] = &["START", "UNSTOP", "YES"];
const HELP: &[&str] = &["HELP", "INFO"];

/// The keyword a message consists of (case-insensitive, the whole message, surrounding blanks
/// and a final full stop or exclamation mark ignored, inner blanks collapsed); `None` for any
/// other text.
pub fn keyword(body: &str) -> Option<Keyword> {
    let trimmed = body.trim().trim_end_matches(['.', '!']).trim();
    let word = trimmed
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_ascii_uppercase();
    let is = |list: &[&str]| list.contains(&word.as_str());
    if is(STOP) {
        Some(Keyword::Stop)
    } else if is(START) {
        Some(Keyword::Start)
    } else if is(HELP) {
        Some(Keyword::Help)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_word_in_any_case_is_a_keyword_and_sentences_are_not() {
        for word in [
            "stop",
            "Stop",
            " STOPALL ",
            "unsubscribe",
            "Cancel",
            "end",
            "quit",
            "revoke",
            "optout",
            "opt out",
            "Opt  Out",
            "STOP.",
        ] {
            assert_eq!(keyword(word), Some(Keyword::Stop), "{word}");
        }
        for word in ["start", "UNSTOP", "yes"] {
            assert_eq!(keyword(word), Some(Keyword::Start), "{word}");
        }
        for word in ["help", "Info"] {
            assert_eq!(keyword(word), Some(Keyword::Help), "{word}");
        }
        for text in [
            "please stop calling",
            "stopped",
            "yes please",
            "",
            "STOP IT",
        ] {
            assert_eq!(keyword(text), None, "{text}");
        }
    }
}
