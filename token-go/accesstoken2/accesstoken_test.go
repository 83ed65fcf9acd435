package accesstoken2_test

// Tests of the Go 007 API: every reference-named builder against the same
// token described with AccessToken, failures (errors.Is on the category
// sentinels), Parse/VerifySignature/GetServices, Verify, long tokens,
// goroutines (run with -race).

import (
	"crypto/md5"
	"encoding/hex"
	"errors"
	"strings"
	"sync"
	"testing"

	agoratoken "github.com/agoratoken/agoratoken/token-go"
	"github.com/agoratoken/agoratoken/token-go/accesstoken2"
	"github.com/agoratoken/agoratoken/token-go/apaastokenbuilder"
	"github.com/agoratoken/agoratoken/token-go/chatTokenBuilder"
	"github.com/agoratoken/agoratoken/token-go/convoaitokenbuilder"
	"github.com/agoratoken/agoratoken/token-go/educationtokenbuilder"
	"github.com/agoratoken/agoratoken/token-go/fpatokenbuilder"
	"github.com/agoratoken/agoratoken/token-go/internal/token2"
	"github.com/agoratoken/agoratoken/token-go/rtctokenbuilder2"
	"github.com/agoratoken/agoratoken/token-go/rtmtokenbuilder2"
	"github.com/agoratoken/agoratoken/token-go/stttokenbuilder"
)

const (
	appID   = "970CA35de60c44645bbae8a215061b33"
	appCert = "5CFd2fd1755d40ecb72977518be15d3b"
	channel = "7d72365eb983485397e3e3f9d460bdda"
	uid     = uint32(2882341273)
	// build007 p-build007-0001: RTC uid 2882341273, JoinChannel 600, expire 600, issue_ts 1111111, salt 1.
	sample = "007eJxTYBBbsMMnKq7p9Hf/HcIX5kce9b518kCiQgSr5Zrp4X1Tu6UUGCzNDZwdjU1TUs0Mkk1MzExMk5ISUy0SjQxNDcwMk4yN3b8IMEQwMTAwMoAwBIL4CgzmKeZGxmamqUmWFsYmFqbGluapxqnGaZYpJmYGSSkpiVwMRhYWRsYmhkbmxgDCaiTj"
)

func pinned(t *testing.T) {
	t.Helper()
	t.Cleanup(token2.SetPin(token2.Pin{IssueTs: 1111111, Salt: 1}))
}

func must(t *testing.T, token string, err error) string {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
	return token
}

func built(t *testing.T, b interface{ Build() (string, error) }) string {
	t.Helper()
	token, err := b.Build()
	return must(t, token, err)
}

func call(t *testing.T, f func() (string, error)) string {
	t.Helper()
	token, err := f()
	return must(t, token, err)
}

// viaData builds the token the services describe, pinned like the builders.
func viaData(t *testing.T, expire uint32, services ...accesstoken2.IService) string {
	t.Helper()
	tok := accesstoken2.NewAccessToken(appID, appCert, expire)
	tok.IssueTs, tok.Salt = 1111111, 1
	for _, s := range services {
		tok.AddService(s)
	}
	return built(t, tok)
}

func with[S accesstoken2.IService](s S, privileges ...uint32) S {
	for i := 0; i+1 < len(privileges); i += 2 {
		base(s).AddPrivilege(uint16(privileges[i]), privileges[i+1])
	}
	return s
}

func base(s accesstoken2.IService) *accesstoken2.Service {
	switch x := s.(type) {
	case *accesstoken2.ServiceRtc:
		return x.Service
	case *accesstoken2.ServiceRtm:
		return x.Service
	case *accesstoken2.ServiceChat:
		return x.Service
	case *accesstoken2.ServiceFpa:
		return x.Service
	case *accesstoken2.ServiceApaas:
		return x.Service
	case *accesstoken2.ServiceRtm2:
		return x.Service
	case *accesstoken2.ServiceConvoAI:
		return x.Service
	case *accesstoken2.ServiceStt:
		return x.Service
	}
	panic("unexpected service")
}

func TestSample(t *testing.T) {
	pinned(t)
	got := call(t, func() (string, error) {
		return rtctokenbuilder2.BuildTokenWithUid(appID, appCert, channel, uid, rtctokenbuilder2.RoleSubscriber, 600, 600)
	})
	if got != sample {
		t.Fatalf("got %s", got)
	}
	if rtctokenbuilder2.RolePublisher != 1 || rtctokenbuilder2.RoleSubscriber != 2 {
		t.Fatal("role values")
	}
}

