//! Salts: the one place where randomness is drawn.

use crate::error::TokenError;

/// A fresh 006 salt (any u32) from the thread-local CSPRNG (ChaCha, seeded
/// and reseeded by the operating system). One system call per salt would
/// cost more than the whole HMAC, so the OS seeds a generator instead of
/// serving every salt.
pub fn random_salt() -> Result<u32, TokenError> {
    use rand::RngExt as _;
    Ok(rand::rng().random())
}

/// The largest salt a 007 reference builder draws.
pub const SALT_007_MAX: u32 = 99_999_999;

/// A fresh 007 salt in `1..=99999999`, the range Agora's python3, Node and
/// PHP builders draw from (FORMAT007.md §5), from the same generator as
/// [`random_salt`].
pub fn random_salt_007() -> Result<u32, TokenError> {
    use rand::RngExt as _;
    Ok(rand::rng().random_range(1..=SALT_007_MAX))
}
