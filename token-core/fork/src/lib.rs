//! # agoratoken-fork: has this process forked since the state was armed?
//!
//! `token-core` keeps one salt generator per thread. After `fork()` the child
//! has a copy of the parent's generator and would replay its salts, so the
//! generator must be reseeded in the child before it draws again. This crate
//! tells it when, at the cost of one memory read per salt:
//!
//! - **Linux**: one page per [`ForkGuard`], mapped anonymous and private and
//!   advised `MADV_WIPEONFORK` (Linux 4.14+): the kernel gives a child an
//!   all-zero copy of the page, so the byte that [`ForkGuard::arm`] set reads
//!   0 in any process created by `fork()`, `clone()` without `CLONE_VM`, or
//!   `vfork()` + exec. This also holds for a fork that skips `pthread_atfork`
//!   handlers (`_Fork`, a raw `clone` syscall).
//! - **Elsewhere, or when the kernel refuses the advice**: the process id,
//!   compared with `getpid()` on every check (one system call, ~0.1 µs).
//!
//! It is the only unsafe code the core depends on besides well-known crates:
//! `mmap`, `madvise` and `munmap` of one page, and a volatile read of it. It
//! is kept out of `token-core`, which stays `#![forbid(unsafe_code)]`, because
//! no maintained crate offers a safe `MADV_WIPEONFORK` (memmap2 0.9's safe
//! `Advice` lists it only as future work) at this workspace's Rust version.

#![deny(unsafe_op_in_unsafe_fn)]

use std::fmt;

/// How a [`ForkGuard`] notices a fork.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mechanism {
    /// A `MADV_WIPEONFORK` page: one memory read per check.
    WipeOnFork,
    /// The process id: one `getpid()` per check.
    Pid,
}

/// A per-thread (it is neither `Send` nor `Sync`) flag that a fork clears.
///
/// Fresh guards are not armed. [`arm`](Self::arm) after the state it guards
/// was (re)initialised; [`is_armed`](Self::is_armed) is false again in a
/// child process created by `fork()` since then.
pub struct ForkGuard {
    inner: Inner,
}

enum Inner {
    #[cfg(any(target_os = "linux", target_os = "android"))]
    Page(std::ptr::NonNull<u8>),
    /// The pid the guard was armed in; 0 (no process has it) when not armed.
    Pid(u32),
}

impl fmt::Debug for ForkGuard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ForkGuard")
            .field("mechanism", &self.mechanism())
            .field("armed", &self.is_armed())
            .finish()
    }
}

impl Default for ForkGuard {
    fn default() -> Self {
        Self::new()
    }
}

impl ForkGuard {
    /// A guard, not armed: a wiped page where the kernel offers one, the pid otherwise.
    pub fn new() -> ForkGuard {
        #[cfg(any(target_os = "linux", target_os = "android"))]
        if let Some(page) = wipe_on_fork_page() {
            return ForkGuard { inner: Inner::Page(page) };
        }
        ForkGuard { inner: Inner::Pid(0) }
    }

    /// A guard that checks the pid, whatever the kernel offers (for tests and benchmarks).
    pub fn with_pid_check() -> ForkGuard {
        ForkGuard { inner: Inner::Pid(0) }
    }

    /// How this guard notices a fork.
    pub fn mechanism(&self) -> Mechanism {
        match self.inner {
            #[cfg(any(target_os = "linux", target_os = "android"))]
            Inner::Page(_) => Mechanism::WipeOnFork,
            Inner::Pid(_) => Mechanism::Pid,
        }
    }

    /// Marks the guarded state as belonging to this process.
    pub fn arm(&mut self) {
        match &mut self.inner {
            #[cfg(any(target_os = "linux", target_os = "android"))]
            // SAFETY: the page is mapped, writable and owned by this guard until drop.
            Inner::Page(page) => unsafe { page.as_ptr().write_volatile(1) },
            Inner::Pid(pid) => *pid = std::process::id(),
        }
    }

    /// False until [`arm`](Self::arm), and again in a child process forked since.
    #[inline]
    pub fn is_armed(&self) -> bool {
        match &self.inner {
            #[cfg(any(target_os = "linux", target_os = "android"))]
            // SAFETY: as in `arm`. Volatile: the kernel, not this program, clears it.
            Inner::Page(page) => (unsafe { page.as_ptr().read_volatile() }) != 0,
            Inner::Pid(pid) => *pid != 0 && *pid == std::process::id(),
        }
    }
}

impl Drop for ForkGuard {
    fn drop(&mut self) {
        #[cfg(any(target_os = "linux", target_os = "android"))]
        if let Inner::Page(page) = self.inner {
            // SAFETY: mapped by `wipe_on_fork_page` with this length, unmapped once.
            unsafe { libc::munmap(page.as_ptr().cast(), page_size()) };
        }
    }
}

#[cfg(any(target_os = "linux", target_os = "android"))]
fn page_size() -> usize {
    // SAFETY: sysconf has no preconditions.
    let size = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
    usize::try_from(size).ok().filter(|&s| s > 0).unwrap_or(4096)
}

/// One private anonymous page advised MADV_WIPEONFORK, or None (the kernel
/// is older than 4.14, or the mapping failed).
#[cfg(any(target_os = "linux", target_os = "android"))]
fn wipe_on_fork_page() -> Option<std::ptr::NonNull<u8>> {
    let len = page_size();
    // SAFETY: a new anonymous mapping: no existing memory is affected.
    let addr = unsafe {
        libc::mmap(
            std::ptr::null_mut(),
            len,
            libc::PROT_READ | libc::PROT_WRITE,
            libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
            -1,
            0,
        )
    };
    if addr == libc::MAP_FAILED {
        return None;
    }
    // SAFETY: `addr` is the page just mapped, of length `len`; no reference to it exists.
    if unsafe { libc::madvise(addr, len, libc::MADV_WIPEONFORK) } != 0 {
        // SAFETY: as above; unmapped once.
        unsafe { libc::munmap(addr, len) };
        return None;
    }
    std::ptr::NonNull::new(addr.cast::<u8>())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arms_and_reports_its_mechanism() {
        for mut guard in [ForkGuard::new(), ForkGuard::with_pid_check()] {
            assert!(!guard.is_armed());
            guard.arm();
            assert!(guard.is_armed());
            assert!(format!("{guard:?}").contains("armed: true"));
        }
        #[cfg(target_os = "linux")]
        assert_eq!(ForkGuard::new().mechanism(), Mechanism::WipeOnFork);
        assert_eq!(ForkGuard::with_pid_check().mechanism(), Mechanism::Pid);
    }
}
