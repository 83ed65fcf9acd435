package agoratoken

import (
	"encoding/base64"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// The first reference vector (Agora's own sample).
const (
	appID   = "970CA35de60c44645bbae8a215061b33"
	appCert = "5CFd2fd1755d40ecb72977518be15d3b"
	channel = "7d72365eb983485397e3e3f9d460bdda"
	uid     = uint32(2882341273)
	expire  = uint32(1446455471)

	tokenUID  = "006970CA35de60c44645bbae8a215061b33IACV0fZUBw+72cVoL9eyGGh3Q6Poi8bgjwVLnyKSJyOXR7dIfRBXoFHlEAABAAAAR/QQAAEAAQCvKDdW"
	tokenUID0 = "006970CA35de60c44645bbae8a215061b33IACw1o7htY6ISdNRtku3p9tjTPi0jCKf9t49UHJhzCmL6bdIfRAAAAAAEAABAAAAR/QQAAEAAQCvKDdW"

	otherAppID = "10C4108E0DA044A5CDF8D68D072E4C41"
	otherCert  = "4DCFEB4DCCAD8F87DA383A909DF0B2B5"
)

// newFixed is the reference vector's builder: salt 1, ts 1111111, join channel.
func newFixed(t *testing.T, uid uint32) SimpleTokenBuilder {
	t.Helper()
	b, err := NewSimpleTokenBuilder(appID, appCert, channel, uid)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { b.Close() })
	must(t, b.SetSalt(1))
	must(t, b.SetTs(1111111))
	must(t, b.SetPrivilege(KJoinChannel, expire))
	return b
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func build(t *testing.T, b SimpleTokenBuilder) string {
	t.Helper()
	token, err := b.BuildToken()
	if err != nil {
		t.Fatal(err)
	}
	return token
}

func parse(t *testing.T, token string) *TokenInfo {
	t.Helper()
	info, err := Parse(token)
	if err != nil {
		t.Fatalf("Parse(%q): %v", token, err)
	}
	return info
}

// wantErr checks that err is an *Error of the category, whose message never
// holds a certificate of these tests.
func wantErr(t *testing.T, err error, category *Category) *Error {
	t.Helper()
	if err == nil {
		t.Fatalf("no error, want %s", category.Name())
	}
	if !errors.Is(err, category) {
		t.Fatalf("error %v is not %s", err, category.Name())
	}
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("error %v is not an *Error", err)
	}
	if e.Code != category.Code() || e.Category != category.Name() || ErrorCode(err) != category.Code() {
		t.Fatalf("error %+v: want code %d, category %s", e, category.Code(), category.Name())
	}
	if !strings.HasPrefix(err.Error(), "agoratoken: ") || len(e.Message) == 0 {
		t.Fatalf("error text %q", err.Error())
	}
	noCertificate(t, err.Error(), fmt.Sprintf("%+v", err), fmt.Sprintf("%#v", err))
	for _, other := range categories {
		if other != category && errors.Is(err, other) {
			t.Fatalf("error %v is also %s", err, other.Name())
		}
	}
	return e
}

var certificates = []string{appCert, otherCert, "z3d5069ab0621711522939ff22b4caea", "33d5069ab0621711522939ff22b4caeaa", "D6C9A1B7D353085FC8EB2254B4598C0"}

func noCertificate(t *testing.T, texts ...string) {
	t.Helper()
	for _, text := range texts {
		for _, c := range certificates {
			for _, form := range []string{c, strings.ToLower(c), strings.ToUpper(c)} {
				if strings.Contains(text, form) {
					t.Fatalf("%q contains the certificate", text)
				}
			}
		}
	}
}

func TestReferenceVectors(t *testing.T) {
	if got := build(t, newFixed(t, uid)); got != tokenUID {
		t.Fatalf("uid token\n got %s\nwant %s", got, tokenUID)
	}
	if got := build(t, newFixed(t, 0)); got != tokenUID0 {
		t.Fatalf("uid 0 token\n got %s\nwant %s", got, tokenUID0)
	}
	// The account "2882341273" is the same user as uid 2882341273.
	b := CreateSimpleTokenBuilder2(appID, appCert, channel, "2882341273")
	defer b.Close()
	must(t, b.Err())
	must(t, b.SetSalt(1))
	must(t, b.SetTs(1111111))
	must(t, b.SetPrivilege(KJoinChannel, expire))
	if got := build(t, b); got != tokenUID {
		t.Fatalf("account token\n got %s\nwant %s", got, tokenUID)
	}
	// CreateSimpleTokenBuilder is the documented constructor.
	c := CreateSimpleTokenBuilder(appID, appCert, channel, uid)
	defer c.Close()
	must(t, c.Err())
	must(t, c.SetSalt(1))
	must(t, c.SetTs(1111111))
	must(t, c.SetPrivilege(KJoinChannel, expire))
	if got := build(t, c); got != tokenUID {
		t.Fatalf("CreateSimpleTokenBuilder token\n got %s\nwant %s", got, tokenUID)
	}
}

