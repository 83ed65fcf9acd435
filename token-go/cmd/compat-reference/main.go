// Command compat-reference runs Agora's own Go test files (the *_test.go
// files of AgoraIO/Tools, DynamicKey/AgoraDynamicKey/go/src) against this
// module's reference-named packages, with only their package and import
// lines changed. `make compat-reference-go` runs it; it is not part of
// `make test`.
//
// The vendor's files are never kept in this repository: AGORA_TOOLS_DIR
// points at a fetched copy (AgoraIO/Tools, or its go/src folder) outside it.
// Each in-scope test file is copied into a temporary module outside the
// repository and rewritten there:
//
//   - `package accesstoken2` becomes `package accesstoken2_compat`, an
//     external test package that dot-imports ours
//     (`. "github.com/agoratoken/agoratoken/token-go/accesstoken2"`), so the
//     test bodies see the same unqualified names;
//   - `github.com/AgoraIO/Tools/DynamicKey/AgoraDynamicKey/go/src/<pkg>`
//     imports become `github.com/agoratoken/agoratoken/token-go/<ours>`;
//   - out-of-scope test functions (the reference's private packing helpers,
//     unexported functions: listed below with the reason) are removed and
//     reported as skipped, with the imports only they used.
//
// The temporary module requires token-go through a `replace` to this
// checkout, and `go test -json` runs it. Each test prints one line (ok, FAIL,
// diff for a known difference listed in token-go/README.md, skip); the last
// line is `compat[go, reference]: N passed, M failed, D known differences,
// K skipped`. It exits non-zero when M > 0 or N = 0; a known difference that
// passes counts as failed, so that the list stays true. Without
// AGORA_TOOLS_DIR it prints "skipped: AGORA_TOOLS_DIR not set" and exits 0.
//
// Usage: compat-reference [-keep dir] (dir: where to write the module, kept after the run)
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
)

const (
	label     = "go, reference"
	agoraPath = "github.com/AgoraIO/Tools/DynamicKey/AgoraDynamicKey/go/src/"
	ourPath   = "github.com/agoratoken/agoratoken/token-go/"
)

// packages maps each reference folder (go/src/<dir>) to this module's package
// of the same API; folders not listed are other formats (DynamicKey 1-5,
// SignalingToken): reported as skipped.
var packages = map[string]string{
	"AccessToken":           "accesstoken",
	"RtcTokenBuilder":       "rtctokenbuilder",
	"RtmTokenBuilder":       "rtmtokenbuilder",
	"accesstoken2":          "accesstoken2",
	"rtctokenbuilder2":      "rtctokenbuilder2",
	"rtmtokenbuilder2":      "rtmtokenbuilder2",
	"chatTokenBuilder":      "chatTokenBuilder",
	"apaastokenbuilder":     "apaastokenbuilder",
	"educationtokenbuilder": "educationtokenbuilder",
	"fpatokenbuilder":       "fpatokenbuilder",
}

// skipFiles are whole test files out of scope.
var skipFiles = map[string]string{
	"accesstoken2/util_test.go": "the reference's unexported packers (packUint16, compressZlib, ...)",
}

// skipTests are test functions out of scope: they call the reference's
// unexported functions (which no other package can call) or its packing
// helpers (packing is token-core's; no binding re-implements it).
var skipTests = map[string]string{
	"AccessToken:TestPackingHelpers":         "the reference's unexported packers (packHexString, packExtra, unPackUint16, ...)",
	"accesstoken2:Test_ServicePackingErrors": "the reference's per-service packers Service.Pack(io.Writer)/UnPack(io.Reader) and Md5",
	"accesstoken2:Test_getVersion":           "the reference's unexported getVersion",
	"accesstoken2:Test_isUuid":               "the reference's unexported isUuid",
}

// knownDifferences fail for a reason listed in token-go/README.md
// ("Differences from Agora's builders"), as "package:Test_Name": why. None
// is known today: the five tests that compare the reference's error texts
// pass since accesstoken2's AccessToken returns them (ReferenceError).
var knownDifferences = map[string]string{}

