package accesstoken2_test

// Tests of ReferenceError: each of the reference's texts for the category
// that picks it, the library's error one errors.Unwrap away (errors.Is,
// errors.As, agoratoken.ErrorCode through it), and the errors that keep the
// library's message (other categories, ParseStrict, Verify, the builders).

import (
	"errors"
	"strings"
	"testing"

	agoratoken "github.com/agoratoken/agoratoken/token-go"
	"github.com/agoratoken/agoratoken/token-go/accesstoken2"
	"github.com/agoratoken/agoratoken/token-go/rtctokenbuilder2"
)

// wantReference checks that err reads as the reference's text and that the
// library's error of category is behind it.
func wantReference(t *testing.T, what string, err error, text string, category *agoratoken.Category) {
	t.Helper()
	var r *accesstoken2.ReferenceError
	if !errors.As(err, &r) {
		t.Fatalf("%s: %T %v, want a *accesstoken2.ReferenceError", what, err, err)
	}
	if err.Error() != text || r.Text != text {
		t.Errorf("%s: Error() = %q, want %q", what, err.Error(), text)
	}
	if !errors.Is(err, category) {
		t.Errorf("%s: errors.Is(err, %s) is false", what, category.Name())
	}
	var e *agoratoken.Error
	if !errors.As(err, &e) || e.Category != category.Name() {
		t.Fatalf("%s: no *agoratoken.Error of %s behind %v", what, category.Name(), err)
	}
	if inner := errors.Unwrap(err); inner != r.Err || inner != error(e) ||
		inner.Error() != "agoratoken: "+e.Message || !strings.HasPrefix(e.Message, category.Name()+": ") {
		t.Errorf("%s: errors.Unwrap gives %v, want the library's message naming %s", what, inner, category.Name())
	}
	if code := agoratoken.ErrorCode(err); code != category.Code() {
		t.Errorf("%s: ErrorCode = %d, want %d", what, code, category.Code())
	}
	if strings.Contains(err.Error(), appCert[:8]) || strings.Contains(errors.Unwrap(err).Error(), appCert[:8]) {
		t.Errorf("%s: the certificate is in %v", what, errors.Unwrap(err))
	}
}

// wantLibrary checks that err is the library's own error of category, not a ReferenceError.
func wantLibrary(t *testing.T, what string, err error, category *agoratoken.Category) {
	t.Helper()
	var r *accesstoken2.ReferenceError
	if errors.As(err, &r) {
		t.Fatalf("%s: %q, want the library's message", what, err)
	}
	var e *agoratoken.Error
	if !errors.As(err, &e) || err != error(e) || !errors.Is(err, category) {
		t.Fatalf("%s: %#v, want an *agoratoken.Error of %s", what, err, category.Name())
	}
}

func rtcToken(appID, appCert string) *accesstoken2.AccessToken {
	tok := accesstoken2.NewAccessToken(appID, appCert, 600)
	rtc := accesstoken2.NewServiceRtc(channel, "")
	rtc.AddPrivilege(accesstoken2.PrivilegeJoinChannel, 600)
	tok.AddService(rtc)
	return tok
}

func TestBuildSaysWhatTheReferenceSays(t *testing.T) {
	cases := []struct {
		name     string
		tok      *accesstoken2.AccessToken
		text     string
		category *agoratoken.Category
	}{
		{"empty app id", rtcToken("", appCert), "check appId or appCertificate", agoratoken.ErrAppID},
		{"short app id", rtcToken("abc", appCert), "check appId or appCertificate", agoratoken.ErrAppID},
		{"app id with a non-hex digit", rtcToken("Z"+appID[1:], appCert), "check appId or appCertificate", agoratoken.ErrAppID},
		{"empty certificate", rtcToken(appID, ""), "check appId or appCertificate", agoratoken.ErrAppCertificate},
		{"short certificate", rtcToken(appID, "abc"), "check appId or appCertificate", agoratoken.ErrAppCertificate},
		{"certificate with a non-hex digit", rtcToken(appID, appCert[:31]+"Z"), "check appId or appCertificate", agoratoken.ErrAppCertificate},
		// The credentials come first, as in the reference: no service and a bad app id is about the app id.
		{"no service", accesstoken2.NewAccessToken(appID, appCert, 600), "no service added", agoratoken.ErrNoService},
		{"no service, bad app id", accesstoken2.NewAccessToken("abc", appCert, 600), "check appId or appCertificate", agoratoken.ErrAppID},
	}
	for _, c := range cases {
		token, err := c.tok.Build()
		if token != "" {
			t.Errorf("%s: token %q", c.name, token)
		}
		wantReference(t, c.name, err, c.text, c.category)
	}
	// A category the reference has no text for (it would build the token): the library's error.
	tok := accesstoken2.NewAccessToken(appID, appCert, 600)
	tok.AddService(accesstoken2.NewServiceRtc("", ""))
	_, err := tok.Build()
	wantLibrary(t, "empty channel", err, agoratoken.ErrChannelName)
}

