// Package bench measures the Go binding against the pure-Go 006 token
// builder a Go team would take from the Go module proxy:
// github.com/AgoraIO-Community/go-tokenbuilder v1.0.0, Agora's community
// port of its Go reference builder and that module's last 006 release (v1.1.0
// and later write AccessToken2 "007"; Agora's own github.com/AgoraIO/Tools
// module is not served by the proxy). This is a module of its own so that the
// binding itself has no such dependency.
//
// Each benchmark has two sub-benchmarks, "agoratoken" (ours) then "peer".
package bench

import (
	"testing"

	"github.com/AgoraIO-Community/go-tokenbuilder/accesstoken"
	"github.com/AgoraIO-Community/go-tokenbuilder/rtctokenbuilder"
	agoratoken "github.com/agoratoken/agoratoken/token-go"
)

const (
	appID   = "970CA35de60c44645bbae8a215061b33"
	appCert = "5CFd2fd1755d40ecb72977518be15d3b"
	channel = "7d72365eb983485397e3e3f9d460bdda"
	uid     = uint32(2882341273)
	expire  = uint32(1446455471)
	want    = "006970CA35de60c44645bbae8a215061b33IACV0fZUBw+72cVoL9eyGGh3Q6Poi8bgjwVLnyKSJyOXR7dIfRBXoFHlEAABAAAAR/QQAAEAAQCvKDdW"
)

var sink string

// Both implementations do the same work: they mint the same token.
func TestSameTokens(t *testing.T) {
	peer := accesstoken.CreateAccessToken(appID, appCert, channel, uid)
	peer.Salt, peer.Ts = 1, 1111111
	peer.AddPrivilege(accesstoken.KJoinChannel, expire)
	got, err := peer.Build()
	if err != nil || got != want {
		t.Fatalf("peer: %s %v", got, err)
	}
	b := agoratoken.CreateSimpleTokenBuilder(appID, appCert, channel, uid)
	defer b.Close()
	b.SetSalt(1)
	b.SetTs(1111111)
	b.SetPrivilege(agoratoken.KJoinChannel, expire)
	if got, err := b.BuildToken(); err != nil || got != want {
		t.Fatalf("ours: %s %v", got, err)
	}
	ours, err := agoratoken.BuildTokenWithUID(appID, appCert, channel, uid, agoratoken.RolePublisher, expire)
	if err != nil {
		t.Fatal(err)
	}
	theirs, err := rtctokenbuilder.BuildTokenWithUID(appID, appCert, channel, uid, rtctokenbuilder.RolePublisher, expire)
	if err != nil || len(theirs) != len(ours) {
		t.Fatalf("rtc tokens differ in shape: %s %s %v", ours, theirs, err)
	}
}

// The documented one-call helper: check the input, mint with a fresh salt.
func BenchmarkRtcBuildTokenWithUID(b *testing.B) {
	b.Run("agoratoken", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			sink, _ = agoratoken.BuildTokenWithUID(appID, appCert, channel, uid, agoratoken.RolePublisher, expire)
		}
	})
	b.Run("peer", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			sink, _ = rtctokenbuilder.BuildTokenWithUID(appID, appCert, channel, uid, rtctokenbuilder.RolePublisher, expire)
		}
	})
}

// A builder made once, then one token per call.
func BenchmarkBuilderBuildToken(b *testing.B) {
	b.Run("agoratoken", func(b *testing.B) {
		builder := agoratoken.CreateSimpleTokenBuilder(appID, appCert, channel, uid)
		defer builder.Close()
		builder.InitPrivileges(agoratoken.RolePublisher)
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			sink, _ = builder.BuildToken()
		}
	})
	b.Run("peer", func(b *testing.B) {
		token := accesstoken.CreateAccessToken(appID, appCert, channel, uid)
		for _, p := range []accesstoken.Privileges{accesstoken.KJoinChannel, accesstoken.KPublishAudioStream,
			accesstoken.KPublishVideoStream, accesstoken.KPublishDataStream} {
			token.AddPrivilege(p, 0)
		}
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			sink, _ = token.Build()
		}
	})
}

// Reading a token back.
func BenchmarkParse(b *testing.B) {
	b.Run("agoratoken", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			info, err := agoratoken.Parse(want)
			if err != nil || info.Salt != 1 {
				b.Fatal(err)
			}
		}
	})
	b.Run("peer", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			var token accesstoken.AccessToken
			if !token.FromString(want) || token.Salt != 1 {
				b.Fatal("peer parse failed")
			}
		}
	})
}
