// Package rtmtokenbuilder is the 006 RTM builder of Agora's Go builders
// (go-tokenbuilder/rtmtokenbuilder, AgoraIO/Tools go/src/RtmTokenBuilder)
// under the same names, thin over package agoratoken.
package rtmtokenbuilder

/*
#cgo CFLAGS: -I${SRCDIR}/../../include
#include "agora_token.h"
*/
import "C"

import agoratoken "github.com/agoratoken/agoratoken/token-go"

// Role is an RTM role.
type Role uint16

// RoleRtmUser is the RTM role, untyped as in Agora's package.
const RoleRtmUser = C.AGORA_TOKEN_RTM_ROLE_USER

// RtmTokenBuilder is Agora's (empty) builder type.
type RtmTokenBuilder struct{}

// BuildToken makes a 006 RTM token for a user account; privilegeExpiredTs
// is a Unix time (0: no limit of its own).
func BuildToken(appID string, appCertificate string, userAccount string, role Role, privilegeExpiredTs uint32) (string, error) {
	return agoratoken.BuildRtmToken(appID, appCertificate, userAccount, agoratoken.RtmRole(role), privilegeExpiredTs)
}
