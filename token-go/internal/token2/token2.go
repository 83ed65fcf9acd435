// Package token2 is the one place where the Go binding calls libagoratoken
// for AccessToken2 (007): the generic builder (one cgo call per token), the
// data form of AccessToken2, parse and verify. The public packages
// (rtctokenbuilder2, ..., accesstoken2) are a few lines each over it.
//
// Strings go to C without a copy (_GoString_); the token comes back in a
// buffer on the caller's stack and a failure in an error object there, so
// no call needs runtime.LockOSThread.
package token2

/*
#cgo CFLAGS: -I${SRCDIR}/../../../include -O2

#cgo noescape agt2_build
#cgo nocallback agt2_build
#cgo noescape agt2_build_data
#cgo nocallback agt2_build_data
#cgo noescape agt2_parse
#cgo nocallback agt2_parse
#cgo noescape agt2_verify
#cgo nocallback agt2_verify

#include <stdlib.h>
#include "agora_token.h"

static const char agt2_empty[1] = {0};

static agora_token_str agt2_str(_GoString_ s) {
	agora_token_str r = {_GoStringPtr(s), _GoStringLen(s)};
	return r;
}

// A present optional field: never NULL, since NULL means "absent" there.
static agora_token_str agt2_present(_GoString_ s) {
	agora_token_str r = {_GoStringPtr(s) ? _GoStringPtr(s) : agt2_empty, _GoStringLen(s)};
	return r;
}

// One call of a reference builder: up to three string arguments, the
// integers in ints, RTM2 grants (pinned Go memory) when the builder takes them.
static int agt2_build(uint32_t builder, _GoString_ app_id, _GoString_ cert, _GoString_ s0, _GoString_ s1,
		_GoString_ s2, size_t str_count, const int64_t *ints, size_t int_count,
		const agora_token2_permission *grants, size_t grant_count, int pinned, int64_t issue_ts, int64_t salt,
		char *out, size_t cap, size_t *len, agora_token_error *e) {
	agora_token_str strs[3] = {agt2_str(s0), agt2_str(s1), agt2_str(s2)};
	agora_token2_args a = {strs, str_count, ints, int_count, grants, grant_count, pinned, pinned, issue_ts, salt};
	return agora_token2_build(builder, _GoStringPtr(app_id), _GoStringLen(app_id), _GoStringPtr(cert),
		_GoStringLen(cert), &a, out, cap, len, e);
}

static int agt2_build_data(_GoString_ app_id, _GoString_ cert, int has_issue_ts, int64_t issue_ts, int64_t expire,
		int has_salt, int64_t salt, const agora_token2_service *services, size_t count,
		const agora_token2_other_service *others, size_t other_count,
		char *out, size_t cap, size_t *len, agora_token_error *e) {
	agora_token2_data t = {agt2_str(app_id), agt2_str(cert), has_issue_ts, has_salt, issue_ts, expire, salt,
		services, count, others, other_count};
	return agora_token2_build_data(&t, out, cap, len, e);
}

// lenient: stop at a service type outside 1..10, as Agora's parsers do.
static int agt2_parse(_GoString_ token, int lenient, agora_token2_info **info, agora_token_error *e) {
	return (lenient ? agora_token2_parse_lenient : agora_token2_parse)(_GoStringPtr(token), _GoStringLen(token),
		info, e);
}

// Each has_* flag says whether its field is given (the library refuses a
// channel with neither or both of uid and account).
static int agt2_verify(_GoString_ token, _GoString_ cert, int64_t now, int lenient, int has_app_id,
		_GoString_ app_id, int has_channel, _GoString_ channel, int has_uid, int64_t uid, int has_account,
		_GoString_ account, int *result, agora_token_error *e) {
	agora_token2_expected x = {{NULL, 0}, {NULL, 0}, 0, 0, {NULL, 0}};
	if (has_app_id) x.app_id = agt2_present(app_id);
	if (has_channel) x.channel_name = agt2_present(channel);
	x.has_uid = has_uid;
	x.uid = uid;
	if (has_account) x.user_account = agt2_present(account);
	return (lenient ? agora_token2_verify_lenient : agora_token2_verify)(_GoStringPtr(token), _GoStringLen(token),
		_GoStringPtr(cert), _GoStringLen(cert), &x, now, result, e);
}

// Reads of a parsed token's arrays (cgo cannot index a C array).
static const agora_token2_service *agt2_service(const agora_token2_info *i, size_t k) { return &i->services[k]; }
static agora_token2_privilege agt2_privilege(const agora_token2_service *s, size_t k) { return s->privileges[k]; }
static const agora_token2_permission *agt2_grant(const agora_token2_service *s, size_t k) { return &s->permissions[k]; }
static agora_token_str agt2_resource(const agora_token2_permission *g, size_t k) { return g->resources[k]; }
*/
import "C"

