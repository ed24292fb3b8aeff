//! A user as typed in (the command line, the admin API), checked once for both.

use crate::domain::{role::Role, EmailAddress, FieldError};

/// The shortest password Concord accepts.
pub const MIN_PASSWORD_LENGTH: usize = 10;

/// A new user's checked fields: a lower-cased email, a trimmed name, a known role.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UserFields {
    /// The sign-in address, lower-cased.
    pub email: String,
    /// The display name, trimmed.
    pub name: String,
    /// The role.
    pub role: Role,
}

/// Checks a password's length (a new user's, a reset, a change); a refusal names `field`.
pub fn check_password(field: &str, password: &str) -> Result<(), FieldError> {
    if password.chars().count() < MIN_PASSWORD_LENGTH {
        return Err(FieldError::new(
            field,
            format!("must be at least {MIN_PASSWORD_LENGTH} characters"),
        ));
    }
    Ok(())
}

/// Checks a new user's fields and password length; a refusal names its field.
pub fn parse_user_fields(
    email: &str,
    name: &str,
    role: &str,
    password: &str,
) -> Result<UserFields, FieldError> {
    let email = EmailAddress::parse(email)
        .map_err(|e| FieldError::new("email", e))?
        .as_str()
        .to_lowercase();
    let name = name.trim();
    if name.is_empty() {
        return Err(FieldError::new("name", "must not be empty"));
    }
    let role: Role = role.parse().map_err(|e| FieldError::new("role", e))?;
    check_password("password", password)?;
    Ok(UserFields {
        email,
        name: name.to_owned(),
        role,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_bad_field_is_named_and_good_fields_are_normalised() {
        let ok = parse_user_fields("Lee@Example.COM", " Lee ", "rep", "long enough!").unwrap();
        assert_eq!(
            (ok.email.as_str(), ok.name.as_str(), ok.role),
            ("lee@example.com", "Lee", Role::Rep)
        );
        let field =
            |e: &str, n: &str, r: &str, p: &str| parse_user_fields(e, n, r, p).unwrap_err().field;
        assert_eq!(field("nope", "Lee", "rep", "long enough!"), "email");
        assert_eq!(field("a@example.com", "  ", "rep", "long enough!"), "name");
        assert_eq!(
            field("a@example.com", "Lee", "boss", "long enough!"),
            "role"
        );
        assert_eq!(field("a@example.com", "Lee", "rep", "short"), "password");
    }
}
