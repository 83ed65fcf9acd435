package agoratoken

import "encoding/hex"

// ModuleVersion is the version of this module, the workspace version; Version()
// (the linked library's) equals it when the module and library match.
const ModuleVersion = "0.1.0"

// Version is the version of the linked libagoratoken.
func Version() string { return cVersion() }

// BuildTokenWithUID is the reference RtcTokenBuilder.BuildTokenWithUID: a
// token for a numeric uid (0 = any user) with the role's privileges, each
// expiring at privilegeExpiredTs (Unix seconds, 0 = never); a fresh CSPRNG
// salt and ts = now + 24 h.
func BuildTokenWithUID(appID, appCertificate, channelName string, uid uint32, role Role, privilegeExpiredTs uint32) (string, error) {
	return cRtc(appID, appCertificate, channelName, uid, nil, int(role), privilegeExpiredTs)
}

// BuildTokenWithUserAccount is BuildTokenWithUID for a user account.
func BuildTokenWithUserAccount(appID, appCertificate, channelName, userAccount string, role Role, privilegeExpiredTs uint32) (string, error) {
	return cRtc(appID, appCertificate, channelName, 0, &userAccount, int(role), privilegeExpiredTs)
}

// UIDFromDecimal reads a numeric uid given as text (a query parameter, a
// form field), by libagoratoken's rule: canonical decimal only, "0" or
// digits without a leading zero, up to 4294967295. Anything else is an error
// matching ErrUID, whose message names the field: "007", " 7", "+7", "7.0"
// are not uid 7 (a token for the account "007" is not one for uid 7: Agora's
// builders sign the string), and "4294967296" is out of range. A service
// that takes either kind of id can send text this refuses to
// BuildTokenWithUserAccount, as examples/go does.
func UIDFromDecimal(s string) (uint32, error) {
	return cUIDFromDecimal(s)
}

// BuildRtmToken is the reference RtmTokenBuilder.BuildToken: an RTM login
// token (privilege KLoginRtm until privilegeExpiredTs) for a user account.
func BuildRtmToken(appID, appCertificate, userAccount string, role RtmRole, privilegeExpiredTs uint32) (string, error) {
	return cRtm(appID, appCertificate, userAccount, int(role), privilegeExpiredTs)
}

// PrivilegeEntry is one privilege of a token and its expiry (0 = never).
type PrivilegeEntry struct {
	Privilege Privileges
	ExpireTs  uint32
}

// TokenInfo is what a 006 token carries.
type TokenInfo struct {
	AppID          string           // the 32 characters after "006"
	Signature      []byte           // HMAC-SHA256 of the content, keyed with the certificate
	CrcChannelName uint32           // CRC32 of the channel name
	CrcUID         uint32           // CRC32 of the uid string ("" for uid 0)
	Salt           uint32           // the salt
	Ts             uint32           // the token's expiry (Unix seconds)
	Privileges     []PrivilegeEntry // sorted by id
}

// SignatureHex is the signature in lowercase hex.
func (t *TokenInfo) SignatureHex() string { return hex.EncodeToString(t.Signature) }

// Privilege is the expiry of a privilege, and whether the token grants it.
func (t *TokenInfo) Privilege(p Privileges) (expireTs uint32, ok bool) {
	for _, e := range t.Privileges {
		if e.Privilege == p {
			return e.ExpireTs, true
		}
	}
	return 0, false
}

// Parse reads a 006 token. A malformed token is ErrVersion, ErrAppID,
// ErrBase64, ErrTruncated or ErrTrailing. Parse does not check the signature:
// Verify does.
func Parse(token string) (*TokenInfo, error) {
	return cParse(token)
}

// VerifyWithUID checks a token against what it should be: for this channel
// and numeric uid, signed with appCertificate, not expired at now (Unix
// seconds). appID "" skips the app id check. The result is the first failed
// check (or VerifyOK); err is only for unusable input: a malformed token
// (the Parse categories), an invalid certificate (ErrAppCertificate), or a
// string with a NUL byte (its field's category: ErrAppID, ErrChannelName,
// ErrUserAccount). With an error the result is VerifyNotChecked (never
// VerifyOK: r.OK() is false), so
//
//	if r, _ := agoratoken.VerifyWithUID(token, ...); r.OK() { ... }
//
// accepts only a valid token.
func VerifyWithUID(token, appID, appCertificate, channelName string, uid uint32, now uint32) (VerifyResult, error) {
	return cVerify(token, appID, appCertificate, channelName, uid, nil, now)
}

// VerifyWithUserAccount is VerifyWithUID for a user account. uid N and
// account "N" are the same user. With an error the result is
// VerifyNotChecked, never VerifyOK.
func VerifyWithUserAccount(token, appID, appCertificate, channelName, userAccount string, now uint32) (VerifyResult, error) {
	return cVerify(token, appID, appCertificate, channelName, 0, &userAccount, now)
}
