// Package stttokenbuilder is npm agora-token 2.0.6's SttTokenBuilder
// (no Go reference has one): the token of rtctokenbuilder2.BuildTokenWithRtm2
// plus an STT service, in one call of libagoratoken's generic builder.
package stttokenbuilder

import (
	"github.com/agoratoken/agoratoken/token-go/internal/token2"
	"github.com/agoratoken/agoratoken/token-go/rtctokenbuilder2"
)

// BuildToken takes the arguments of rtctokenbuilder2.BuildTokenWithRtm2.
func BuildToken(appId string, appCertificate string, channelName string, rtcAccount string, rtcRole rtctokenbuilder2.Role, rtcTokenExpire uint32,
	joinChannelPrivilegeExpire uint32, pubAudioPrivilegeExpire uint32, pubVideoPrivilegeExpire uint32, pubDataStreamPrivilegeExpire uint32,
	rtmUserId string, rtmTokenExpire uint32) (string, error) {
	a := token2.Rtm2Args(channelName, rtcAccount, int64(rtcRole), rtcTokenExpire, joinChannelPrivilegeExpire,
		pubAudioPrivilegeExpire, pubVideoPrivilegeExpire, pubDataStreamPrivilegeExpire, rtmUserId, rtmTokenExpire)
	return token2.Build(token2.SttBuildToken, appId, appCertificate, &a)
}
