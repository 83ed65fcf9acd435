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
#cgo noescape agora_token_verify
#cgo nocallback agora_token_verify
#cgo noescape agora_token_verify_user_account
#cgo nocallback agora_token_verify_user_account
#cgo noescape agora_token_builder_build_token
#cgo nocallback agora_token_builder_build_token
#cgo noescape agora_rtc_token_builder_build_token_with_uid
#cgo nocallback agora_rtc_token_builder_build_token_with_uid
#cgo noescape agora_rtc_token_builder_build_token_with_user_account
#cgo nocallback agora_rtc_token_builder_build_token_with_user_account
#cgo noescape agora_token_builder_build_token_into
#cgo nocallback agora_token_builder_build_token_into
#cgo noescape agora_rtc_token_builder_build_token_with_uid_into
#cgo nocallback agora_rtc_token_builder_build_token_with_uid_into
#cgo noescape agora_rtc_token_builder_build_token_with_user_account_into
#cgo nocallback agora_rtc_token_builder_build_token_with_user_account_into
#cgo noescape agt_rtm
#cgo nocallback agt_rtm
#cgo noescape agt_parse
#cgo nocallback agt_parse

#include <stdlib.h>
#include <string.h>
#include "agora_token.h"

// agt_take moves a library string into the caller's buffer and frees it, so
// one cgo call both builds a token and releases the C copy. A string that
// does not fit (never for a 006 token, which is under 256 bytes) is handed
// over in *big_out instead; the caller copies and frees it. Only the RTM
// helper, which has no _into form, needs it: the builder and the RTC helpers
// write straight into the caller's buffer.
static int agt_take(int rc, char *tok, char *buf, size_t cap, size_t *len_out, char **big_out) {
	if (rc != 0) {
		return rc;
	}
	size_t n = strlen(tok);
	*len_out = n;
	if (n > cap) {
		*big_out = tok;
		return 0;
	}
	memcpy(buf, tok, n);
	agora_token_string_free(tok);
	return 0;
}

static int agt_rtm(const char *app_id, const char *cert, const char *account, int role, uint32_t expire,
		char *buf, size_t cap, size_t *len_out, char **big_out) {
	char *tok = NULL;
	int rc = agora_rtm_token_builder_build_token(app_id, cert, account, role, expire, &tok);
	return agt_take(rc, tok, buf, cap, len_out, big_out);
}

// agt_parsed is a parsed token copied out of the library in the same call,
// when it fits (a 32-byte signature and up to 32 privileges: every token a
// reference builder writes). Otherwise the library's struct is handed over
// in *big_out for the caller to copy and free.
#define AGT_MAX_SIGNATURE 64
#define AGT_MAX_PRIVILEGES 32
typedef struct agt_parsed {
	char app_id[33];
	uint8_t signature[AGT_MAX_SIGNATURE];
	size_t signature_len;
	uint32_t crc_channel_name, crc_uid, salt, ts;
	agora_token_privilege privileges[AGT_MAX_PRIVILEGES];
	size_t privilege_count;
} agt_parsed;

static int agt_parse(const char *token, agt_parsed *out, agora_token_info **big_out) {
	agora_token_info *info = NULL;
	int rc = agora_token_parse(token, &info);
	if (rc != 0) {
		return rc;
	}
	if (info->signature_len > AGT_MAX_SIGNATURE || info->privilege_count > AGT_MAX_PRIVILEGES) {
		*big_out = info;
		return 0;
	}
	memcpy(out->app_id, info->app_id, sizeof out->app_id);
	// Empty arrays are NULL, and memcpy from NULL is undefined even for 0 bytes.
	if (info->signature_len > 0) {
		memcpy(out->signature, info->signature, info->signature_len);
	}
	out->signature_len = info->signature_len;
	out->crc_channel_name = info->crc_channel_name;
	out->crc_uid = info->crc_uid;
	out->salt = info->salt;
	out->ts = info->ts;
	if (info->privilege_count > 0) {
		memcpy(out->privileges, info->privileges, info->privilege_count * sizeof info->privileges[0]);
	}
	out->privilege_count = info->privilege_count;
	agora_token_info_free(info);
	return 0;
}

// The privileges of a parsed token, by index (cgo cannot index a C array).
static uint16_t agt_privilege_id(const agora_token_info *info, size_t i) { return info->privileges[i].id; }
static uint32_t agt_privilege_expire(const agora_token_info *info, size_t i) { return info->privileges[i].expire_ts; }
*/
import "C"

