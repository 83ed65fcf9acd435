package agoratoken_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestReadmeSnippetsCompile type-checks every ```go block of README.md
// (issue 17: the VerifyWithUID snippet did not compile). Each block becomes
// the body of a function whose parameters are the names the README leaves to
// the reader (appID, appCertificate, ...); its imports are hoisted and an
// elided "…" becomes a comment. A snippet may leave a variable unused (it
// shows a call, not a program), so "declared and not used" is the one
// compiler error accepted; any other fails the test with the block's text.
func TestReadmeSnippetsCompile(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a program")
	}
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	blocks := regexp.MustCompile("(?s)```go\n(.*?)```").FindAllStringSubmatch(string(readme), -1)
	if len(blocks) == 0 {
		t.Fatal("README.md has no go block")
	}
	imports := map[string]bool{`"errors"`: true, `"log"`: true, `"time"`: true,
		`agoratoken "github.com/agoratoken/agoratoken/token-go"`: true}
	importLine := regexp.MustCompile(`^\s*(import\s+)?((\w+\s+)?"[^"]+")\s*$`)
	var funcs strings.Builder
	for i, b := range blocks {
		var body []string
		inImport := false
		for _, line := range strings.Split(b[1], "\n") {
			trimmed := strings.TrimSpace(line)
			switch {
			case trimmed == "import (":
				inImport = true
			case inImport && trimmed == ")":
				inImport = false
			case inImport || strings.HasPrefix(trimmed, "import "):
				if m := importLine.FindStringSubmatch(line); m != nil {
					imports[m[2]] = true
				}
			default:
				body = append(body, strings.ReplaceAll(line, "{ … }", "{ /* … */ }"))
			}
		}
		funcs.WriteString("\nfunc snippet" + string(rune('A'+i)) +
			"(appID, appCertificate, oldToken string, expireTs, now uint32, err error) {\n" +
			strings.Join(body, "\n") + "\n}\n")
	}
	var src strings.Builder
	src.WriteString("package main\n\nimport (\n")
	for imp := range imports {
		src.WriteString("\t" + imp + "\n")
	}
	src.WriteString(")\n\nvar _ = agoratoken.Version\nvar _ = errors.Is\nvar _ = log.Print\nvar _ = time.Now\n\nfunc main() {}\n")
	src.WriteString(funcs.String())

	module, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	goMod := "module readmecheck\n\ngo 1.24\n\nrequire github.com/agoratoken/agoratoken/token-go v0.0.0\n" +
		"replace github.com/agoratoken/agoratoken/token-go => " + module + "\n"
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(goMod), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "main.go"), []byte(src.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	// -gcflags=-e: every error, not the first ten (an unused variable must not hide one).
	cmd := exec.Command("go", "build", "-gcflags=-e", "-o", os.DevNull, ".")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod", "GOPROXY=off")
	out, err := cmd.CombinedOutput()
	if err == nil {
		return
	}
	var bad []string
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		if line == "" || strings.HasPrefix(line, "#") || strings.Contains(line, "declared and not used") {
			continue
		}
		bad = append(bad, line)
	}
	if len(bad) > 0 {
		t.Fatalf("README.md's go blocks do not compile:\n%s\n\nas checked:\n%s", strings.Join(bad, "\n"), src.String())
	}
}
