package agoratoken

// The one file that talks to libagoratoken. Everything the library lends or
// returns is copied into Go memory here, and every C string it hands over is
// freed here, so no other file sees a C pointer except the builder handle.

/*
#cgo CFLAGS: -I${SRCDIR}/../include -O2

// The library keeps no pointer it is lent and never calls back into Go:
// arguments may stay on the goroutine stack.
#cgo noescape agora_token_builder_new_uid
#cgo nocallback agora_token_builder_new_uid
#cgo noescape agora_token_builder_new_user_account
#cgo nocallback agora_token_builder_new_user_account
#cgo noescape agora_token_builder_init_token_builder
#cgo nocallback agora_token_builder_init_token_builder
#cgo noescape agora_token_builder_get_salt
#cgo nocallback agora_token_builder_get_salt
#cgo noescape agora_token_builder_get_ts
#cgo nocallback agora_token_builder_get_ts
#cgo noescape agt_rtc
#cgo nocallback agt_rtc
#cgo noescape agt_rtm
#cgo nocallback agt_rtm
#cgo noescape agt_parse
#cgo nocallback agt_parse
#cgo noescape agora_token_verify
#cgo nocallback agora_token_verify
#cgo noescape agora_token_verify_user_account
#cgo nocallback agora_token_verify_user_account
#cgo noescape agora_token006_builder_build
#cgo nocallback agora_token006_builder_build
#cgo noescape agt_uid_from_decimal
#cgo nocallback agt_uid_from_decimal

#include <stdlib.h>
#include <string.h>
#include "agora_token.h"

// The hot paths use the sized calls (agora_token006_*): Go strings go in as
// (pointer, length) without a copy (_GoString_), the token comes back in the
// caller's buffer and a failure in the caller's error object, so no call
// needs LockOSThread to read a thread-local message, and a NUL byte fails
// its field's check in the library like any other bad byte.

static const char agt_empty[1] = {0};

// A present string argument: never NULL, since NULL means "absent" there.
static const char *agt_present(_GoString_ s) {
	const char *p = _GoStringPtr(s);
	return p ? p : agt_empty;
}

static int agt_rtc(_GoString_ app_id, _GoString_ cert, _GoString_ channel, _GoString_ account, int has_account,
		uint32_t uid, int role, uint32_t expire, char *out, size_t cap, size_t *len, agora_token_error *e) {
	return agora_token006_build_rtc(_GoStringPtr(app_id), _GoStringLen(app_id), _GoStringPtr(cert), _GoStringLen(cert),
		_GoStringPtr(channel), _GoStringLen(channel), has_account ? agt_present(account) : NULL,
		_GoStringLen(account), uid, role, expire, out, cap, len, e);
}

static int agt_rtm(_GoString_ app_id, _GoString_ cert, _GoString_ account, int role, uint32_t expire,
		char *out, size_t cap, size_t *len, agora_token_error *e) {
	return agora_token006_build_rtm(_GoStringPtr(app_id), _GoStringLen(app_id), _GoStringPtr(cert), _GoStringLen(cert),
		_GoStringPtr(account), _GoStringLen(account), role, expire, out, cap, len, e);
}

static int agt_parse(_GoString_ token, agora_token006_parsed *out, agora_token_error *e) {
	return agora_token006_parse(_GoStringPtr(token), _GoStringLen(token), out, e);
}

// An empty Go string may have a NULL pointer: passed as "", which is no uid.
static int agt_uid_from_decimal(_GoString_ text, uint32_t *uid, agora_token_error *e) {
	return agora_token_uid_from_decimal(agt_present(text), _GoStringLen(text), uid, e);
}

// The privileges of a parsed token, by index (cgo cannot index a C array).
static uint16_t agt_privilege_id(const agora_token_info *info, size_t i) { return info->privileges[i].id; }
static uint32_t agt_privilege_expire(const agora_token_info *info, size_t i) { return info->privileges[i].expire_ts; }
*/
import "C"

import (
	"runtime"
	"strings"
	"sync/atomic"
	"unsafe"
)

// The status codes, privilege ids and roles are the header's constants: this
// package keeps no table of its own.
const (
	statusOK             = int(C.AGORA_TOKEN_OK)
	statusNullArgument   = int(C.AGORA_TOKEN_ERR_NULL_ARGUMENT)
	statusInternal       = int(C.AGORA_TOKEN_ERR_INTERNAL)
	statusBufferTooSmall = C.AGORA_TOKEN_ERR_BUFFER_TOO_SMALL
)

