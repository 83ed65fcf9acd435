package accesstoken2

import (
	"bytes"
	"errors"
	"io"
	"reflect"
	"testing"

	"github.com/agoratoken/agoratoken/token-go/internal/token2"
)

// AssertNil is the reference package's test helper: it reports a test
// error (at the caller's line) unless err is nil or io.EOF, which the
// reference also lets pass. Tests written against the reference use it as
// accesstoken.AssertNil(t, err).
func AssertNil(t *testing.T, err error) {
	t.Helper()
	if !nilOrEOF(err) {
		t.Errorf("error, not nil: %v", err)
	}
}

func nilOrEOF(err error) bool { return err == nil || errors.Is(err, io.EOF) }

// AssertEqual is the reference package's test helper: it reports a test
// error (at the caller's line) unless expected == actual (reflect.DeepEqual
// for values == cannot compare, where the reference would panic).
//
// Two 007 token strings also count as equal when they carry the same
// content (FORMAT007.md §7): the compressed bytes of a token depend on the
// zlib that wrote them (the reference's Go code uses Go's compress/zlib and
// a sync flush, token-core stock zlib), while the signed content, and what
// Agora reads, is identical. Such a comparison is logged ("same 007 token
// content") so that a test run shows where it happened.
func AssertEqual(t *testing.T, expected, actual interface{}) {
	t.Helper()
	switch same, byContent := compare(expected, actual); {
	case !same:
		t.Errorf("not equal:\nexpected: %+v\n  actual: %+v", expected, actual)
	case byContent:
		t.Logf("same 007 token content, another zlib's bytes: %v and %v", expected, actual)
	}
}

// compare is AssertEqual's test: whether the values are equal, and whether
// only as 007 tokens of the same content.
func compare(expected, actual interface{}) (same, byContent bool) {
	if equal(expected, actual) {
		return true, false
	}
	if sameContent(expected, actual) {
		return true, true
	}
	return false, false
}

func equal(expected, actual interface{}) bool {
	if expected == nil || actual == nil {
		return expected == actual
	}
	if reflect.TypeOf(expected).Comparable() && reflect.TypeOf(actual).Comparable() {
		return expected == actual
	}
	return reflect.DeepEqual(expected, actual)
}

// sameContent reports whether both values are 007 tokens whose decompressed
// contents (signature, app id, times, salt, services) are identical.
func sameContent(expected, actual interface{}) bool {
	a, ok1 := expected.(string)
	b, ok2 := actual.(string)
	if !ok1 || !ok2 || len(a) < 4 || len(b) < 4 || a[:3] != Version || b[:3] != Version {
		return false
	}
	x, err1 := token2.Parse(a)
	y, err2 := token2.Parse(b)
	return err1 == nil && err2 == nil && bytes.Equal(x.Content, y.Content)
}
