// Package fpatokenbuilder is Agora's Go FPA token builder (AccessToken2
// "007") with the reference's names, on libagoratoken.
package fpatokenbuilder

import "github.com/agoratoken/agoratoken/token-go/internal/token2"

// BuildToken: FPA Login in a token that lives 24 hours.
func BuildToken(appId string, appCertificate string) (string, error) {
	var a token2.Args
	return token2.Build(token2.FpaBuildToken, appId, appCertificate, &a)
}