// tokenBufSize holds, with its NUL, every RTC token and every token of a
// builder with the documented privileges (at most 220 bytes), with room to
// spare. A builder initialized from a token with more privileges can need
// more: the allocating call builds that token.
const tokenBufSize = 320

// tokenCap is how much of the buffer the C calls may use; tests lower it to
// take the path of a result too long for the buffer.
var tokenCap = tokenBufSize

// cBuf is the C view of a token buffer.
func cBuf(buf *[tokenBufSize]byte) *C.char {
	return (*C.char)(unsafe.Pointer(&buf[0]))
}

// sizedError is the error of a failed sized call, read from its error object.
func sizedError(status C.int, e *C.agora_token_error) error {
	// Copied with Go code: C.GoStringN would move e to the heap.
	return newError(int(status), string((*[len(e.message)]byte)(unsafe.Pointer(&e.message))[:e.len]))
}

// sizedOut is the output of a sized build: a buffer on the caller's stack
// for the usual token, a larger one on the heap for a longer token, and the
// error object. Use it as
//
//	var s sizedOut
//	for tries := 0; ; tries++ {
//		out, cap := s.out()
//		rc := C.sized_call(..., out, cap, &s.n, &s.e)
//		if token, err, again := s.result(rc, tries); !again {
//			return token, err
//		}
//	}
type sizedOut struct {
	buf [tokenBufSize]byte
	big []byte
	n   C.size_t
	e   C.agora_token_error
}

// out is where the next call writes.
func (s *sizedOut) out() (*C.char, C.size_t) {
	if s.big != nil {
		return (*C.char)(unsafe.Pointer(&s.big[0])), C.size_t(len(s.big))
	}
	return cBuf(&s.buf), C.size_t(tokenCap)
}

