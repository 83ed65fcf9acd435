package conformance

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/agoratoken/agoratoken/token-go/internal/token2"
)

const good = `{"id": "b1", "kind": "build006", "app_id": "970CA35de60c44645bbae8a215061b33", "app_certificate": "5CFd2fd1755d40ecb72977518be15d3b", "channel_name": "7d72365eb983485397e3e3f9d460bdda", "uid": 2882341273, "salt": 1, "ts": 1111111, "privileges": [[1, 1446455471]], "token": "006970CA35de60c44645bbae8a215061b33IACV0fZUBw+72cVoL9eyGGh3Q6Poi8bgjwVLnyKSJyOXR7dIfRBXoFHlEAABAAAAR/QQAAEAAQCvKDdW"}`

func writeVectors(t *testing.T, lines ...string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "v.jsonl"), []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func countCases(t *testing.T, dir string) int {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.jsonl"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no vector files in %s: %v", dir, err)
	}
	n := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(data), "\n") {
			if strings.TrimSpace(line) != "" {
				n++
			}
		}
	}
	return n
}

func TestRepositoryVectorsAllPass(t *testing.T) {
	t.Setenv(EnvVectors, "")
	dir, err := Dir()
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	passed, failed := Run(dir, &out)
	if failed != 0 || passed != countCases(t, dir) {
		t.Fatalf("%d passed, %d failed of %d:\n%s", passed, failed, countCases(t, dir), out.String())
	}
}

func TestDirHonoursEnvironment(t *testing.T) {
	t.Setenv(EnvVectors, "/some/where")
	if dir, err := Dir(); err != nil || dir != "/some/where" {
		t.Fatalf("Dir() = %q, %v", dir, err)
	}
}

func TestGoodVectorPasses(t *testing.T) {
	if p, f := Run(writeVectors(t, good, ""), &bytes.Buffer{}); p != 1 || f != 0 {
		t.Fatalf("%d passed, %d failed", p, f)
	}
}

// Each of these must be counted as a failure, never as a pass or a skip.
func TestBadCasesFail(t *testing.T) {
	cases := map[string]string{
		"unknown kind":    `{"id": "x", "kind": "build007"}`,
		"missing kind":    `{"id": "x"}`,
		"not json":        `{"id": "x", `,
		"wrong token":     strings.Replace(good, `"salt": 1,`, `"salt": 2,`, 1),
		"uid and account": strings.Replace(good, `"uid": 2882341273`, `"uid": 1, "user_account": "a"`, 1),
		"no user":         strings.Replace(good, `"uid": 2882341273,`, ``, 1),
		"uid too big":     strings.Replace(good, `"uid": 2882341273`, `"uid": 4294967296`, 1),
		"uid negative":    strings.Replace(good, `"uid": 2882341273`, `"uid": -1`, 1),
		"privilege pair":  strings.Replace(good, `[[1, 1446455471]]`, `[[1]]`, 1),
		"reject valid":    `{"id": "r", "kind": "reject006", "token": "006970CA35de60c44645bbae8a215061b33IACV0fZUBw+72cVoL9eyGGh3Q6Poi8bgjwVLnyKSJyOXR7dIfRBXoFHlEAABAAAAR/QQAAEAAQCvKDdW", "error": "base64"}`,
		"reject category": `{"id": "r", "kind": "reject006", "token": "007", "error": "base64"}`,
		"invalid valid":   strings.Replace(strings.Replace(good, `"build006"`, `"invalid006"`, 1), `"token":`, `"error": "app_id", "t":`, 1),
		"invalid other":   strings.Replace(strings.Replace(strings.Replace(good, `"build006"`, `"invalid006"`, 1), `"token":`, `"error": "app_id", "t":`, 1), `"channel_name": "7d72365eb983485397e3e3f9d460bdda"`, `"channel_name": ""`, 1),
		"parse differs":   `{"id": "p", "kind": "parse006", "token": "006970CA35de60c44645bbae8a215061b33IACV0fZUBw+72cVoL9eyGGh3Q6Poi8bgjwVLnyKSJyOXR7dIfRBXoFHlEAABAAAAR/QQAAEAAQCvKDdW", "expected": {"app_id": "970CA35de60c44645bbae8a215061b33", "signature_hex": "00", "crc_channel_name": 0, "crc_uid": 0, "salt": 1, "ts": 1111111, "privileges": [[1, 1446455471]]}}`,
		"verify differs":  `{"id": "p", "kind": "parse006", "token": "006970CA35de60c44645bbae8a215061b33IACV0fZUBw+72cVoL9eyGGh3Q6Poi8bgjwVLnyKSJyOXR7dIfRBXoFHlEAABAAAAR/QQAAEAAQCvKDdW", "expected": {"app_id": "970CA35de60c44645bbae8a215061b33", "signature_hex": "95d1f654070fbbd9c5682fd7b218687743a3e88bc6e08f054b9f229227239747", "crc_channel_name": 276646071, "crc_uid": 3847331927, "salt": 1, "ts": 1111111, "privileges": [[1, 1446455471]]}, "verify": {"app_certificate": "5CFd2fd1755d40ecb72977518be15d3b", "channel_name": "7d72365eb983485397e3e3f9d460bdda", "uid": 2882341273, "now": 1, "result": "expired"}}`,
	}
	for name, line := range cases {
		t.Run(name, func(t *testing.T) {
			var out bytes.Buffer
			p, f := Run(writeVectors(t, line), &out)
			if p != 0 || f != 1 || !strings.Contains(out.String(), "FAIL") {
				t.Fatalf("%d passed, %d failed, output %q", p, f, out.String())
			}
		})
	}
}