func TestEveryBuilderWritesWhatItsDataDescribes(t *testing.T) {
	pinned(t)
	const j, a, v, d = accesstoken2.PrivilegeJoinChannel, accesstoken2.PrivilegePublishAudioStream,
		accesstoken2.PrivilegePublishVideoStream, accesstoken2.PrivilegePublishDataStream
	rtc := func(user string, ps ...uint32) *accesstoken2.ServiceRtc {
		return with(accesstoken2.NewServiceRtc("room", user), ps...)
	}
	login := uint32(accesstoken2.PrivilegeLogin)
	rtm2 := func(extra ...accesstoken2.IService) []accesstoken2.IService {
		return append([]accesstoken2.IService{rtc("alice", j, 1, a, 2, v, 3, d, 4),
			with(accesstoken2.NewServiceRtm("bob"), login, 700)}, extra...)
	}
	md5hex := func(s string) string { h := md5.Sum([]byte(s)); return hex.EncodeToString(h[:]) }
	roomUser := []accesstoken2.IService{
		with(accesstoken2.NewServiceApaas("r1", "u1", 3), accesstoken2.PrivilegeApaasRoomUser, 60),
		with(accesstoken2.NewServiceRtm("u1"), login, 60),
		with(accesstoken2.NewServiceChat(md5hex("u1")), accesstoken2.PrivilegeChatUser, 60),
	}
	permissions := accesstoken2.NewRtm2Permissions()
	permissions.Add(accesstoken2.Rtm2ResourceUsers, accesstoken2.Rtm2PermissionRead, []string{"u1", "u2"})
	permissions.Add(accesstoken2.Rtm2ResourceMessageChannels, accesstoken2.Rtm2PermissionWrite, []string{"c1"})
	pub, sub := rtctokenbuilder2.Role(rtctokenbuilder2.RolePublisher), rtctokenbuilder2.Role(rtctokenbuilder2.RoleSubscriber)
	cases := []struct {
		name string
		got  func() (string, error)
		want string
	}{
		{"uid publisher", func() (string, error) {
			return rtctokenbuilder2.BuildTokenWithUid(appID, appCert, "room", 7, pub, 600, 60)
		}, viaData(t, 600, rtc("7", j, 60, a, 60, v, 60, d, 60))},
		{"uid 0 subscriber", func() (string, error) {
			return rtctokenbuilder2.BuildTokenWithUid(appID, appCert, "room", 0, sub, 600, 0)
		}, viaData(t, 600, rtc("", j, 0))},
		{"account", func() (string, error) {
			return rtctokenbuilder2.BuildTokenWithUserAccount(appID, appCert, "room", "alice", pub, 600, 30)
		}, viaData(t, 600, rtc("alice", j, 30, a, 30, v, 30, d, 30))},
		{"uid and privilege", func() (string, error) {
			return rtctokenbuilder2.BuildTokenWithUidAndPrivilege(appID, appCert, "room", 7, 600, 1, 2, 3, 4)
		}, viaData(t, 600, rtc("7", j, 1, a, 2, v, 3, d, 4))},
		{"account and privilege", func() (string, error) {
			return rtctokenbuilder2.BuildTokenWithUserAccountAndPrivilege(appID, appCert, "room", "alice", 600, 1, 2, 3, 4)
		}, viaData(t, 600, rtc("alice", j, 1, a, 2, v, 3, d, 4))},
		{"rtm", func() (string, error) {
			return rtctokenbuilder2.BuildTokenWithRtm(appID, appCert, "room", "alice", sub, 600, 50)
		}, viaData(t, 600, rtc("alice", j, 50), with(accesstoken2.NewServiceRtm("alice"), login, 600))},
		{"rtm2", func() (string, error) {
			return rtctokenbuilder2.BuildTokenWithRtm2(appID, appCert, "room", "alice", pub, 600, 1, 2, 3, 4, "bob", 700)
		}, viaData(t, 600, rtm2()...)},
		{"convoai", func() (string, error) {
			return convoaitokenbuilder.BuildToken(appID, appCert, "room", "alice", pub, 600, 1, 2, 3, 4, "bob", 700)
		}, viaData(t, 600, rtm2(accesstoken2.NewServiceConvoAI())...)},
		{"stt", func() (string, error) {
			return stttokenbuilder.BuildToken(appID, appCert, "room", "alice", pub, 600, 1, 2, 3, 4, "bob", 700)
		}, viaData(t, 600, rtm2(accesstoken2.NewServiceStt())...)},
		{"rtm login", func() (string, error) { return rtmtokenbuilder2.BuildToken(appID, appCert, "bob", 900) },
			viaData(t, 900, with(accesstoken2.NewServiceRtm("bob"), login, 900))},
		{"rtm2 permissions", func() (string, error) {
			return rtmtokenbuilder2.BuildTokenWithPermissions(appID, appCert, "bob", permissions, 900)
		}, viaData(t, 900, with(accesstoken2.NewServiceRtm2("bob", permissions), login, 900))},
		{"rtm2 no permissions", func() (string, error) {
			return rtmtokenbuilder2.BuildTokenWithPermissions(appID, appCert, "bob", nil, 900)
		}, viaData(t, 900, with(accesstoken2.NewServiceRtm2("bob", nil), login, 900))},
		{"chat user", func() (string, error) { return chatTokenBuilder.BuildChatUserToken(appID, appCert, "bob", 60) },
			viaData(t, 60, with(accesstoken2.NewServiceChat("bob"), accesstoken2.PrivilegeChatUser, 60))},
		{"chat app", func() (string, error) { return chatTokenBuilder.BuildChatAppToken(appID, appCert, 60) },
			viaData(t, 60, with(accesstoken2.NewServiceChat(""), accesstoken2.PrivilegeChatApp, 60))},
		{"fpa", func() (string, error) { return fpatokenbuilder.BuildToken(appID, appCert) },
			viaData(t, 86400, with(accesstoken2.NewServiceFpa(), login, 0))},
		{"apaas room user", func() (string, error) {
			return apaastokenbuilder.BuildRoomUserToken(appID, appCert, "r1", "u1", 3, 60)
		}, viaData(t, 60, roomUser...)},
		{"education room user", func() (string, error) {
			return educationtokenbuilder.BuildRoomUserToken(appID, appCert, "r1", "u1", 3, 60)
		}, viaData(t, 60, roomUser...)},
		{"apaas user", func() (string, error) { return apaastokenbuilder.BuildUserToken(appID, appCert, "u1", 60) },
			viaData(t, 60, with(accesstoken2.NewServiceApaas("", "u1", -1), accesstoken2.PrivilegeApaasUser, 60))},
		{"education user", func() (string, error) { return educationtokenbuilder.BuildUserToken(appID, appCert, "u1", 60) },
			viaData(t, 60, with(accesstoken2.NewServiceApaas("", "u1", -1), accesstoken2.PrivilegeApaasUser, 60))},
		{"apaas app", func() (string, error) { return apaastokenbuilder.BuildAppToken(appID, appCert, 60) },
			viaData(t, 60, with(accesstoken2.NewServiceApaas("", "", -1), accesstoken2.PrivilegeApaasApp, 60))},
		{"education app", func() (string, error) { return educationtokenbuilder.BuildAppToken(appID, appCert, 60) },
			viaData(t, 60, with(accesstoken2.NewServiceApaas("", "", -1), accesstoken2.PrivilegeApaasApp, 60))},
	}
	for _, c := range cases {
		if got := call(t, c.got); got != c.want {
			t.Errorf("%s:\n got %s\nwant %s", c.name, got, c.want)
		}
	}
}

