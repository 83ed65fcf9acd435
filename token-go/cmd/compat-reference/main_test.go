package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A test file shaped like the reference's (written here, not copied): an
// in-package test, an import of another reference package, an out-of-scope
// test whose import only it uses.
const sample = `package accesstoken2

import (
	"bytes"
	"testing"

	other "github.com/AgoraIO/Tools/DynamicKey/AgoraDynamicKey/go/src/rtctokenbuilder2"
)

func Test_InScope(t *testing.T) {
	_ = other.RolePublisher
	AssertEqual(t, 1, 1)
}

func Test_isUuid(t *testing.T) {
	_ = bytes.NewBuffer(nil)
}
`

func TestRewrite(t *testing.T) {
	file := filepath.Join(t.TempDir(), "x_test.go")
	if err := os.WriteFile(file, []byte(sample), 0o644); err != nil {
		t.Fatal(err)
	}
	out, skipped, err := rewrite(file, "accesstoken2", "accesstoken2")
	if err != nil {
		t.Fatal(err)
	}
	got := string(out)
	for _, want := range []string{
		"package accesstoken2_compat\n",
		`. "github.com/agoratoken/agoratoken/token-go/accesstoken2"`,
		`other "github.com/agoratoken/agoratoken/token-go/rtctokenbuilder2"`,
		`"testing"`,
		"func Test_InScope(t *testing.T) {\n\t_ = other.RolePublisher\n\tAssertEqual(t, 1, 1)\n}",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in:\n%s", want, got)
		}
	}
	for _, gone := range []string{"Test_isUuid", `"bytes"`, "AgoraIO"} {
		if strings.Contains(got, gone) {
			t.Errorf("%q left in:\n%s", gone, got)
		}
	}
	if len(skipped) != 1 || skipped[0] != "Test_isUuid" {
		t.Errorf("skipped %v", skipped)
	}
}

func TestRewriteRefusesAnUnknownReferencePackage(t *testing.T) {
	file := filepath.Join(t.TempDir(), "x_test.go")
	src := "package x\n\nimport _ \"github.com/AgoraIO/Tools/DynamicKey/AgoraDynamicKey/go/src/DynamicKey5\"\n"
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := rewrite(file, "x", "accesstoken2"); err == nil || !strings.Contains(err.Error(), "DynamicKey5") {
		t.Fatalf("err = %v", err)
	}
}
