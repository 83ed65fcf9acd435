//! After `fork()`, parent and child draw different salts (issue 11, item 1).
//!
//! The parent draws first, so its thread's generator is seeded before the
//! fork; the child then writes the salts it draws (006 builder, 006 helper
//! salt, 007 salt) into a pipe and `_exit`s, and the parent compares them
//! with its own. Before the fix, the child replayed the parent's salts.
//! One test in this file: a fork from a process with few threads.

use token_core::{parse, random_salt, random_salt_007, SimpleTokenBuilder};

const N: usize = 32;

fn draw() -> [u32; 3 * N] {
    let b = SimpleTokenBuilder::with_uid(
        "970CA35de60c44645bbae8a215061b33",
        "5CFd2fd1755d40ecb72977518be15d3b",
        "room-1",
        42,
    )
    .unwrap();
    let mut out = [0u32; 3 * N];
    for i in 0..N {
        out[i] = parse(b.build_token().unwrap()).unwrap().salt;
        out[N + i] = random_salt().unwrap();
        out[2 * N + i] = random_salt_007().unwrap();
    }
    out
}

/// Forks; the child draws, writes its salts to a pipe and `_exit`s (status 0,
/// or 1 if writing failed). Returns the child's salts.
fn child_salts() -> [u32; 3 * N] {
    let mut fds = [0; 2];
    // SAFETY: a two-int array for pipe(2).
    assert_eq!(unsafe { libc::pipe(fds.as_mut_ptr()) }, 0);
    // SAFETY: the child only draws salts, writes and _exits.
    let pid = unsafe { libc::fork() };
    assert!(pid >= 0, "fork failed");
    if pid == 0 {
        let salts = draw();
        let bytes: Vec<u8> = salts.iter().flat_map(|s| s.to_le_bytes()).collect();
        // SAFETY: writes the buffer to the pipe, then ends the child without unwinding.
        unsafe {
            let n = libc::write(fds[1], bytes.as_ptr().cast(), bytes.len());
            libc::_exit(if n == bytes.len() as isize { 0 } else { 1 });
        }
    }
    // SAFETY: closing our copy of the write end, reading the child's bytes, reaping it.
    unsafe {
        libc::close(fds[1]);
        let mut bytes = vec![0u8; 3 * N * 4];
        let mut got = 0;
        while got < bytes.len() {
            let n = libc::read(fds[0], bytes[got..].as_mut_ptr().cast(), bytes.len() - got);
            assert!(n > 0, "the child wrote {got} bytes");
            got += n as usize;
        }
        libc::close(fds[0]);
        let mut status = 0;
        assert_eq!(libc::waitpid(pid, &mut status, 0), pid);
        assert!(libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0, "child status {status}");
        let mut salts = [0u32; 3 * N];
        for (salt, chunk) in salts.iter_mut().zip(bytes.chunks_exact(4)) {
            *salt = u32::from_le_bytes(chunk.try_into().unwrap());
        }
        salts
    }
}

#[test]
fn parent_and_forked_children_draw_different_salts() {
    // Seed this thread's generator before forking, as a server that minted once would.
    draw();
    let first = child_salts();
    let second = child_salts();
    let parent = draw();
    for (who, other) in [("first child", &first), ("second child", &second)] {
        let same = parent.iter().filter(|s| other.contains(s)).count();
        assert_eq!(same, 0, "the {who} repeats {same} of the parent's {} salts", 3 * N);
    }
    let same = first.iter().filter(|s| second.contains(s)).count();
    assert_eq!(same, 0, "two children share {same} salts");
}
