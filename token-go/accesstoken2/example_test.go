package accesstoken2_test

import (
	"errors"
	"fmt"

	agoratoken "github.com/agoratoken/agoratoken/token-go"
	"github.com/agoratoken/agoratoken/token-go/accesstoken2"
)

// The reference's text, and the library's error one errors.Unwrap away.
func ExampleReferenceError() {
	tok := accesstoken2.NewAccessToken("abc", "5CFd2fd1755d40ecb72977518be15d3b", 600)
	tok.AddService(accesstoken2.NewServiceRtc("room-1", ""))
	_, err := tok.Build()
	fmt.Println(err)
	fmt.Println(errors.Is(err, agoratoken.ErrAppID))
	fmt.Println(errors.Unwrap(err))
	// Output:
	// check appId or appCertificate
	// true
	// agoratoken: app_id: must be exactly 32 hexadecimal digits, but has 3 bytes
}
