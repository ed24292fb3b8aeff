//! Amazon SNS's message signature: RSA PKCS #1 v1.5 over the message's canonical text, with
//! SHA-1 (`SignatureVersion` 1) or SHA-256 (2), under the certificate SNS names in
//! `SigningCertURL`. Concord fetches no certificate itself: an admin pastes it once, and the
//! URL's allow-list ([`super::cert_url_allowed`]) is checked before it is asked for. Pure.

use super::{PayloadError, SnsEnvelope};
use rsa::pkcs1v15::{Signature, VerifyingKey};
use rsa::pkcs8::DecodePublicKey;
use rsa::signature::Verifier;
use rsa::RsaPublicKey;
use x509_cert::der::{DecodePem, Encode};
use x509_cert::Certificate;

/// The RSA key of a PEM certificate, or why it is not one SNS could sign with.
pub fn certificate_key(pem: &str) -> Result<RsaPublicKey, PayloadError> {
    let certificate = Certificate::from_pem(pem.trim().as_bytes())
        .map_err(|e| PayloadError::new(format!("not a PEM certificate: {e}")))?;
    let spki = certificate
        .tbs_certificate
        .subject_public_key_info
        .to_der()
        .map_err(|e| PayloadError::new(format!("unreadable public key: {e}")))?;
    RsaPublicKey::from_public_key_der(&spki)
        .map_err(|e| PayloadError::new(format!("not an RSA certificate: {e}")))
}

/// Whether `envelope` was signed under the certificate `pem`.
pub fn verify(envelope: &SnsEnvelope, pem: &str) -> Result<(), PayloadError> {
    let key = certificate_key(pem)?;
    let signature = Signature::try_from(envelope.signature.as_slice())
        .map_err(|_| PayloadError::new("the signature is not an RSA signature"))?;
    let text = envelope.string_to_sign();
    let verified = match envelope.signature_version {
        1 => VerifyingKey::<sha1::Sha1>::new(key).verify(text.as_bytes(), &signature),
        _ => VerifyingKey::<sha2::Sha256>::new(key).verify(text.as_bytes(), &signature),
    };
    verified.map_err(|_| PayloadError::new("the SNS signature does not match the message"))
}
