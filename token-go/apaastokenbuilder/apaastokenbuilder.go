// Package apaastokenbuilder is Agora's Go APaaS token builder (AccessToken2
// "007") with the reference's names, on libagoratoken.
package apaastokenbuilder

import "github.com/agoratoken/agoratoken/token-go/internal/token2"

// BuildRoomUserToken: APaaS RoomUser, RTM Login for userUuid and Chat User
// for its MD5, each for expire seconds.
func BuildRoomUserToken(appId string, appCertificate string, roomUuid string, userUuid string, role int16, expire uint32) (string, error) {
	return token2.RoomUser(token2.ApaasRoomUserToken, appId, appCertificate, roomUuid, userUuid, role, expire)
}

// BuildUserToken: APaaS User for userUuid for expire seconds.
func BuildUserToken(appId string, appCertificate string, userUuid string, expire uint32) (string, error) {
	return token2.User(token2.ApaasUserToken, appId, appCertificate, userUuid, expire)
}

// BuildAppToken: APaaS App for expire seconds.
func BuildAppToken(appId string, appCertificate string, expire uint32) (string, error) {
	return token2.App(token2.ApaasAppToken, appId, appCertificate, expire)
}