import (
	"runtime"
	"sync/atomic"
	"unsafe"

	agoratoken "github.com/agoratoken/agoratoken/token-go"
)

// The reference builders, by their index in token-core's table (the header's constants).
const (
	RtcWithUID                     = C.AGORA_TOKEN2_RTC_BUILD_TOKEN_WITH_UID
	RtcWithUserAccount             = C.AGORA_TOKEN2_RTC_BUILD_TOKEN_WITH_USER_ACCOUNT
	RtcWithUIDAndPrivilege         = C.AGORA_TOKEN2_RTC_BUILD_TOKEN_WITH_UID_AND_PRIVILEGE
	RtcWithUserAccountAndPrivilege = C.AGORA_TOKEN2_RTC_BUILD_TOKEN_WITH_USER_ACCOUNT_AND_PRIVILEGE
	RtcWithRtm                     = C.AGORA_TOKEN2_RTC_BUILD_TOKEN_WITH_RTM
	RtcWithRtm2                    = C.AGORA_TOKEN2_RTC_BUILD_TOKEN_WITH_RTM2
	RtmBuildToken                  = C.AGORA_TOKEN2_RTM_BUILD_TOKEN
	RtmWithPermissions             = C.AGORA_TOKEN2_RTM_BUILD_TOKEN_WITH_PERMISSIONS
	ChatUserToken                  = C.AGORA_TOKEN2_CHAT_BUILD_USER_TOKEN
	ChatAppToken                   = C.AGORA_TOKEN2_CHAT_BUILD_APP_TOKEN
	FpaBuildToken                  = C.AGORA_TOKEN2_FPA_BUILD_TOKEN
	ApaasRoomUserToken             = C.AGORA_TOKEN2_APAAS_BUILD_ROOM_USER_TOKEN
	ApaasUserToken                 = C.AGORA_TOKEN2_APAAS_BUILD_USER_TOKEN
	ApaasAppToken                  = C.AGORA_TOKEN2_APAAS_BUILD_APP_TOKEN
	EducationRoomUserToken         = C.AGORA_TOKEN2_EDUCATION_BUILD_ROOM_USER_TOKEN
	EducationUserToken             = C.AGORA_TOKEN2_EDUCATION_BUILD_USER_TOKEN
	EducationAppToken              = C.AGORA_TOKEN2_EDUCATION_BUILD_APP_TOKEN
	ConvoAIBuildToken              = C.AGORA_TOKEN2_CONVOAI_BUILD_TOKEN
	SttBuildToken                  = C.AGORA_TOKEN2_STT_BUILD_TOKEN
	ParamStr, ParamPermissions     = C.AGORA_TOKEN2_PARAM_STR, C.AGORA_TOKEN2_PARAM_PERMISSIONS
	statusBufferTooSmall           = C.AGORA_TOKEN_ERR_BUFFER_TOO_SMALL
	tokenBufSize                   = 1024
	maxStrs, maxInts               = 3, 10
)

