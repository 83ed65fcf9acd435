package agoratoken

import (
	"errors"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

// One builder, many goroutines: builds run alongside setters, and every token
// is one of the states the setters leave.
func TestConcurrentBuildAndSet(t *testing.T) {
	b := newFixed(t, uid)
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 300; i++ {
				if g%2 == 0 {
					token, err := b.BuildToken()
					if err != nil {
						errs <- err
						return
					}
					if info, err := Parse(token); err != nil || info.Salt > 1 {
						errs <- errors.New("unexpected token " + token)
						return
					}
				} else if err := b.SetSalt(uint32(i % 2)); err != nil {
					errs <- err
					return
				}
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// Close while other goroutines build: each call either succeeds or reports
// ErrClosed; nothing crashes (run with -race).
func TestConcurrentClose(t *testing.T) {
	for round := 0; round < 20; round++ {
		b := newFixed(t, uid)
		var wg sync.WaitGroup
		for g := 0; g < 4; g++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := 0; i < 50; i++ {
					token, err := b.BuildToken()
					if err == nil && token != tokenUID {
						t.Errorf("token %s", token)
						return
					}
					if err != nil && !errors.Is(err, ErrClosed) {
						t.Errorf("error %v", err)
						return
					}
				}
			}()
		}
		wg.Add(1)
		go func() { defer wg.Done(); b.Close() }()
		wg.Wait()
		if _, err := b.BuildToken(); !errors.Is(err, ErrClosed) {
			t.Fatalf("after Close: %v", err)
		}
	}
}

// The last error is per OS thread: goroutines failing differently at once
// must each read their own message.
func TestConcurrentErrorsKeepTheirMessages(t *testing.T) {
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 300; i++ {
				var err error
				var want *Category
				switch g % 4 {
				case 0:
					err, want = newBuilderErr(appID, appCert, ""), ErrChannelName
				case 1:
					_, err = Parse("007" + tokenUID[3:])
					want = ErrVersion
				case 2:
					_, err = BuildTokenWithUID(appID, appCert, channel, uid, Role(9), 0)
					want = ErrRole
				case 3:
					_, err = BuildTokenWithUserAccount(appID, "bad", channel, "u", RolePublisher, 0)
					want = ErrAppCertificate
				}
				var e *Error
				if !errors.As(err, &e) || e.Code != want.Code() || !strings.HasPrefix(e.Message, want.Name()) {
					t.Errorf("goroutine %d: %v, want %s", g, err, want.Name())
					return
				}
				if i%50 == 0 {
					runtime.Gosched()
				}
			}
		}(g)
	}
	wg.Wait()
}

func newBuilderErr(app, cert, ch string) error {
	b, err := NewSimpleTokenBuilder(app, cert, ch, 1)
	b.Close()
	return err
}

// A builder that is dropped without Close is freed by its finalizer.
func TestFinalizerFreesDroppedBuilders(t *testing.T) {
	before := finalized.Load()
	for i := 0; i < 10; i++ {
		b := CreateSimpleTokenBuilder(appID, appCert, channel, uint32(i))
		if _, err := b.BuildToken(); err != nil {
			t.Fatal(err)
		}
	}
	deadline := time.Now().Add(5 * time.Second)
	for finalized.Load()-before < 10 && time.Now().Before(deadline) {
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
	if n := finalized.Load() - before; n < 10 {
		t.Fatalf("%d of 10 dropped builders finalized", n)
	}
	// Closed builders have no finalizer left to run.
	before = finalized.Load()
	for i := 0; i < 10; i++ {
		CreateSimpleTokenBuilder(appID, appCert, channel, uint32(i)).Close()
	}
	for i := 0; i < 5; i++ {
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
	if n := finalized.Load() - before; n != 0 {
		t.Fatalf("%d closed builders were finalized again", n)
	}
}
