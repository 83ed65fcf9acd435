package accesstoken2

import (
	"errors"

	agoratoken "github.com/agoratoken/agoratoken/token-go"
)

// ReferenceError is the error of AccessToken's Build, Parse and
// VerifySignature where Agora's Go accesstoken2 package (AgoraIO/Tools,
// DynamicKey/AgoraDynamicKey/go/src/accesstoken2) returns a fixed text, so
// that code written against the reference, which compares err.Error() with
// that text, keeps working. Error() is the reference's text; Unwrap() is this
// library's *agoratoken.Error, whose message names the field:
//
//	_, err := accesstoken2.NewAccessToken("abc", appCert, 600).Build()
//	err.Error()                                 // "check appId or appCertificate"
//	errors.Is(err, agoratoken.ErrAppID)         // true; errors.As to *agoratoken.Error works too
//	errors.Unwrap(err).Error()                  // "agoratoken: app_id: must be exactly 32 hexadecimal digits, ..."
//
// The library decides what is wrong; the category of its error picks the
// reference's words:
//
//	Build            ErrAppID, ErrAppCertificate  "check appId or appCertificate"
//	                 ErrNoService                 "no service added"
//	Parse            ErrVersion                   "invalid token length" for a token shorter than
//	                                              VersionLength (3 bytes), else "invalid token version"
//	VerifySignature  ErrAppID, ErrAppCertificate  "check appId or appCertificate"
//
// Any other category comes back as the *agoratoken.Error itself: there the
// reference has no text of its own (it passes on an error of base64, zlib or
// io, or builds what the library refuses). VerifySignature before a
// successful Parse returns the reference's "parse token before verifying
// signature", which has no library error behind it. ParseStrict, Verify and
// the typed builders (rtctokenbuilder2, ...) return the *agoratoken.Error.
type ReferenceError struct {
	Text string // the reference's text, for example "check appId or appCertificate"
	Err  error  // the library's error: an *agoratoken.Error
}

// Error is the reference's text.
func (e *ReferenceError) Error() string { return e.Text }

// Unwrap is the library's error, which names the field and wraps its
// category sentinel (agoratoken.ErrAppID, ...).
func (e *ReferenceError) Unwrap() error { return e.Err }

// The reference's texts.
const (
	textCredentials = "check appId or appCertificate"
	textNoService   = "no service added"
	textLength      = "invalid token length"
	textVersion     = "invalid token version"
)

// wording is a category of the library and the reference's text for it.
type wording struct {
	category *agoratoken.Category
	text     string
}

// The reference checks the app id and the certificate together, in Build
// before the services and in VerifySignature (the token's app id there: one
// that is not 32 hex digits already fails Parse, as ErrAppID).
var (
	buildWords = []wording{{agoratoken.ErrAppID, textCredentials}, {agoratoken.ErrAppCertificate, textCredentials},
		{agoratoken.ErrNoService, textNoService}}
	verifyWords = []wording{{agoratoken.ErrAppID, textCredentials}, {agoratoken.ErrAppCertificate, textCredentials}}
)

// inReferenceWords wraps err in a ReferenceError when its category has a
// text in words; any other error (nil included) comes back as it is.
func inReferenceWords(err error, words []wording) error {
	if err == nil {
		return nil
	}
	for _, w := range words {
		if errors.Is(err, w.category) {
			return &ReferenceError{Text: w.text, Err: err}
		}
	}
	return err
}

// parseWords are Parse's texts for token. The library decides that the
// version is wrong; the length only picks which of the reference's two texts
// says so (the reference looks at the length, then at the prefix).
func parseWords(token string) []wording {
	if len(token) < VersionLength {
		return []wording{{agoratoken.ErrVersion, textLength}}
	}
	return []wording{{agoratoken.ErrVersion, textVersion}}
}
