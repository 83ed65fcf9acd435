// Package conformance runs the project's conformance vectors (format v1,
// tests/vectors/README.md) against the Go binding. The runner program is
// cmd/conformance; the package's own test runs it on the repository's vectors.
package conformance

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"

	agoratoken "github.com/agoratoken/agoratoken/token-go"
)

// EnvVectors names the directory of *.jsonl files that replaces tests/vectors.
const EnvVectors = "AGORA_TOKEN_VECTORS"

// Dir is $AGORA_TOKEN_VECTORS, else tests/vectors under the repository root
// (found from this source file, else from the executable; never from the
// current directory).
func Dir() (string, error) {
	if d := os.Getenv(EnvVectors); d != "" {
		return d, nil
	}
	var starts []string
	if _, file, _, ok := runtime.Caller(0); ok && filepath.IsAbs(file) {
		starts = append(starts, filepath.Dir(file))
	}
	if exe, err := os.Executable(); err == nil {
		starts = append(starts, filepath.Dir(exe))
	}
	for _, start := range starts {
		for d := start; ; d = filepath.Dir(d) {
			if isRepoRoot(d) {
				return filepath.Join(d, "tests", "vectors"), nil
			}
			if filepath.Dir(d) == d {
				break
			}
		}
	}
	return "", errors.New("cannot find the repository root (a folder with Cargo.toml and tests/vectors); set " + EnvVectors)
}

func isRepoRoot(d string) bool {
	if _, err := os.Stat(filepath.Join(d, "Cargo.toml")); err != nil {
		return false
	}
	st, err := os.Stat(filepath.Join(d, "tests", "vectors"))
	return err == nil && st.IsDir()
}

// Run checks every case of every *.jsonl file in dir, writes one line per
// failure to w, and returns the counts. A directory without cases, an
// unreadable file, a malformed line or a duplicate id count as failures.
func Run(dir string, w io.Writer) (passed, failed int) {
	files, err := filepath.Glob(filepath.Join(dir, "*.jsonl"))
	if err == nil && len(files) == 0 {
		err = fmt.Errorf("no *.jsonl file in %s", dir)
	}
	if err != nil {
		fmt.Fprintf(w, "FAIL %v\n", err)
		return 0, 1
	}
	sort.Strings(files)
	seen := map[string]bool{}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			fmt.Fprintf(w, "FAIL %v\n", err)
			failed++
			continue
		}
		for n, line := range bytes.Split(data, []byte("\n")) {
			if len(bytes.TrimSpace(line)) == 0 {
				continue
			}
			id, err := RunCase(line)
			if err == nil && seen[id] {
				err = errors.New("duplicate id")
			}
			seen[id] = true
			if err != nil {
				fmt.Fprintf(w, "FAIL %s:%d %s: %v\n", filepath.Base(file), n+1, id, err)
				failed++
			} else {
				passed++
			}
		}
	}
	return passed, failed
}

// vector is one case: its fields, read on demand.
type vector map[string]json.RawMessage

func (v vector) has(key string) bool { _, ok := v[key]; return ok }

func (v vector) str(key string) (string, error) {
	raw, ok := v[key]
	if !ok {
		return "", fmt.Errorf("missing %q", key)
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return "", fmt.Errorf("%q: %v", key, err)
	}
	return s, nil
}

func (v vector) u32(key string) (uint32, error) {
	raw, ok := v[key]
	if !ok {
		return 0, fmt.Errorf("missing %q", key)
	}
	return u32(raw, key)
}

func u32(raw json.RawMessage, what string) (uint32, error) {
	n, err := strconv.ParseUint(string(bytes.TrimSpace(raw)), 10, 32)
	if err != nil {
		return 0, fmt.Errorf("%s: not an integer 0..%d: %s", what, uint32(math.MaxUint32), raw)
	}
	return uint32(n), nil
}

// pairs reads [[a, b], ...] of integers 0..4294967295.
func pairs(raw json.RawMessage, what string) ([][2]uint32, error) {
	var list [][]json.RawMessage
	if err := json.Unmarshal(raw, &list); err != nil {
		return nil, fmt.Errorf("%s: %v", what, err)
	}
	out := make([][2]uint32, len(list))
	for i, p := range list {
		if len(p) != 2 {
			return nil, fmt.Errorf("%s[%d]: not a pair", what, i)
		}
		for j := range p {
			n, err := u32(p[j], what)
			if err != nil {
				return nil, err
			}
			out[i][j] = n
		}
	}
	return out, nil
}

