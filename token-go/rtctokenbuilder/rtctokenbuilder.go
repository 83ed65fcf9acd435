// Package rtctokenbuilder is the 006 RTC builder of Agora's Go builders
// (go-tokenbuilder/rtctokenbuilder, AgoraIO/Tools go/src/RtcTokenBuilder)
// under the same names, thin over package agoratoken (roles and their
// privileges are token-core's).
package rtctokenbuilder

/*
#cgo CFLAGS: -I${SRCDIR}/../../include
#include "agora_token.h"
*/
import "C"

import agoratoken "github.com/agoratoken/agoratoken/token-go"

// Role is an RTC role.
type Role uint16

// The RTC roles, untyped as in Agora's package; values from the C header.
const (
	RoleAttendee   = C.AGORA_TOKEN_ROLE_ATTENDEE
	RolePublisher  = C.AGORA_TOKEN_ROLE_PUBLISHER
	RoleSubscriber = C.AGORA_TOKEN_ROLE_SUBSCRIBER
	RoleAdmin      = C.AGORA_TOKEN_ROLE_ADMIN
)

// RtcTokenBuilder is Agora's (empty) builder type.
type RtcTokenBuilder struct{}

// BuildTokenWithUserAccount makes a 006 RTC token for a user account;
// privilegeExpiredTs is a Unix time (0: no limit of its own).
func BuildTokenWithUserAccount(appID string, appCertificate string, channelName string, userAccount string, role Role, privilegeExpiredTs uint32) (string, error) {
	return agoratoken.BuildTokenWithUserAccount(appID, appCertificate, channelName, userAccount, agoratoken.Role(role), privilegeExpiredTs)
}

// BuildTokenWithUID makes a 006 RTC token for a numeric uid (0: any user).
func BuildTokenWithUID(appID string, appCertificate string, channelName string, uid uint32, role Role, privilegeExpiredTs uint32) (string, error) {
	return agoratoken.BuildTokenWithUID(appID, appCertificate, channelName, uid, agoratoken.Role(role), privilegeExpiredTs)
}