func main() {
	keep := flag.String("keep", "", "write the temporary module here and keep it")
	flag.Parse()
	tools := os.Getenv("AGORA_TOOLS_DIR")
	if tools == "" {
		fmt.Printf("compat[%s]: skipped: AGORA_TOOLS_DIR not set\n", label)
		return
	}
	src := ""
	for _, d := range []string{filepath.Join(tools, "DynamicKey", "AgoraDynamicKey", "go", "src"), filepath.Join(tools, "go", "src"), tools} {
		if _, err := os.Stat(filepath.Join(d, "accesstoken2", "accesstoken_test.go")); err == nil {
			src = d
			break
		}
	}
	if src == "" {
		fatal("no DynamicKey/AgoraDynamicKey/go/src/accesstoken2/accesstoken_test.go under AGORA_TOOLS_DIR=%s", tools)
	}
	ours, err := moduleDir()
	if err != nil {
		fatal("%v", err)
	}
	work := *keep
	if work == "" {
		if work, err = os.MkdirTemp("", "agoratoken-go-compat-"); err != nil {
			fatal("%v", err)
		}
		defer os.RemoveAll(work)
	}
	work, _ = filepath.Abs(work)
	if err := os.MkdirAll(work, 0o755); err != nil {
		fatal("%v", err)
	}
	if repo := filepath.Dir(ours); strings.HasPrefix(work+string(filepath.Separator), repo+string(filepath.Separator)) {
		fatal("%s is inside the repository; the vendor's files stay outside it", work)
	}
	os.Exit(run(src, ours, work))
}

func fatal(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "compat[%s]: "+format+"\n", append([]any{label}, args...)...)
	os.Exit(2)
}

// moduleDir is token-go's folder: this source file's module root.
func moduleDir() (string, error) {
	if _, file, _, ok := runtime.Caller(0); ok {
		d := filepath.Dir(filepath.Dir(filepath.Dir(file)))
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d, nil
		}
	}
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", strings.TrimSuffix(ourPath, "/")).Output()
	if err != nil {
		return "", fmt.Errorf("cannot find token-go: run from its folder (%v)", err)
	}
	return strings.TrimSpace(string(out)), nil
}

type counts struct{ passed, failed, differences, skipped int }

func run(src, ours, work string) int {
	var c counts
	fmt.Printf("# %s (AgoraIO/Tools on GitHub): package and import lines rewritten into %s\n", src, work)
	gomod := fmt.Sprintf("module agoratoken-compat-reference\n\ngo 1.24\n\nrequire %s v0.0.0\n\nreplace %s => %s\n",
		strings.TrimSuffix(ourPath, "/"), strings.TrimSuffix(ourPath, "/"), ours)
	if err := os.WriteFile(filepath.Join(work, "go.mod"), []byte(gomod), 0o644); err != nil {
		fatal("%v", err)
	}
	dirs, err := os.ReadDir(src)
	if err != nil {
		fatal("%v", err)
	}
	var wrote []string
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		tests, _ := filepath.Glob(filepath.Join(src, d.Name(), "*_test.go"))
		sort.Strings(tests)
		pkg, inScope := packages[d.Name()]
		for _, file := range tests {
			rel := d.Name() + "/" + filepath.Base(file)
			if !inScope {
				c.skipped++
				fmt.Printf("skip %s: another format, out of scope\n", rel)
				continue
			}
			if why, ok := skipFiles[rel]; ok {
				c.skipped++
				fmt.Printf("skip %s: %s\n", rel, why)
				continue
			}
			out, skipped, err := rewrite(file, d.Name(), pkg)
			if err != nil {
				c.failed++
				fmt.Printf("FAIL %s: %v\n", rel, err)
				continue
			}
			for _, s := range skipped {
				c.skipped++
				fmt.Printf("skip %s:%s: %s\n", d.Name(), s, skipTests[d.Name()+":"+s])
			}
			if err := os.MkdirAll(filepath.Join(work, d.Name()), 0o755); err != nil {
				fatal("%v", err)
			}
			if err := os.WriteFile(filepath.Join(work, d.Name(), filepath.Base(file)), out, 0o644); err != nil {
				fatal("%v", err)
			}
			wrote = append(wrote, d.Name())
		}
	}
	if len(wrote) == 0 {
		fmt.Printf("compat[%s]: %d passed, %d failed, %d known differences, %d skipped\n", label, 0, c.failed, 0, c.skipped)
		return 1
	}
	goTest(work, &c)
	fmt.Printf("compat[%s]: %d passed, %d failed, %d known differences, %d skipped\n", label, c.passed, c.failed, c.differences, c.skipped)
	if c.failed > 0 || c.passed == 0 {
		return 1
	}
	return 0
}