func TestConstantsAreTheDocumentedValues(t *testing.T) {
	privileges := map[Privileges]uint16{
		KJoinChannel: 1, KPublishAudioStream: 2, KPublishVideoStream: 3, KPublishDataStream: 4,
		KPublishAudiocdn: 5, KPublishVideoCdn: 6, KRequestPublishAudioStream: 7, KRequestPublishVideoStream: 8,
		KRequestPublishDataStream: 9, KInvitePublishAudioStream: 10, KInvitePublishVideoStream: 11,
		KInvitePublishDataStream: 12, KAdministrateChannel: 101, KLoginRtm: 1000,
	}
	for p, want := range privileges {
		if uint16(p) != want {
			t.Errorf("privilege %d, want %d", p, want)
		}
	}
	if KRtmLogin != KLoginRtm || KPublishAudioCdn != KPublishAudiocdn {
		t.Error("aliases differ")
	}
	if RoleAttendee != 0 || RolePublisher != 1 || RoleSubscriber != 2 || RoleAdmin != 101 || RoleRtmUser != 1 {
		t.Error("roles differ from the documented values")
	}
	results := []VerifyResult{VerifyOK, VerifyAppIDMismatch, VerifyChannelMismatch, VerifyUIDMismatch,
		VerifySignatureMismatch, VerifyExpired, VerifyPrivilegeExpired}
	names := []string{"ok", "app_id_mismatch", "channel_mismatch", "uid_mismatch", "signature_mismatch", "expired", "privilege_expired"}
	for i, r := range results {
		if int(r) != i || r.String() != names[i] || r.OK() != (i == 0) {
			t.Errorf("result %d: %q, OK %v", int(r), r.String(), r.OK())
		}
	}
	if VerifyResult(99).String() != "unknown" || VerifyResult(-2).String() != "unknown" {
		t.Error("an unknown result is not named unknown")
	}
	// The result that comes with an error is this package's, outside the C
	// enum, and is never OK (the zero value, VerifyOK, would be).
	if VerifyNotChecked.String() != "not_checked" || VerifyNotChecked.OK() || VerifyNotChecked == VerifyOK ||
		VerifyNotChecked == VerifyServiceMissing || VerifyServiceMissing.String() != "service_missing" {
		t.Errorf("VerifyNotChecked: %d %q, OK %v", int(VerifyNotChecked), VerifyNotChecked, VerifyNotChecked.OK())
	}
}

func TestCategories(t *testing.T) {
	names := []string{"app_id", "app_certificate", "channel_name", "user_account", "uid", "version", "base64",
		"truncated", "trailing", "app_id_mismatch", "channel_mismatch", "uid_mismatch", "privilege", "role",
		"salt", "ts", "expire_ts", "null_argument", "internal", "buffer_too_small", "zlib", "signature",
		"no_service", "service", "permission", "utf8", "user_id", "room_uuid", "user_uuid", "issue_ts", "expire",
		"random", "too_long", "now"}
	all := Categories()
	if len(all) != len(names) {
		t.Fatalf("%d categories, want %d", len(all), len(names))
	}
	for i, c := range all {
		if c.Code() != -(i+1) || c.Name() != names[i] || c.Error() != "agoratoken: "+names[i] {
			t.Errorf("category %d: %d %q %q", i, c.Code(), c.Name(), c.Error())
		}
		if categoryOf(c.Code()) != c {
			t.Errorf("categoryOf(%d) is not the sentinel", c.Code())
		}
	}
	all[0] = nil // a copy: the package's list is unchanged
	if Categories()[0] != ErrAppID {
		t.Fatal("Categories returned the package's own slice")
	}
	if c := categoryOf(-1000); c.Name() != "unknown" || c.Code() != -1000 {
		t.Fatalf("unknown code: %+v", c)
	}
	if cErrorName(0) != "ok" {
		t.Fatal("status 0 is not ok")
	}
	e := newError(-3, "")
	if e.Category != "channel_name" || !strings.Contains(e.Message, "-3") || !errors.Is(e, ErrChannelName) {
		t.Fatalf("error without a message: %+v", e)
	}
}

func TestErrorCode(t *testing.T) {
	if ErrorCode(nil) != 0 {
		t.Error("nil is not 0")
	}
	if ErrorCode(ErrRole) != -14 {
		t.Error("a sentinel is not its code")
	}
	if ErrorCode(errors.New("other")) != -19 {
		t.Error("a foreign error is not internal")
	}
	if ErrorCode(ErrClosed) != -18 || ErrorCode(fmt.Errorf("x: %w", ErrClosed)) != -18 {
		t.Error("the closed-builder sentinel is not null_argument, as a closed builder reports")
	}
	_, err := NewSimpleTokenBuilder(appID, appCert, "", 1)
	if ErrorCode(fmt.Errorf("wrapped: %w", err)) != -3 {
		t.Error("a wrapped error lost its code")
	}
}

func TestVersion(t *testing.T) {
	if Version() != ModuleVersion {
		t.Fatalf("library %q, module %q", Version(), ModuleVersion)
	}
	cargo, err := os.ReadFile(filepath.Join("..", "Cargo.toml"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?ms)^\[workspace\.package\].*?^version\s*=\s*"([^"]+)"`).FindSubmatch(cargo)
	if m == nil || string(m[1]) != ModuleVersion {
		t.Fatalf("workspace version %q, module %q", m, ModuleVersion)
	}
}

