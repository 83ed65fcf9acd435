package accesstoken2_test

// Tests of what Agora's own Go tests need beyond the builders: AssertNil,
// AssertEqual (a 007 token string equals another zlib's string of the same
// content; the failing comparisons are in assert_internal_test.go),
// GetUidStr (agrees with token-core's packing), and services of other
// types, built and read as the reference builds and reads them.

import (
	"errors"
	"io"
	"strings"
	"testing"

	agoratoken "github.com/agoratoken/agoratoken/token-go"
	"github.com/agoratoken/agoratoken/token-go/accesstoken2"
)

// The reference's Go writes this token for TestSample's token (Go's
// compress/zlib with a sync flush; AgoraIO/Tools accesstoken_test.go):
// other bytes, the same content.
const sampleGoZlib = "007eJxSYBBbsMMnKq7p9Hf/HcIX5kce9b518kCiQgSr5Zrp4X1Tu6UUGCzNDZwdjU1TUs0Mkk1MzExMk5ISUy0SjQxNDcwMk4yN3b8IMEQwMTAwMoAwBIL4CgzmKeZGxmamqUmWFsYmFqbGluapxqnGaZYpJmYGSSkpiVwMRhYWRsYmhkbmxoAAAAD//8JqJOM="

func TestAssertHelpersPassOnEqualValues(t *testing.T) {
	accesstoken2.AssertNil(t, nil)
	accesstoken2.AssertNil(t, io.EOF) // the reference lets io.EOF pass
	accesstoken2.AssertEqual(t, 1, 1)
	accesstoken2.AssertEqual(t, uint32(600), uint32(600))
	accesstoken2.AssertEqual(t, "a", "a")
	accesstoken2.AssertEqual(t, []string{"x"}, []string{"x"}) // not comparable: deep equality, no panic
	accesstoken2.AssertEqual(t, sample, sample)
	accesstoken2.AssertEqual(t, sampleGoZlib, sample)
	accesstoken2.AssertEqual(t, sample, sampleGoZlib)
}

func TestGetUidStrAgreesWithTheLibrary(t *testing.T) {
	for _, uid := range []uint32{0, 1, 2882341273, 4294967295} {
		tok := accesstoken2.NewAccessToken(appID, appCert, 600)
		s := accesstoken2.NewServiceStreamingWithUid(channel, uid)
		s.AddPrivilege(accesstoken2.PrivilegeStreamingPublishMixStream, 600)
		tok.AddService(s)
		p := accesstoken2.CreateAccessToken()
		if _, err := p.Parse(built(t, tok)); err != nil {
			t.Fatal(err)
		}
		packed := p.Services[0].(*accesstoken2.ServiceStreaming).Account
		if got := accesstoken2.GetUidStr(uid); got != packed {
			t.Errorf("GetUidStr(%d) = %q, the library packs %q", uid, got, packed)
		}
	}
}

func rtcAnd(t *testing.T, other *accesstoken2.Service) string {
	t.Helper()
	tok := accesstoken2.NewAccessToken(appID, appCert, 600)
	tok.IssueTs, tok.Salt = 1111111, 1
	rtc := accesstoken2.NewServiceRtc(channel, "2882341273")
	rtc.AddPrivilege(accesstoken2.PrivilegeJoinChannel, 600)
	tok.AddService(rtc)
	tok.AddService(other)
	return built(t, tok)
}

// A bare NewService of a type outside 1..10 is built as type and privileges;
// Parse stops there as the reference's does, ParseStrict and Verify refuse it.
func TestOtherServiceTypes(t *testing.T) {
	for _, c := range []struct {
		serviceType uint16
		rtcRead     int // the RTC service sorts before 999 and after 0
	}{{999, 1}, {65535, 1}, {11, 1}, {0, 0}} {
		other := accesstoken2.NewService(c.serviceType)
		other.AddPrivilege(1, 600)
		other.AddPrivilege(7, 0)
		token := rtcAnd(t, other)
		p := accesstoken2.CreateAccessToken()
		if ok, err := p.Parse(token); !ok || err != nil {
			t.Fatalf("type %d: Parse %v %v", c.serviceType, ok, err)
		}
		if n := len(p.GetServices(accesstoken2.ServiceTypeRtc)); n != c.rtcRead || len(p.Services) != c.rtcRead {
			t.Errorf("type %d: read %d RTC services of %d, want %d", c.serviceType, n, len(p.Services), c.rtcRead)
		}
		if len(p.GetServices(c.serviceType)) != 0 {
			t.Errorf("type %d: an unread service was kept", c.serviceType)
		}
		if ok, err := p.VerifySignature(appCert); !ok || err != nil {
			t.Errorf("type %d: VerifySignature %v %v", c.serviceType, ok, err)
		}
		if ok, err := p.VerifySignature(strings.ToLower(appCert)); ok || err != nil {
			t.Errorf("type %d: another certificate verified: %v %v", c.serviceType, ok, err)
		}
		if ok, err := accesstoken2.CreateAccessToken().ParseStrict(token); ok || !errors.Is(err, agoratoken.ErrService) {
			t.Errorf("type %d: ParseStrict %v %v", c.serviceType, ok, err)
		}
		if _, err := accesstoken2.Verify(token, appCert, 1111111); !errors.Is(err, agoratoken.ErrService) {
			t.Errorf("type %d: Verify %v", c.serviceType, err)
		}
	}
	// A bare service of a documented type lacks its fields.
	bare := accesstoken2.NewService(accesstoken2.ServiceTypeRtm)
	bare.AddPrivilege(accesstoken2.PrivilegeLogin, 600)
	tok := accesstoken2.NewAccessToken(appID, appCert, 600)
	tok.AddService(bare)
	if _, err := tok.Build(); !errors.Is(err, agoratoken.ErrService) {
		t.Errorf("bare RTM service: %v", err)
	}
	// Only an unknown service: nothing read, the signature verifies (the reference's test of this).
	only := accesstoken2.NewAccessToken(appID, appCert, 600)
	unknown := accesstoken2.NewService(999)
	unknown.AddPrivilege(1, 600)
	only.AddService(unknown)
	p := accesstoken2.CreateAccessToken()
	if ok, err := p.Parse(built(t, only)); !ok || err != nil || len(p.Services) != 0 {
		t.Fatalf("only an unknown service: %v %v %d", ok, err, len(p.Services))
	}
	if ok, err := p.VerifySignature(appCert); !ok || err != nil {
		t.Fatalf("only an unknown service: VerifySignature %v %v", ok, err)
	}
}
