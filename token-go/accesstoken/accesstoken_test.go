package accesstoken_test

import (
	"errors"
	"testing"

	agoratoken "github.com/agoratoken/agoratoken/token-go"
	"github.com/agoratoken/agoratoken/token-go/accesstoken"
	"github.com/agoratoken/agoratoken/token-go/rtctokenbuilder"
	"github.com/agoratoken/agoratoken/token-go/rtmtokenbuilder"
)

const (
	appID   = "970CA35de60c44645bbae8a215061b33"
	appCert = "5CFd2fd1755d40ecb72977518be15d3b"
)

// The constants are untyped, as Agora's: these lines compile only then.
var (
	_ = map[uint16]uint32{accesstoken.KJoinChannel: 1}
	_ = map[int]bool{rtctokenbuilder.RoleSubscriber: true, rtmtokenbuilder.RoleRtmUser: true}
)

func TestConstantsAreTheCores(t *testing.T) {
	pairs := []struct{ got, want uint16 }{
		{accesstoken.KJoinChannel, uint16(agoratoken.KJoinChannel)},
		{accesstoken.KPublishAudiocdn, uint16(agoratoken.KPublishAudiocdn)},
		{accesstoken.KAdministrateChannel, uint16(agoratoken.KAdministrateChannel)},
		{accesstoken.KLoginRtm, uint16(agoratoken.KLoginRtm)},
		{rtctokenbuilder.RoleAttendee, uint16(agoratoken.RoleAttendee)},
		{rtctokenbuilder.RoleSubscriber, uint16(agoratoken.RoleSubscriber)},
		{rtctokenbuilder.RoleAdmin, uint16(agoratoken.RoleAdmin)},
		{rtmtokenbuilder.RoleRtmUser, uint16(agoratoken.RoleRtmUser)},
	}
	for i, p := range pairs {
		if p.got != p.want {
			t.Errorf("constant %d: %d, the core says %d", i, p.got, p.want)
		}
	}
}

// reference builds the same token through SimpleTokenBuilder.
func reference(t *testing.T, b agoratoken.SimpleTokenBuilder, err error) string {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	for _, e := range []error{b.SetSalt(7), b.SetTs(1700000000), b.SetPrivilege(agoratoken.KJoinChannel, 1700000600)} {
		if e != nil {
			t.Fatal(e)
		}
	}
	s, err := b.BuildToken()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestBuildIsSimpleTokenBuilders(t *testing.T) {
	cases := []struct {
		token accesstoken.AccessToken
		want  func() (agoratoken.SimpleTokenBuilder, error)
	}{
		{accesstoken.CreateAccessToken(appID, appCert, "room-1", 2882341273), func() (agoratoken.SimpleTokenBuilder, error) {
			return agoratoken.NewSimpleTokenBuilder(appID, appCert, "room-1", 2882341273)
		}},
		{accesstoken.CreateAccessToken(appID, appCert, "room-1", 0), func() (agoratoken.SimpleTokenBuilder, error) {
			return agoratoken.NewSimpleTokenBuilder(appID, appCert, "room-1", 0)
		}},
		{accesstoken.CreateAccessToken2(appID, appCert, "room-1", "alice"), func() (agoratoken.SimpleTokenBuilder, error) {
			return agoratoken.NewSimpleTokenBuilderWithUserAccount(appID, appCert, "room-1", "alice")
		}},
	}
	for _, c := range cases {
		tok := c.token
		tok.Salt, tok.Ts = 7, 1700000000
		tok.Message[accesstoken.KJoinChannel] = 1700000600
		got, err := tok.Build()
		if err != nil {
			t.Fatal(err)
		}
		b, err := c.want()
		if want := reference(t, b, err); got != want {
			t.Errorf("%q: %s, want %s", tok.UidStr, got, want)
		}
	}
}

func TestFromStringAndFreshDefaults(t *testing.T) {
	tok := accesstoken.CreateAccessToken(appID, appCert, "room-1", 42)
	tok.AddPrivilege(accesstoken.KLoginRtm, 1700000100)
	a, err := tok.Build()
	if err != nil {
		t.Fatal(err)
	}
	b, _ := tok.Build()
	if a == b {
		t.Error("unset salt: two builds gave one token")
	}
	var back accesstoken.AccessToken
	if !back.FromString(a) || back.AppID != appID || back.Message[accesstoken.KLoginRtm] != 1700000100 || back.Salt == 0 || back.Ts == 0 {
		t.Errorf("FromString: %+v", back)
	}
	if back.FromString("007"+a[3:]) || back.FromString("x") {
		t.Error("a malformed token was read")
	}
}

func TestRefusesWhatAgoraRejects(t *testing.T) {
	tok := accesstoken.CreateAccessToken(appID, appCert, "a/b", 1)
	if _, err := tok.Build(); !errors.Is(err, agoratoken.ErrChannelName) {
		t.Errorf("channel a/b: %v", err)
	}
	if _, err := rtctokenbuilder.BuildTokenWithUID(appID, "nothex", "room", 1, rtctokenbuilder.RolePublisher, 0); !errors.Is(err, agoratoken.ErrAppCertificate) {
		t.Errorf("certificate: %v", err)
	}
}

func TestBuildersParse(t *testing.T) {
	rtc, err := rtctokenbuilder.BuildTokenWithUID(appID, appCert, "room-1", 0, rtctokenbuilder.RoleSubscriber, 1700000600)
	if err != nil {
		t.Fatal(err)
	}
	var back accesstoken.AccessToken
	if !back.FromString(rtc) || back.Message[accesstoken.KJoinChannel] != 1700000600 || back.Message[accesstoken.KPublishVideoStream] != 0 {
		t.Errorf("subscriber: %+v", back.Message)
	}
	if _, err := rtctokenbuilder.BuildTokenWithUserAccount(appID, appCert, "room-1", "alice", rtctokenbuilder.RolePublisher, 0); err != nil {
		t.Error(err)
	}
	rtm, err := rtmtokenbuilder.BuildToken(appID, appCert, "alice", rtmtokenbuilder.RoleRtmUser, 1700000600)
	if err != nil {
		t.Fatal(err)
	}
	if !back.FromString(rtm) || back.Message[accesstoken.KLoginRtm] != 1700000600 {
		t.Errorf("rtm: %+v", back.Message)
	}
}