// result is the token or the error of a call, or again = true after
// making room for a token too long for the buffer (with slack: a drawn
// salt or time can take a few bytes more).
func (s *sizedOut) result(rc C.int, tries int) (token string, err error, again bool) {
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

// packArgs appends each string and a NUL to buf (one Go buffer for all the
// string arguments of a call: no malloc, no free call); offs[i] is where the
// i-th starts. A NUL byte inside a Go string, which a C string cannot carry,
// is passed as 0xFF, a byte that is not UTF-8 and valid in no field: the
// library then rejects the string in that field's own check, instead of
// silently signing what precedes the NUL. (Only the builder's rarely called
// NUL-terminated functions still take C strings.)
func packArgs(buf []byte, ss ...string) ([]byte, [maxArgs]int) {
	var offs [maxArgs]int
	for i, s := range ss {
		offs[i] = len(buf)
		start := len(buf)
		buf = append(buf, s...)
		if strings.IndexByte(s, 0) >= 0 {
			for j := start; j < len(buf); j++ {
				if buf[j] == 0 {
					buf[j] = 0xFF
				}
			}
		}
		buf = append(buf, 0)
	}
	return buf, offs
}

const maxArgs = 5

// argBufSize fits the arguments of a usual call on the stack; longer ones grow it.
const argBufSize = 512

// at is the C view of the string packed at off.
func at(buf []byte, off int) *C.char {
	return (*C.char)(unsafe.Pointer(&buf[off]))
}

// lastError reads this thread's message for a failed NUL-terminated call.
// The caller holds runtime.LockOSThread() since before that call.
func lastError(status C.int) error {
	return newError(int(status), C.GoString(C.agora_token_last_error()))
}

// ---------------------------------------------------------------------------
// Static calls: names, version, helpers, parse, verify. One cgo call each.

func cErrorName(status int) string {
	return C.GoString(C.agora_token_error_name(C.int(status)))
}

func cVerifyResultName(result int) string {
	return C.GoString(C.agora_token_verify_result_name(C.int(result)))
}

func cVersion() string {
	return C.GoString(C.agora_token_version())
}

func b2i(b bool) C.int {
	if b {
		return 1
	}
	return 0
}

// cRtc builds an RTC helper token; account == nil means the numeric uid.
func cRtc(appID, appCertificate, channelName string, uid uint32, account *string, role int, expire uint32) (string, error) {
	user := ""
	if account != nil {
		user = *account
	}
	var s sizedOut
	for tries := 0; ; tries++ {
		out, cap := s.out()
		rc := C.agt_rtc(appID, appCertificate, channelName, user, b2i(account != nil), C.uint32_t(uid), C.int(role),
			C.uint32_t(expire), out, cap, &s.n, &s.e)
		if token, err, again := s.result(rc, tries); !again {
			return token, err
		}
	}
}

func cRtm(appID, appCertificate, userAccount string, role int, expire uint32) (string, error) {
	var s sizedOut
	for tries := 0; ; tries++ {
		out, cap := s.out()
		rc := C.agt_rtm(appID, appCertificate, userAccount, C.int(role), C.uint32_t(expire), out, cap, &s.n, &s.e)
		if token, err, again := s.result(rc, tries); !again {
			return token, err
		}
	}
}

// lastAppID is the app id of the last token parsed: a server reads the
// tokens of one app, so Parse reuses its string instead of allocating one.
var lastAppID atomic.Pointer[string]

func appIDString(b *[32]byte) string {
	if last := lastAppID.Load(); last != nil && *last == string(b[:]) {
		return *last
	}
	s := string(b[:])
	lastAppID.Store(&s)
	return s
}

// parsedBox is a TokenInfo and the arrays its slices use, in one allocation.
type parsedBox struct {
	info       TokenInfo
	signature  [32]byte
	privileges [16]PrivilegeEntry
}

func cUIDFromDecimal(text string) (uint32, error) {
	var uid C.uint32_t
	var e C.agora_token_error
	if rc := C.agt_uid_from_decimal(text, &uid, &e); rc != 0 {
		return 0, sizedError(rc, &e)
	}
	return uint32(uid), nil
}

func cParse(token string) (*TokenInfo, error) {
	var p C.agora_token006_parsed
	var e C.agora_token_error
	rc := C.agt_parse(token, &p, &e)
	if rc == statusBufferTooSmall {
		return cParseLarge(token)
	}
	if rc != 0 {
		return nil, sizedError(rc, &e)
	}
	// Copied with Go code: C.GoString and C.GoBytes would move p to the heap.
	b := new(parsedBox)
	b.info = TokenInfo{
		AppID:          appIDString((*[32]byte)(unsafe.Pointer(&p.app_id))),
		CrcChannelName: uint32(p.crc_channel_name),
		CrcUID:         uint32(p.crc_uid),
		Salt:           uint32(p.salt),
		Ts:             uint32(p.ts),
	}
	b.signature = *(*[32]byte)(unsafe.Pointer(&p.signature))
	b.info.Signature = b.signature[:p.signature_len:p.signature_len]
	b.info.Privileges = b.privileges[:p.privilege_count:p.privilege_count]
	for i := range b.info.Privileges {
		b.info.Privileges[i] = PrivilegeEntry{Privilege: Privileges(p.privileges[i].id), ExpireTs: uint32(p.privileges[i].expire_ts)}
	}
	return &b.info, nil
}

// cParseLarge reads a token with more privileges (or a longer signature)
// than agora_token006_parsed holds: no reference builder writes one.
func cParseLarge(token string) (*TokenInfo, error) {
	args, o := packArgs(make([]byte, 0, len(token)+1), token)
	var info *C.agora_token_info
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	if rc := C.agora_token_parse(at(args, o[0]), &info); rc != 0 {
		return nil, lastError(rc)
	}
	return takeInfo(info), nil
}

// takeInfo copies a parsed token that did not fit agora_token006_parsed, then frees it.
func takeInfo(info *C.agora_token_info) *TokenInfo {
	defer C.agora_token_info_free(info)
	out := &TokenInfo{
		AppID:          C.GoString(&info.app_id[0]),
		Signature:      C.GoBytes(unsafe.Pointer(info.signature), C.int(info.signature_len)),
		CrcChannelName: uint32(info.crc_channel_name),
		CrcUID:         uint32(info.crc_uid),
		Salt:           uint32(info.salt),
		Ts:             uint32(info.ts),
		Privileges:     make([]PrivilegeEntry, int(info.privilege_count)),
	}
	for i := range out.Privileges {
		out.Privileges[i] = PrivilegeEntry{
			Privilege: Privileges(C.agt_privilege_id(info, C.size_t(i))),
			ExpireTs:  uint32(C.agt_privilege_expire(info, C.size_t(i))),
		}
	}
	return out
}

// cVerify checks a token; account == nil means the numeric uid. It keeps the
// NUL-terminated call, whose documented NUL handling (a NUL in any field is
// that field's error, though verify checks no field's characters) the
// sized call does not share.
func cVerify(token, appID, appCertificate, channelName string, uid uint32, account *string, now uint32) (VerifyResult, error) {
	user := ""
	if account != nil {
		user = *account
	}
	args, o := packArgs(make([]byte, 0, argBufSize), token, appCertificate, channelName, user, appID)
	var appIDPtr *C.char // NULL: no app id check
	if appID != "" {
		appIDPtr = at(args, o[4])
	}
	var result C.int
	var rc C.int
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	if account != nil {
		rc = C.agora_token_verify_user_account(at(args, o[0]), appIDPtr, at(args, o[1]), at(args, o[2]), at(args, o[3]), C.uint32_t(now), &result)
	} else {
		rc = C.agora_token_verify(at(args, o[0]), appIDPtr, at(args, o[1]), at(args, o[2]), C.uint32_t(uid), C.uint32_t(now), &result)
	}
	if rc != 0 {
		return VerifyNotChecked, lastError(rc)
	}
	return VerifyResult(result), nil
}

// ---------------------------------------------------------------------------
// The builder handle. Callers hold the builder's lock (see builder.go) and
// call runtime.KeepAlive on the owner after these return.

type cBuilder = C.agora_token_builder

func cBuilderNew(appID, appCertificate, channelName string, uid uint32, account *string) (*cBuilder, error) {
	user := ""
	if account != nil {
		user = *account
	}
	args, o := packArgs(make([]byte, 0, argBufSize), appID, appCertificate, channelName, user)
	var h *C.agora_token_builder
	var rc C.int
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	if account != nil {
		rc = C.agora_token_builder_new_user_account(at(args, o[0]), at(args, o[1]), at(args, o[2]), at(args, o[3]), &h)
	} else {
		rc = C.agora_token_builder_new_uid(at(args, o[0]), at(args, o[1]), at(args, o[2]), C.uint32_t(uid), &h)
	}
	if rc != 0 {
		return nil, lastError(rc)
	}
	return h, nil
}

func cBuilderFree(h *cBuilder) {
	C.agora_token_builder_free(h)
}

// status runs one builder call that returns only a status, reading the
// message on the same OS thread when it fails.
func status(call func() C.int) error {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	if rc := call(); rc != 0 {
		return lastError(rc)
	}
	return nil
}

func cBuilderInit(h *cBuilder, originToken string) error {
	args, o := packArgs(make([]byte, 0, argBufSize), originToken)
	return status(func() C.int { return C.agora_token_builder_init_token_builder(h, at(args, o[0])) })
}

func cBuilderInitPrivileges(h *cBuilder, role int) error {
	return status(func() C.int { return C.agora_token_builder_init_privileges(h, C.int(role)) })
}

func cBuilderSetPrivilege(h *cBuilder, privilege int, expire uint32) error {
	return status(func() C.int { return C.agora_token_builder_set_privilege(h, C.int(privilege), C.uint32_t(expire)) })
}

func cBuilderRemovePrivilege(h *cBuilder, privilege int) error {
	return status(func() C.int { return C.agora_token_builder_remove_privilege(h, C.int(privilege)) })
}

func cBuilderSetSalt(h *cBuilder, salt uint32) error {
	return status(func() C.int { return C.agora_token_builder_set_salt(h, C.uint32_t(salt)) })
}

func cBuilderClearSalt(h *cBuilder) error {
	return status(func() C.int { return C.agora_token_builder_clear_salt(h) })
}

func cBuilderSetTs(h *cBuilder, ts uint32) error {
	return status(func() C.int { return C.agora_token_builder_set_ts(h, C.uint32_t(ts)) })
}

func cBuilderClearTs(h *cBuilder) error {
	return status(func() C.int { return C.agora_token_builder_clear_ts(h) })
}

// cBuilderGet reads the salt (ts == false) or ts; -1 means "drawn at each build".
func cBuilderGet(h *cBuilder, ts bool) (int64, error) {
	var v C.int64_t
	err := status(func() C.int {
		if ts {
			return C.agora_token_builder_get_ts(h, &v)
		}
		return C.agora_token_builder_get_salt(h, &v)
	})
	return int64(v), err
}

func cBuilderBuild(h *cBuilder) (string, error) {
	var s sizedOut
	for tries := 0; ; tries++ {
		out, cap := s.out()
		rc := C.agora_token006_builder_build(h, out, cap, &s.n, &s.e)
		if token, err, again := s.result(rc, tries); !again {
			return token, err
		}
	}
}
