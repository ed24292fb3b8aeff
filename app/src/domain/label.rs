//! A short label a person gives a token or a feed ("email service", "phone calendar").

use super::field_error::FieldError;

/// The label, trimmed: 1 to 100 characters, none of them a control character.
pub fn parse_label(field: &str, text: &str) -> Result<String, FieldError> {
    let label = text.trim();
    if label.is_empty() || label.chars().count() > 100 {
        return Err(FieldError::new(field, "must be 1 to 100 characters"));
    }
    if label.chars().any(char::is_control) {
        return Err(FieldError::new(
            field,
            "must not contain control characters",
        ));
    }
    Ok(label.to_owned())
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_label_is_trimmed_and_not_empty_or_long() {
        assert_eq!(super::parse_label("label", " phone ").unwrap(), "phone");
        assert!(super::parse_label("label", "  ").is_err());
        assert!(super::parse_label("label", &"x".repeat(101)).is_err());
        assert!(super::parse_label("label", "sms\0gateway").is_err());
    }
}
