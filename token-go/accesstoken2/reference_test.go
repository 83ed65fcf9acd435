package accesstoken2_test

// Tests of the reference helpers that Agora's own Go tests call: AssertNil,
// AssertEqual (a 007 token string equals another zlib's string of the same
// content; the failing comparisons are in assert_internal_test.go), GetUidStr (agrees with token-core's packing),
// and Parse clearing the token on failure.

import (
	"io"
	"testing"

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
