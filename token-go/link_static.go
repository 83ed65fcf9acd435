//go:build !agoratoken_dynamic

package agoratoken

// Static linking (the default): libagoratoken.a from `make lib` is linked
// into the Go binary, so a service ships as one file.

/*
#cgo LDFLAGS: ${SRCDIR}/../target/release/libagoratoken.a -lm -ldl -lpthread
*/
import "C"