func wantErr(t *testing.T, err error, category *agoratoken.Category) {
	t.Helper()
	if !errors.Is(err, category) {
		t.Fatalf("error %v, want %s", err, category.Name())
	}
	var e *agoratoken.Error
	if !errors.As(err, &e) || e.Code != category.Code() || !strings.HasPrefix(e.Message, category.Name()+":") {
		t.Fatalf("error %#v", err)
	}
	if strings.Contains(err.Error(), appCert[:8]) {
		t.Fatalf("the certificate is in %v", err)
	}
}

func TestFailuresWrapTheirCategory(t *testing.T) {
	pub := rtctokenbuilder2.Role(rtctokenbuilder2.RolePublisher)
	_, err := rtctokenbuilder2.BuildTokenWithUid("bad", appCert, "room", 1, pub, 600, 0)
	wantErr(t, err, agoratoken.ErrAppID)
	_, err = rtctokenbuilder2.BuildTokenWithUid(appID, appCert[:31]+"x", "room", 1, pub, 600, 0)
	wantErr(t, err, agoratoken.ErrAppCertificate)
	_, err = rtctokenbuilder2.BuildTokenWithUid(appID, appCert, "", 1, pub, 600, 0)
	wantErr(t, err, agoratoken.ErrChannelName)
	_, err = rtctokenbuilder2.BuildTokenWithUid(appID, appCert, "ro\x00om", 1, pub, 600, 0)
	wantErr(t, err, agoratoken.ErrChannelName)
	_, err = rtctokenbuilder2.BuildTokenWithUid(appID, appCert, "room", 1, 3, 600, 0)
	wantErr(t, err, agoratoken.ErrRole)
	_, err = rtctokenbuilder2.BuildTokenWithUserAccount(appID, appCert, "room", "", pub, 600, 0)
	wantErr(t, err, agoratoken.ErrUserAccount)
	_, err = rtctokenbuilder2.BuildTokenWithRtm2(appID, appCert, "room", "alice", pub, 600, 0, 0, 0, 0, "", 0)
	wantErr(t, err, agoratoken.ErrUserID)
	_, err = rtmtokenbuilder2.BuildToken(appID, appCert, strings.Repeat("u", 256), 60)
	wantErr(t, err, agoratoken.ErrUserID)
	_, err = chatTokenBuilder.BuildChatUserToken(appID, appCert, "", 60)
	wantErr(t, err, agoratoken.ErrUserID)
	bad := accesstoken2.NewRtm2Permissions()
	bad.Add(5, 0, nil)
	_, err = rtmtokenbuilder2.BuildTokenWithPermissions(appID, appCert, "bob", bad, 0)
	wantErr(t, err, agoratoken.ErrPermission)
	_, err = apaastokenbuilder.BuildRoomUserToken(appID, appCert, "r", strings.Repeat("u", 65536), 1, 60)
	wantErr(t, err, agoratoken.ErrUserUUID)
	_, err = fpatokenbuilder.BuildToken(appID, "")
	wantErr(t, err, agoratoken.ErrAppCertificate)
}