// Grant is one RTM2 grant as data.
type Grant struct {
	ResourceType, PermissionType int64
	Resources                    []string
}

// Args are a builder's arguments after app id and certificate: Strs[:NStr]
// and Ints[:NInt] in parameter order, Grants for the RTM2 builder.
type Args struct {
	Strs   [maxStrs]string
	NStr   int
	Ints   [maxInts]int64
	NInt   int
	Grants []Grant
}

// Pin is the test hook: issue_ts and salt of every token built while set.
type Pin struct{ IssueTs, Salt uint32 }

var pin atomic.Pointer[Pin]

// SetPin pins issue_ts and salt of every 007 token built until the
// returned function restores the previous pin (tests and the runner only).
func SetPin(p Pin) (restore func()) {
	old := pin.Swap(&p)
	return func() { pin.Store(old) }
}

func sizedError(status C.int, e *C.agora_token_error) error {
	// Copied with Go code: C.GoStringN would move e to the heap.
	message := string((*[len(e.message)]byte)(unsafe.Pointer(&e.message))[:e.len])
	return &agoratoken.Error{Code: int(status), Category: C.GoString(C.agora_token_error_name(status)), Message: message}
}

// out is the output of one sized build (see the root package's sizedOut).
type out struct {
	buf [tokenBufSize]byte
	big []byte
	n   C.size_t
	e   C.agora_token_error
}

func (s *out) dst() (*C.char, C.size_t) {
	if s.big != nil {
		return (*C.char)(unsafe.Pointer(&s.big[0])), C.size_t(len(s.big))
	}
	return (*C.char)(unsafe.Pointer(&s.buf[0])), tokenBufSize
}

func (s *out) result(rc C.int, tries int) (token string, err error, again bool) {
	switch {
	case rc == 0 && s.big != nil:
		return string(s.big[:s.n]), nil, false
	case rc == 0:
		return string(s.buf[:s.n]), nil, false
	case rc == statusBufferTooSmall && tries < 3:
		s.big = make([]byte, int(s.e.needed)+64)
		return "", nil, true
	}
	return "", sizedError(rc, &s.e), false
}

func str(s string) C.agora_token_str {
	return C.agora_token_str{ptr: (*C.char)(unsafe.Pointer(unsafe.StringData(s))), len: C.size_t(len(s))}
}

// absent is a NULL string field; present ones point at pinned Go memory
// (an empty one at emptyByte, a global: never NULL, which means absent).
var (
	absent    C.agora_token_str
	emptyByte byte
)

func present(p *runtime.Pinner, s string) C.agora_token_str {
	if s == "" {
		return C.agora_token_str{ptr: (*C.char)(unsafe.Pointer(&emptyByte)), len: 0}
	}
	p.Pin(unsafe.StringData(s))
	return str(s)
}

// grants converts RTM2 grants to C structs in pinned Go memory.
func grants(p *runtime.Pinner, in []Grant) (*C.agora_token2_permission, C.size_t) {
	if len(in) == 0 {
		return nil, 0
	}
	c := make([]C.agora_token2_permission, len(in))
	for i, g := range in {
		c[i].resource_type = C.int64_t(g.ResourceType)
		c[i].permission_type = C.int64_t(g.PermissionType)
		if len(g.Resources) > 0 {
			rs := make([]C.agora_token_str, len(g.Resources))
			for j, r := range g.Resources {
				rs[j] = present(p, r)
			}
			p.Pin(&rs[0])
			c[i].resources = &rs[0]
			c[i].resource_count = C.size_t(len(rs))
		}
	}
	p.Pin(&c[0])
	return &c[0], C.size_t(len(c))
}