func TestPrivilegesSortedSetRemove(t *testing.T) {
	b := newFixed(t, uid)
	must(t, b.SetPrivilege(KLoginRtm, 7))
	must(t, b.SetPrivilege(KPublishVideoStream, 5))
	must(t, b.SetPrivilege(KAdministrateChannel, 6))
	must(t, b.SetPrivilege(KPublishVideoStream, 9)) // replaces
	got := parse(t, build(t, b)).Privileges
	want := []PrivilegeEntry{{KJoinChannel, expire}, {KPublishVideoStream, 9}, {KAdministrateChannel, 6}, {KLoginRtm, 7}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("privileges %v, want %v", got, want)
	}
	must(t, b.RemovePrivilege(KAdministrateChannel))
	must(t, b.RemovePrivilege(KInvitePublishDataStream)) // absent: no-op
	want = []PrivilegeEntry{{KJoinChannel, expire}, {KPublishVideoStream, 9}, {KLoginRtm, 7}}
	if got := parse(t, build(t, b)).Privileges; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("after remove %v, want %v", got, want)
	}
	wantErr(t, b.SetPrivilege(Privileges(13), 1), ErrPrivilege)
	wantErr(t, b.SetPrivilege(Privileges(0), 1), ErrPrivilege)
	wantErr(t, b.RemovePrivilege(Privileges(999)), ErrPrivilege)
	// A failed call changes nothing.
	if got := parse(t, build(t, b)).Privileges; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("after failures %v, want %v", got, want)
	}
}

func TestInitPrivileges(t *testing.T) {
	publisher := []PrivilegeEntry{{KJoinChannel, 0}, {KPublishAudioStream, 0}, {KPublishVideoStream, 0}, {KPublishDataStream, 0}}
	for role, want := range map[Role][]PrivilegeEntry{
		RoleAttendee: publisher, RolePublisher: publisher, RoleAdmin: publisher,
		RoleSubscriber: {{KJoinChannel, 0}},
	} {
		b := newFixed(t, uid)
		must(t, b.SetPrivilege(KLoginRtm, 5)) // replaced by the role's
		must(t, b.InitPrivileges(role))
		if got := parse(t, build(t, b)).Privileges; fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("role %d: %v, want %v", role, got, want)
		}
	}
	b := newFixed(t, uid)
	wantErr(t, b.InitPrivileges(Role(3)), ErrRole)
	wantErr(t, b.InitPrivileges(Role(100)), ErrRole)
	if got := parse(t, build(t, b)).Privileges; len(got) != 1 || got[0] != (PrivilegeEntry{KJoinChannel, expire}) {
		t.Fatalf("a failed InitPrivileges changed the privileges: %v", got)
	}
}

func TestSaltAndTs(t *testing.T) {
	b, err := NewSimpleTokenBuilder(appID, appCert, channel, uid)
	must(t, err)
	defer b.Close()
	if salt, fixed, err := b.Salt(); err != nil || fixed || salt != 0 {
		t.Fatalf("default salt %d %v %v", salt, fixed, err)
	}
	if ts, fixed, err := b.Ts(); err != nil || fixed || ts != 0 {
		t.Fatalf("default ts %d %v %v", ts, fixed, err)
	}
	// Defaults: a fresh salt per token, ts = now + 24 h.
	salts := map[uint32]bool{}
	for i := 0; i < 8; i++ {
		info := parse(t, build(t, b))
		salts[info.Salt] = true
		now := uint32(time.Now().Unix())
		if info.Ts < now+86400-60 || info.Ts > now+86400+60 {
			t.Fatalf("default ts %d, now %d", info.Ts, now)
		}
	}
	if len(salts) < 7 {
		t.Fatalf("salts repeat: %v", salts)
	}
	must(t, b.SetSalt(4294967295))
	must(t, b.SetTs(0))
	if salt, fixed, err := b.Salt(); err != nil || !fixed || salt != 4294967295 {
		t.Fatalf("salt %d %v %v", salt, fixed, err)
	}
	if ts, fixed, err := b.Ts(); err != nil || !fixed || ts != 0 {
		t.Fatalf("ts %d %v %v", ts, fixed, err)
	}
	first := build(t, b)
	if info := parse(t, first); info.Salt != 4294967295 || info.Ts != 0 {
		t.Fatalf("fixed salt/ts not used: %+v", info)
	}
	if build(t, b) != first {
		t.Fatal("a fixed salt and ts do not give the same token twice")
	}
	must(t, b.ClearSalt())
	must(t, b.ClearTs())
	if _, fixed, _ := b.Salt(); fixed {
		t.Fatal("ClearSalt kept the salt")
	}
	if _, fixed, _ := b.Ts(); fixed {
		t.Fatal("ClearTs kept the ts")
	}
	if info := parse(t, build(t, b)); info.Ts == 0 {
		t.Fatal("ClearTs: ts still 0")
	}
}

// otherToken is the reference token rebuilt for another app id, channel or user.
func otherToken(t *testing.T, app, ch string, user uint32) string {
	t.Helper()
	b, err := NewSimpleTokenBuilder(app, appCert, ch, user)
	must(t, err)
	defer b.Close()
	must(t, b.SetSalt(1))
	must(t, b.SetTs(1111111))
	return build(t, b)
}

// badTokens are malformed tokens for each parse category.
func badTokens(t *testing.T) map[*Category][]string {
	content, err := base64.StdEncoding.DecodeString(tokenUID[35:])
	must(t, err)
	head := tokenUID[:35]
	return map[*Category][]string{
		ErrVersion:   {"", "00", "007" + tokenUID[3:], "\x00" + tokenUID[1:], "006\x00"[:2]},
		ErrAppID:     {"006970CA35de60c44645bbae8a215061b3", "006970CA35de60c44645bbae8a215061bXX" + tokenUID[35:], tokenUID[:10] + "\x00" + tokenUID[11:]},
		ErrBase64:    {tokenUID + "!", tokenUID[:40] + " " + tokenUID[41:], tokenUID + "\x00", head + "IACV0fZUBw-72cVo"},
		ErrTruncated: {head, head + base64.StdEncoding.EncodeToString(content[:len(content)-1]), head + base64.StdEncoding.EncodeToString(content[:3])},
		ErrTrailing:  {head + base64.StdEncoding.EncodeToString(append(append([]byte{}, content...), 0))},
	}
}

