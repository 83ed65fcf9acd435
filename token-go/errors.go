package agoratoken

/*
#include "agora_token.h"
*/
import "C"

import (
	"errors"
	"strconv"
)

// Category is an error category of libagoratoken: the sentinel that every
// *Error of that category wraps, so that
//
//	errors.Is(err, agoratoken.ErrChannelName)
//
// tells what went wrong. Name is the category as the conformance vectors
// spell it ("channel_name"), Code its negative status (the C ABI's).
type Category struct {
	code int
	name string
}

// Code is the negative status code of the category.
func (c *Category) Code() int { return c.code }

// Name is the category name, for example "channel_name".
func (c *Category) Name() string { return c.name }

func (c *Category) Error() string { return "agoratoken: " + c.name }

// newCategory names a status code with the library's own name for it.
func newCategory(code C.int) *Category {
	return &Category{code: int(code), name: cErrorName(int(code))}
}

// The categories, one sentinel each (codes and names come from libagoratoken).
var (
	ErrAppID           = newCategory(C.AGORA_TOKEN_ERR_APP_ID)           // app id: not 32 hex digits (also a token's app id field)
	ErrAppCertificate  = newCategory(C.AGORA_TOKEN_ERR_APP_CERTIFICATE)  // app certificate: not 32 hex digits
	ErrChannelName     = newCategory(C.AGORA_TOKEN_ERR_CHANNEL_NAME)     // channel name: empty, over 64 bytes or a character outside the set
	ErrUserAccount     = newCategory(C.AGORA_TOKEN_ERR_USER_ACCOUNT)     // user account: empty, over 255 bytes or a character outside the set
	ErrUID             = newCategory(C.AGORA_TOKEN_ERR_UID)              // uid out of range or not canonical decimal (UIDFromDecimal)
	ErrVersion         = newCategory(C.AGORA_TOKEN_ERR_VERSION)          // token: does not start with "006"
	ErrBase64          = newCategory(C.AGORA_TOKEN_ERR_BASE64)           // token: content is not standard padded base64
	ErrTruncated       = newCategory(C.AGORA_TOKEN_ERR_TRUNCATED)        // token: ends before a field it announces
	ErrTrailing        = newCategory(C.AGORA_TOKEN_ERR_TRAILING)         // token: bytes left over after the content
	ErrAppIDMismatch   = newCategory(C.AGORA_TOKEN_ERR_APP_ID_MISMATCH)  // InitTokenBuilder: token of another app id
	ErrChannelMismatch = newCategory(C.AGORA_TOKEN_ERR_CHANNEL_MISMATCH) // InitTokenBuilder: token of another channel
	ErrUIDMismatch     = newCategory(C.AGORA_TOKEN_ERR_UID_MISMATCH)     // InitTokenBuilder: token of another user
	ErrPrivilege       = newCategory(C.AGORA_TOKEN_ERR_PRIVILEGE)        // not a documented privilege id
	ErrRole            = newCategory(C.AGORA_TOKEN_ERR_ROLE)             // not a documented role
	ErrSalt            = newCategory(C.AGORA_TOKEN_ERR_SALT)             // salt out of range (not raised by Go: salt is a uint32)
	ErrTs              = newCategory(C.AGORA_TOKEN_ERR_TS)               // ts out of range (not raised by Go: ts is a uint32)
	ErrExpireTs        = newCategory(C.AGORA_TOKEN_ERR_EXPIRE_TS)        // expiry out of range (not raised by Go: it is a uint32)
	ErrNullArgument    = newCategory(C.AGORA_TOKEN_ERR_NULL_ARGUMENT)    // a required argument was missing (a closed builder)
	ErrInternal        = newCategory(C.AGORA_TOKEN_ERR_INTERNAL)         // a bug in libagoratoken; never expected
	// A C caller's buffer too small for the token. Not returned by Go: a token
	// too long for this package's buffer is built again in a larger one.
	ErrBufferTooSmall = newCategory(C.AGORA_TOKEN_ERR_BUFFER_TOO_SMALL)
	ErrZlib           = newCategory(C.AGORA_TOKEN_ERR_ZLIB)       // 007 token: not exactly one valid zlib stream
	ErrSignature      = newCategory(C.AGORA_TOKEN_ERR_SIGNATURE)  // 007 token: the signature is not 32 bytes
	ErrNoService      = newCategory(C.AGORA_TOKEN_ERR_NO_SERVICE) // 007: no service
	ErrService        = newCategory(C.AGORA_TOKEN_ERR_SERVICE)    // 007: a service type outside 1..10
	ErrPermission     = newCategory(C.AGORA_TOKEN_ERR_PERMISSION) // 007: a bad or repeated RTM2 resource or permission
	ErrUTF8           = newCategory(C.AGORA_TOKEN_ERR_UTF8)       // 007 token: a string field is not UTF-8
	ErrUserID         = newCategory(C.AGORA_TOKEN_ERR_USER_ID)    // 007: a bad RTM, RTM2 or Chat user id
	ErrRoomUUID       = newCategory(C.AGORA_TOKEN_ERR_ROOM_UUID)  // 007: an APaaS room uuid over 65535 bytes
	ErrUserUUID       = newCategory(C.AGORA_TOKEN_ERR_USER_UUID)  // 007: an APaaS user uuid over 65535 bytes
	ErrIssueTs        = newCategory(C.AGORA_TOKEN_ERR_ISSUE_TS)   // 007: issue_ts out of range
	ErrExpire         = newCategory(C.AGORA_TOKEN_ERR_EXPIRE)     // 007: the token expire out of range
	ErrRandom         = newCategory(C.AGORA_TOKEN_ERR_RANDOM)     // the OS random source failed: no salt, nothing built
	ErrTooLong        = newCategory(C.AGORA_TOKEN_ERR_TOO_LONG)   // token: longer than the parsers accept
	ErrNow            = newCategory(C.AGORA_TOKEN_ERR_NOW)        // verify: now out of range
)