func TestAccessTokenBuildParseVerify(t *testing.T) {
	tok := accesstoken2.NewAccessToken(appID, appCert, 600)
	tok.IssueTs, tok.Salt = 1111111, 1
	rtc := accesstoken2.NewServiceRtc(channel, "2882341273")
	rtc.AddPrivilege(accesstoken2.PrivilegeJoinChannel, 600)
	tok.AddService(rtc)
	if got := built(t, tok); got != sample {
		t.Fatalf("got %s", got)
	}
	p := accesstoken2.CreateAccessToken()
	if ok, err := p.Parse(sample); !ok || err != nil {
		t.Fatal(err)
	}
	if p.AppId != appID || p.IssueTs != 1111111 || p.Expire != 600 || p.Salt != 1 || len(p.Services) != 1 {
		t.Fatalf("%+v", p)
	}
	services := p.GetServices(accesstoken2.ServiceTypeRtc)
	if len(services) != 1 || len(p.GetServices(accesstoken2.ServiceTypeRtm)) != 0 {
		t.Fatalf("services %v", services)
	}
	if s := services[0].(*accesstoken2.ServiceRtc); s.ChannelName != channel || s.Uid != "2882341273" ||
		s.Privileges[accesstoken2.PrivilegeJoinChannel] != 600 {
		t.Fatalf("%+v", s)
	}
	if ok, err := p.VerifySignature(appCert); !ok || err != nil {
		t.Fatalf("VerifySignature: %v %v", ok, err)
	}
	if ok, err := p.VerifySignature(strings.ToLower(appCert)); ok || err != nil {
		t.Fatalf("another certificate: %v %v", ok, err)
	}
	if ok, err := p.VerifySignature("short"); ok || !errors.Is(err, agoratoken.ErrAppCertificate) {
		t.Fatalf("bad certificate: %v %v", ok, err)
	}
	// A failed Parse clears the token, as the reference's: no earlier service, no signature to verify.
	if ok, err := p.Parse("007AAAA"); ok || !errors.Is(err, agoratoken.ErrZlib) {
		t.Fatalf("Parse: %v %v", ok, err)
	}
	if p.AppId != "" || p.IssueTs != 0 || p.Expire != 0 || p.Salt != 0 || len(p.Services) != 0 {
		t.Fatalf("a failed Parse kept the earlier token: %+v", p)
	}
	if ok, err := p.VerifySignature(appCert); ok || err == nil || err.Error() != "parse token before verifying signature" {
		t.Fatalf("VerifySignature after a failed Parse: %v %v", ok, err)
	}
	if ok, err := accesstoken2.CreateAccessToken().VerifySignature(appCert); ok || err == nil {
		t.Fatal("VerifySignature before Parse")
	}
	// Drawn at each Build: two tokens differ, both verify.
	fresh := accesstoken2.NewAccessToken(appID, appCert, 600)
	fresh.AddService(accesstoken2.NewServiceRtc(channel, ""))
	a, b := built(t, fresh), built(t, fresh)
	if a == b {
		t.Fatal("Build did not draw a fresh salt")
	}
	_, err := accesstoken2.NewAccessToken(appID, appCert, 600).Build()
	wantErr(t, err, agoratoken.ErrNoService)
	streaming := accesstoken2.NewAccessToken(appID, appCert, 600)
	streaming.AddService(accesstoken2.NewServiceStreamingWithUid("room", 42))
	streaming.AddService(accesstoken2.NewServiceFCdnWithUid("room", 0))
	streaming.AddService(accesstoken2.NewServiceFCdn("room", "acc"))
	p = accesstoken2.CreateAccessToken()
	if _, err := p.Parse(built(t, streaming)); err != nil {
		t.Fatal(err)
	}
	if p.Services[0].(*accesstoken2.ServiceStreaming).Account != "42" || p.Services[1].(*accesstoken2.ServiceFCdn).Account != "" ||
		p.Services[2].(*accesstoken2.ServiceFCdn).Account != "acc" {
		t.Fatalf("%+v", p.Services)
	}
}