func TestInitTokenBuilder(t *testing.T) {
	b, err := NewSimpleTokenBuilder(appID, appCert, channel, uid)
	must(t, err)
	defer b.Close()
	if rc := b.InitTokenBuilder(tokenUID); rc != 0 {
		t.Fatalf("InitTokenBuilder = %d", rc)
	}
	// The privileges only: salt and ts are drawn afresh unless set.
	if _, fixed, _ := b.Salt(); fixed {
		t.Fatal("InitTokenBuilder fixed the salt")
	}
	must(t, b.SetSalt(1))
	must(t, b.SetTs(1111111))
	if got := build(t, b); got != tokenUID {
		t.Fatalf("renewed token\n got %s\nwant %s", got, tokenUID)
	}
	// Failures return the category's code and leave the builder unchanged.
	fresh := func() SimpleTokenBuilder {
		f, err := NewSimpleTokenBuilder(appID, appCert, channel, uid)
		must(t, err)
		t.Cleanup(func() { f.Close() })
		return f
	}
	check := func(token string, category *Category) {
		t.Helper()
		f := fresh()
		if rc := f.InitTokenBuilder(token); rc != category.Code() {
			t.Fatalf("InitTokenBuilder(%q) = %d, want %d", token, rc, category.Code())
		}
		wantErr(t, f.InitFromToken(token), category)
		if _, fixed, _ := f.Salt(); fixed {
			t.Fatalf("a failed InitTokenBuilder(%q) set the salt", token)
		}
		if privileges := parse(t, build(t, f)).Privileges; len(privileges) != 0 {
			t.Fatalf("a failed InitTokenBuilder(%q) set privileges %v", token, privileges)
		}
	}
	check(otherToken(t, otherAppID, channel, uid), ErrAppIDMismatch)
	check(otherToken(t, appID, "other", uid), ErrChannelMismatch)
	check(otherToken(t, appID, channel, 7), ErrUIDMismatch)
	check(tokenUID0, ErrUIDMismatch)
	for category, tokens := range badTokens(t) {
		for _, token := range tokens {
			check(token, category)
		}
	}
}

func TestConstructionErrors(t *testing.T) {
	long := strings.Repeat("a", 65)
	for _, c := range []struct {
		app, cert, ch string
		account       *string
		want          *Category
	}{
		{"970CA35de60c44645bbae8a215061b3", appCert, channel, nil, ErrAppID},
		{"970CA35de60c44645bbae8a215061b3X", appCert, channel, nil, ErrAppID},
		{"", appCert, channel, nil, ErrAppID},
		{appID[:10] + "\x00" + appID[11:], appCert, channel, nil, ErrAppID},
		{"x", "z3d5069ab0621711522939ff22b4caea", "", nil, ErrAppID}, // app id is checked first
		{appID, "z3d5069ab0621711522939ff22b4caea", channel, nil, ErrAppCertificate},
		{appID, "33d5069ab0621711522939ff22b4caeaa", channel, nil, ErrAppCertificate},
		{appID, "D6C9A1B7D353085FC8EB2254B4598C0", channel, nil, ErrAppCertificate},
		{appID, appCert[:5] + "\x00" + appCert[6:], channel, nil, ErrAppCertificate},
		{appID, appCert, "", nil, ErrChannelName},
		{appID, appCert, long, nil, ErrChannelName},
		{appID, appCert, "a/b", nil, ErrChannelName},
		{appID, appCert, "caf\u00e9", nil, ErrChannelName},
		{appID, appCert, "abc\x00def", nil, ErrChannelName},
		{appID, appCert, "", ptr("alice"), ErrChannelName},
		{appID, appCert, channel, ptr(""), ErrUserAccount},
		{appID, appCert, channel, ptr(strings.Repeat("u", 256)), ErrUserAccount},
		{appID, appCert, channel, ptr("a\\b"), ErrUserAccount},
		{appID, appCert, channel, ptr("al\x00ice"), ErrUserAccount},
	} {
		var b SimpleTokenBuilder
		var err error
		if c.account == nil {
			b, err = NewSimpleTokenBuilder(c.app, c.cert, c.ch, 5)
		} else {
			b, err = NewSimpleTokenBuilderWithUserAccount(c.app, c.cert, c.ch, *c.account)
		}
		wantErr(t, err, c.want)
		wantErr(t, b.Err(), c.want) // the returned builder reports it too
		// The documented constructors keep the error in the builder.
		if c.account == nil {
			b = CreateSimpleTokenBuilder(c.app, c.cert, c.ch, 5)
		} else {
			b = CreateSimpleTokenBuilder2(c.app, c.cert, c.ch, *c.account)
		}
		wantErr(t, b.Err(), c.want)
		token, err := b.BuildToken()
		if token != "" {
			t.Fatalf("token %q from an invalid builder", token)
		}
		wantErr(t, err, c.want)
		if rc := b.InitTokenBuilder(tokenUID); rc != c.want.Code() {
			t.Fatalf("InitTokenBuilder = %d, want %d", rc, c.want.Code())
		}
		for _, err := range []error{b.InitPrivileges(RolePublisher), b.SetPrivilege(KJoinChannel, 1),
			b.RemovePrivilege(KJoinChannel), b.SetSalt(1), b.ClearSalt(), b.SetTs(1), b.ClearTs()} {
			wantErr(t, err, c.want)
		}
		for _, get := range []func() (uint32, bool, error){b.Salt, b.Ts} {
			_, fixed, err := get()
			wantErr(t, err, c.want)
			if fixed {
				t.Fatal("an invalid builder has a fixed value")
			}
		}
		must(t, b.Close())
		wantErr(t, b.Err(), c.want) // Close keeps the construction error
	}
	// 64 bytes and every documented character are fine.
	for _, ch := range []string{strings.Repeat("a", 64), "azAZ09 !#$%&()+-:;<=.>?@[]^_{}|~,"} {
		b, err := NewSimpleTokenBuilderWithUserAccount(appID, appCert, ch, ch)
		must(t, err)
		b.Close()
	}
	b, err := NewSimpleTokenBuilderWithUserAccount(appID, appCert, channel, strings.Repeat("u", 255))
	must(t, err)
	b.Close()
}

