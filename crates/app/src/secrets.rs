//! Secrets: password hashes (argon2id), random tokens for sessions, forms and the API, and their
//! SHA-256 digests, which are what the database keeps.

use std::sync::OnceLock;

use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

/// Why a secret could not be made.
#[derive(Debug, thiserror::Error)]
pub enum SecretError {
    /// The operating system gave no randomness.
    #[error("no randomness from the operating system: {0}")]
    Randomness(String),
    /// Hashing failed.
    #[error("hashing the password failed: {0}")]
    Hash(String),
}

/// A random token of 32 bytes (256 bits), as URL-safe base64 (43 characters).
pub fn new_token() -> Result<String, SecretError> {
    let mut bytes = [0_u8; 32];
    getrandom::fill(&mut bytes).map_err(|error| SecretError::Randomness(error.to_string()))?;
    Ok(URL_SAFE_NO_PAD.encode(bytes))
}

/// A password to hand out once, e.g. for a demo account: four groups of five characters from an
/// alphabet without look-alikes (0/O, 1/l/I), about 115 bits.
pub fn new_password() -> Result<String, SecretError> {
    const ALPHABET: &[u8] = b"abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut bytes = [0_u8; 20];
    getrandom::fill(&mut bytes).map_err(|error| SecretError::Randomness(error.to_string()))?;
    // 256 is not a multiple of the alphabet's length; the slight bias costs well under a bit.
    let characters: Vec<char> =
        bytes.iter().map(|byte| char::from(ALPHABET[usize::from(*byte) % ALPHABET.len()])).collect();
    Ok(characters.chunks(5).map(|group| group.iter().collect::<String>()).collect::<Vec<_>>().join("-"))
}

/// The SHA-256 of a token, in hexadecimal: what the database stores instead of the token.
pub fn digest(token: &str) -> String {
    Sha256::digest(token.as_bytes()).iter().map(|byte| format!("{byte:02x}")).collect()
}

/// Compares two secrets in time that does not depend on where they differ.
pub fn same_secret(left: &str, right: &str) -> bool {
    left.as_bytes().ct_eq(right.as_bytes()).into()
}

/// Hashes a password with argon2id (its default parameters: 19 MiB, 2 passes), with a random
/// salt, as a PHC string. Slow on purpose: call it from a blocking thread.
pub fn hash_password(password: &str) -> Result<String, SecretError> {
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|hash| hash.to_string())
        .map_err(|error| SecretError::Hash(error.to_string()))
}

/// Whether `password` matches the PHC string `hash`. A malformed hash matches nothing.
pub fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|parsed| Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok())
}

/// A hash of a password nobody knows: checked when an address is unknown, so that a wrong address
/// takes as long to refuse as a wrong password and timing does not tell which addresses exist.
pub fn decoy_hash() -> &'static str {
    static DECOY: OnceLock<String> = OnceLock::new();
    DECOY.get_or_init(|| {
        new_token().ok().and_then(|password| hash_password(&password).ok()).unwrap_or_else(|| {
            // Without randomness there is nothing better than a fixed unknown password.
            hash_password("wijkbeeld decoy password").unwrap_or_default()
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_verifies_against_its_own_hash_only() {
        let hash = hash_password("paarse olifant op de fiets").unwrap();
        assert!(hash.starts_with("$argon2id$"), "{hash}");
        assert!(verify_password("paarse olifant op de fiets", &hash));
        assert!(!verify_password("paarse olifant op de step", &hash));
        assert!(!verify_password("paarse olifant op de fiets", "not a hash"));
        assert_ne!(hash, hash_password("paarse olifant op de fiets").unwrap(), "salted");
    }

    #[test]
    fn tokens_are_random_and_digests_are_hex() {
        let token = new_token().unwrap();
        assert_eq!(token.len(), 43);
        assert_ne!(token, new_token().unwrap());
        assert_eq!(digest("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assert!(same_secret(&token, &token.clone()));
        assert!(!same_secret(&token, "x"));
    }

    #[test]
    fn generated_passwords_are_four_groups_without_look_alikes() {
        let password = new_password().unwrap();
        let groups: Vec<&str> = password.split('-').collect();
        assert_eq!(groups.len(), 4);
        assert!(groups.iter().all(|group| group.len() == 5));
        assert!(!password.contains(['0', 'O', '1', 'l', 'I']));
    }
}
