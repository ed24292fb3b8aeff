//! Password hashes: argon2id with a random salt, in PHC string form.

use argon2::{
    password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString},
    Argon2,
};

/// Hashes a password for storage. Slow on purpose: call it off the async runtime.
pub fn hash(password: &str) -> Result<String, argon2::password_hash::Error> {
    let salt = SaltString::generate(&mut OsRng);
    Ok(Argon2::default()
        .hash_password(password.as_bytes(), &salt)?
        .to_string())
}

/// Hashes on the blocking pool, off the async runtime, at most [`HASHING`] at once.
pub async fn hash_off_runtime(password: String) -> Result<String, crate::error::AppError> {
    let Ok(_permit) = HASHING.acquire().await else {
        return Err(crate::error::AppError::Internal);
    };
    match tokio::task::spawn_blocking(move || hash(&password)).await {
        Ok(Ok(hashed)) => Ok(hashed),
        _ => {
            tracing::error!("cannot hash a password");
            Err(crate::error::AppError::Internal)
        }
    }
}

/// Password hashes computed at once: argon2 takes tens of milliseconds and much memory, so a
/// burst of sign-ins queues here instead of taking every core from pages and the send gate.
static HASHING: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(2);

/// Checks a password on the blocking pool, at most [`HASHING`] at once.
pub async fn verify_off_runtime(
    password: String,
    stored: String,
) -> Result<bool, crate::error::AppError> {
    let _permit = HASHING
        .acquire()
        .await
        .map_err(|_| crate::error::AppError::Internal)?;
    tokio::task::spawn_blocking(move || verify(&password, &stored))
        .await
        .map_err(|_| crate::error::AppError::Internal)
}

/// Whether `password` matches a stored hash; a malformed hash never matches.
pub fn verify(password: &str, stored: &str) -> bool {
    PasswordHash::new(stored)
        .map(|parsed| {
            Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_hash_verifies_its_password_only() {
        let stored = super::hash("correct horse battery").unwrap();
        assert!(stored.starts_with("$argon2id$"));
        assert!(super::verify("correct horse battery", &stored));
        assert!(!super::verify("correct horse battery!", &stored));
        assert!(!super::verify("anything", "not a hash"));
    }
}