func ptr(s string) *string { return &s }

func TestClosedAndZeroBuilders(t *testing.T) {
	b := newFixed(t, uid)
	copied := b
	must(t, b.Close())
	must(t, b.Close()) // twice is fine
	for _, builder := range []SimpleTokenBuilder{b, copied} {
		checkUnusable(t, builder, true)
	}
	var zero SimpleTokenBuilder
	checkUnusable(t, zero, false)
	must(t, zero.Close())
}

func checkUnusable(t *testing.T, b SimpleTokenBuilder, closed bool) {
	t.Helper()
	errs := []error{b.Err(), b.InitFromToken(tokenUID), b.InitPrivileges(RolePublisher), b.SetPrivilege(KJoinChannel, 1),
		b.RemovePrivilege(KJoinChannel), b.SetSalt(1), b.ClearSalt(), b.SetTs(1), b.ClearTs()}
	token, err := b.BuildToken()
	errs = append(errs, err)
	_, _, err = b.Salt()
	errs = append(errs, err)
	_, _, err = b.Ts()
	errs = append(errs, err)
	if token != "" {
		t.Fatalf("token %q", token)
	}
	for _, err := range errs {
		wantErr(t, err, ErrNullArgument)
		if errors.Is(err, ErrClosed) != closed {
			t.Fatalf("%v: errors.Is(ErrClosed) = %v", err, !closed)
		}
	}
	if rc := b.InitTokenBuilder(tokenUID); rc != ErrNullArgument.Code() {
		t.Fatalf("InitTokenBuilder = %d", rc)
	}
}

func TestCopiesShareOneBuilder(t *testing.T) {
	b := newFixed(t, uid)
	c := b
	must(t, c.SetSalt(77))
	if salt, _, _ := b.Salt(); salt != 77 {
		t.Fatalf("the copy's SetSalt is not seen: %d", salt)
	}
	if build(t, b) != build(t, c) {
		t.Fatal("copies build different tokens")
	}
}

func TestNoCertificateInFormattedValues(t *testing.T) {
	b := newFixed(t, uid)
	bad := CreateSimpleTokenBuilder(appID, "z3d5069ab0621711522939ff22b4caea", channel, 1)
	noCertificate(t, fmt.Sprintf("%v %+v %#v", b, b, b), fmt.Sprintf("%v %+v %#v", bad, bad, bad),
		fmt.Sprintf("%+v %#v %+v", b.s, bad.s, bad.s))
}

func TestRtcHelpers(t *testing.T) {
	before := uint32(time.Now().Unix())
	for role, want := range map[Role][]Privileges{
		RolePublisher:  {KJoinChannel, KPublishAudioStream, KPublishVideoStream, KPublishDataStream},
		RoleAttendee:   {KJoinChannel, KPublishAudioStream, KPublishVideoStream, KPublishDataStream},
		RoleAdmin:      {KJoinChannel, KPublishAudioStream, KPublishVideoStream, KPublishDataStream},
		RoleSubscriber: {KJoinChannel},
	} {
		byUID, err := BuildTokenWithUID(appID, appCert, channel, uid, role, expire)
		must(t, err)
		byAccount, err := BuildTokenWithUserAccount(appID, appCert, channel, "2882341273", role, expire)
		must(t, err)
		for _, token := range []string{byUID, byAccount} {
			info := parse(t, token)
			if info.AppID != appID || info.CrcChannelName != crc32.ChecksumIEEE([]byte(channel)) ||
				info.CrcUID != crc32.ChecksumIEEE([]byte("2882341273")) || info.Ts < before+86400-60 {
				t.Fatalf("role %d: %+v", role, info)
			}
			if len(info.Privileges) != len(want) {
				t.Fatalf("role %d: privileges %v", role, info.Privileges)
			}
			for i, p := range want {
				if info.Privileges[i] != (PrivilegeEntry{p, expire}) {
					t.Fatalf("role %d: privileges %v", role, info.Privileges)
				}
			}
			r, err := VerifyWithUID(token, appID, appCert, channel, uid, expire-1)
			if err != nil || r != VerifyOK {
				t.Fatalf("verify %v %v", r, err)
			}
		}
	}
	zero, err := BuildTokenWithUID(appID, appCert, channel, 0, RolePublisher, 0)
	must(t, err)
	if parse(t, zero).CrcUID != 0 {
		t.Fatal("uid 0 is not signed as the empty string")
	}
	_, err = BuildTokenWithUID(appID, appCert, channel, uid, Role(3), expire)
	wantErr(t, err, ErrRole)
	_, err = BuildTokenWithUserAccount(appID, appCert, channel, "a", Role(7), expire)
	wantErr(t, err, ErrRole)
	_, err = BuildTokenWithUID("bad", appCert, channel, uid, RolePublisher, expire)
	wantErr(t, err, ErrAppID)
	_, err = BuildTokenWithUID(appID, "bad", channel, uid, RolePublisher, expire)
	wantErr(t, err, ErrAppCertificate)
	_, err = BuildTokenWithUID(appID, appCert, "a\x00", uid, RolePublisher, expire)
	wantErr(t, err, ErrChannelName)
	_, err = BuildTokenWithUserAccount(appID, appCert, channel, "", RolePublisher, expire)
	wantErr(t, err, ErrUserAccount)
	_, err = BuildTokenWithUserAccount(appID, "z3d5069ab0621711522939ff22b4caea", channel, "a", RolePublisher, expire)
	wantErr(t, err, ErrAppCertificate)
}

