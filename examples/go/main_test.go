package main

import (
	"bufio"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	agoratoken "github.com/agoratoken/agoratoken/token-go"
)

const (
	appID   = "970CA35de60c44645bbae8a215061b33"
	appCert = "5CFd2fd1755d40ecb72977518be15d3b"
)

// fetchToken gets /token for a numeric uid and checks the token with the
// binding's own Verify.
func fetchToken(t *testing.T, base, channel, uid string, wantUID uint32) {
	t.Helper()
	got := fetch(t, base, channel, uid)
	if got.UID == nil || *got.UID != wantUID || got.Account != "" {
		t.Fatalf("uid %q: response %+v", uid, got)
	}
	now := uint32(time.Now().Unix())
	result, err := agoratoken.VerifyWithUID(got.Token, appID, appCert, channel, wantUID, now)
	if err != nil || result != agoratoken.VerifyOK {
		t.Fatalf("verify: %v %v", result, err)
	}
	if r, _ := agoratoken.VerifyWithUID(got.Token, appID, appCert, channel, wantUID, got.Expire+1); r != agoratoken.VerifyPrivilegeExpired {
		t.Fatalf("privileges do not expire at %d: %v", got.Expire, r)
	}
}

// fetchAccountToken gets /token for text that is not a canonical decimal
// uid: a token for that user account, not for a number.
func fetchAccountToken(t *testing.T, base, channel, uid, wantAccount string) {
	t.Helper()
	got := fetch(t, base, channel, uid)
	if got.UID != nil || got.Account != wantAccount {
		t.Fatalf("uid %q: response %+v", uid, got)
	}
	now := uint32(time.Now().Unix())
	if r, err := agoratoken.VerifyWithUserAccount(got.Token, appID, appCert, channel, wantAccount, now); err != nil || !r.OK() {
		t.Fatalf("verify account %q: %v %v", wantAccount, r, err)
	}
}

func fetch(t *testing.T, base, channel, uid string) tokenResponse {
	t.Helper()
	resp, err := http.Get(base + "/token?channel=" + channel + "&uid=" + url.QueryEscape(uid))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var got tokenResponse
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "application/json" {
		t.Fatalf("uid %q: status %d, type %q", uid, resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	if err := json.NewDecoder(resp.Body).Decode(&got); err != nil {
		t.Fatal(err)
	}
	now := uint32(time.Now().Unix())
	if got.Channel != channel || got.Expire < now+3500 || got.Expire > now+3700 {
		t.Fatalf("response %+v", got)
	}
	return got
}

// The program itself: built, started on 127.0.0.1 (any free port), asked for a token.
func TestProgramServesTokens(t *testing.T) {
	exe := filepath.Join(t.TempDir(), "token-server")
	build := exec.Command("go", "build", "-o", exe, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	cmd := exec.Command(exe, "-addr", "127.0.0.1:0")
	cmd.Env = append(os.Environ(), "AGORA_APP_ID="+appID, "AGORA_APP_CERTIFICATE="+appCert)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		cmd.Process.Kill()
		cmd.Wait()
		if strings.Contains(stderr.String(), appCert) {
			t.Error("the server logged the certificate")
		}
	}()
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil || !strings.HasPrefix(line, "listening on http://127.0.0.1:") {
		t.Fatalf("first line %q: %v (stderr %q)", line, err, stderr.String())
	}
	base := strings.TrimSpace(strings.TrimPrefix(line, "listening on "))
	fetchToken(t, base, "room-1", "42", 42)
	fetchToken(t, base, "room-2", "0", 0)
}

// Bad credentials stop the program at start, without printing the certificate.
func TestProgramRefusesBadCredentials(t *testing.T) {
	cmd := exec.Command("go", "run", ".", "-addr", "127.0.0.1:0")
	cmd.Env = append(os.Environ(), "AGORA_APP_ID="+appID, "AGORA_APP_CERTIFICATE=z"+appCert[1:])
	out, err := cmd.CombinedOutput()
	if err == nil || !strings.Contains(string(out), "app_certificate") || strings.Contains(string(out), appCert[1:]) {
		t.Fatalf("exit %v, output %q", err, out)
	}
}

func TestHandlerErrors(t *testing.T) {
	ts := httptest.NewServer((&server{appID: appID, appCertificate: appCert, ttl: time.Hour}).handler())
	defer ts.Close()
	fetchToken(t, ts.URL, "room-3", "4294967295", 4294967295)
	fetchToken(t, ts.URL, "room-3", "0", 0)
	fetchToken(t, ts.URL, "room-3", "", 0) // no uid: the any-user token, as in the Python example
	// Not a canonical decimal uid: a user account, as Agora's builders would
	// sign the string. "007" is not uid 7.
	fetchAccountToken(t, ts.URL, "room-3", "007", "007")
	fetchAccountToken(t, ts.URL, "room-3", "alice", "alice")
	fetchAccountToken(t, ts.URL, "room-3", "-1", "-1")
	fetchAccountToken(t, ts.URL, "room-3", "1e3", "1e3")
	// Beyond 32 bits: no numeric uid, so the account of that name, as the
	// Python and PHP examples read it.
	fetchAccountToken(t, ts.URL, "room-3", "4294967296", "4294967296")
	fetchAccountToken(t, ts.URL, "room-3", "99999999999", "99999999999")
	got := fetch(t, ts.URL, "room-4", "007")
	now := uint32(time.Now().Unix())
	if r, err := agoratoken.VerifyWithUID(got.Token, appID, appCert, "room-4", 7, now); err != nil || r != agoratoken.VerifyUIDMismatch {
		t.Errorf("the token for \"007\" is valid for uid 7: %v %v", r, err)
	}
	if r, _ := agoratoken.VerifyWithUserAccount(got.Token, appID, appCert, "room-4", "7", now); r.OK() {
		t.Errorf("the token for \"007\" is valid for account \"7\": %v", r)
	}
	for _, c := range []struct {
		method, query string
		status        int
		category      string
	}{
		// Not a uid, so an account, refused by the account's own check.
		{"GET", "channel=room&uid=" + strings.Repeat("9", 5000), 400, "user_account"},
		{"GET", "channel=room&uid=a%2Fb", 400, "user_account"},
		{"GET", "channel=room&uid=%D9%A1%D9%A2", 400, "user_account"},
		{"GET", "channel=room&uid=" + strings.Repeat("a", 256), 400, "user_account"},
		{"GET", "channel=&uid=1", 400, "channel_name"},
		{"GET", "channel=&uid=alice", 400, "channel_name"},
		{"GET", "channel=a%2Fb&uid=1", 400, "channel_name"},
		{"GET", "channel=a%00b&uid=1", 400, "channel_name"},
		{"POST", "channel=room&uid=1", 405, "method"},
	} {
		req, _ := http.NewRequest(c.method, ts.URL+"/token?"+c.query, nil)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		var e errorResponse
		if resp.StatusCode != c.status || json.Unmarshal(body, &e) != nil || e.Error != c.category || e.Message == "" {
			t.Errorf("%s %s: %d %s", c.method, c.query, resp.StatusCode, body)
		}
		if strings.Contains(string(body), appCert) {
			t.Errorf("%s %s: the certificate is in the response", c.method, c.query)
		}
	}
}