// RunCase checks one JSON line and returns its id.
func RunCase(line []byte) (id string, err error) {
	var v vector
	if err := json.Unmarshal(line, &v); err != nil {
		return "?", fmt.Errorf("not a JSON object: %v", err)
	}
	id, err = v.str("id")
	if err != nil {
		return "?", err
	}
	kind, err := v.str("kind")
	if err != nil {
		return id, err
	}
	switch kind {
	case "build006":
		return id, build006(v)
	case "parse006":
		return id, parse006(v)
	case "reject006":
		return id, reject006(v)
	case "invalid006":
		return id, invalid006(v)
	case "build007":
		return id, build007(v)
	case "builder007":
		return id, builder007(v)
	case "parse007":
		return id, parse007(v)
	case "reject007":
		return id, reject007(v)
	case "invalid007":
		return id, invalid007(v)
	}
	return id, fmt.Errorf("unknown kind %q", kind)
}

// category is the vector name of an error of the binding.
func category(err error) string {
	var e *agoratoken.Error
	if errors.As(err, &e) {
		return e.Category
	}
	return fmt.Sprintf("not an agoratoken error: %v", err)
}

// buildFrom runs a build006/invalid006 case: builder, salt, ts, privileges, build.
func buildFrom(v vector) (string, error) {
	appID, err := v.str("app_id")
	if err != nil {
		return "", err
	}
	cert, err := v.str("app_certificate")
	if err != nil {
		return "", err
	}
	channel, err := v.str("channel_name")
	if err != nil {
		return "", err
	}
	salt, err := v.u32("salt")
	if err != nil {
		return "", err
	}
	ts, err := v.u32("ts")
	if err != nil {
		return "", err
	}
	raw, ok := v["privileges"]
	if !ok {
		return "", errors.New(`missing "privileges"`)
	}
	privileges, err := pairs(raw, "privileges")
	if err != nil {
		return "", err
	}
	var b agoratoken.SimpleTokenBuilder
	switch {
	case v.has("uid") && v.has("user_account"):
		return "", errors.New("both uid and user_account")
	case v.has("uid"):
		uid, err := v.u32("uid")
		if err != nil {
			return "", err
		}
		b = agoratoken.CreateSimpleTokenBuilder(appID, cert, channel, uid)
	case v.has("user_account"):
		account, err := v.str("user_account")
		if err != nil {
			return "", err
		}
		b = agoratoken.CreateSimpleTokenBuilder2(appID, cert, channel, account)
	default:
		return "", errors.New("neither uid nor user_account")
	}
	defer b.Close()
	if err := b.Err(); err != nil {
		return "", &buildError{err}
	}
	for _, e := range []error{b.SetSalt(salt), b.SetTs(ts)} {
		if e != nil {
			return "", &buildError{e}
		}
	}
	for _, p := range privileges {
		if p[0] > math.MaxUint16 {
			return "", fmt.Errorf("privilege id %d out of range", p[0])
		}
		if e := b.SetPrivilege(agoratoken.Privileges(p[0]), p[1]); e != nil {
			return "", &buildError{e}
		}
	}
	token, e := b.BuildToken()
	if e != nil {
		return "", &buildError{e}
	}
	return token, nil
}

// buildError is a failure of the binding (as opposed to a malformed vector).
type buildError struct{ err error }

func (e *buildError) Error() string { return e.err.Error() }
func (e *buildError) Unwrap() error { return e.err }

func build006(v vector) error {
	want, err := v.str("token")
	if err != nil {
		return err
	}
	got, err := buildFrom(v)
	if err != nil {
		return err
	}
	if got != want {
		return fmt.Errorf("token differs:\n  got  %s\n  want %s", got, want)
	}
	return nil
}

func invalid006(v vector) error {
	want, err := v.str("error")
	if err != nil {
		return err
	}
	token, err := buildFrom(v)
	var be *buildError
	switch {
	case err == nil:
		return fmt.Errorf("built %s, want error %q", token, want)
	case !errors.As(err, &be):
		return err // the vector itself is malformed
	case category(err) != want:
		return fmt.Errorf("error %q (%v), want %q", category(err), err, want)
	}
	return nil
}

