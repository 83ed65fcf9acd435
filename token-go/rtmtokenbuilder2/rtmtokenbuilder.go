// Package rtmtokenbuilder2 is Agora's Go RtmTokenBuilder2 (AccessToken2
// "007") with the reference's names, on libagoratoken.
package rtmtokenbuilder2

import (
	"github.com/agoratoken/agoratoken/token-go/accesstoken2"
	"github.com/agoratoken/agoratoken/token-go/internal/token2"
)

// BuildToken: RTM Login for userId (1 to 255 bytes) for expire seconds.
func BuildToken(appId string, appCertificate string, userId string, expire uint32) (string, error) {
	a := token2.Args{Strs: [3]string{userId}, NStr: 1, Ints: [10]int64{int64(expire)}, NInt: 1}
	return token2.Build(token2.RtmBuildToken, appId, appCertificate, &a)
}

// BuildTokenWithPermissions: RTM2 Login for userId with resource grants
// (nil: none), for expire seconds.
func BuildTokenWithPermissions(appId string, appCertificate string, userId string, permissions *accesstoken2.Rtm2Permissions, expire uint32) (string, error) {
	a := token2.Args{Strs: [3]string{userId}, NStr: 1, Ints: [10]int64{int64(expire)}, NInt: 1,
		Grants: permissions.Grants()}
	return token2.Build(token2.RtmWithPermissions, appId, appCertificate, &a)
}
