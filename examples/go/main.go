// Command token-server is a minimal RTC token endpoint on net/http:
//
//	GET /token?channel=room-1&uid=42  ->  {"token": "006...", "channel": "room-1", "uid": 42, "expire": 1700000000}
//
// The app id and certificate come from AGORA_APP_ID and AGORA_APP_CERTIFICATE;
// the certificate is never logged or returned. Tokens are publisher tokens
// valid for -ttl (default 1 h).
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"strconv"
	"time"

	agoratoken "github.com/agoratoken/agoratoken/token-go"
)

type server struct {
	appID, appCertificate string
	ttl                   time.Duration
}

type tokenResponse struct {
	Token   string `json:"token"`
	Channel string `json:"channel"`
	UID     uint32 `json:"uid"`
	Expire  uint32 `json:"expire"`
}

type errorResponse struct {
	Error   string `json:"error"`   // the category, for example "channel_name"
	Message string `json:"message"` // never contains the certificate
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func (s *server) token(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet {
		writeJSON(w, http.StatusMethodNotAllowed, errorResponse{"method", "use GET"})
		return
	}
	channel := r.URL.Query().Get("channel")
	uid, err := strconv.ParseUint(r.URL.Query().Get("uid"), 10, 32)
	if err != nil {
		writeJSON(w, http.StatusBadRequest, errorResponse{"uid", "uid: an integer 0..4294967295 is required"})
		return
	}
	expire := uint32(time.Now().Add(s.ttl).Unix())
	token, err := agoratoken.BuildTokenWithUID(s.appID, s.appCertificate, channel, uint32(uid), agoratoken.RolePublisher, expire)
	var e *agoratoken.Error
	switch {
	case errors.As(err, &e):
		writeJSON(w, http.StatusBadRequest, errorResponse{e.Category, e.Message})
		return
	case err != nil:
		writeJSON(w, http.StatusInternalServerError, errorResponse{"internal", "internal error"})
		return
	}
	writeJSON(w, http.StatusOK, tokenResponse{Token: token, Channel: channel, UID: uint32(uid), Expire: expire})
}

func (s *server) handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/token", s.token)
	return mux
}

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "listen address (port 0: any free port)")
	ttl := flag.Duration("ttl", time.Hour, "how long a token's privileges last")
	flag.Parse()
	s := &server{appID: os.Getenv("AGORA_APP_ID"), appCertificate: os.Getenv("AGORA_APP_CERTIFICATE"), ttl: *ttl}
	// Check the credentials once at start: a builder validates them.
	check, err := agoratoken.NewSimpleTokenBuilder(s.appID, s.appCertificate, "check", 0)
	check.Close()
	if err != nil {
		log.Fatalf("AGORA_APP_ID / AGORA_APP_CERTIFICATE: %v", err)
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("listening on http://%s\n", ln.Addr())
	srv := &http.Server{Handler: s.handler(), ReadHeaderTimeout: 5 * time.Second}
	log.Fatal(srv.Serve(ln))
}