func TestParseAndVerifyVector(t *testing.T) {
	const base = `{"id": "p", "kind": "parse006", "token": "006970CA35de60c44645bbae8a215061b33IACV0fZUBw+72cVoL9eyGGh3Q6Poi8bgjwVLnyKSJyOXR7dIfRBXoFHlEAABAAAAR/QQAAEAAQCvKDdW", "expected": {"app_id": "970CA35de60c44645bbae8a215061b33", "signature_hex": "95d1f654070fbbd9c5682fd7b218687743a3e88bc6e08f054b9f229227239747", "crc_channel_name": 276646071, "crc_uid": 3847331927, "salt": 1, "ts": 1111111, "privileges": [[1, 1446455471]]}, "verify": {"app_certificate": "5CFd2fd1755d40ecb72977518be15d3b", "channel_name": "7d72365eb983485397e3e3f9d460bdda", "user_account": "2882341273", "now": 1, "result": "RESULT"}}`
	if p, f := Run(writeVectors(t, strings.Replace(base, "RESULT", "ok", 1)), &bytes.Buffer{}); p != 1 || f != 0 {
		t.Fatalf("ok: %d passed, %d failed", p, f)
	}
	if p, f := Run(writeVectors(t, strings.Replace(base, "RESULT", "uid_mismatch", 1)), &bytes.Buffer{}); p != 0 || f != 1 {
		t.Fatalf("uid_mismatch: %d passed, %d failed", p, f)
	}
}

func TestDuplicateIDFails(t *testing.T) {
	if p, f := Run(writeVectors(t, good, good), &bytes.Buffer{}); p != 1 || f != 1 {
		t.Fatalf("%d passed, %d failed", p, f)
	}
}

func TestNoVectorsFails(t *testing.T) {
	if p, f := Run(t.TempDir(), &bytes.Buffer{}); p != 0 || f != 1 {
		t.Fatalf("empty dir: %d passed, %d failed", p, f)
	}
	if p, f := Run(filepath.Join(t.TempDir(), "missing"), &bytes.Buffer{}); p != 0 || f != 1 {
		t.Fatalf("missing dir: %d passed, %d failed", p, f)
	}
}

// Every row of token-core's builder table is reachable under its Go name.
func TestEveryBuilderRowHasAGoName(t *testing.T) {
	names := token2.BuilderNames()
	if len(names) != len(NamedBuilders) || len(names) < 19 {
		t.Fatalf("%d rows, %d Go builders", len(names), len(NamedBuilders))
	}
	for i, name := range names {
		if NamedBuilders[name] == nil {
			t.Errorf("row %d (%q) has no Go builder", i, name)
		}
	}
}