// Build calls a reference builder of token-core's table: one cgo call.
func Build(builder int, appID, appCertificate string, a *Args) (string, error) {
	var pins runtime.Pinner
	var g *C.agora_token2_permission
	var ng C.size_t
	if a.Grants != nil {
		defer pins.Unpin()
		g, ng = grants(&pins, a.Grants)
	}
	var pinned C.int
	var issueTs, salt C.int64_t
	if p := pin.Load(); p != nil {
		pinned, issueTs, salt = 1, C.int64_t(p.IssueTs), C.int64_t(p.Salt)
	}
	var ints [maxInts]C.int64_t
	for i := 0; i < a.NInt; i++ {
		ints[i] = C.int64_t(a.Ints[i])
	}
	var s out
	for tries := 0; ; tries++ {
		dst, cap := s.dst()
		rc := C.agt2_build(C.uint32_t(builder), appID, appCertificate, a.Strs[0], a.Strs[1], a.Strs[2],
			C.size_t(a.NStr), &ints[0], C.size_t(a.NInt), g, ng, pinned, issueTs, salt, dst, cap, &s.n, &s.e)
		if token, err, again := s.result(rc, tries); !again {
			return token, err
		}
	}
}

// Service is one service as data (wide integers: the library checks ranges).
// A nil string field is absent.
type Service struct {
	Type        int64
	Privileges  [][2]int64 // (id, seconds after issue_ts), in order
	ChannelName *string
	UID         *int64
	UserAccount *string
	UserID      *string
	RoomUUID    *string
	UserUUID    *string
	Role        *int64
	Grants      []Grant
}

// OtherService is a service of a type outside 1..10 (0 or 11..65535): its
// type and privileges only, as the references pack a bare Service(999).
type OtherService struct {
	Type       int64
	Privileges [][2]int64 // (id, value), in order
}

// Token is an AccessToken2 as data; nil IssueTs or Salt: drawn at build.
// The library packs Services and Others together, sorted by type (stable).
type Token struct {
	AppID, AppCertificate string
	IssueTs, Salt         *int64
	Expire                int64
	Services              []Service
	Others                []OtherService
}

func privileges(p *runtime.Pinner, in [][2]int64) (*C.agora_token2_privilege, C.size_t) {
	if len(in) == 0 {
		return nil, 0
	}
	c := make([]C.agora_token2_privilege, len(in))
	for j, x := range in {
		c[j] = C.agora_token2_privilege{id: C.int64_t(x[0]), expire: C.int64_t(x[1])}
	}
	p.Pin(&c[0])
	return &c[0], C.size_t(len(c))
}

func opt(p *runtime.Pinner, s *string) C.agora_token_str {
	if s == nil {
		return absent
	}
	return present(p, *s)
}

// BuildData builds a token described as data.
func BuildData(t *Token) (string, error) {
	var p runtime.Pinner
	defer p.Unpin()
	var services *C.agora_token2_service
	if len(t.Services) > 0 {
		c := make([]C.agora_token2_service, len(t.Services))
		for i, s := range t.Services {
			c[i].service_type = C.int64_t(s.Type)
			c[i].privileges, c[i].privilege_count = privileges(&p, s.Privileges)
			c[i].channel_name = opt(&p, s.ChannelName)
			c[i].user_account = opt(&p, s.UserAccount)
			c[i].user_id = opt(&p, s.UserID)
			c[i].room_uuid = opt(&p, s.RoomUUID)
			c[i].user_uuid = opt(&p, s.UserUUID)
			if s.UID != nil {
				c[i].has_uid, c[i].uid = 1, C.int64_t(*s.UID)
			}
			if s.Role != nil {
				c[i].has_role, c[i].role = 1, C.int64_t(*s.Role)
			}
			c[i].permissions, c[i].permission_count = grants(&p, s.Grants)
		}
		p.Pin(&c[0])
		services = &c[0]
	}
	var others *C.agora_token2_other_service
	if len(t.Others) > 0 {
		c := make([]C.agora_token2_other_service, len(t.Others))
		for i, o := range t.Others {
			c[i].service_type = C.int64_t(o.Type)
			c[i].privileges, c[i].privilege_count = privileges(&p, o.Privileges)
		}
		p.Pin(&c[0])
		others = &c[0]
	}
	var hasIssueTs, hasSalt C.int
	var issueTs, salt C.int64_t
	if t.IssueTs != nil {
		hasIssueTs, issueTs = 1, C.int64_t(*t.IssueTs)
	}
	if t.Salt != nil {
		hasSalt, salt = 1, C.int64_t(*t.Salt)
	}
	var s out
	for tries := 0; ; tries++ {
		dst, cap := s.dst()
		rc := C.agt2_build_data(t.AppID, t.AppCertificate, hasIssueTs, issueTs, C.int64_t(t.Expire), hasSalt, salt,
			services, C.size_t(len(t.Services)), others, C.size_t(len(t.Others)), dst, cap, &s.n, &s.e)
		if token, err, again := s.result(rc, tries); !again {
			return token, err
		}
	}
}

