package conformance

// The 007 kinds. builder007 goes through the public, reference-named
// functions (issue_ts and salt pinned with token2's test hook); build007 and
// invalid007 through the data form that accesstoken2.AccessToken.Build
// uses, with 64-bit integers, since the public Go types cannot even hold the
// out-of-range values invalid007 tries; parse007, reject007 and verify
// through accesstoken2.

import (
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"

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

func (v vector) i64(key string) (int64, error) {
	raw, ok := v[key]
	if !ok {
		return 0, fmt.Errorf("missing %q", key)
	}
	var n int64
	if err := json.Unmarshal(raw, &n); err != nil {
		return 0, fmt.Errorf("%q: %v", key, err)
	}
	return n, nil
}

func (v vector) optStr(key string) (*string, error) {
	if !v.has(key) {
		return nil, nil
	}
	s, err := v.str(key)
	return &s, err
}

func (v vector) optI64(key string) (*int64, error) {
	if !v.has(key) {
		return nil, nil
	}
	n, err := v.i64(key)
	return &n, err
}

func grants(raw json.RawMessage) ([]token2.Grant, error) {
	var list [][]json.RawMessage
	if err := json.Unmarshal(raw, &list); err != nil {
		return nil, fmt.Errorf("permissions: %v", err)
	}
	out := []token2.Grant{}
	for _, g := range list {
		if len(g) != 3 {
			return nil, errors.New("permission is not [resource_type, permission_type, [resources]]")
		}
		var grant token2.Grant
		if err := errors.Join(json.Unmarshal(g[0], &grant.ResourceType), json.Unmarshal(g[1], &grant.PermissionType),
			json.Unmarshal(g[2], &grant.Resources)); err != nil {
			return nil, fmt.Errorf("permission: %v", err)
		}
		out = append(out, grant)
	}
	return out, nil
}

// data reads a build007/invalid007 case as token2's data form.
func data(v vector) (*token2.Token, error) {
	var t token2.Token
	var err error
	if t.AppID, err = v.str("app_id"); err != nil {
		return nil, err
	}
	if t.AppCertificate, err = v.str("app_certificate"); err != nil {
		return nil, err
	}
	issueTs, err1 := v.i64("issue_ts")
	salt, err2 := v.i64("salt")
	expire, err3 := v.i64("expire")
	if err := errors.Join(err1, err2, err3); err != nil {
		return nil, err
	}
	t.IssueTs, t.Salt, t.Expire = &issueTs, &salt, expire
	var services []vector
	if err := json.Unmarshal(v["services"], &services); err != nil {
		return nil, fmt.Errorf("services: %v", err)
	}
	for _, sv := range services {
		var s token2.Service
		if s.Type, err = sv.i64("type"); err != nil {
			return nil, err
		}
		if err := json.Unmarshal(sv["privileges"], &s.Privileges); err != nil {
			return nil, fmt.Errorf("privileges: %v", err)
		}
		for _, f := range []struct {
			key string
			dst **string
		}{{"channel_name", &s.ChannelName}, {"user_account", &s.UserAccount}, {"user_id", &s.UserID},
			{"room_uuid", &s.RoomUUID}, {"user_uuid", &s.UserUUID}} {
			if *f.dst, err = sv.optStr(f.key); err != nil {
				return nil, err
			}
		}
		if s.UID, err = sv.optI64("uid"); err != nil {
			return nil, err
		}
		if s.Role, err = sv.optI64("role"); err != nil {
			return nil, err
		}
		if sv.has("permissions") {
			if s.Grants, err = grants(sv["permissions"]); err != nil {
				return nil, err
			}
		}
		t.Services = append(t.Services, s)
	}
	return &t, nil
}

// compare007 checks both steps: the decompressed content, then the token.
func compare007(v vector, token string) error {
	wantContent, err1 := v.str("content_hex")
	wantToken, err2 := v.str("token")
	if err := errors.Join(err1, err2); err != nil {
		return err
	}
	p, err := token2.Parse(token)
	if err != nil {
		return fmt.Errorf("own token does not parse: %v", err)
	}
	if got := hex.EncodeToString(p.Content); got != wantContent {
		return fmt.Errorf("content differs:\n  got  %s\n  want %s", got, wantContent)
	}
	if token != wantToken {
		return fmt.Errorf("token differs:\n  got  %s\n  want %s", token, wantToken)
	}
	return nil
}

func build007(v vector) error {
	t, err := data(v)
	if err != nil {
		return err
	}
	token, err := token2.BuildData(t)
	if err != nil {
		return fmt.Errorf("build: %v", err)
	}
	return compare007(v, token)
}

func invalid007(v vector) error {
	want, err := v.str("error")
	if err != nil {
		return err
	}
	t, err := data(v)
	if err != nil {
		return err
	}
	token, err := token2.BuildData(t)
	switch {
	case err == nil:
		return fmt.Errorf("built %s, want error %q", token, want)
	case category(err) != want:
		return fmt.Errorf("error %q (%v), want %q", category(err), err, want)
	}
	return nil
}

// args reads a builder007 case's args by name; every key must be read.
type args struct {
	v    vector
	used map[string]bool
	err  error
}

func (a *args) s(key string) string {
	a.used[key] = true
	s, err := a.v.str(key)
	a.err = errors.Join(a.err, err)
	return s
}

func (a *args) u(key string) uint32 {
	a.used[key] = true
	n, err := a.v.u32(key)
	a.err = errors.Join(a.err, err)
	return n
}

// opt is an optional uint32 (python3's default 0 when absent).
func (a *args) opt(key string) uint32 {
	if !a.v.has(key) {
		return 0
	}
	return a.u(key)
}

func (a *args) i16(key string) int16 {
	a.used[key] = true
	n, err := a.v.i64(key)
	a.err = errors.Join(a.err, err)
	return int16(n)
}

func (a *args) role(key string) rtctokenbuilder2.Role { return rtctokenbuilder2.Role(a.u(key)) }

func (a *args) permissions(key string) *accesstoken2.Rtm2Permissions {
	a.used[key] = true
	g, err := grants(a.v[key])
	a.err = errors.Join(a.err, err)
	p := accesstoken2.NewRtm2Permissions()
	for _, x := range g {
		p.Add(uint16(x.ResourceType), uint16(x.PermissionType), x.Resources)
	}
	return p
}

type named func(appID, cert string, a *args) (string, error)

func rtm2Shaped(build func(appID, cert, channel, rtcAccount string, role rtctokenbuilder2.Role, rtcExpire, join, audio, video, data uint32, rtmUser string, rtmExpire uint32) (string, error)) named {
	return func(id, cert string, a *args) (string, error) {
		return build(id, cert, a.s("channel_name"), a.s("rtc_account"), a.role("rtc_role"), a.u("rtc_token_expire"),
			a.u("join_channel_privilege_expire"), a.u("pub_audio_privilege_expire"), a.u("pub_video_privilege_expire"),
			a.u("pub_data_stream_privilege_expire"), a.s("rtm_user_id"), a.u("rtm_token_expire"))
	}
}

// NamedBuilders maps every builder007 name to its public Go function.
var NamedBuilders = map[string]named{
	"rtc.build_token_with_uid": func(id, cert string, a *args) (string, error) {
		return rtctokenbuilder2.BuildTokenWithUid(id, cert, a.s("channel_name"), a.u("uid"), a.role("role"), a.u("token_expire"), a.opt("privilege_expire"))
	},
	"rtc.build_token_with_user_account": func(id, cert string, a *args) (string, error) {
		return rtctokenbuilder2.BuildTokenWithUserAccount(id, cert, a.s("channel_name"), a.s("account"), a.role("role"), a.u("token_expire"), a.opt("privilege_expire"))
	},
	"rtc.build_token_with_uid_and_privilege": func(id, cert string, a *args) (string, error) {
		return rtctokenbuilder2.BuildTokenWithUidAndPrivilege(id, cert, a.s("channel_name"), a.u("uid"), a.u("token_expire"),
			a.u("join_channel_privilege_expire"), a.u("pub_audio_privilege_expire"), a.u("pub_video_privilege_expire"), a.u("pub_data_stream_privilege_expire"))
	},
	"rtc.build_token_with_user_account_and_privilege": func(id, cert string, a *args) (string, error) {
		return rtctokenbuilder2.BuildTokenWithUserAccountAndPrivilege(id, cert, a.s("channel_name"), a.s("account"), a.u("token_expire"),
			a.u("join_channel_privilege_expire"), a.u("pub_audio_privilege_expire"), a.u("pub_video_privilege_expire"), a.u("pub_data_stream_privilege_expire"))
	},
	"rtc.build_token_with_rtm": func(id, cert string, a *args) (string, error) {
		return rtctokenbuilder2.BuildTokenWithRtm(id, cert, a.s("channel_name"), a.s("account"), a.role("role"), a.u("token_expire"), a.opt("privilege_expire"))
	},
	"rtc.build_token_with_rtm2": rtm2Shaped(rtctokenbuilder2.BuildTokenWithRtm2),
	"rtm.build_token": func(id, cert string, a *args) (string, error) {
		return rtmtokenbuilder2.BuildToken(id, cert, a.s("user_id"), a.u("expire"))
	},
	"rtm.build_token_with_permissions": func(id, cert string, a *args) (string, error) {
		return rtmtokenbuilder2.BuildTokenWithPermissions(id, cert, a.s("user_id"), a.permissions("permissions"), a.opt("expire"))
	},
	"chat.build_user_token": func(id, cert string, a *args) (string, error) {
		return chatTokenBuilder.BuildChatUserToken(id, cert, a.s("user_id"), a.u("expire"))
	},
	"chat.build_app_token": func(id, cert string, a *args) (string, error) {
		return chatTokenBuilder.BuildChatAppToken(id, cert, a.u("expire"))
	},
	"fpa.build_token": func(id, cert string, _ *args) (string, error) { return fpatokenbuilder.BuildToken(id, cert) },
	"apaas.build_room_user_token": func(id, cert string, a *args) (string, error) {
		return apaastokenbuilder.BuildRoomUserToken(id, cert, a.s("room_uuid"), a.s("user_uuid"), a.i16("role"), a.u("expire"))
	},
	"apaas.build_user_token": func(id, cert string, a *args) (string, error) {
		return apaastokenbuilder.BuildUserToken(id, cert, a.s("user_uuid"), a.u("expire"))
	},
	"apaas.build_app_token": func(id, cert string, a *args) (string, error) {
		return apaastokenbuilder.BuildAppToken(id, cert, a.u("expire"))
	},
	"education.build_room_user_token": func(id, cert string, a *args) (string, error) {
		return educationtokenbuilder.BuildRoomUserToken(id, cert, a.s("room_uuid"), a.s("user_uuid"), a.i16("role"), a.u("expire"))
	},
	"education.build_user_token": func(id, cert string, a *args) (string, error) {
		return educationtokenbuilder.BuildUserToken(id, cert, a.s("user_uuid"), a.u("expire"))
	},
	"education.build_app_token": func(id, cert string, a *args) (string, error) {
		return educationtokenbuilder.BuildAppToken(id, cert, a.u("expire"))
	},
	"convoai.build_token": rtm2Shaped(convoaitokenbuilder.BuildToken),
	"stt.build_token":     rtm2Shaped(stttokenbuilder.BuildToken),
}

func builder007(v vector) error {
	name, err := v.str("builder")
	if err != nil {
		return err
	}
	build, ok := NamedBuilders[name]
	if !ok {
		return fmt.Errorf("no Go builder for %q", name)
	}
	var raw vector
	if err := json.Unmarshal(v["args"], &raw); err != nil {
		return fmt.Errorf("args: %v", err)
	}
	appID, err1 := v.str("app_id")
	cert, err2 := v.str("app_certificate")
	issueTs, err3 := v.u32("issue_ts")
	salt, err4 := v.u32("salt")
	if err := errors.Join(err1, err2, err3, err4); err != nil {
		return err
	}
	a := &args{v: raw, used: map[string]bool{}}
	restore := token2.SetPin(token2.Pin{IssueTs: issueTs, Salt: salt})
	token, err := build(appID, cert, a)
	restore()
	if a.err != nil {
		return a.err
	}
	if len(a.used) != len(raw) {
		return fmt.Errorf("args hold keys %s does not take", name)
	}
	if err != nil {
		return fmt.Errorf("build: %v", err)
	}
	return compare007(v, token)
}

func reject007(v vector) error {
	token, err1 := v.str("token")
	want, err2 := v.str("error")
	if err := errors.Join(err1, err2); err != nil {
		return err
	}
	t := accesstoken2.CreateAccessToken()
	if ok, err := t.ParseStrict(token); ok || err == nil {
		return fmt.Errorf("parsed, want error %q", want)
	} else if category(err) != want {
		return fmt.Errorf("error %q (%v), want %q", category(err), err, want)
	}
	return nil
}

// serviceJSON is a parsed service in the vectors' token form.
func serviceJSON(s accesstoken2.IService, privileges [][2]int64) map[string]any {
	o := map[string]any{"privileges": privileges}
	switch x := s.(type) {
	case *accesstoken2.ServiceRtc:
		o["type"], o["channel_name"], o["account"] = x.Type, x.ChannelName, x.Uid
	case *accesstoken2.ServiceStreaming:
		o["type"], o["channel_name"], o["account"] = x.Type, x.ChannelName, x.Account
	case *accesstoken2.ServiceFCdn:
		o["type"], o["channel_name"], o["account"] = x.Type, x.ChannelName, x.Account
	case *accesstoken2.ServiceRtm:
		o["type"], o["user_id"] = x.Type, x.UserId
	case *accesstoken2.ServiceChat:
		o["type"], o["user_id"] = x.Type, x.UserId
	case *accesstoken2.ServiceApaas:
		o["type"], o["room_uuid"], o["user_uuid"], o["role"] = x.Type, x.RoomUuid, x.UserUuid, x.Role
	case *accesstoken2.ServiceRtm2:
		o["type"], o["user_id"] = x.Type, x.UserId
		o["permissions"] = [][]any{}
	case *accesstoken2.ServiceFpa:
		o["type"] = x.Type
	case *accesstoken2.ServiceConvoAI:
		o["type"] = x.Type
	case *accesstoken2.ServiceStt:
		o["type"] = x.Type
	}
	return o
}

// normalize round-trips through JSON so that numbers and slices compare alike.
func normalize(v any) (any, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	var out any
	return out, json.Unmarshal(b, &out)
}

func parse007(v vector) error {
	token, err := v.str("token")
	if err != nil {
		return err
	}
	var want struct {
		AppID        string            `json:"app_id"`
		IssueTs      uint32            `json:"issue_ts"`
		Expire       uint32            `json:"expire"`
		Salt         uint32            `json:"salt"`
		SignatureHex string            `json:"signature_hex"`
		Services     []json.RawMessage `json:"services"`
		ContentHex   string            `json:"content_hex"`
	}
	if err := json.Unmarshal(v["expected"], &want); err != nil {
		return fmt.Errorf("expected: %v", err)
	}
	t := accesstoken2.CreateAccessToken()
	if _, err := t.ParseStrict(token); err != nil {
		return fmt.Errorf("parse: %v", err)
	}
	if t.AppId != want.AppID || t.IssueTs != want.IssueTs || t.Expire != want.Expire || t.Salt != want.Salt {
		return fmt.Errorf("fields %s %d %d %d", t.AppId, t.IssueTs, t.Expire, t.Salt)
	}
	// Privileges, RTM2 grants, signature and content in token order come from
	// the data form (the public types keep privileges and grants in maps).
	p, err := token2.Parse(token)
	if err != nil {
		return err
	}
	if hex.EncodeToString(p.Signature[:]) != want.SignatureHex || hex.EncodeToString(p.Content) != want.ContentHex {
		return errors.New("signature or content differs")
	}
	if len(t.Services) != len(want.Services) {
		return fmt.Errorf("%d services, want %d", len(t.Services), len(want.Services))
	}
	for i, s := range t.Services {
		privileges := p.Services[i].Privileges
		if privileges == nil {
			privileges = [][2]int64{}
		}
		o := serviceJSON(s, privileges)
		if g := p.Services[i].Grants; o["permissions"] != nil {
			grants := [][]any{}
			for _, x := range g {
				grants = append(grants, []any{x.ResourceType, x.PermissionType, x.Resources})
			}
			o["permissions"] = grants
		}
		got, err1 := normalize(o)
		var exp any
		err2 := json.Unmarshal(want.Services[i], &exp)
		if err := errors.Join(err1, err2); err != nil {
			return err
		}
		if !reflect.DeepEqual(got, exp) {
			return fmt.Errorf("service %d: got %v, want %v", i, got, exp)
		}
	}
	if raw, ok := v["verify"]; ok {
		return verify007(token, raw)
	}
	return nil
}

func verify007(token string, raw json.RawMessage) error {
	var v vector
	if err := json.Unmarshal(raw, &v); err != nil {
		return fmt.Errorf("verify: %v", err)
	}
	cert, err1 := v.str("app_certificate")
	now, err2 := v.u32("now")
	want, err3 := v.str("result")
	if err := errors.Join(err1, err2, err3); err != nil {
		return err
	}
	var result agoratoken.VerifyResult
	var err error
	if v.has("rtc") {
		var rtc vector
		if err := json.Unmarshal(v["rtc"], &rtc); err != nil {
			return err
		}
		channel, err1 := rtc.str("channel_name")
		if err1 != nil {
			return err1
		}
		if rtc.has("uid") {
			uid, err1 := rtc.u32("uid")
			if err1 != nil {
				return err1
			}
			// (= not :=: the error of this call, not of a shadowing variable, is checked below.)
			result, err = accesstoken2.VerifyWithUid(token, cert, channel, uid, now)
		} else {
			account, err1 := rtc.str("user_account")
			if err1 != nil {
				return err1
			}
			result, err = accesstoken2.VerifyWithUserAccount(token, cert, channel, account, now)
		}
	} else {
		result, err = accesstoken2.Verify(token, cert, now)
	}
	if err != nil {
		return fmt.Errorf("verify: %v", err)
	}
	if result.String() != want {
		return fmt.Errorf("verify %q, want %q", result, want)
	}
	return nil
}
