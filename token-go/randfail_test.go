package agoratoken

import (
	"errors"
	"os"
	"strings"
	"testing"
)

// TestRandomSourceFailure runs only under tests/random-failure/randfail.so
// (make test-go sets it up): while the switch file exists the OS random
// source fails, and every minting call returns an error of ErrRandom rather
// than killing the process; once it is gone, tokens are minted again.
func TestRandomSourceFailure(t *testing.T) {
	path := os.Getenv("AGORATOKEN_RANDFAIL_FILE")
	if path == "" {
		t.Skip("runs under LD_PRELOAD=randfail.so with AGORATOKEN_RANDFAIL_FILE set (make test-go)")
	}
	b, err := NewSimpleTokenBuilder(appID, appCert, channel, uid)
	must(t, err)
	defer b.Close()
	must(t, os.WriteFile(path, nil, 0o600))
	armed := true
	defer func() {
		if armed {
			os.Remove(path)
		}
	}()
	for name, mint := range map[string]func() (string, error){
		"BuildToken":        b.BuildToken,
		"BuildTokenWithUID": func() (string, error) { return BuildTokenWithUID(appID, appCert, channel, uid, RolePublisher, 0) },
		"RTM BuildToken":    func() (string, error) { return BuildRtmToken(appID, appCert, "alice", RoleRtmUser, 0) },
	} {
		token, err := mint()
		if token != "" || !errors.Is(err, ErrRandom) || ErrorCode(err) != -32 {
			t.Errorf("%s: %q, %v; want an ErrRandom error", name, token, err)
		}
	}
	must(t, os.Remove(path))
	armed = false
	token, err := b.BuildToken()
	if err != nil || !strings.HasPrefix(token, "006") {
		t.Fatalf("after the source came back: %q, %v", token, err)
	}
}
