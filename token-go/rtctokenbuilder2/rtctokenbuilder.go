// Package rtctokenbuilder2 is Agora's Go RtcTokenBuilder2 (AccessToken2
// "007") with the reference's names, on libagoratoken: replacing the import
// path is the only change. Every function is one call of the library's
// generic builder; role tables, defaults and checks live in token-core.
//
// Lifetimes are seconds from now. Errors are *agoratoken.Error values that
// wrap their category (errors.Is(err, agoratoken.ErrChannelName)).
package rtctokenbuilder2

import "github.com/agoratoken/agoratoken/token-go/internal/token2"

// Role is an RTC role.
type Role uint16

// The roles: a publisher gets JoinChannel and the three publish
// privileges, a subscriber JoinChannel only; other values are ErrRole.
const (
	RolePublisher  = token2.RolePublisher
	RoleSubscriber = token2.RoleSubscriber
)

// BuildTokenWithUid: RTC for a numeric uid (0: any user) with the role's
// privileges for privilegeExpire seconds; the token lives tokenExpire seconds.
func BuildTokenWithUid(appId string, appCertificate string, channelName string, uid uint32, role Role, tokenExpire uint32, privilegeExpire uint32) (string, error) {
	a := token2.Args{Strs: [3]string{channelName}, NStr: 1,
		Ints: [10]int64{int64(uid), int64(role), int64(tokenExpire), int64(privilegeExpire)}, NInt: 4}
	return token2.Build(token2.RtcWithUID, appId, appCertificate, &a)
}

// BuildTokenWithUserAccount is BuildTokenWithUid for a user account.
func BuildTokenWithUserAccount(appId string, appCertificate string, channelName string, account string, role Role, tokenExpire uint32, privilegeExpire uint32) (string, error) {
	a := token2.Args{Strs: [3]string{channelName, account}, NStr: 2,
		Ints: [10]int64{int64(role), int64(tokenExpire), int64(privilegeExpire)}, NInt: 3}
	return token2.Build(token2.RtcWithUserAccount, appId, appCertificate, &a)
}

// BuildTokenWithUidAndPrivilege: all four RTC privileges with their own
// lifetimes (seconds from now), whatever the role.
func BuildTokenWithUidAndPrivilege(appId string, appCertificate string, channelName string, uid uint32,
	tokenExpire uint32, joinChannelPrivilegeExpire uint32, pubAudioPrivilegeExpire uint32, pubVideoPrivilegeExpire uint32, pubDataStreamPrivilegeExpire uint32) (string, error) {
	a := token2.Args{Strs: [3]string{channelName}, NStr: 1,
		Ints: [10]int64{int64(uid), int64(tokenExpire), int64(joinChannelPrivilegeExpire), int64(pubAudioPrivilegeExpire),
			int64(pubVideoPrivilegeExpire), int64(pubDataStreamPrivilegeExpire)}, NInt: 6}
	return token2.Build(token2.RtcWithUIDAndPrivilege, appId, appCertificate, &a)
}

// BuildTokenWithUserAccountAndPrivilege is BuildTokenWithUidAndPrivilege for a user account.
func BuildTokenWithUserAccountAndPrivilege(appId string, appCertificate string, channelName string, account string,
	tokenExpire uint32, joinChannelPrivilegeExpire uint32, pubAudioPrivilegeExpire uint32, pubVideoPrivilegeExpire uint32, pubDataStreamPrivilegeExpire uint32) (string, error) {
	a := token2.Args{Strs: [3]string{channelName, account}, NStr: 2,
		Ints: [10]int64{int64(tokenExpire), int64(joinChannelPrivilegeExpire), int64(pubAudioPrivilegeExpire),
			int64(pubVideoPrivilegeExpire), int64(pubDataStreamPrivilegeExpire)}, NInt: 5}
	return token2.Build(token2.RtcWithUserAccountAndPrivilege, appId, appCertificate, &a)
}

// BuildTokenWithRtm: BuildTokenWithUserAccount plus RTM Login for the same
// account, for tokenExpire seconds.
func BuildTokenWithRtm(appId string, appCertificate string, channelName string, account string, role Role, tokenExpire uint32, privilegeExpire uint32) (string, error) {
	a := token2.Args{Strs: [3]string{channelName, account}, NStr: 2,
		Ints: [10]int64{int64(role), int64(tokenExpire), int64(privilegeExpire)}, NInt: 3}
	return token2.Build(token2.RtcWithRtm, appId, appCertificate, &a)
}

// BuildTokenWithRtm2: RTC for rtcAccount with its own privilege lifetimes
// (the publish ones for a publisher only), plus RTM Login for rtmUserId.
func BuildTokenWithRtm2(appId string, appCertificate string, channelName string, rtcAccount string, rtcRole Role, rtcTokenExpire uint32,
	joinChannelPrivilegeExpire uint32, pubAudioPrivilegeExpire uint32, pubVideoPrivilegeExpire uint32, pubDataStreamPrivilegeExpire uint32,
	rtmUserId string, rtmTokenExpire uint32) (string, error) {
	a := token2.Rtm2Args(channelName, rtcAccount, int64(rtcRole), rtcTokenExpire, joinChannelPrivilegeExpire,
		pubAudioPrivilegeExpire, pubVideoPrivilegeExpire, pubDataStreamPrivilegeExpire, rtmUserId, rtmTokenExpire)
	return token2.Build(token2.RtcWithRtm2, appId, appCertificate, &a)
}