// ErrClosed is matched (besides ErrNullArgument) by the error of any call on
// a builder after Close.
var ErrClosed = errors.New("agoratoken: the builder is closed")

// Categories lists every category, in code order (-1, -2, ...).
func Categories() []*Category {
	return append([]*Category(nil), categories...)
}

var categories = []*Category{
	ErrAppID, ErrAppCertificate, ErrChannelName, ErrUserAccount, ErrUID, ErrVersion, ErrBase64,
	ErrTruncated, ErrTrailing, ErrAppIDMismatch, ErrChannelMismatch, ErrUIDMismatch, ErrPrivilege,
	ErrRole, ErrSalt, ErrTs, ErrExpireTs, ErrNullArgument, ErrInternal, ErrBufferTooSmall, ErrZlib,
	ErrSignature, ErrNoService, ErrService, ErrPermission, ErrUTF8, ErrUserID, ErrRoomUUID, ErrUserUUID,
	ErrIssueTs, ErrExpire, ErrRandom, ErrTooLong, ErrNow,
}

// categoryOf is the sentinel of a status code. A code this package does not
// know yet (a newer library) gets a category of its own, named by the library.
func categoryOf(code int) *Category {
	for _, c := range categories {
		if c.code == code {
			return c
		}
	}
	return &Category{code: code, name: cErrorName(code)}
}

// Error is every failure of this package: its category and the library's
// message, which names the field and never contains the app certificate.
// It wraps its Category (and ErrClosed for a closed builder).
type Error struct {
	Code     int    // the negative status code, as InitTokenBuilder returns it
	Category string // the category name, for example "channel_name"
	Message  string // the explanation, for example "channel_name: is empty"
	closed   bool
}

func newError(code int, message string) *Error {
	c := categoryOf(code)
	if message == "" {
		message = c.name + ": failed (status " + strconv.Itoa(code) + ")"
	}
	return &Error{Code: code, Category: c.name, Message: message}
}

func (e *Error) Error() string { return "agoratoken: " + e.Message }

// Unwrap gives the category sentinel, and ErrClosed for a closed builder.
func (e *Error) Unwrap() []error {
	if e.closed {
		return []error{categoryOf(e.Code), ErrClosed}
	}
	return []error{categoryOf(e.Code)}
}

// ErrorCode is the status code of err: 0 for nil, the category's negative
// code for an error of this package, the internal code for any other error.
func ErrorCode(err error) int {
	if err == nil {
		return statusOK
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	var c *Category
	if errors.As(err, &c) {
		return c.code
	}
	if errors.Is(err, ErrClosed) {
		// The bare sentinel: a closed builder reports null_argument.
		return ErrNullArgument.code
	}
	return statusInternal
}
