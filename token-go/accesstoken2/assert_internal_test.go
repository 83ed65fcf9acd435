package accesstoken2

// AssertEqual's and AssertNil's failing cases, through the comparisons they
// make (a failing AssertEqual would fail this test itself).

import (
	"errors"
	"fmt"
	"io"
	"testing"
)

const (
	// The same token from token-core (stock zlib) and from the reference's Go (compress/zlib, sync flush).
	stockZlib = "007eJxTYBBbsMMnKq7p9Hf/HcIX5kce9b518kCiQgSr5Zrp4X1Tu6UUGCzNDZwdjU1TUs0Mkk1MzExMk5ISUy0SjQxNDcwMk4yN3b8IMEQwMTAwMoAwBIL4CgzmKeZGxmamqUmWFsYmFqbGluapxqnGaZYpJmYGSSkpiVwMRhYWRsYmhkbmxgDCaiTj"
	goZlib    = "007eJxSYBBbsMMnKq7p9Hf/HcIX5kce9b518kCiQgSr5Zrp4X1Tu6UUGCzNDZwdjU1TUs0Mkk1MzExMk5ISUy0SjQxNDcwMk4yN3b8IMEQwMTAwMoAwBIL4CgzmKeZGxmamqUmWFsYmFqbGluapxqnGaZYpJmYGSSkpiVwMRhYWRsYmhkbmxoAAAAD//8JqJOM="
)

func TestCompare(t *testing.T) {
	other := NewAccessToken("970CA35de60c44645bbae8a215061b33", "5CFd2fd1755d40ecb72977518be15d3b", 601)
	other.IssueTs, other.Salt = 1111111, 1
	rtc := NewServiceRtc("7d72365eb983485397e3e3f9d460bdda", "2882341273")
	rtc.AddPrivilege(PrivilegeJoinChannel, 600)
	other.AddService(rtc)
	otherToken, err := other.Build()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		expected, actual interface{}
		same, byContent  bool
	}{
		{1, 1, true, false},
		{uint32(600), uint32(600), true, false},
		{[]string{"x"}, []string{"x"}, true, false}, // not comparable: deep equality, no panic
		{nil, nil, true, false},
		{stockZlib, stockZlib, true, false},
		{goZlib, stockZlib, true, true},
		{stockZlib, goZlib, true, true},
		{1, 2, false, false},
		{600, uint32(600), false, false}, // == compares the dynamic types too, as the reference's
		{"a", "b", false, false},
		{nil, 1, false, false},
		{goZlib, otherToken, false, false}, // one field (expire) differs
		{stockZlib, "007", false, false},
		{"007AAAA", "007AAAB", false, false},
		{"006" + stockZlib[3:], stockZlib, false, false},
	}
	for _, c := range cases {
		same, byContent := compare(c.expected, c.actual)
		if same != c.same || byContent != c.byContent {
			t.Errorf("compare(%v, %v) = %v, %v; want %v, %v", c.expected, c.actual, same, byContent, c.same, c.byContent)
		}
	}
}

func TestNilOrEOF(t *testing.T) {
	if !nilOrEOF(nil) || !nilOrEOF(io.EOF) || !nilOrEOF(fmt.Errorf("read: %w", io.EOF)) {
		t.Error("nil and io.EOF pass AssertNil")
	}
	if nilOrEOF(errors.New("x")) {
		t.Error("an error passes AssertNil")
	}
}
