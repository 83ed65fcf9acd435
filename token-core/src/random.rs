//! Salts: the one place where randomness is drawn.
//!
//! Each thread keeps a ChaCha12 generator (`rand`'s `StdRng`) seeded from the
//! operating system (`getrandom`). One system call per salt would cost more
//! than the whole HMAC, so the OS seeds a generator instead of serving every
//! salt. The generator is reseeded from the OS:
//!
//! - before its first salt, and after every [`RESEED_AFTER`] salts (as
//!   `rand::ThreadRng` does after 64 KiB of output);
//! - in a child process, before the first salt after `fork()`: a
//!   [`ForkGuard`] (a `MADV_WIPEONFORK` page on Linux, the pid elsewhere)
//!   tells, so a forked child never replays its parent's salts.
//!
//! When the OS random source fails, no salt is drawn: the call fails with
//! [`ErrorKind::Random`] (never a panic), and the next call tries the OS again.

use std::cell::RefCell;

use rand::rngs::{StdRng, SysRng};
use rand::{RngExt as _, SeedableRng as _};
use token_fork::ForkGuard;

use crate::error::{ErrorKind, TokenError};

/// Salts a generator draws before it is reseeded from the OS.
const RESEED_AFTER: u32 = 16 * 1024;

/// A thread's generator and what says when to reseed it.
struct Source {
    rng: Option<StdRng>,
    left: u32,
    guard: ForkGuard,
}

impl Source {
    fn new() -> Source {
        Source { rng: None, left: 0, guard: ForkGuard::new() }
    }

    /// The generator, reseeded first when it has none yet, is used up, or
    /// was copied into this process by a fork.
    fn rng(&mut self) -> Result<&mut StdRng, TokenError> {
        if self.left == 0 || !self.guard.is_armed() {
            // Never draw from a stale state: it is dropped before the OS is asked.
            self.rng = None;
            self.rng = Some(StdRng::try_from_rng(&mut SysRng).map_err(|e| {
                TokenError::new(ErrorKind::Random, format!("random: the operating system's random source failed ({e})"))
            })?);
            self.left = RESEED_AFTER;
            self.guard.arm();
        }
        self.left -= 1;
        self.rng.as_mut().ok_or_else(|| TokenError::new(ErrorKind::Internal, "internal: no generator"))
    }
}

thread_local! {
    static SOURCE: RefCell<Source> = RefCell::new(Source::new());
}

/// Runs `draw` on this thread's generator; on a fresh source while the
/// thread's own is gone (thread-local destructors run at thread exit).
fn with_rng<T>(draw: impl Fn(&mut StdRng) -> T) -> Result<T, TokenError> {
    let kept = SOURCE.try_with(|cell| match cell.try_borrow_mut() {
        Ok(mut source) => Some(source.rng().map(&draw)),
        Err(_) => None,
    });
    match kept {
        Ok(Some(result)) => result,
        _ => Source::new().rng().map(&draw),
    }
}

/// A fresh 006 salt (any u32), or [`ErrorKind::Random`] when the OS random source fails.
pub fn random_salt() -> Result<u32, TokenError> {
    with_rng(|rng| rng.random())
}

/// The largest salt a 007 reference builder draws.
pub const SALT_007_MAX: u32 = 99_999_999;

/// A fresh 007 salt in `1..=99999999`, the range Agora's python3, Node and
/// PHP builders draw from (FORMAT007.md §5), from the same generator as
/// [`random_salt`].
pub fn random_salt_007() -> Result<u32, TokenError> {
    with_rng(|rng| rng.random_range(1..=SALT_007_MAX))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn salts_differ_and_007_salts_stay_in_range() {
        let salts: std::collections::HashSet<u32> = (0..1000).map(|_| random_salt().unwrap()).collect();
        assert!(salts.len() > 990);
        for _ in 0..1000 {
            assert!((1..=SALT_007_MAX).contains(&random_salt_007().unwrap()));
        }
    }

    fn known() -> StdRng {
        StdRng::from_seed([7; 32])
    }

    #[test]
    fn a_used_up_generator_is_reseeded() {
        let mut source = Source::new();
        source.rng().unwrap();
        source.rng = Some(known());
        assert_eq!(*source.rng().unwrap(), known(), "kept while salts are left");
        source.left = 0;
        assert_ne!(*source.rng().unwrap(), known(), "reseeded once used up");
        assert_eq!(source.left, RESEED_AFTER - 1);
    }

    #[test]
    fn a_disarmed_guard_forces_a_reseed() {
        // What a fork does to the guard: the generator must not be kept.
        let mut source = Source::new();
        source.rng().unwrap();
        source.rng = Some(known());
        source.guard = ForkGuard::new();
        assert_ne!(*source.rng().unwrap(), known());
        assert!(source.guard.is_armed());
    }
}
