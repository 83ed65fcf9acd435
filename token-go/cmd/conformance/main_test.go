package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// buildRunner builds this program with the default (static) link.
func buildRunner(t *testing.T) string {
	t.Helper()
	exe := filepath.Join(t.TempDir(), "conformance")
	build := exec.Command("go", "build", "-o", exe, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return exe
}

// The default build carries libagoratoken inside: no shared library to ship.
func TestStaticallyLinked(t *testing.T) {
	exe := buildRunner(t)
	out, err := exec.Command("ldd", exe).CombinedOutput()
	if err != nil {
		t.Fatalf("ldd: %v\n%s", err, out)
	}
	if strings.Contains(string(out), "libagoratoken") || !strings.Contains(string(out), "libc.so") {
		t.Fatalf("ldd:\n%s", out)
	}
}

// The runner's contract as a program: its last line and its exit status.
func TestRunnerProgram(t *testing.T) {
	exe := buildRunner(t)
	bad := t.TempDir()
	if err := os.WriteFile(filepath.Join(bad, "x.jsonl"), []byte(`{"id": "u", "kind": "nope"}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, vectors, last string
		ok                  bool
	}{
		{"repository", "", "", true},
		{"unknown kind", bad, "conformance[go]: 0 passed, 1 failed", false},
		{"no vectors", t.TempDir(), "conformance[go]: 0 passed, 1 failed", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			cmd := exec.Command(exe)
			cmd.Dir = t.TempDir() // never read from the current directory
			cmd.Env = append(os.Environ(), "AGORA_TOKEN_VECTORS="+c.vectors)
			out, err := cmd.Output()
			lines := strings.Split(strings.TrimSpace(string(out)), "\n")
			last := lines[len(lines)-1]
			var exit *exec.ExitError
			switch {
			case c.ok && err != nil:
				t.Fatalf("exit: %v\n%s", err, out)
			case !c.ok && !errors.As(err, &exit):
				t.Fatalf("want a non-zero exit, got %v\n%s", err, out)
			}
			if c.name == "repository" {
				if !strings.HasPrefix(last, "conformance[go]: ") || !strings.HasSuffix(last, " passed, 0 failed") || strings.HasPrefix(last, "conformance[go]: 0 ") {
					t.Fatalf("last line %q", last)
				}
			} else if last != c.last {
				t.Fatalf("last line %q, want %q", last, c.last)
			}
		})
	}
}