// rewrite changes the package clause and the imports of one test file, and
// removes the out-of-scope test functions (returned by name).
func rewrite(file, dir, pkg string) ([]byte, []string, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, file, nil, parser.ParseComments)
	if err != nil {
		return nil, nil, err
	}
	f.Name.Name += "_compat"
	for _, spec := range f.Imports {
		p, _ := strconv.Unquote(spec.Path.Value)
		if rest, ok := strings.CutPrefix(p, agoraPath); ok {
			to, known := packages[rest]
			if !known {
				return nil, nil, fmt.Errorf("imports %s, which has no counterpart here", p)
			}
			spec.Path.Value = strconv.Quote(ourPath + to)
		}
	}
	var skipped []string
	kept := f.Decls[:0]
	for _, decl := range f.Decls {
		if fn, ok := decl.(*ast.FuncDecl); ok && fn.Recv == nil {
			if _, skip := skipTests[dir+":"+fn.Name.Name]; skip {
				skipped = append(skipped, fn.Name.Name)
				continue
			}
		}
		kept = append(kept, decl)
	}
	f.Decls = kept
	dropUnusedImports(f)
	addDotImport(f, ourPath+pkg)
	f.Comments = nil // comments of removed functions would be misplaced; the code is what runs
	var buf bytes.Buffer
	if err := format.Node(&buf, fset, f); err != nil {
		return nil, nil, err
	}
	return buf.Bytes(), skipped, nil
}

// dropUnusedImports removes the imports that only removed functions used.
func dropUnusedImports(f *ast.File) {
	used := map[string]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if id, ok := sel.X.(*ast.Ident); ok {
				used[id.Name] = true
			}
		}
		return true
	})
	for _, decl := range f.Decls {
		gen, ok := decl.(*ast.GenDecl)
		if !ok || gen.Tok != token.IMPORT {
			continue
		}
		specs := gen.Specs[:0]
		for _, s := range gen.Specs {
			spec := s.(*ast.ImportSpec)
			p, _ := strconv.Unquote(spec.Path.Value)
			name := p[strings.LastIndex(p, "/")+1:]
			if spec.Name != nil {
				name = spec.Name.Name
			}
			if name == "_" || name == "." || used[name] {
				specs = append(specs, s)
			}
		}
		gen.Specs = specs
	}
	imports := f.Imports[:0]
	for _, spec := range f.Imports {
		for _, decl := range f.Decls {
			if gen, ok := decl.(*ast.GenDecl); ok && gen.Tok == token.IMPORT {
				for _, s := range gen.Specs {
					if s == spec {
						imports = append(imports, spec)
					}
				}
			}
		}
	}
	f.Imports = imports
}

