//! Where the app certificate lives.
//!
//! A certificate is held in exactly one kind of place, a [`Secret`]: 32 bytes
//! zeroed when dropped (the `zeroize` crate), compared in constant time
//! (`subtle`), shown as `***` by `Debug`. The HMAC states derived from it are
//! zeroed on drop too (the `zeroize` features of `hmac` and `sha2`).

use std::fmt;

use subtle::ConstantTimeEq as _;
use zeroize::Zeroizing;

use crate::error::TokenError;
use crate::validate::check_app_certificate;

/// An app certificate: its 32 ASCII hex characters, zeroed on drop.
#[derive(Clone)]
pub struct Secret(Zeroizing<[u8; 32]>);

impl Secret {
    /// Checks the certificate (32 hex digits, `app_certificate` otherwise)
    /// and keeps a copy that is zeroed when dropped.
    pub fn new(app_certificate: &str) -> Result<Secret, TokenError> {
        check_app_certificate(app_certificate)?;
        let mut bytes = Zeroizing::new([0u8; 32]);
        bytes.copy_from_slice(app_certificate.as_bytes());
        Ok(Secret(bytes))
    }

    /// The certificate's text bytes (case kept: both formats sign the text).
    pub fn expose(&self) -> &[u8; 32] {
        &self.0
    }

    /// Constant-time comparison with a candidate certificate's bytes: the
    /// four 8-byte words are XORed and ORed together with no early exit, and
    /// the one result is compared by `subtle` (a byte-by-byte `ct_eq` of the
    /// slices cost more than a third of a one-shot 006 token's cache lookup).
    pub fn ct_eq_bytes(&self, other: &[u8]) -> bool {
        let Ok(other) = <&[u8; 32]>::try_from(other) else {
            return false;
        };
        let word = |b: &[u8; 32], i: usize| u64::from_le_bytes(b[i * 8..i * 8 + 8].try_into().expect("8 bytes"));
        let diff = (0..4).fold(0u64, |acc, i| acc | (word(&self.0, i) ^ word(other, i)));
        bool::from(diff.ct_eq(&0))
    }
}

impl PartialEq for Secret {
    fn eq(&self, other: &Self) -> bool {
        self.ct_eq_bytes(other.0.as_slice())
    }
}

impl Eq for Secret {}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secret_is_checked_redacted_and_compared() {
        let s = Secret::new("5CFd2fd1755d40ecb72977518be15d3b").unwrap();
        assert_eq!(format!("{s:?}"), "***");
        assert!(s.ct_eq_bytes(b"5CFd2fd1755d40ecb72977518be15d3b"));
        assert!(!s.ct_eq_bytes(b"5cfd2fd1755d40ecb72977518be15d3b"));
        assert!(!s.ct_eq_bytes(b"short"));
        assert_eq!(s.clone(), s);
        let e = Secret::new("5CFd2fd1755d40ecb72977518be15d3z").unwrap_err();
        assert!(!e.message().contains("5CFd2fd1"));
    }
}