func TestVerify(t *testing.T) {
	now := uint32(1111111 + 10)
	check := func(r agoratoken.VerifyResult, err error, want agoratoken.VerifyResult) {
		t.Helper()
		if err != nil || r != want {
			t.Fatalf("%v %v, want %v", r, err, want)
		}
	}
	r, err := accesstoken2.Verify(sample, appCert, now)
	check(r, err, agoratoken.VerifyOK)
	r, err = accesstoken2.Verify(sample, appCert, 1111111+601)
	check(r, err, agoratoken.VerifyExpired)
	r, err = accesstoken2.VerifyWithUid(sample, appCert, channel, uid, now)
	check(r, err, agoratoken.VerifyOK)
	r, err = accesstoken2.VerifyWithUserAccount(sample, appCert, channel, "2882341273", now)
	check(r, err, agoratoken.VerifyOK)
	r, err = accesstoken2.VerifyWithUid(sample, appCert, "other", uid, now)
	check(r, err, agoratoken.VerifyChannelMismatch)
	r, err = accesstoken2.VerifyWithUid(sample, appCert, channel, 1, now)
	check(r, err, agoratoken.VerifyUIDMismatch)
	pinned(t)
	chat := call(t, func() (string, error) { return chatTokenBuilder.BuildChatAppToken(appID, appCert, 600) })
	r, err = accesstoken2.VerifyWithUid(chat, appCert, channel, uid, now)
	check(r, err, agoratoken.VerifyServiceMissing)
	if r.String() != "service_missing" {
		t.Fatal(r.String())
	}
	_, err = accesstoken2.Verify("006abc", appCert, now)
	wantErr(t, err, agoratoken.ErrVersion)
	_, err = accesstoken2.Verify(sample, "", now)
	wantErr(t, err, agoratoken.ErrAppCertificate)
}

