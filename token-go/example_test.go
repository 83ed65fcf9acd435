package agoratoken_test

import (
	"errors"
	"fmt"

	agoratoken "github.com/agoratoken/agoratoken/token-go"
)

func ExampleCreateSimpleTokenBuilder() {
	builder := agoratoken.CreateSimpleTokenBuilder(
		"970CA35de60c44645bbae8a215061b33", "5CFd2fd1755d40ecb72977518be15d3b",
		"7d72365eb983485397e3e3f9d460bdda", 2882341273)
	defer builder.Close()
	builder.SetSalt(1)     // fixed salt and ts: a reproducible token
	builder.SetTs(1111111) // (by default: a fresh salt, now + 24 h)
	builder.SetPrivilege(agoratoken.KJoinChannel, 1446455471)
	token, err := builder.BuildToken()
	fmt.Println(token, err)
	// Output: 006970CA35de60c44645bbae8a215061b33IACV0fZUBw+72cVoL9eyGGh3Q6Poi8bgjwVLnyKSJyOXR7dIfRBXoFHlEAABAAAAR/QQAAEAAQCvKDdW <nil>
}

func ExampleSimpleTokenBuilder_InitTokenBuilder() {
	builder := agoratoken.CreateSimpleTokenBuilder(
		"970CA35de60c44645bbae8a215061b33", "5CFd2fd1755d40ecb72977518be15d3b", "other-channel", 2882341273)
	defer builder.Close()
	fmt.Println(builder.InitTokenBuilder("006970CA35de60c44645bbae8a215061b33IACV0fZUBw+72cVoL9eyGGh3Q6Poi8bgjwVLnyKSJyOXR7dIfRBXoFHlEAABAAAAR/QQAAEAAQCvKDdW"))
	err := builder.InitFromToken("006970CA35de60c44645bbae8a215061b33IACV0fZUBw+72cVoL9eyGGh3Q6Poi8bgjwVLnyKSJyOXR7dIfRBXoFHlEAABAAAAR/QQAAEAAQCvKDdW")
	fmt.Println(errors.Is(err, agoratoken.ErrChannelMismatch))
	// Output:
	// -11
	// true
}

func ExampleNewSimpleTokenBuilder() {
	_, err := agoratoken.NewSimpleTokenBuilder(
		"970CA35de60c44645bbae8a215061b33", "5CFd2fd1755d40ecb72977518be15d3b", "", 1)
	var e *agoratoken.Error
	fmt.Println(errors.Is(err, agoratoken.ErrChannelName), errors.As(err, &e), e.Category, e.Code)
	// Output: true true channel_name -3
}

func ExampleVerifyWithUID() {
	token := "006970CA35de60c44645bbae8a215061b33IACV0fZUBw+72cVoL9eyGGh3Q6Poi8bgjwVLnyKSJyOXR7dIfRBXoFHlEAABAAAAR/QQAAEAAQCvKDdW"
	for _, now := range []uint32{1000000, 1200000} {
		result, err := agoratoken.VerifyWithUID(token, "", "5CFd2fd1755d40ecb72977518be15d3b",
			"7d72365eb983485397e3e3f9d460bdda", 2882341273, now)
		fmt.Println(result, err)
	}
	// A token that cannot be checked: an error, and a result that is never OK.
	result, err := agoratoken.VerifyWithUID("006garbage", "", "5CFd2fd1755d40ecb72977518be15d3b",
		"7d72365eb983485397e3e3f9d460bdda", 2882341273, 1000000)
	fmt.Println(result, result.OK(), errors.Is(err, agoratoken.ErrAppID))
	// Output:
	// ok <nil>
	// expired <nil>
	// not_checked false true
}

func ExampleUIDFromDecimal() {
	for _, text := range []string{"42", "007", "4294967296"} {
		uid, err := agoratoken.UIDFromDecimal(text)
		fmt.Println(uid, errors.Is(err, agoratoken.ErrUID))
	}
	// Output:
	// 42 false
	// 0 true
	// 0 true
}

func ExampleParse() {
	info, err := agoratoken.Parse("006970CA35de60c44645bbae8a215061b33IACV0fZUBw+72cVoL9eyGGh3Q6Poi8bgjwVLnyKSJyOXR7dIfRBXoFHlEAABAAAAR/QQAAEAAQCvKDdW")
	fmt.Println(info.AppID, info.Salt, info.Ts, info.Privileges, err)
	_, err = agoratoken.Parse("007")
	fmt.Println(errors.Is(err, agoratoken.ErrVersion))
	// Output:
	// 970CA35de60c44645bbae8a215061b33 1 1111111 [{1 1446455471}] <nil>
	// true
}
