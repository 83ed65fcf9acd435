// Package accesstoken is the AccessToken (006) class of Agora's Go builders
// (github.com/AgoraIO-Community/go-tokenbuilder/accesstoken, AgoraIO/Tools
// go/src/AccessToken) under the same names, thin over package agoratoken:
// code written for it moves by changing its import line only.
//
// Build packs nothing itself: it hands the fields to a SimpleTokenBuilder,
// whose checks, defaults and packing are token-core's. The differences from
// Agora's package are listed in token-go/README.md.
package accesstoken

/*
#cgo CFLAGS: -I${SRCDIR}/../../include
#include "agora_token.h"
*/
import "C"

import (
	"strconv"

	agoratoken "github.com/agoratoken/agoratoken/token-go"
)

// VERSION_LENGTH and APP_ID_LENGTH are the lengths of a token's prefixes.
const (
	VERSION_LENGTH = 3  //nolint:revive // Agora's name
	APP_ID_LENGTH  = 32 //nolint:revive // Agora's name
)

// Privileges is a privilege id, as AddPrivilege takes it.
type Privileges uint16

// The privilege ids, untyped as in Agora's package
// (map[uint16]uint32{KJoinChannel: ts} compiles); values from the C header.
const (
	KJoinChannel               = C.AGORA_TOKEN_PRIVILEGE_JOIN_CHANNEL
	KPublishAudioStream        = C.AGORA_TOKEN_PRIVILEGE_PUBLISH_AUDIO_STREAM
	KPublishVideoStream        = C.AGORA_TOKEN_PRIVILEGE_PUBLISH_VIDEO_STREAM
	KPublishDataStream         = C.AGORA_TOKEN_PRIVILEGE_PUBLISH_DATA_STREAM
	KPublishAudiocdn           = C.AGORA_TOKEN_PRIVILEGE_PUBLISH_AUDIO_CDN
	KPublishVideoCdn           = C.AGORA_TOKEN_PRIVILEGE_PUBLISH_VIDEO_CDN
	KRequestPublishAudioStream = C.AGORA_TOKEN_PRIVILEGE_REQUEST_PUBLISH_AUDIO_STREAM
	KRequestPublishVideoStream = C.AGORA_TOKEN_PRIVILEGE_REQUEST_PUBLISH_VIDEO_STREAM
	KRequestPublishDataStream  = C.AGORA_TOKEN_PRIVILEGE_REQUEST_PUBLISH_DATA_STREAM
	KInvitePublishAudioStream  = C.AGORA_TOKEN_PRIVILEGE_INVITE_PUBLISH_AUDIO_STREAM
	KInvitePublishVideoStream  = C.AGORA_TOKEN_PRIVILEGE_INVITE_PUBLISH_VIDEO_STREAM
	KInvitePublishDataStream   = C.AGORA_TOKEN_PRIVILEGE_INVITE_PUBLISH_DATA_STREAM
	KAdministrateChannel       = C.AGORA_TOKEN_PRIVILEGE_ADMINISTRATE_CHANNEL
	KLoginRtm                  = C.AGORA_TOKEN_PRIVILEGE_RTM_LOGIN
)

// AccessToken is a 006 token as fields, Agora's struct. Salt and Ts 0 mean
// "not set": Build then draws a fresh CSPRNG salt and expires the token 24
// hours later (Agora's CreateAccessToken sets them when called). Signature,
// CrcChannelName and CrcUid are what FromString read; Build ignores them.
type AccessToken struct {
	AppID          string
	AppCertificate string
	ChannelName    string
	UidStr         string //nolint:revive // Agora's name
	Ts             uint32
	Salt           uint32
	Message        map[uint16]uint32
	Signature      string
	CrcChannelName uint32
	CrcUid         uint32 //nolint:revive // Agora's name
	MsgRawContent  string

	uid    uint32 // CreateAccessToken's uid, while UidStr is still its decimal form
	hasUID bool
}

func uidString(uid uint32) string {
	if uid == 0 {
		return ""
	}
	return strconv.FormatUint(uint64(uid), 10)
}

// CreateAccessToken starts a token for a numeric uid (0: any user).
func CreateAccessToken(appID, appCertificate, channelName string, uid uint32) AccessToken {
	return AccessToken{AppID: appID, AppCertificate: appCertificate, ChannelName: channelName,
		UidStr: uidString(uid), Message: map[uint16]uint32{}, uid: uid, hasUID: true}
}

// CreateAccessToken2 starts a token for a user account.
func CreateAccessToken2(appID, appCertificate, channelName string, uid string) AccessToken {
	return AccessToken{AppID: appID, AppCertificate: appCertificate, ChannelName: channelName,
		UidStr: uid, Message: map[uint16]uint32{}}
}

// AddPrivilege grants a privilege until expireTimestamp (Unix seconds; 0 = never).
func (token *AccessToken) AddPrivilege(privilege Privileges, expireTimestamp uint32) {
	if token.Message == nil {
		token.Message = map[uint16]uint32{}
	}
	token.Message[uint16(privilege)] = expireTimestamp
}

// Build makes the token. It fails, with an error wrapping the category
// (errors.Is(err, agoratoken.ErrChannelName), ...), where Agora's Build
// would make a token Agora rejects.
func (token *AccessToken) Build() (string, error) {
	var b agoratoken.SimpleTokenBuilder
	var err error
	// 006 signs the uid as its decimal string; a number keeps the uid checks.
	switch {
	case token.hasUID && token.UidStr == uidString(token.uid):
		b, err = agoratoken.NewSimpleTokenBuilder(token.AppID, token.AppCertificate, token.ChannelName, token.uid)
	case token.UidStr == "":
		b, err = agoratoken.NewSimpleTokenBuilder(token.AppID, token.AppCertificate, token.ChannelName, 0)
	default:
		b, err = agoratoken.NewSimpleTokenBuilderWithUserAccount(token.AppID, token.AppCertificate, token.ChannelName, token.UidStr)
	}
	if err != nil {
		return "", err
	}
	defer b.Close()
	if token.Salt != 0 {
		if err := b.SetSalt(token.Salt); err != nil {
			return "", err
		}
	}
	if token.Ts != 0 {
		if err := b.SetTs(token.Ts); err != nil {
			return "", err
		}
	}
	for id, expire := range token.Message {
		if err := b.SetPrivilege(agoratoken.Privileges(id), expire); err != nil {
			return "", err
		}
	}
	return b.BuildToken()
}

// FromString reads a 006 token into the token's fields: false when it is
// malformed (agoratoken.Parse says why). AppID, Salt, Ts, Message,
// Signature, CrcChannelName and CrcUid are set.
func (token *AccessToken) FromString(originToken string) bool {
	t, err := agoratoken.Parse(originToken)
	if err != nil {
		return false
	}
	token.AppID = t.AppID
	token.Signature = string(t.Signature)
	token.CrcChannelName = t.CrcChannelName
	token.CrcUid = t.CrcUID
	token.Salt = t.Salt
	token.Ts = t.Ts
	token.Message = make(map[uint16]uint32, len(t.Privileges))
	for _, p := range t.Privileges {
		token.Message[uint16(p.Privilege)] = p.ExpireTs
	}
	return true
}
