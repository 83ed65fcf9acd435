// Package agoratoken mints, parses and verifies Agora AccessToken "006"
// tokens with the documented Go API of Agora's token builder, on
// libagoratoken (the project's Rust core behind its C ABI), linked statically
// through cgo.
//
//	builder := agoratoken.CreateSimpleTokenBuilder(appID, appCertificate, "room-1", 2882341273)
//	defer builder.Close()
//	builder.InitPrivileges(agoratoken.RolePublisher)
//	token, err := builder.BuildToken()
//
// One-call helpers: BuildTokenWithUID, BuildTokenWithUserAccount (RTC) and
// BuildRtmToken. Parse reads a token back; VerifyWithUID and
// VerifyWithUserAccount check one.
//
// Every error is an *Error wrapping the sentinel of its category, so
// errors.Is(err, agoratoken.ErrChannelName) tells what was wrong; messages
// name the field and never contain the app certificate.
//
// Build: `make lib` in the repository (target/release/libagoratoken.a);
// the build tag agoratoken_dynamic links libagoratoken.so instead.
package agoratoken
