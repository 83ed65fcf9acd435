package main

import (
	"bufio"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
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

// fetchToken gets /token and checks the token with the binding's own Verify.
func fetchToken(t *testing.T, base, channel, uid string, wantUID uint32) {
	t.Helper()
	resp, err := http.Get(base + "/token?channel=" + channel + "&uid=" + uid)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var got tokenResponse
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "application/json" {
		t.Fatalf("status %d, type %q", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	if err := json.NewDecoder(resp.Body).Decode(&got); err != nil {
		t.Fatal(err)
	}
	now := uint32(time.Now().Unix())
	if got.Channel != channel || got.UID != wantUID || got.Expire < now+3500 || got.Expire > now+3700 {
		t.Fatalf("response %+v", got)
	}
	result, err := agoratoken.VerifyWithUID(got.Token, appID, appCert, channel, wantUID, now)
	if err != nil || result != agoratoken.VerifyOK {
		t.Fatalf("verify: %v %v", result, err)
	}
	if r, _ := agoratoken.VerifyWithUID(got.Token, appID, appCert, channel, wantUID, got.Expire+1); r != agoratoken.VerifyPrivilegeExpired {
		t.Fatalf("privileges do not expire at %d: %v", got.Expire, r)
	}
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
	for _, c := range []struct {
		method, query string
		status        int
		category      string
	}{
		{"GET", "channel=room&uid=", 400, "uid"},
		{"GET", "channel=room&uid=-1", 400, "uid"},
		{"GET", "channel=room&uid=4294967296", 400, "uid"},
		{"GET", "channel=room&uid=1e3", 400, "uid"},
		{"GET", "channel=&uid=1", 400, "channel_name"},
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
