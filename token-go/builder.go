package agoratoken

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// SimpleTokenBuilder builds AccessToken 006 tokens for one app, channel and
// user, like Agora's reference SimpleTokenBuilder, on libagoratoken.
//
// Its methods have value receivers, as documented; the value only points to
// the state that owns the native builder, so copies share one builder.
//
// A builder is safe for concurrent use by several goroutines: BuildToken
// calls run in parallel, the setters wait for each other.
//
// Close releases the native builder; a finalizer does it too if Close is
// never called, but only when the garbage collector gets to it.
//
// Without SetSalt every token gets a fresh CSPRNG salt; without SetTs every
// token expires 24 hours after it is built. InitTokenBuilder sets both from
// an existing token.
type SimpleTokenBuilder struct {
	s *builderState
}

// builderState owns the native handle. The lock makes the handle's "one
// writer or many readers" rule of the C ABI hold across goroutines.
type builderState struct {
	mu     sync.RWMutex
	h      *cBuilder
	err    error // the construction error (h is nil)
	closed bool
}

// CreateSimpleTokenBuilder makes a builder for a numeric uid (0 = any user,
// signed as the empty string). Invalid input is not lost: every method of
// the returned builder reports it (see Err); NewSimpleTokenBuilder returns
// it at once.
func CreateSimpleTokenBuilder(appID, appCertificate, channelName string, uid uint32) SimpleTokenBuilder {
	b, _ := NewSimpleTokenBuilder(appID, appCertificate, channelName, uid)
	return b
}

// CreateSimpleTokenBuilder2 makes a builder for a user account (string uid),
// like CreateSimpleTokenBuilder.
func CreateSimpleTokenBuilder2(appID, appCertificate, channelName string, userAccount string) SimpleTokenBuilder {
	b, _ := NewSimpleTokenBuilderWithUserAccount(appID, appCertificate, channelName, userAccount)
	return b
}

// NewSimpleTokenBuilder is CreateSimpleTokenBuilder returning the input
// error (ErrAppID, ErrAppCertificate or ErrChannelName, checked in that
// order). The builder is returned either way; on error it only reports err.
func NewSimpleTokenBuilder(appID, appCertificate, channelName string, uid uint32) (SimpleTokenBuilder, error) {
	h, err := cBuilderNew(appID, appCertificate, channelName, uid, nil)
	return newBuilder(h, err), err
}

// NewSimpleTokenBuilderWithUserAccount is CreateSimpleTokenBuilder2
// returning the input error (ErrAppID, ErrAppCertificate, ErrChannelName or
// ErrUserAccount, checked in that order).
func NewSimpleTokenBuilderWithUserAccount(appID, appCertificate, channelName, userAccount string) (SimpleTokenBuilder, error) {
	h, err := cBuilderNew(appID, appCertificate, channelName, 0, &userAccount)
	return newBuilder(h, err), err
}

func newBuilder(h *cBuilder, err error) SimpleTokenBuilder {
	s := &builderState{h: h, err: err}
	if h != nil {
		runtime.SetFinalizer(s, (*builderState).free)
	}
	return SimpleTokenBuilder{s: s}
}

// finalized counts the builders freed by the finalizer (for the tests).
var finalized atomic.Int64

// free is the finalizer: the builder was dropped without Close.
func (s *builderState) free() {
	cBuilderFree(s.h)
	s.h = nil
	finalized.Add(1)
}

// usable is the error of a builder that has no native handle. The caller
// holds the lock.
func (s *builderState) usable() error {
	switch {
	case s == nil:
		return &Error{Code: statusNullArgument, Category: ErrNullArgument.name,
			Message: "builder: the zero SimpleTokenBuilder; use CreateSimpleTokenBuilder"}
	case s.err != nil:
		return s.err
	case s.closed:
		return &Error{Code: statusNullArgument, Category: ErrNullArgument.name,
			Message: "builder: used after Close", closed: true}
	}
	return nil
}

