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
// VerifyWithUserAccount check one (with an error the result is
// VerifyNotChecked, never OK). UIDFromDecimal reads a uid given as text.
//
// Every error is an *Error wrapping the sentinel of its category, so
// errors.Is(err, agoratoken.ErrChannelName) tells what was wrong; messages
// name the field and never contain the app certificate.
//
// Build: the published module (`go get`, made by `make dist`) links the
// prebuilt build/linux-amd64/libagoratoken.a it carries. In a checkout of
// the repository, `make lib` first (target/release/libagoratoken.a); there
// the build tag agoratoken_dynamic links libagoratoken.so instead.
package agoratoken