func reject006(v vector) error {
	token, err := v.str("token")
	if err != nil {
		return err
	}
	want, err := v.str("error")
	if err != nil {
		return err
	}
	info, err := agoratoken.Parse(token)
	if err == nil {
		return fmt.Errorf("parsed %+v, want error %q", info, want)
	}
	if got := category(err); got != want {
		return fmt.Errorf("error %q (%v), want %q", got, err, want)
	}
	return nil
}

type expected struct {
	AppID          string          `json:"app_id"`
	SignatureHex   string          `json:"signature_hex"`
	CrcChannelName json.RawMessage `json:"crc_channel_name"`
	CrcUID         json.RawMessage `json:"crc_uid"`
	Salt           json.RawMessage `json:"salt"`
	Ts             json.RawMessage `json:"ts"`
	Privileges     json.RawMessage `json:"privileges"`
}

func parse006(v vector) error {
	token, err := v.str("token")
	if err != nil {
		return err
	}
	raw, ok := v["expected"]
	if !ok {
		return errors.New(`missing "expected"`)
	}
	var want expected
	if err := json.Unmarshal(raw, &want); err != nil {
		return fmt.Errorf("expected: %v", err)
	}
	info, err := agoratoken.Parse(token)
	if err != nil {
		return fmt.Errorf("parse: %v", err)
	}
	if info.AppID != want.AppID {
		return fmt.Errorf("app_id %q, want %q", info.AppID, want.AppID)
	}
	if info.SignatureHex() != want.SignatureHex {
		return fmt.Errorf("signature %s, want %s", info.SignatureHex(), want.SignatureHex)
	}
	for _, f := range []struct {
		name string
		got  uint32
		raw  json.RawMessage
	}{
		{"crc_channel_name", info.CrcChannelName, want.CrcChannelName},
		{"crc_uid", info.CrcUID, want.CrcUID},
		{"salt", info.Salt, want.Salt},
		{"ts", info.Ts, want.Ts},
	} {
		n, err := u32(f.raw, "expected."+f.name)
		if err != nil {
			return err
		}
		if f.got != n {
			return fmt.Errorf("%s %d, want %d", f.name, f.got, n)
		}
	}
	privileges, err := pairs(want.Privileges, "expected.privileges")
	if err != nil {
		return err
	}
	if len(privileges) != len(info.Privileges) {
		return fmt.Errorf("privileges %v, want %v", info.Privileges, privileges)
	}
	for i, p := range privileges {
		if uint32(info.Privileges[i].Privilege) != p[0] || info.Privileges[i].ExpireTs != p[1] {
			return fmt.Errorf("privileges %v, want %v", info.Privileges, privileges)
		}
	}
	if raw, ok := v["verify"]; ok {
		return verify(token, raw)
	}
	return nil
}

func verify(token string, raw json.RawMessage) error {
	var v vector
	if err := json.Unmarshal(raw, &v); err != nil {
		return fmt.Errorf("verify: %v", err)
	}
	cert, err := v.str("app_certificate")
	if err != nil {
		return err
	}
	channel, err := v.str("channel_name")
	if err != nil {
		return err
	}
	now, err := v.u32("now")
	if err != nil {
		return err
	}
	want, err := v.str("result")
	if err != nil {
		return err
	}
	appID := ""
	if v.has("app_id") {
		if appID, err = v.str("app_id"); err != nil {
			return err
		}
	}
	var result agoratoken.VerifyResult
	switch {
	case v.has("uid") && v.has("user_account"):
		return errors.New("verify: both uid and user_account")
	case v.has("uid"):
		uid, err := v.u32("uid")
		if err != nil {
			return err
		}
		result, err = agoratoken.VerifyWithUID(token, appID, cert, channel, uid, now)
		if err != nil {
			return fmt.Errorf("verify: %v", err)
		}
	case v.has("user_account"):
		account, err := v.str("user_account")
		if err != nil {
			return err
		}
		result, err = agoratoken.VerifyWithUserAccount(token, appID, cert, channel, account, now)
		if err != nil {
			return fmt.Errorf("verify: %v", err)
		}
	default:
		return errors.New("verify: neither uid nor user_account")
	}
	if result.String() != want {
		return fmt.Errorf("verify %q, want %q", result, want)
	}
	return nil
}
