//go:build agoratoken_dynamic

package agoratoken

// Dynamic linking (build tag agoratoken_dynamic): libagoratoken.so from
// `make lib`, found at run time through the rpath set here or LD_LIBRARY_PATH.

/*
#cgo LDFLAGS: -L${SRCDIR}/../target/release -lagoratoken -Wl,-rpath,${SRCDIR}/../target/release
*/
import "C"