// Parsed is every field of a parsed token, services in token order (a
// channel service's user is the packed string in UserAccount).
type Parsed struct {
	AppID                 string
	Signature             [32]byte
	IssueTs, Expire, Salt uint32
	Services              []Service
	Content               []byte
	// ParseLenient: the service type (outside 1..10) where reading stopped; -1 when none.
	UnreadServiceType int
}

func goString(s C.agora_token_str) string {
	if s.len == 0 {
		return ""
	}
	return C.GoStringN(s.ptr, C.int(s.len))
}

func optString(s C.agora_token_str) *string {
	if s.ptr == nil {
		return nil
	}
	v := goString(s)
	return &v
}

// Parse reads a 007 token strictly; the C struct tree is copied, then freed once.
func Parse(token string) (*Parsed, error) { return parse(token, 0) }

// ParseLenient reads a 007 token as Agora's parsers do: at a service type
// outside 1..10 reading stops and succeeds (UnreadServiceType says where).
func ParseLenient(token string) (*Parsed, error) { return parse(token, 1) }

func parse(token string, lenient C.int) (*Parsed, error) {
	var info *C.agora_token2_info
	var e C.agora_token_error
	if rc := C.agt2_parse(token, lenient, &info, &e); rc != 0 {
		return nil, sizedError(rc, &e)
	}
	defer C.agora_token2_info_free(info)
	out := &Parsed{
		AppID:     goString(info.app_id),
		Signature: *(*[32]byte)(unsafe.Pointer(&info.signature)),
		IssueTs:   uint32(info.issue_ts),
		Expire:    uint32(info.expire),
		Salt:      uint32(info.salt),
		Services:  make([]Service, int(info.service_count)),
		Content:   C.GoBytes(unsafe.Pointer(info.content), C.int(info.content_len)),

		UnreadServiceType: int(info.unread_service_type),
	}
	for i := range out.Services {
		c := C.agt2_service(info, C.size_t(i))
		s := &out.Services[i]
		s.Type = int64(c.service_type)
		for j := 0; j < int(c.privilege_count); j++ {
			x := C.agt2_privilege(c, C.size_t(j))
			s.Privileges = append(s.Privileges, [2]int64{int64(x.id), int64(x.expire)})
		}
		s.ChannelName, s.UserAccount, s.UserID = optString(c.channel_name), optString(c.user_account), optString(c.user_id)
		s.RoomUUID, s.UserUUID = optString(c.room_uuid), optString(c.user_uuid)
		if c.has_role != 0 {
			role := int64(c.role)
			s.Role = &role
		}
		for j := 0; j < int(c.permission_count); j++ {
			g := C.agt2_grant(c, C.size_t(j))
			grant := Grant{ResourceType: int64(g.resource_type), PermissionType: int64(g.permission_type)}
			for k := 0; k < int(g.resource_count); k++ {
				grant.Resources = append(grant.Resources, goString(C.agt2_resource(g, C.size_t(k))))
			}
			s.Grants = append(s.Grants, grant)
		}
	}
	return out, nil
}

