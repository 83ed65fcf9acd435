// Package bench007 measures the Go binding's AccessToken2 (007) against the
// pure-Go builder a Go team would take from the Go module proxy:
// github.com/AgoraIO-Community/go-tokenbuilder v1.3.0, whose rtctokenbuilder
// package (package rtctokenbuilder2) and accesstoken write and read 007
// tokens (v1.0.0, which ../bench compares for 006, is the last 006 release;
// one module cannot require both). A module of its own, so that the binding
// has no such dependency.
//
// Each benchmark has two sub-benchmarks, "agoratoken" (ours) then "peer".
package bench007

import (
	"testing"

	"github.com/AgoraIO-Community/go-tokenbuilder/accesstoken"
	peer "github.com/AgoraIO-Community/go-tokenbuilder/rtctokenbuilder"
	"github.com/agoratoken/agoratoken/token-go/accesstoken2"
	"github.com/agoratoken/agoratoken/token-go/rtctokenbuilder2"
)

const (
	appID   = "970CA35de60c44645bbae8a215061b33"
	appCert = "5CFd2fd1755d40ecb72977518be15d3b"
	channel = "7d72365eb983485397e3e3f9d460bdda"
	uid     = uint32(2882341273)
	expire  = uint32(600)
)

var sink string

// Both sides do the same work: pinned, they write the same content (the
// token strings differ: Go's compress/zlib is not stock zlib).
func TestSameContent(t *testing.T) {
	p := accesstoken.NewAccessToken(appID, appCert, expire)
	p.IssueTs, p.Salt = 1111111, 1
	rtc := accesstoken.NewServiceRtc(channel, accesstoken.GetUidStr(uid))
	for _, id := range []uint16{accesstoken.PrivilegeJoinChannel, accesstoken.PrivilegePublishAudioStream,
		accesstoken.PrivilegePublishVideoStream, accesstoken.PrivilegePublishDataStream} {
		rtc.AddPrivilege(id, expire)
	}
	p.AddService(rtc)
	theirs, err := p.Build()
	if err != nil {
		t.Fatal(err)
	}
	o := accesstoken2.NewAccessToken(appID, appCert, expire)
	o.IssueTs, o.Salt = 1111111, 1
	ortc := accesstoken2.NewServiceRtc(channel, "2882341273")
	for _, id := range []uint16{1, 2, 3, 4} {
		ortc.AddPrivilege(id, expire)
	}
	o.AddService(ortc)
	ours, err := o.Build()
	if err != nil {
		t.Fatal(err)
	}
	a, b := accesstoken2.CreateAccessToken(), accesstoken2.CreateAccessToken()
	if _, err := a.Parse(ours); err != nil {
		t.Fatal(err)
	}
	if _, err := b.Parse(theirs); err != nil {
		t.Fatalf("the peer's token does not parse: %v", err)
	}
	if ok, err := b.VerifySignature(appCert); !ok || err != nil {
		t.Fatalf("the peer's token is not signed as ours: %v", err)
	}
	x, _ := a.GetServices(accesstoken2.ServiceTypeRtc)[0].(*accesstoken2.ServiceRtc)
	y, _ := b.GetServices(accesstoken2.ServiceTypeRtc)[0].(*accesstoken2.ServiceRtc)
	if a.Salt != b.Salt || a.IssueTs != b.IssueTs || x.Uid != y.Uid || len(x.Privileges) != len(y.Privileges) {
		t.Fatalf("different tokens: %+v %+v", x, y)
	}
	if _, err := rtctokenbuilder2.BuildTokenWithUid(appID, appCert, channel, uid, rtctokenbuilder2.RolePublisher, expire, expire); err != nil {
		t.Fatal(err)
	}
}

// The documented one-call builder: check the input, mint with a fresh salt.
func BenchmarkRtc2BuildTokenWithUid(b *testing.B) {
	b.Run("agoratoken", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			sink, _ = rtctokenbuilder2.BuildTokenWithUid(appID, appCert, channel, uid, rtctokenbuilder2.RolePublisher, expire, expire)
		}
	})
	b.Run("peer", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			sink, _ = peer.BuildTokenWithUid(appID, appCert, channel, uid, peer.RolePublisher, expire)
		}
	})
}

// Reading a 007 token back.
func BenchmarkParse2(b *testing.B) {
	token, err := rtctokenbuilder2.BuildTokenWithUid(appID, appCert, channel, uid, rtctokenbuilder2.RolePublisher, expire, expire)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("agoratoken", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			t := accesstoken2.CreateAccessToken()
			if ok, err := t.Parse(token); !ok || err != nil || t.Expire != expire {
				b.Fatal(err)
			}
		}
	})
	b.Run("peer", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			t := accesstoken.CreateAccessToken()
			if ok, err := t.Parse(token); !ok || err != nil || t.Expire != expire {
				b.Fatal(err)
			}
		}
	})
}