func TestParseSaysWhatTheReferenceSays(t *testing.T) {
	for _, c := range []struct {
		token string
		text  string
	}{
		{"", "invalid token length"},
		{"0", "invalid token length"},
		{"00", "invalid token length"},
		{"\x00", "invalid token length"},
		{"006", "invalid token version"},
		{"006invalid", "invalid token version"},
		{"008" + sample[3:], "invalid token version"},
		{"7" + sample, "invalid token version"},
	} {
		p := accesstoken2.CreateAccessToken()
		ok, err := p.Parse(c.token)
		if ok {
			t.Errorf("Parse(%q) succeeded", c.token)
		}
		wantReference(t, "Parse("+c.token+")", err, c.text, agoratoken.ErrVersion)
	}
	// The reference passes on base64's, zlib's or io's error there: the library's error.
	for _, c := range []struct {
		token    string
		category *agoratoken.Category
	}{
		{"007", agoratoken.ErrZlib},
		{"007aW52YWxpZA==", agoratoken.ErrZlib},
		{"007!!!!", agoratoken.ErrBase64},
	} {
		_, err := accesstoken2.CreateAccessToken().Parse(c.token)
		wantLibrary(t, "Parse("+c.token+")", err, c.category)
	}
}

func TestVerifySignatureSaysWhatTheReferenceSays(t *testing.T) {
	p := accesstoken2.CreateAccessToken()
	if _, err := p.Parse(sample); err != nil {
		t.Fatal(err)
	}
	for _, cert := range []string{"", "invalid", appCert[:31] + "Z", appCert + "0"} {
		ok, err := p.VerifySignature(cert)
		if ok {
			t.Errorf("VerifySignature(%q) = true", cert)
		}
		wantReference(t, "VerifySignature("+cert+")", err, "check appId or appCertificate", agoratoken.ErrAppCertificate)
	}
	// Still the token Parse read: a bad certificate changes nothing.
	if ok, err := p.VerifySignature(appCert); !ok || err != nil {
		t.Fatalf("VerifySignature: %v %v", ok, err)
	}
	// After a failed Parse: the reference's text, and no library error behind it.
	if _, err := p.Parse("006invalid"); err == nil {
		t.Fatal("parsed 006invalid")
	}
	ok, err := p.VerifySignature(appCert)
	if ok || err == nil || err.Error() != "parse token before verifying signature" || errors.Unwrap(err) != nil {
		t.Fatalf("VerifySignature after a failed Parse: %v %#v", ok, err)
	}
}

// The strict API keeps the library's messages.
func TestTheStrictAPIKeepsTheLibrarysMessages(t *testing.T) {
	p := accesstoken2.CreateAccessToken()
	_, err := p.ParseStrict("00")
	wantLibrary(t, "ParseStrict(00)", err, agoratoken.ErrVersion)
	_, err = p.ParseStrict("006invalid")
	wantLibrary(t, "ParseStrict(006invalid)", err, agoratoken.ErrVersion)
	_, err = accesstoken2.Verify(sample, "invalid", 1111111)
	wantLibrary(t, "Verify", err, agoratoken.ErrAppCertificate)
	_, err = accesstoken2.VerifyWithUid("006invalid", appCert, channel, uid, 1111111)
	wantLibrary(t, "VerifyWithUid", err, agoratoken.ErrVersion)
	_, err = rtctokenbuilder2.BuildTokenWithUid("abc", appCert, channel, uid, rtctokenbuilder2.RolePublisher, 600, 600)
	wantLibrary(t, "rtctokenbuilder2.BuildTokenWithUid", err, agoratoken.ErrAppID)
}
