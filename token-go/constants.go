package agoratoken

/*
#include "agora_token.h"
*/
import "C"

// Privileges is a privilege that a 006 token grants, by its wire id.
type Privileges uint16

// The documented privileges (the reference Go accesstoken names).
const (
	KJoinChannel               Privileges = C.AGORA_TOKEN_PRIVILEGE_JOIN_CHANNEL                 // 1
	KPublishAudioStream        Privileges = C.AGORA_TOKEN_PRIVILEGE_PUBLISH_AUDIO_STREAM         // 2
	KPublishVideoStream        Privileges = C.AGORA_TOKEN_PRIVILEGE_PUBLISH_VIDEO_STREAM         // 3
	KPublishDataStream         Privileges = C.AGORA_TOKEN_PRIVILEGE_PUBLISH_DATA_STREAM          // 4
	KPublishAudiocdn           Privileges = C.AGORA_TOKEN_PRIVILEGE_PUBLISH_AUDIO_CDN            // 5
	KPublishVideoCdn           Privileges = C.AGORA_TOKEN_PRIVILEGE_PUBLISH_VIDEO_CDN            // 6
	KRequestPublishAudioStream Privileges = C.AGORA_TOKEN_PRIVILEGE_REQUEST_PUBLISH_AUDIO_STREAM // 7
	KRequestPublishVideoStream Privileges = C.AGORA_TOKEN_PRIVILEGE_REQUEST_PUBLISH_VIDEO_STREAM // 8
	KRequestPublishDataStream  Privileges = C.AGORA_TOKEN_PRIVILEGE_REQUEST_PUBLISH_DATA_STREAM  // 9
	KInvitePublishAudioStream  Privileges = C.AGORA_TOKEN_PRIVILEGE_INVITE_PUBLISH_AUDIO_STREAM  // 10
	KInvitePublishVideoStream  Privileges = C.AGORA_TOKEN_PRIVILEGE_INVITE_PUBLISH_VIDEO_STREAM  // 11
	KInvitePublishDataStream   Privileges = C.AGORA_TOKEN_PRIVILEGE_INVITE_PUBLISH_DATA_STREAM   // 12
	KAdministrateChannel       Privileges = C.AGORA_TOKEN_PRIVILEGE_ADMINISTRATE_CHANNEL         // 101
	KLoginRtm                  Privileges = C.AGORA_TOKEN_PRIVILEGE_RTM_LOGIN                    // 1000

	// KRtmLogin is KLoginRtm under the name the other languages use.
	KRtmLogin = KLoginRtm
	// KPublishAudioCdn is KPublishAudiocdn with the spelling of the other names.
	KPublishAudioCdn = KPublishAudiocdn
)

// Role is an RTC role: InitPrivileges and the RTC helpers grant its privileges.
type Role uint16

// The documented RTC roles. Attendee, Publisher and Admin get JoinChannel and
// PublishAudio/Video/DataStream; Subscriber gets JoinChannel only.
const (
	RoleAttendee   Role = C.AGORA_TOKEN_ROLE_ATTENDEE   // 0
	RolePublisher  Role = C.AGORA_TOKEN_ROLE_PUBLISHER  // 1
	RoleSubscriber Role = C.AGORA_TOKEN_ROLE_SUBSCRIBER // 2
	RoleAdmin      Role = C.AGORA_TOKEN_ROLE_ADMIN      // 101
)

// RtmRole is an RTM role.
type RtmRole uint16

// RoleRtmUser is the only RTM role (Rtm_User, 1).
const RoleRtmUser RtmRole = C.AGORA_TOKEN_RTM_ROLE_USER

// VerifyResult is the outcome of Verify: VerifyOK or the first check that
// failed, in this order. It is a value, not an error. A verify function that
// returns an error returns VerifyNotChecked with it, never VerifyOK, so
// r.OK() is false whenever err != nil.
type VerifyResult int

// The verification results.
const (
	VerifyOK                VerifyResult = C.AGORA_TOKEN_VERIFY_OK                 // the token is valid
	VerifyAppIDMismatch     VerifyResult = C.AGORA_TOKEN_VERIFY_APP_ID_MISMATCH    // another app id (checked only when one is given)
	VerifyChannelMismatch   VerifyResult = C.AGORA_TOKEN_VERIFY_CHANNEL_MISMATCH   // minted for another channel
	VerifyUIDMismatch       VerifyResult = C.AGORA_TOKEN_VERIFY_UID_MISMATCH       // minted for another user
	VerifySignatureMismatch VerifyResult = C.AGORA_TOKEN_VERIFY_SIGNATURE_MISMATCH // not signed with this certificate
	VerifyExpired           VerifyResult = C.AGORA_TOKEN_VERIFY_EXPIRED            // now is past the token's ts
	VerifyPrivilegeExpired  VerifyResult = C.AGORA_TOKEN_VERIFY_PRIVILEGE_EXPIRED  // now is past the join-channel expiry
	VerifyServiceMissing    VerifyResult = C.AGORA_TOKEN_VERIFY_SERVICE_MISSING    // 007 with an RTC check: no RTC service
)

// VerifyNotChecked is the result that comes with an error: the token could
// not be checked (a malformed token, an invalid certificate, an argument out
// of range): see the error. It is this package's value, not one of
// libagoratoken's results (those are 0 and up, VerifyOK being 0, the zero
// value), so a caller that ignores the error still never reads the token as
// valid.
const VerifyNotChecked VerifyResult = -1

// String is the result's name as the conformance vectors spell it ("ok",
// "channel_mismatch", ...), from libagoratoken; "not_checked" for
// VerifyNotChecked, "unknown" for other values.
func (r VerifyResult) String() string {
	if r == VerifyNotChecked {
		return "not_checked"
	}
	return cVerifyResultName(int(r))
}

// OK reports whether the token passed every check. It is false for
// VerifyNotChecked, the result of every failed verify call.
func (r VerifyResult) OK() bool { return r == VerifyOK }