// write runs f with the native handle, exclusively.
func (builder SimpleTokenBuilder) write(f func(h *cBuilder) error) error {
	s := builder.s
	if s == nil {
		return s.usable()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.usable(); err != nil {
		return err
	}
	err := f(s.h)
	runtime.KeepAlive(s)
	return err
}

// read runs f with the native handle, alongside other readers.
func (builder SimpleTokenBuilder) read(f func(h *cBuilder) error) error {
	s := builder.s
	if s == nil {
		return s.usable()
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	if err := s.usable(); err != nil {
		return err
	}
	err := f(s.h)
	runtime.KeepAlive(s)
	return err
}

// Err is the construction error of a builder made by CreateSimpleTokenBuilder
// or CreateSimpleTokenBuilder2 from invalid input, ErrClosed-matching after
// Close, else nil.
func (builder SimpleTokenBuilder) Err() error {
	if builder.s == nil {
		return builder.s.usable()
	}
	builder.s.mu.RLock()
	defer builder.s.mu.RUnlock()
	return builder.s.usable()
}

// InitTokenBuilder takes salt, ts and privileges from an existing token of
// the same app, channel and user (to renew it or add privileges). It returns
// 0 on success, else the negative code of the category (ErrorCode of the
// error InitFromToken would return), and leaves the builder unchanged.
func (builder SimpleTokenBuilder) InitTokenBuilder(originToken string) int {
	return ErrorCode(builder.InitFromToken(originToken))
}

// InitFromToken is InitTokenBuilder returning the error: a malformed token
// (ErrVersion, ErrAppID, ErrBase64, ErrTruncated, ErrTrailing) or one minted
// for another app id, channel or user (ErrAppIDMismatch, ErrChannelMismatch,
// ErrUIDMismatch).
func (builder SimpleTokenBuilder) InitFromToken(originToken string) error {
	return builder.write(func(h *cBuilder) error { return cBuilderInit(h, originToken) })
}

// InitPrivileges replaces the privileges with the role's, each never
// expiring (expiry 0). An undocumented role is ErrRole.
func (builder SimpleTokenBuilder) InitPrivileges(role Role) error {
	return builder.write(func(h *cBuilder) error { return cBuilderInitPrivileges(h, int(role)) })
}

// SetPrivilege grants a privilege until expireTimestamp (Unix seconds; 0 =
// never expires), replacing its previous expiry. An undocumented privilege
// id is ErrPrivilege.
func (builder SimpleTokenBuilder) SetPrivilege(privilege Privileges, expireTimestamp uint32) error {
	return builder.write(func(h *cBuilder) error { return cBuilderSetPrivilege(h, int(privilege), expireTimestamp) })
}

// RemovePrivilege removes a privilege (nothing happens when it is absent).
// An undocumented privilege id is ErrPrivilege.
func (builder SimpleTokenBuilder) RemovePrivilege(privilege Privileges) error {
	return builder.write(func(h *cBuilder) error { return cBuilderRemovePrivilege(h, int(privilege)) })
}

// SetSalt fixes the salt of every token built from now on (reproducible tokens).
func (builder SimpleTokenBuilder) SetSalt(salt uint32) error {
	return builder.write(func(h *cBuilder) error { return cBuilderSetSalt(h, salt) })
}

// ClearSalt goes back to a fresh CSPRNG salt for each token.
func (builder SimpleTokenBuilder) ClearSalt() error {
	return builder.write(cBuilderClearSalt)
}

// SetTs fixes the expiry (Unix seconds) of every token built from now on.
func (builder SimpleTokenBuilder) SetTs(ts uint32) error {
	return builder.write(func(h *cBuilder) error { return cBuilderSetTs(h, ts) })
}

// ClearTs goes back to "24 hours after each build".
func (builder SimpleTokenBuilder) ClearTs() error {
	return builder.write(cBuilderClearTs)
}

// Salt is the fixed salt; fixed is false when each token draws its own.
func (builder SimpleTokenBuilder) Salt() (salt uint32, fixed bool, err error) {
	return builder.get(false)
}

// Ts is the fixed expiry; fixed is false for "24 hours after each build".
func (builder SimpleTokenBuilder) Ts() (ts uint32, fixed bool, err error) {
	return builder.get(true)
}

func (builder SimpleTokenBuilder) get(ts bool) (uint32, bool, error) {
	var v int64
	err := builder.read(func(h *cBuilder) (err error) {
		v, err = cBuilderGet(h, ts)
		return err
	})
	if err != nil || v < 0 {
		return 0, false, err
	}
	return uint32(v), true, nil
}

// BuildToken builds a token. It fails only for a builder made from invalid
// input (the construction error) or after Close.
func (builder SimpleTokenBuilder) BuildToken() (string, error) {
	s := builder.s
	if s == nil {
		return "", s.usable()
	}
	s.mu.RLock()
	if err := s.usable(); err != nil {
		s.mu.RUnlock()
		return "", err
	}
	token, err := cBuilderBuild(s.h)
	s.mu.RUnlock()
	runtime.KeepAlive(s)
	return token, err
}

// Close releases the native builder. It is safe to call more than once and
// from several goroutines; afterwards every method fails with an error that
// matches ErrClosed (InitTokenBuilder, which returns an int, returns the
// null_argument code). Close always returns nil.
func (builder SimpleTokenBuilder) Close() error {
	s := builder.s
	if s == nil {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.h != nil {
		runtime.SetFinalizer(s, nil)
		cBuilderFree(s.h)
		s.h = nil
	}
	if s.err == nil {
		s.closed = true
	}
	return nil
}