import (
	"bytes"
	"runtime"
	"strings"
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

// intoToken turns the status of an _into call that wrote n bytes to buf into
// the token. When buf was too small, alloc builds the token with the
// allocating C function instead, which is copied and freed. The caller holds
// runtime.LockOSThread() since before the _into call.
func intoToken(rc C.int, buf *[tokenBufSize]byte, n C.size_t, alloc func(**C.char) C.int) (string, error) {
	if rc == statusBufferTooSmall {
		var tok *C.char
		if rc = alloc(&tok); rc == 0 {
			s := C.GoString(tok)
			C.agora_token_string_free(tok)
			return s, nil
		}
	}
	if rc != 0 {
		return "", lastError(rc)
	}
	return string(buf[:n]), nil
}

// packArgs appends each string and a NUL to buf (one Go buffer for all the
// string arguments of a call: no malloc, no free call); offs[i] is where the
// i-th starts. A NUL byte inside a Go string, which a C string cannot carry,
// is passed as 0xFF, a byte that is not UTF-8 and valid in no field: the
// library then rejects the string in that field's own check, instead of
// silently signing what precedes the NUL.
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

// lastError reads this thread's message for a failed call. The caller holds
// runtime.LockOSThread() since before that call.
func lastError(status C.int) error {
	return newError(int(status), C.GoString(C.agora_token_last_error()))
}

// takeToken turns the result of agt_rtm into a Go string.
func takeToken(buf *[tokenBufSize]byte, n C.size_t, big *C.char) string {
	if big != nil {
		s := C.GoStringN(big, C.int(n))
		C.agora_token_string_free(big)
		return s
	}
	return string(buf[:n])
}

// ---------------------------------------------------------------------------
// Static calls: names, version, helpers, parse, verify.

func cErrorName(status int) string {
	return C.GoString(C.agora_token_error_name(C.int(status)))
}

func cVerifyResultName(result int) string {
	return C.GoString(C.agora_token_verify_result_name(C.int(result)))
}

func cVersion() string {
	return C.GoString(C.agora_token_version())
}

func cRtcWithUID(appID, appCertificate, channelName string, uid uint32, role int, expire uint32) (string, error) {
	args, o := packArgs(make([]byte, 0, argBufSize), appID, appCertificate, channelName)
	var buf [tokenBufSize]byte
	var n C.size_t
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	rc := C.agora_rtc_token_builder_build_token_with_uid_into(at(args, o[0]), at(args, o[1]), at(args, o[2]),
		C.uint32_t(uid), C.int(role), C.uint32_t(expire), cBuf(&buf), C.size_t(tokenCap), &n)
	return intoToken(rc, &buf, n, func(tok **C.char) C.int {
		return C.agora_rtc_token_builder_build_token_with_uid(at(args, o[0]), at(args, o[1]), at(args, o[2]),
			C.uint32_t(uid), C.int(role), C.uint32_t(expire), tok)
	})
}

func cRtcWithUserAccount(appID, appCertificate, channelName, userAccount string, role int, expire uint32) (string, error) {
	args, o := packArgs(make([]byte, 0, argBufSize), appID, appCertificate, channelName, userAccount)
	var buf [tokenBufSize]byte
	var n C.size_t
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	rc := C.agora_rtc_token_builder_build_token_with_user_account_into(at(args, o[0]), at(args, o[1]), at(args, o[2]),
		at(args, o[3]), C.int(role), C.uint32_t(expire), cBuf(&buf), C.size_t(tokenCap), &n)
	return intoToken(rc, &buf, n, func(tok **C.char) C.int {
		return C.agora_rtc_token_builder_build_token_with_user_account(at(args, o[0]), at(args, o[1]), at(args, o[2]),
			at(args, o[3]), C.int(role), C.uint32_t(expire), tok)
	})
}

func cRtm(appID, appCertificate, userAccount string, role int, expire uint32) (string, error) {
	args, o := packArgs(make([]byte, 0, argBufSize), appID, appCertificate, userAccount)
	var buf [tokenBufSize]byte
	var n C.size_t
	var big *C.char
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	rc := C.agt_rtm(at(args, o[0]), at(args, o[1]), at(args, o[2]), C.int(role), C.uint32_t(expire),
		cBuf(&buf), C.size_t(tokenCap), &n, &big)
	if rc != 0 {
		return "", lastError(rc)
	}
	return takeToken(&buf, n, big), nil
}

func cParse(token string) (*TokenInfo, error) {
	args, o := packArgs(make([]byte, 0, argBufSize), token)
	var p C.agt_parsed
	var big *C.agora_token_info
	runtime.LockOSThread()
	rc := C.agt_parse(at(args, o[0]), &p, &big)
	if rc != 0 {
		err := lastError(rc)
		runtime.UnlockOSThread()
		return nil, err
	}
	runtime.UnlockOSThread()
	if big != nil {
		return takeInfo(big), nil
	}
	// Copied with Go code: C.GoString and C.GoBytes would move p to the heap.
	appID := (*[33]byte)(unsafe.Pointer(&p.app_id))[:]
	if n := bytes.IndexByte(appID, 0); n >= 0 {
		appID = appID[:n]
	}
	signature := (*[C.AGT_MAX_SIGNATURE]byte)(unsafe.Pointer(&p.signature))[:p.signature_len]
	out := &TokenInfo{
		AppID:          string(appID),
		Signature:      bytes.Clone(signature),
		CrcChannelName: uint32(p.crc_channel_name),
		CrcUID:         uint32(p.crc_uid),
		Salt:           uint32(p.salt),
		Ts:             uint32(p.ts),
		Privileges:     make([]PrivilegeEntry, int(p.privilege_count)),
	}
	for i := range out.Privileges {
		out.Privileges[i] = PrivilegeEntry{Privilege: Privileges(p.privileges[i].id), ExpireTs: uint32(p.privileges[i].expire_ts)}
	}
	return out, nil
}

// takeInfo copies a parsed token that did not fit agt_parsed, then frees it.
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

// cVerify checks a token; account == nil means the numeric uid.
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
		return 0, lastError(rc)
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
	var buf [tokenBufSize]byte
	var n C.size_t
	runtime.LockOSThread()
	rc := C.agora_token_builder_build_token_into(h, cBuf(&buf), C.size_t(tokenCap), &n)
	if rc == 0 {
		runtime.UnlockOSThread()
		return string(buf[:n]), nil
	}
	token, err := intoToken(rc, &buf, n, func(tok **C.char) C.int { return C.agora_token_builder_build_token(h, tok) })
	runtime.UnlockOSThread()
	return token, err
}