// Every 007 verify function returns agoratoken.VerifyNotChecked with its
// error, never VerifyOK (the zero value, which a trial found came back with
// every error), so `if r, _ := accesstoken2.VerifyWithUid(...); r.OK()`
// accepts a valid token only.
func TestVerifyErrorIsNeverOK(t *testing.T) {
	now := uint32(1111111 + 10)
	verifiers := map[string]func(token, cert string) (agoratoken.VerifyResult, error){
		"Verify": func(token, cert string) (agoratoken.VerifyResult, error) {
			return accesstoken2.Verify(token, cert, now)
		},
		"VerifyWithUid": func(token, cert string) (agoratoken.VerifyResult, error) {
			return accesstoken2.VerifyWithUid(token, cert, channel, uid, now)
		},
		"VerifyWithUserAccount": func(token, cert string) (agoratoken.VerifyResult, error) {
			return accesstoken2.VerifyWithUserAccount(token, cert, channel, "2882341273", now)
		},
	}
	for _, c := range []struct {
		token, cert string
		category    *agoratoken.Category
	}{
		{"garbage", appCert, agoratoken.ErrVersion},
		{"007garbage", appCert, nil},
		{"007", appCert, nil},
		{sample[:len(sample)-8], appCert, nil},
		{sample + "!", appCert, nil},
		{"006970CA35de60c44645bbae8a215061b33IACV0fZUBw+72cVoL9eyGGh3Q6Poi8bgjwVLnyKSJyOXR7dIfRBXoFHlEAABAAAAR/QQAAEAAQCvKDdW", appCert, agoratoken.ErrVersion},
		{sample, "", agoratoken.ErrAppCertificate},
		{sample, "not a certificate", agoratoken.ErrAppCertificate},
		{sample, strings.Repeat("z", 32), agoratoken.ErrAppCertificate},
	} {
		for name, verify := range verifiers {
			r, err := verify(c.token, c.cert)
			if err == nil || (c.category != nil && !errors.Is(err, c.category)) {
				t.Errorf("%s(%q, %q): error %v, want %v", name, c.token, c.cert, err, c.category)
			}
			if r != agoratoken.VerifyNotChecked || r.OK() || r.String() != "not_checked" {
				t.Errorf("%s(%q, %q): result %d %q, OK %v with error %v", name, c.token, c.cert, int(r), r, r.OK(), err)
			}
			if r, _ := verify(c.token, c.cert); r.OK() { // the README's pattern, error dropped
				t.Errorf("%s(%q, %q): accepted", name, c.token, c.cert)
			}
		}
	}
	for name, verify := range verifiers {
		if r, _ := verify(sample, appCert); !r.OK() {
			t.Errorf("%s: the valid token is refused: %v", name, r)
		}
	}
	// A now or uid the Go API's uint32 cannot carry, through the int64 form
	// underneath: ErrNow / ErrUID with VerifyNotChecked.
	for _, c := range []struct {
		now      int64
		x        token2.Expected
		category *agoratoken.Category
	}{
		{-1, token2.Expected{}, agoratoken.ErrNow},
		{1 << 32, token2.Expected{}, agoratoken.ErrNow},
		{int64(now), token2.Expected{Channel: ptr(channel), UID: ptr(int64(-1))}, agoratoken.ErrUID},
		{int64(now), token2.Expected{Channel: ptr(channel), UID: ptr(int64(1) << 32)}, agoratoken.ErrUID},
	} {
		r, err := token2.Verify(sample, appCert, c.now, c.x)
		wantErr(t, err, c.category)
		if r != agoratoken.VerifyNotChecked || r.OK() {
			t.Errorf("now %d, %+v: result %v", c.now, c.x, r)
		}
		if r, err = token2.VerifyLenient(sample, appCert, c.now, c.x); r != agoratoken.VerifyNotChecked || err == nil {
			t.Errorf("lenient: now %d, %+v: result %v, error %v", c.now, c.x, r, err)
		}
	}
	// VerifySignature: false with every error.
	p := accesstoken2.CreateAccessToken()
	if _, err := p.Parse(sample); err != nil {
		t.Fatal(err)
	}
	if ok, err := p.VerifySignature("not a certificate"); ok || err == nil {
		t.Errorf("VerifySignature with a bad certificate: %v %v", ok, err)
	}
}

func ptr[T any](v T) *T { return &v }

func TestTokensLongerThanTheStackBuffer(t *testing.T) {
	var sb strings.Builder
	x := uint32(12345)
	for i := 0; i < 3000; i++ {
		x = x*1103515245 + 12345
		sb.WriteByte(byte('a' + (x>>16)%26))
	}
	uuid := sb.String()
	token := call(t, func() (string, error) { return apaastokenbuilder.BuildUserToken(appID, appCert, uuid, 60) })
	if len(token) <= 1024 {
		t.Fatalf("a %d-byte token", len(token))
	}
	p := accesstoken2.CreateAccessToken()
	if _, err := p.Parse(token); err != nil || p.Services[0].(*accesstoken2.ServiceApaas).UserUuid != uuid {
		t.Fatal(err)
	}
}

func TestGoroutines(t *testing.T) {
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 50; i++ {
				if g%2 == 0 {
					tok, err := rtctokenbuilder2.BuildTokenWithUid(appID, appCert, "room", uint32(i), rtctokenbuilder2.RolePublisher, 600, 600)
					if err == nil {
						_, err = accesstoken2.VerifyWithUid(tok, appCert, "room", uint32(i), 0)
					}
					if err != nil {
						errs <- err
						return
					}
				} else if _, err := fpatokenbuilder.BuildToken(appID, "x"); !errors.Is(err, agoratoken.ErrAppCertificate) {
					errs <- err
					return
				}
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}