func TestRtmHelper(t *testing.T) {
	token, err := BuildRtmToken(appID, appCert, "test_user_id", RoleRtmUser, expire)
	must(t, err)
	info := parse(t, token)
	if info.CrcChannelName != crc32.ChecksumIEEE([]byte("test_user_id")) || info.CrcUID != 0 ||
		len(info.Privileges) != 1 || info.Privileges[0] != (PrivilegeEntry{KLoginRtm, expire}) {
		t.Fatalf("rtm token %+v", info)
	}
	if r, err := VerifyWithUID(token, "", appCert, "test_user_id", 0, expire); err != nil || r != VerifyOK {
		t.Fatalf("verify %v %v", r, err)
	}
	// Any RTM role builds the login token, as Agora's builders ignore the role.
	for _, role := range []RtmRole{0, 2, 101} {
		other, err := BuildRtmToken(appID, appCert, "test_user_id", role, expire)
		must(t, err)
		if p := parse(t, other); p.CrcChannelName != info.CrcChannelName || len(p.Privileges) != 1 ||
			p.Privileges[0] != (PrivilegeEntry{KLoginRtm, expire}) {
			t.Fatalf("role %d: %+v", role, p)
		}
	}
	_, err = BuildRtmToken(appID, appCert, "", RoleRtmUser, expire)
	wantErr(t, err, ErrUserAccount)
	_, err = BuildRtmToken(appID, "D6C9A1B7D353085FC8EB2254B4598C0", "user", RoleRtmUser, expire)
	wantErr(t, err, ErrAppCertificate)
	_, err = BuildRtmToken("", appCert, "user", RoleRtmUser, expire)
	wantErr(t, err, ErrAppID)
}

func TestLongResultPath(t *testing.T) {
	// A result longer than the shims' buffer is handed over and freed apart.
	defer func(n int) { tokenCap = n }(tokenCap)
	tokenCap = 8
	if got := build(t, newFixed(t, uid)); got != tokenUID {
		t.Fatalf("long path token %s", got)
	}
	for _, f := range []func() (string, error){
		func() (string, error) { return BuildTokenWithUID(appID, appCert, channel, uid, RolePublisher, 0) },
		func() (string, error) {
			return BuildTokenWithUserAccount(appID, appCert, channel, "u", RolePublisher, 0)
		},
		func() (string, error) { return BuildRtmToken(appID, appCert, "u", RoleRtmUser, 0) },
	} {
		token, err := f()
		must(t, err)
		if info := parse(t, token); info.AppID != appID {
			t.Fatalf("long path token %s", token)
		}
	}
}

func TestParse(t *testing.T) {
	info := parse(t, tokenUID)
	if info.AppID != appID || info.SignatureHex() != "95d1f654070fbbd9c5682fd7b218687743a3e88bc6e08f054b9f229227239747" ||
		info.CrcChannelName != 276646071 || info.CrcUID != 3847331927 || info.Salt != 1 || info.Ts != 1111111 {
		t.Fatalf("parsed %+v", info)
	}
	if e, ok := info.Privilege(KJoinChannel); !ok || e != expire {
		t.Fatalf("join channel %d %v", e, ok)
	}
	if _, ok := info.Privilege(KLoginRtm); ok {
		t.Fatal("a privilege the token lacks")
	}
	for category, tokens := range badTokens(t) {
		for _, token := range tokens {
			info, err := Parse(token)
			if info != nil {
				t.Fatalf("Parse(%q) = %+v", token, info)
			}
			wantErr(t, err, category)
		}
	}
}

