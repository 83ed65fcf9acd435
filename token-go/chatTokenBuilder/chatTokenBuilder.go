// Package chatTokenBuilder is Agora's Go chat token builder (AccessToken2
// "007") with the reference's names, on libagoratoken.
package chatTokenBuilder

import "github.com/agoratoken/agoratoken/token-go/internal/token2"

// BuildChatUserToken: Chat User for userUuid (1 to 255 bytes) for expire seconds.
func BuildChatUserToken(appID string, appCertificate string, userUuid string, expire uint32) (string, error) {
	a := token2.Args{Strs: [3]string{userUuid}, NStr: 1, Ints: [10]int64{int64(expire)}, NInt: 1}
	return token2.Build(token2.ChatUserToken, appID, appCertificate, &a)
}

// BuildChatAppToken: Chat App for expire seconds.
func BuildChatAppToken(appID string, appCertificate string, expire uint32) (string, error) {
	a := token2.Args{Ints: [10]int64{int64(expire)}, NInt: 1}
	return token2.Build(token2.ChatAppToken, appID, appCertificate, &a)
}
