// Command token-server is a minimal RTC token endpoint on net/http:
//
//	GET /token?channel=room-1&uid=42     ->  {"token": "006...", "channel": "room-1", "uid": 42, "expire": 1700000000}
//	GET /token?channel=room-1&uid=alice  ->  {"token": "006...", "channel": "room-1", "account": "alice", "expire": ...}
//
// The library reads the uid text (agoratoken.UIDFromDecimal): canonical
// decimal ("0", or digits without a leading zero, up to 4294967295) is a
// numeric uid; anything else, "007" and "4294967296" included, is a user
// account, as Agora's builders would sign that string (a token for account
// "007" is not one for uid 7), and as the Python and PHP examples do. No uid
// (or an empty one) is uid 0, the token any user may use.
// Errors are 400 {"error": <category>, "message": ...}.
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
	"time"

	agoratoken "github.com/agoratoken/agoratoken/token-go"
)

type server struct {
	appID, appCertificate string
	ttl                   time.Duration
}

type tokenResponse struct {
	Token   string  `json:"token"`
	Channel string  `json:"channel"`
	UID     *uint32 `json:"uid,omitempty"`     // a numeric uid, or
	Account string  `json:"account,omitempty"` // a user account
	Expire  uint32  `json:"expire"`
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
	query := r.URL.Query()
	channel := query.Get("channel")
	user := query.Get("uid")
	if user == "" { // absent or empty, as in the Python example
		user = "0"
	}
	expire := uint32(time.Now().Add(s.ttl).Unix())
	resp := tokenResponse{Channel: channel, Expire: expire}
	var token string
	var err error
	if uid, uidErr := agoratoken.UIDFromDecimal(user); uidErr == nil {
		token, err = agoratoken.BuildTokenWithUID(s.appID, s.appCertificate, channel, uid, agoratoken.RolePublisher, expire)
		resp.UID = &uid
	} else {
		token, err = agoratoken.BuildTokenWithUserAccount(s.appID, s.appCertificate, channel, user, agoratoken.RolePublisher, expire)
		resp.Account = user
	}
	var e *agoratoken.Error
	switch {
	case errors.As(err, &e):
		writeJSON(w, http.StatusBadRequest, errorResponse{e.Category, e.Message})
		return
	case err != nil:
		writeJSON(w, http.StatusInternalServerError, errorResponse{"internal", "internal error"})
		return
	}
	resp.Token = token
	writeJSON(w, http.StatusOK, resp)
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