// Expected is what Verify checks beyond signature and expiry.
type Expected struct {
	AppID   *string // checked first when set
	Channel *string // the RTC check, with a user:
	UID     *int64  // a numeric uid, or else
	Account *string // a user account
}

func flag(b bool) C.int {
	if b {
		return 1
	}
	return 0
}

func val[T any](p *T) (v T) {
	if p != nil {
		v = *p
	}
	return v
}

// Verify checks a 007 token at now (Unix seconds). With an error (a
// malformed token or certificate, now or a uid out of range) the result is
// agoratoken.VerifyNotChecked, never VerifyOK.
func Verify(token, appCertificate string, now int64, x Expected) (agoratoken.VerifyResult, error) {
	return verify(token, appCertificate, now, 0, x)
}

// VerifyLenient is Verify over ParseLenient: the services after a type
// outside 1..10 are not read (a check that needs one is service_missing).
func VerifyLenient(token, appCertificate string, now int64, x Expected) (agoratoken.VerifyResult, error) {
	return verify(token, appCertificate, now, 1, x)
}

func verify(token, appCertificate string, now int64, lenient C.int, x Expected) (agoratoken.VerifyResult, error) {
	var result C.int
	var e C.agora_token_error
	rc := C.agt2_verify(token, appCertificate, C.int64_t(now), lenient, flag(x.AppID != nil), val(x.AppID),
		flag(x.Channel != nil), val(x.Channel), flag(x.UID != nil), C.int64_t(val(x.UID)),
		flag(x.Account != nil), val(x.Account), &result, &e)
	if rc != 0 {
		return agoratoken.VerifyNotChecked, sizedError(rc, &e)
	}
	return agoratoken.VerifyResult(result), nil
}

// The RTC roles of the 007 builders.
const (
	RolePublisher  = C.AGORA_TOKEN2_ROLE_PUBLISHER
	RoleSubscriber = C.AGORA_TOKEN2_ROLE_SUBSCRIBER
)

// Rtm2Args are the arguments of BuildTokenWithRtm2 (and npm's ConvoAI and STT builders).
func Rtm2Args(channelName, rtcAccount string, rtcRole int64, rtcTokenExpire, join, pubAudio, pubVideo, pubDataStream uint32,
	rtmUserID string, rtmTokenExpire uint32) Args {
	return Args{Strs: [3]string{channelName, rtcAccount, rtmUserID}, NStr: 3,
		Ints: [10]int64{rtcRole, int64(rtcTokenExpire), int64(join), int64(pubAudio), int64(pubVideo),
			int64(pubDataStream), int64(rtmTokenExpire)}, NInt: 7}
}

// RoomUser, User and App are the APaaS builders (also Education's, under their own ids).
func RoomUser(builder int, appID, appCertificate, roomUUID, userUUID string, role int16, expire uint32) (string, error) {
	a := Args{Strs: [3]string{roomUUID, userUUID}, NStr: 2, Ints: [10]int64{int64(role), int64(expire)}, NInt: 2}
	return Build(builder, appID, appCertificate, &a)
}

// User is an APaaS user token.
func User(builder int, appID, appCertificate, userUUID string, expire uint32) (string, error) {
	a := Args{Strs: [3]string{userUUID}, NStr: 1, Ints: [10]int64{int64(expire)}, NInt: 1}
	return Build(builder, appID, appCertificate, &a)
}

// App is an APaaS app token.
func App(builder int, appID, appCertificate string, expire uint32) (string, error) {
	a := Args{Ints: [10]int64{int64(expire)}, NInt: 1}
	return Build(builder, appID, appCertificate, &a)
}

// BuilderNames are the python3 names of token-core's table, by index.
func BuilderNames() []string {
	names := make([]string, int(C.agora_token2_builder_count()))
	for i := range names {
		var info *C.agora_token2_builder_info
		if C.agora_token2_builder_get_info(C.uint32_t(i), &info, nil) == 0 {
			names[i] = goString(info.name)
		}
	}
	return names
}