// addDotImport adds `. "path"` to the file's first import declaration.
func addDotImport(f *ast.File, path string) {
	spec := &ast.ImportSpec{Name: ast.NewIdent("."), Path: &ast.BasicLit{Kind: token.STRING, Value: strconv.Quote(path)}}
	for _, decl := range f.Decls {
		if gen, ok := decl.(*ast.GenDecl); ok && gen.Tok == token.IMPORT {
			gen.Specs = append([]ast.Spec{spec}, gen.Specs...)
			if gen.Lparen == token.NoPos {
				gen.Lparen = gen.Pos()
			}
			f.Imports = append(f.Imports, spec)
			return
		}
	}
	gen := &ast.GenDecl{Tok: token.IMPORT, Specs: []ast.Spec{spec}}
	f.Decls = append([]ast.Decl{gen}, f.Decls...)
	f.Imports = append(f.Imports, spec)
}

// event is one line of `go test -json`.
type event struct {
	Action, Package, Test, Output string
	ImportPath                    string // build-output: "pkg [pkg.test]"
}

// goTest runs the rewritten packages and counts each test's result.
func goTest(work string, c *counts) {
	cmd := exec.Command("go", "test", "-count=1", "-json", "./...")
	cmd.Dir = work
	cmd.Env = append(os.Environ(), "CGO_ENABLED=1", "GOFLAGS=-buildvcs=false", "GOWORK=off")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		fatal("%v", err)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		fatal("%v", err)
	}
	output := map[string]*strings.Builder{} // package/test -> its output
	ranTests := map[string]bool{}
	scanner := bufio.NewScanner(stdout)
	scanner.Buffer(make([]byte, 1<<20), 1<<24)
	for scanner.Scan() {
		var e event
		if json.Unmarshal(scanner.Bytes(), &e) != nil {
			continue
		}
		if e.Action == "build-output" {
			e.Package, _, _ = strings.Cut(e.ImportPath, " ")
			e.Action = "output"
		}
		dir := strings.TrimPrefix(e.Package, "agoratoken-compat-reference/")
		key := dir + ":" + e.Test
		if output[key] == nil {
			output[key] = &strings.Builder{}
		}
		switch e.Action {
		case "output":
			output[key].WriteString(e.Output)
		case "pass", "fail", "skip":
			if e.Test == "" {
				switch {
				case e.Action == "fail" && !ranTests[dir]:
					c.failed++
					fmt.Printf("FAIL %s: does not build or run:\n%s", dir, indent(output[key].String()+stderr.String()))
				case e.Action == "fail" && strings.Contains(output[key].String(), "panic:"):
					c.failed++
					fmt.Printf("FAIL %s: a test panicked; the tests after it did not run\n", dir)
				}
				continue
			}
			if strings.Contains(e.Test, "/") {
				continue // subtests count with their test
			}
			ranTests[dir] = true
			report(c, key, e.Action, output[key].String())
		}
	}
	if err := cmd.Wait(); err != nil && len(ranTests) == 0 && c.failed == 0 {
		c.failed++
		fmt.Printf("FAIL go test: %v\n%s", err, indent(stderr.String()))
	}
}

func report(c *counts, key, action, output string) {
	why, known := knownDifferences[key]
	switch {
	case action == "skip":
		c.skipped++
		fmt.Printf("skip %s: skipped by the test itself\n", key)
	case action == "pass" && known:
		c.failed++
		fmt.Printf("FAIL %s: passes, but is listed as a known difference; update the list and token-go/README.md\n", key)
	case action == "pass":
		c.passed++
		note := ""
		if n := strings.Count(output, "same 007 token content"); n > 0 {
			note = fmt.Sprintf(" (%d token string(s) from another zlib, same content)", n)
		}
		fmt.Printf("ok   %s%s\n", key, note)
	case known:
		c.differences++
		fmt.Printf("diff %s: %s\n", key, why)
	default:
		c.failed++
		fmt.Printf("FAIL %s\n%s", key, indent(output))
	}
}

func indent(s string) string {
	var b strings.Builder
	for _, line := range strings.Split(strings.TrimRight(s, "\n"), "\n") {
		if line = strings.TrimRight(line, " "); line != "" && !strings.HasPrefix(line, "=== RUN") {
			b.WriteString("     " + line + "\n")
		}
	}
	return b.String()
}