func TestVerify(t *testing.T) {
	b := newFixed(t, uid)
	must(t, b.SetTs(2000))
	must(t, b.SetPrivilege(KJoinChannel, 1000))
	token := build(t, b)
	cases := []struct {
		app, cert, ch string
		uid           uint32
		account       *string
		now           uint32
		want          VerifyResult
	}{
		{"", appCert, channel, uid, nil, 500, VerifyOK},
		{appID, appCert, channel, uid, nil, 1000, VerifyOK},
		{"", appCert, channel, 0, ptr("2882341273"), 500, VerifyOK},
		{otherAppID, appCert, channel, uid, nil, 500, VerifyAppIDMismatch},
		{"", appCert, "other", uid, nil, 500, VerifyChannelMismatch},
		{"", appCert, channel, 1, nil, 500, VerifyUIDMismatch},
		{"", appCert, channel, 0, ptr("alice"), 500, VerifyUIDMismatch},
		{"", otherCert, channel, uid, nil, 500, VerifySignatureMismatch},
		{"", strings.ToLower(appCert), channel, uid, nil, 500, VerifySignatureMismatch},
		{"", appCert, channel, uid, nil, 2001, VerifyExpired},
		{"", appCert, channel, uid, nil, 1001, VerifyPrivilegeExpired},
	}
	for _, c := range cases {
		var r VerifyResult
		var err error
		if c.account == nil {
			r, err = VerifyWithUID(token, c.app, c.cert, c.ch, c.uid, c.now)
		} else {
			r, err = VerifyWithUserAccount(token, c.app, c.cert, c.ch, *c.account, c.now)
		}
		if err != nil || r != c.want {
			t.Errorf("%+v: %v %v", c, r, err)
		}
	}
	// uid 0 (the empty string) is a wildcard: any user, account "0" included,
	// may use a uid-0 token; a token for account "0" is not one for uid 0.
	if r, _ := VerifyWithUserAccount(tokenUID0, "", appCert, channel, "0", 1); r != VerifyOK {
		t.Errorf("account 0 with a uid-0 token: %v", r)
	}
	account0, err := BuildTokenWithUserAccount(appID, appCert, channel, "0", RolePublisher, 0)
	must(t, err)
	if r, _ := VerifyWithUID(account0, "", appCert, channel, 0, 1); r != VerifyUIDMismatch {
		t.Errorf("uid 0 with an account-0 token: %v", r)
	}
	// No join-channel privilege: never privilege_expired.
	must(t, b.RemovePrivilege(KJoinChannel))
	if r, err := VerifyWithUID(build(t, b), "", appCert, channel, uid, 1500); err != nil || r != VerifyOK {
		t.Errorf("without join channel: %v %v", r, err)
	}
	// Unusable input is an error, not a result, and the result that comes
	// with it is VerifyNotChecked: never OK, whatever the caller does with err.
	notChecked := func(r VerifyResult, err error, category *Category) {
		t.Helper()
		wantErr(t, err, category)
		if r != VerifyNotChecked || r.OK() || r.String() != "not_checked" {
			t.Errorf("with error %v: result %d %q, OK %v", err, int(r), r, r.OK())
		}
	}
	r, err := VerifyWithUID(token, "", "z3d5069ab0621711522939ff22b4caea", channel, uid, 1)
	notChecked(r, err, ErrAppCertificate)
	r, err = VerifyWithUserAccount(token, "", "short", channel, "a", 1)
	notChecked(r, err, ErrAppCertificate)
	r, err = VerifyWithUserAccount(token, "", appCert, channel, "a\x00", 1)
	notChecked(r, err, ErrUserAccount)
	r, err = VerifyWithUID(token, "", appCert, "x\x00", uid, 1)
	notChecked(r, err, ErrChannelName)
	r, err = VerifyWithUID(token, "\x00", appCert, channel, uid, 1)
	notChecked(r, err, ErrAppID)
	for category, tokens := range badTokens(t) {
		for _, bad := range tokens {
			r, err := VerifyWithUID(bad, "", appCert, channel, uid, 1)
			notChecked(r, err, category)
			r, err = VerifyWithUserAccount(bad, "", appCert, channel, "a", 1)
			notChecked(r, err, category)
		}
	}
}

// TestVerifyReadmePatternRefusesGarbage: the README's one-line check,
// `if r, _ := VerifyWithUID(...); r.OK()`, which drops the error, accepts a
// valid token only: not garbage, a 007 token, or a valid token checked with
// a bad certificate (a trial found VerifyOK, the zero value, came back with
// every error).
func TestVerifyReadmePatternRefusesGarbage(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	must(t, err)
	if !strings.Contains(string(readme), "`if r, _ := VerifyWithUID(…); r.OK()`") {
		t.Error("README.md no longer shows the pattern this test checks")
	}
	accepts := func(token, cert string) bool {
		if r, _ := VerifyWithUID(token, appID, cert, channel, uid, 1); r.OK() {
			return true
		}
		if r, _ := VerifyWithUserAccount(token, appID, cert, channel, "2882341273", 1); r.OK() {
			return true
		}
		return false
	}
	if !accepts(tokenUID, appCert) {
		t.Fatal("the valid token is refused")
	}
	for _, c := range []struct{ token, cert string }{
		{"garbage", appCert},
		{"006garbage", appCert},
		{"006" + appID + "garbage", appCert},
		{"007eJxTYBBbsMrzhCzjgIBQ", appCert},
		{"007" + tokenUID[3:], appCert},
		{tokenUID + "!", appCert},
		{tokenUID, ""},
		{tokenUID, "not a certificate"},
		{tokenUID, strings.Repeat("z", 32)},
	} {
		if accepts(c.token, c.cert) {
			t.Errorf("token %q with certificate %q is accepted", c.token, c.cert)
		}
	}
}

// rawToken writes a 006 token by hand, with any signature and privileges.
func rawToken(signature []byte, salt, ts uint32, privileges []PrivilegeEntry) string {
	return rawTokenFor(11, 22, signature, salt, ts, privileges)
}

