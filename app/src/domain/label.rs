//! A short label or name a person gives a token, a feed, a team, a blackout day, a suppression
//! list or a consent topic ("email service", "Crisis freeze").

use super::field_error::FieldError;

/// The most characters a label has once trimmed.
pub const LONGEST: usize = 100;

/// What is wrong with a label.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LabelFault {
    /// Nothing but blanks.
    Blank,
    /// More than [`LONGEST`] characters once trimmed.
    TooLong,
    /// A control character (a tab, a line break, a NUL) inside it.
    Control,
}

/// `text` trimmed, if it is 1 to [`LONGEST`] characters, none of them a control character.
pub fn check_label(text: &str) -> Result<&str, LabelFault> {
    let label = text.trim();
    if label.is_empty() {
        return Err(LabelFault::Blank);
    }
    if label.chars().count() > LONGEST {
        return Err(LabelFault::TooLong);
    }
    if label.chars().any(char::is_control) {
        return Err(LabelFault::Control);
    }
    Ok(label)
}

/// The label, trimmed, or a refusal of `field` that says why.
pub fn parse_label(field: &str, text: &str) -> Result<String, FieldError> {
    check_label(text)
        .map(str::to_owned)
        .map_err(|fault| match fault {
            LabelFault::Blank | LabelFault::TooLong => {
                FieldError::new(field, "must be 1 to 100 characters")
            }
            LabelFault::Control => FieldError::new(
                field,
                "must not contain control characters such as tabs or line breaks",
            ),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_label_is_trimmed_and_not_empty_or_long() {
        assert_eq!(parse_label("label", " phone ").unwrap(), "phone");
        assert!(parse_label("label", "  ").is_err());
        assert!(parse_label("label", &"x".repeat(101)).is_err());
        assert!(parse_label("label", "sms\0gateway").is_err());
    }

    #[test]
    fn each_fault_is_told_apart() {
        assert_eq!(check_label("  "), Err(LabelFault::Blank));
        assert_eq!(check_label(&"é".repeat(101)), Err(LabelFault::TooLong));
        assert_eq!(check_label(&"é".repeat(100)).map(str::len), Ok(200));
        assert_eq!(check_label("Crisis\nfreeze"), Err(LabelFault::Control));
        assert_eq!(check_label("\tCrisis freeze\n"), Ok("Crisis freeze"));
    }
}