// rawTokenFor is rawToken with the CRCs of a channel and a uid string.
func rawTokenFor(crcChannel, crcUID uint32, signature []byte, salt, ts uint32, privileges []PrivilegeEntry) string {
	le := binary.LittleEndian
	var message []byte
	message = le.AppendUint32(message, salt)
	message = le.AppendUint32(message, ts)
	message = le.AppendUint16(message, uint16(len(privileges)))
	for _, p := range privileges {
		message = le.AppendUint16(message, uint16(p.Privilege))
		message = le.AppendUint32(message, p.ExpireTs)
	}
	var content []byte
	content = le.AppendUint16(content, uint16(len(signature)))
	content = append(content, signature...)
	content = le.AppendUint32(content, crcChannel)
	content = le.AppendUint32(content, crcUID)
	content = le.AppendUint16(content, uint16(len(message)))
	content = append(content, message...)
	return "006" + appID + base64.StdEncoding.EncodeToString(content)
}

// Tokens no reference builder writes (long signature, many privileges) take
// the copy path for large results; short ones the fast path.
func TestParseLargeAndSmallTokens(t *testing.T) {
	var many []PrivilegeEntry
	for i := 0; i < 40; i++ {
		many = append(many, PrivilegeEntry{Privileges(i + 1), uint32(1000 + i)})
	}
	for _, c := range []struct {
		signature  []byte
		privileges []PrivilegeEntry
	}{
		{make([]byte, 32), many},
		{[]byte(strings.Repeat("s", 100)), many[:2]},
		{nil, nil},
		{[]byte("x"), many[:32]},
	} {
		info := parse(t, rawToken(c.signature, 5, 6, c.privileges))
		if info.AppID != appID || string(info.Signature) != string(c.signature) || info.CrcChannelName != 11 ||
			info.CrcUID != 22 || info.Salt != 5 || info.Ts != 6 || fmt.Sprint(info.Privileges) != fmt.Sprint(c.privileges) ||
			len(info.Privileges) != len(c.privileges) {
			t.Fatalf("parsed %+v", info)
		}
	}
}

// A builder initialized from a token with many privileges builds a token
// longer than the package's buffer: the allocating call builds it instead.
func TestBuilderTokenLongerThanTheBuffer(t *testing.T) {
	var many []PrivilegeEntry
	for i := 0; i < 300; i++ {
		many = append(many, PrivilegeEntry{Privileges(i + 1), 0})
	}
	uidString := fmt.Sprint(uid)
	for _, count := range []int{14, 40, 300} {
		origin := rawTokenFor(crc32.ChecksumIEEE([]byte(channel)), crc32.ChecksumIEEE([]byte(uidString)), make([]byte, 32),
			3, 4000000000, many[:count])
		b, err := NewSimpleTokenBuilder(appID, appCert, channel, uid)
		must(t, err)
		if rc := b.InitTokenBuilder(origin); rc != 0 {
			t.Fatalf("InitTokenBuilder: %d", rc)
		}
		must(t, b.SetSalt(3)) // InitTokenBuilder takes the privileges only
		must(t, b.SetTs(4000000000))
		token := build(t, b)
		b.Close()
		if (len(token)+1 > tokenBufSize) != (count > 14) {
			t.Fatalf("%d privileges: a token of %d bytes", count, len(token))
		}
		info := parse(t, token)
		if len(info.Privileges) != count || info.Salt != 3 || info.Ts != 4000000000 {
			t.Fatalf("%d privileges: parsed %d, salt %d, ts %d", count, len(info.Privileges), info.Salt, info.Ts)
		}
		if r, err := VerifyWithUID(token, appID, appCert, channel, uid, 1000); err != nil || r != VerifyOK {
			t.Fatalf("%d privileges: verify %v %v", count, r, err)
		}
	}
}

// The Go layer never passes a NULL handle, but if it did the library's own
// check answers (and the message is read on the same thread).
func TestNullHandleIsRefusedByTheLibrary(t *testing.T) {
	_, err := cBuilderBuild(nil)
	e := wantErr(t, err, ErrNullArgument)
	if !strings.Contains(e.Message, "builder") {
		t.Fatalf("message %q", e.Message)
	}
	for _, err := range []error{cBuilderInit(nil, tokenUID), cBuilderInitPrivileges(nil, 1), cBuilderSetPrivilege(nil, 1, 1),
		cBuilderRemovePrivilege(nil, 1), cBuilderSetSalt(nil, 1), cBuilderClearSalt(nil), cBuilderSetTs(nil, 1), cBuilderClearTs(nil)} {
		wantErr(t, err, ErrNullArgument)
	}
	_, err = cBuilderGet(nil, true)
	wantErr(t, err, ErrNullArgument)
	cBuilderFree(nil) // a no-op
}

func TestUIDFromDecimal(t *testing.T) {
	for text, want := range map[string]uint32{"0": 0, "7": 7, "42": 42, "2882341273": 2882341273, "4294967295": 4294967295} {
		if got, err := UIDFromDecimal(text); err != nil || got != want {
			t.Errorf("UIDFromDecimal(%q) = %d, %v; want %d", text, got, err, want)
		}
	}
	// Not uid 7: Agora's builders would sign the string "007" (another user).
	for _, text := range []string{"", "007", "00", " 7", "7 ", "+7", "-1", "7.0", "1e3", "0x7", "alice",
		"4294967296", "99999999999", strings.Repeat("9", 5000), "\u0662", "7\x00", "\x00"} {
		got, err := UIDFromDecimal(text)
		e := wantErr(t, err, ErrUID)
		if got != 0 || !strings.HasPrefix(e.Message, "uid: ") {
			t.Errorf("UIDFromDecimal(%q) = %d, %v", text, got, err)
		}
	}
	_, err := UIDFromDecimal("007")
	if err == nil || !strings.Contains(err.Error(), "user account") {
		t.Errorf("the message does not point to the account builder: %v", err)
	}
}
