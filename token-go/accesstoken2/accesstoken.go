// Package accesstoken2 is Agora's Go AccessToken2 ("007") with the
// reference's names (AccessToken, NewAccessToken, AddService, Build, Parse,
// VerifySignature, GetServices, the Service types and constants), on
// libagoratoken: services are data here, packed, signed, compressed and
// checked by token-core.
//
// Differences from the reference: IssueTs and Salt of 0 mean "drawn at
// Build" (the clock and a fresh CSPRNG salt; NewAccessToken leaves them 0,
// so each Build draws its own), Build refuses what the reference would pack
// anyway (an undocumented privilege, an over-long string: see the
// agoratoken error categories), and Parse is strict. Build, Parse and
// VerifySignature return the reference's error texts, each in a
// *ReferenceError that wraps this library's *agoratoken.Error.
package accesstoken2

import (
	"errors"
	"strconv"

	agoratoken "github.com/agoratoken/agoratoken/token-go"
	"github.com/agoratoken/agoratoken/token-go/internal/token2"
)

// The reference's constants (service types, privileges, RTM2 grants).
const (
	Version       = "007"
	VersionLength = 3

	ServiceTypeRtc       = 1
	ServiceTypeRtm       = 2
	ServiceTypeStreaming = 3
	ServiceTypeFpa       = 4
	ServiceTypeChat      = 5
	ServiceTypeFCdn      = 6
	ServiceTypeApaas     = 7
	ServiceTypeRtm2      = 8
	ServiceTypeConvoAI   = 9  // npm agora-token 2.0.6 only
	ServiceTypeStt       = 10 // npm agora-token 2.0.6 only

	PrivilegeJoinChannel        = 1
	PrivilegePublishAudioStream = 2
	PrivilegePublishVideoStream = 3
	PrivilegePublishDataStream  = 4

	PrivilegeLogin = 1

	PrivilegeStreamingPublishMixStream = 1
	PrivilegeStreamingPublishRawStream = 2

	PrivilegeFCdnPublish = 1
	PrivilegeFCdnPlay    = 2

	PrivilegeChatUser = 1
	PrivilegeChatApp  = 2

	PrivilegeApaasRoomUser = 1
	PrivilegeApaasUser     = 2
	PrivilegeApaasApp      = 3

	Rtm2ResourceMessageChannels = 0
	Rtm2ResourceStreamChannels  = 1
	Rtm2ResourceGroupChannels   = 2
	Rtm2ResourceServerGroups    = 3
	Rtm2ResourceUsers           = 4

	Rtm2PermissionRead  = 0
	Rtm2PermissionWrite = 1
)

// IService is any of the service types of this package.
type IService interface {
	base() *Service
	data() token2.Service
}

// Service is the part every service has: its type and privileges (id:
// seconds after issue_ts, 0 = no limit of its own).
type Service struct {
	Privileges map[uint16]uint32
	Type       uint16
}

// NewService creates a bare service of a type with no privilege: for a type
// outside 1..10 (one Agora may add later), built as type and privileges; a
// documented type has its own constructor (NewServiceRtc, ...).
func NewService(serviceType uint16) *Service {
	return &Service{Privileges: make(map[uint16]uint32), Type: serviceType}
}

// AddPrivilege grants a privilege for expire seconds after issue_ts.
func (service *Service) AddPrivilege(privilege uint16, expire uint32) {
	service.Privileges[privilege] = expire
}

func (service *Service) base() *Service { return service }

// data is the service as the library takes it (privileges in any order:
// the library packs them sorted).
func (service *Service) data() token2.Service {
	s := token2.Service{Type: int64(service.Type)}
	for id, expire := range service.Privileges {
		s.Privileges = append(s.Privileges, [2]int64{int64(id), int64(expire)})
	}
	return s
}

// channelData is a channel service's data; its user is the reference's user string, where
// "" is uid 0 (any user); a uid given as a number to a *WithUid constructor
// goes as that number.
func channelData(s token2.Service, channelName, user string, uid *uint32) token2.Service {
	s.ChannelName = &channelName
	switch {
	case uid != nil:
		n := int64(*uid)
		s.UID = &n
	case user == "":
		zero := int64(0)
		s.UID = &zero
	default:
		s.UserAccount = &user
	}
	return s
}

// ServiceRtc is RTC (1): a channel and a user string ("" for uid 0, the
// decimal uid, or an account).
type ServiceRtc struct {
	*Service
	ChannelName string
	Uid         string
}

// NewServiceRtc creates an RTC service for a channel and user string.
func NewServiceRtc(channelName string, uid string) *ServiceRtc {
	return &ServiceRtc{Service: NewService(ServiceTypeRtc), ChannelName: channelName, Uid: uid}
}

func (s *ServiceRtc) data() token2.Service {
	return channelData(s.Service.data(), s.ChannelName, s.Uid, nil)
}

// ServiceRtm is RTM (2): a user id.
type ServiceRtm struct {
	*Service
	UserId string
}

// NewServiceRtm creates an RTM service.
func NewServiceRtm(userId string) *ServiceRtm {
	return &ServiceRtm{Service: NewService(ServiceTypeRtm), UserId: userId}
}

func (s *ServiceRtm) data() token2.Service {
	d := s.Service.data()
	d.UserID = &s.UserId
	return d
}

// channelAccount is the fields Streaming and FCDN share: a channel and an
// account ("" for uid 0), or a numeric uid given to a *WithUid constructor.
type channelAccount struct {
	ChannelName string
	Account     string
	uid         *uint32
}

func (c *channelAccount) data(s token2.Service) token2.Service {
	return channelData(s, c.ChannelName, c.Account, c.uid)
}

// ServiceStreaming is Streaming (3): a channel and an account.
type ServiceStreaming struct {
	*Service
	channelAccount
}

// NewServiceStreaming creates a Streaming service for a user account ("": uid 0).
func NewServiceStreaming(channelName string, account string) *ServiceStreaming {
	return &ServiceStreaming{NewService(ServiceTypeStreaming), channelAccount{ChannelName: channelName, Account: account}}
}

// NewServiceStreamingWithUid creates a Streaming service for a numeric uid.
func NewServiceStreamingWithUid(channelName string, uid uint32) *ServiceStreaming {
	return &ServiceStreaming{NewService(ServiceTypeStreaming), channelAccount{ChannelName: channelName, uid: &uid}}
}

func (s *ServiceStreaming) data() token2.Service { return s.channelAccount.data(s.Service.data()) }

// ServiceFpa is FPA (4): no field.
type ServiceFpa struct{ *Service }

// NewServiceFpa creates an FPA service.
func NewServiceFpa() *ServiceFpa { return &ServiceFpa{Service: NewService(ServiceTypeFpa)} }

// ServiceChat is Chat (5): a user id ("" for an app token).
type ServiceChat struct {
	*Service
	UserId string
}

// NewServiceChat creates a Chat service.
func NewServiceChat(userId string) *ServiceChat {
	return &ServiceChat{Service: NewService(ServiceTypeChat), UserId: userId}
}

func (s *ServiceChat) data() token2.Service {
	d := s.Service.data()
	d.UserID = &s.UserId
	return d
}

// ServiceFCdn is FCDN (6): a channel and an account.
type ServiceFCdn struct {
	*Service
	channelAccount
}

// NewServiceFCdn creates an FCDN service for a user account ("": uid 0).
func NewServiceFCdn(channelName string, account string) *ServiceFCdn {
	return &ServiceFCdn{NewService(ServiceTypeFCdn), channelAccount{ChannelName: channelName, Account: account}}
}

// NewServiceFCdnWithUid creates an FCDN service for a numeric uid.
func NewServiceFCdnWithUid(channelName string, uid uint32) *ServiceFCdn {
	return &ServiceFCdn{NewService(ServiceTypeFCdn), channelAccount{ChannelName: channelName, uid: &uid}}
}

func (s *ServiceFCdn) data() token2.Service { return s.channelAccount.data(s.Service.data()) }

// ServiceApaas is APaaS (7): a room uuid, a user uuid and a role.
type ServiceApaas struct {
	*Service
	RoomUuid string
	UserUuid string
	Role     int16
}

// NewServiceApaas creates an APaaS service.
func NewServiceApaas(roomUuid string, userUuid string, role int16) *ServiceApaas {
	return &ServiceApaas{Service: NewService(ServiceTypeApaas), RoomUuid: roomUuid, UserUuid: userUuid, Role: role}
}

func (s *ServiceApaas) data() token2.Service {
	d := s.Service.data()
	role := int64(s.Role)
	d.RoomUUID, d.UserUUID, d.Role = &s.RoomUuid, &s.UserUuid, &role
	return d
}

// Rtm2Permissions are RTM2 grants: resource type -> permission type -> resources.
type Rtm2Permissions struct {
	Details map[uint16]map[uint16][]string
}

// NewRtm2Permissions creates an empty set of grants.
func NewRtm2Permissions() *Rtm2Permissions {
	return &Rtm2Permissions{Details: make(map[uint16]map[uint16][]string)}
}

// Add sets the resources of a resource type and permission type.
func (permissions *Rtm2Permissions) Add(resourceType uint16, permissionType uint16, resources []string) {
	if permissions.Details[resourceType] == nil {
		permissions.Details[resourceType] = make(map[uint16][]string)
	}
	permissions.Details[resourceType][permissionType] = append([]string(nil), resources...)
}

// Grants are the permissions as the library takes them (nil for none; any
// order: the library packs them sorted).
func (permissions *Rtm2Permissions) Grants() []token2.Grant {
	if permissions == nil {
		return []token2.Grant{}
	}
	grants := []token2.Grant{}
	for resourceType, byPermission := range permissions.Details {
		for permissionType, resources := range byPermission {
			grants = append(grants, token2.Grant{ResourceType: int64(resourceType), PermissionType: int64(permissionType),
				Resources: resources})
		}
	}
	return grants
}

// ServiceRtm2 is RTM2 (8): a user id and grants.
type ServiceRtm2 struct {
	*Service
	UserId      string
	Permissions *Rtm2Permissions
}

// NewServiceRtm2 creates an RTM2 service (nil permissions: none).
func NewServiceRtm2(userId string, permissions *Rtm2Permissions) *ServiceRtm2 {
	if permissions == nil {
		permissions = NewRtm2Permissions()
	}
	return &ServiceRtm2{Service: NewService(ServiceTypeRtm2), UserId: userId, Permissions: permissions}
}

func (s *ServiceRtm2) data() token2.Service {
	d := s.Service.data()
	d.UserID = &s.UserId
	d.Grants = s.Permissions.Grants()
	return d
}

// ServiceConvoAI is ConvoAI (9, npm agora-token 2.0.6): no field, no privilege.
type ServiceConvoAI struct{ *Service }

// NewServiceConvoAI creates a ConvoAI service.
func NewServiceConvoAI() *ServiceConvoAI {
	return &ServiceConvoAI{Service: NewService(ServiceTypeConvoAI)}
}

// ServiceStt is STT (10, npm agora-token 2.0.6): no field, no privilege.
type ServiceStt struct{ *Service }

// NewServiceStt creates an STT service.
func NewServiceStt() *ServiceStt { return &ServiceStt{Service: NewService(ServiceTypeStt)} }

// GetUidStr is the user string a channel service packs for a numeric uid:
// "" for 0 (any user, the wildcard), else its decimal form, as the
// reference's GetUidStr and token-core's packing (the package tests check
// that both agree).
func GetUidStr(uid uint32) string {
	if uid == 0 {
		return ""
	}
	return strconv.FormatUint(uint64(uid), 10)
}

// AccessToken is an AccessToken2: app id and certificate, IssueTs (Unix
// seconds; 0: now at Build), Expire (seconds after IssueTs), Salt (0: a
// fresh CSPRNG salt at Build) and services.
type AccessToken struct {
	AppCert string
	AppId   string
	Expire  uint32
	IssueTs uint32
	Salt    uint32

	Services []IService
	token    string // the text Parse read, for VerifySignature
}

// NewAccessToken creates a token to build; issue_ts and salt are drawn at Build.
func NewAccessToken(appId string, appCert string, expire uint32) *AccessToken {
	return &AccessToken{AppCert: appCert, AppId: appId, Expire: expire}
}

// CreateAccessToken creates an empty token, for Parse.
func CreateAccessToken() *AccessToken {
	return NewAccessToken("", "", 900)
}

// AddService appends a service (several of one type keep their order).
func (accessToken *AccessToken) AddService(service IService) {
	accessToken.Services = append(accessToken.Services, service)
}

// GetServices are the services of a type, in order.
func (accessToken *AccessToken) GetServices(serviceType uint16) []IService {
	services := make([]IService, 0)
	for _, service := range accessToken.Services {
		if service.base().Type == serviceType {
			services = append(services, service)
		}
	}
	return services
}

func nonZero(v uint32) *int64 {
	if v == 0 {
		return nil
	}
	n := int64(v)
	return &n
}

// Build checks the token and writes it ("007..."). Bad credentials and no
// service are a *ReferenceError with the reference's text ("check appId or
// appCertificate", "no service added") wrapping the *agoratoken.Error that
// names the field; any other bad field is that *agoratoken.Error. A bare
// NewService(type) of a type outside 1..10 is packed as its type and
// privileges, as the reference packs it (services sorted by type, stable);
// of a documented type it is an ErrService (its fields are missing: use its
// constructor).
func (accessToken *AccessToken) Build() (string, error) {
	t := token2.Token{AppID: accessToken.AppId, AppCertificate: accessToken.AppCert, Expire: int64(accessToken.Expire),
		IssueTs: nonZero(accessToken.IssueTs), Salt: nonZero(accessToken.Salt)}
	for _, s := range accessToken.Services {
		if o, ok := s.(*Service); ok {
			// A bare NewService(type): packed as type and privileges, as the reference's base
			// Service; the library takes it for a type outside 1..10 (a documented type needs its
			// fields: use its constructor).
			d := o.data()
			t.Others = append(t.Others, token2.OtherService{Type: d.Type, Privileges: d.Privileges})
			continue
		}
		t.Services = append(t.Services, s.data())
	}
	token, err := token2.BuildData(&t)
	return token, inReferenceWords(err, buildWords)
}

func str(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

func serviceOf(s *token2.Service) IService {
	base := NewService(uint16(s.Type))
	for _, p := range s.Privileges {
		base.Privileges[uint16(p[0])] = uint32(p[1])
	}
	switch s.Type {
	case ServiceTypeRtc:
		return &ServiceRtc{Service: base, ChannelName: str(s.ChannelName), Uid: str(s.UserAccount)}
	case ServiceTypeRtm:
		return &ServiceRtm{Service: base, UserId: str(s.UserID)}
	case ServiceTypeStreaming:
		return &ServiceStreaming{base, channelAccount{ChannelName: str(s.ChannelName), Account: str(s.UserAccount)}}
	case ServiceTypeChat:
		return &ServiceChat{Service: base, UserId: str(s.UserID)}
	case ServiceTypeFCdn:
		return &ServiceFCdn{base, channelAccount{ChannelName: str(s.ChannelName), Account: str(s.UserAccount)}}
	case ServiceTypeApaas:
		role := int16(0)
		if s.Role != nil {
			role = int16(*s.Role)
		}
		return &ServiceApaas{Service: base, RoomUuid: str(s.RoomUUID), UserUuid: str(s.UserUUID), Role: role}
	case ServiceTypeRtm2:
		p := NewRtm2Permissions()
		for _, g := range s.Grants {
			p.Add(uint16(g.ResourceType), uint16(g.PermissionType), g.Resources)
		}
		return &ServiceRtm2{Service: base, UserId: str(s.UserID), Permissions: p}
	case ServiceTypeConvoAI:
		return &ServiceConvoAI{Service: base}
	case ServiceTypeStt:
		return &ServiceStt{Service: base}
	}
	return &ServiceFpa{Service: base}
}

// Parse reads a 007 token (any valid zlib stream) into the fields and
// services, in token order. As the reference's, reading stops at a service
// type outside 1..10 (one this library has no layout for) and succeeds with
// the services before it; VerifySignature still checks the whole token. On
// failure (false and an error wrapping its category: ErrVersion, ErrBase64,
// ErrZlib, ErrTruncated, ...) AppId, IssueTs, Expire, Salt and Services are
// cleared and VerifySignature needs a new Parse, as in the reference (a
// failed Parse never leaves an earlier token's services). A wrong version is
// a *ReferenceError with the reference's text ("invalid token length" for a
// token shorter than "007", else "invalid token version"); any other failure
// is the *agoratoken.Error.
func (accessToken *AccessToken) Parse(token string) (bool, error) {
	ok, err := accessToken.read(token, token2.ParseLenient)
	return ok, inReferenceWords(err, parseWords(token))
}

// ParseStrict is Parse that also refuses a service type outside 1..10
// (ErrService) instead of stopping there: the format's rule, as
// Verify applies it and the conformance vectors require. Its errors are the
// *agoratoken.Error, with this library's messages.
func (accessToken *AccessToken) ParseStrict(token string) (bool, error) {
	return accessToken.read(token, token2.Parse)
}

func (accessToken *AccessToken) read(token string, parse func(string) (*token2.Parsed, error)) (bool, error) {
	p, err := parse(token)
	if err != nil {
		accessToken.AppId, accessToken.IssueTs, accessToken.Expire, accessToken.Salt = "", 0, 0, 0
		accessToken.Services, accessToken.token = nil, ""
		return false, err
	}
	accessToken.AppId, accessToken.IssueTs, accessToken.Expire, accessToken.Salt = p.AppID, p.IssueTs, p.Expire, p.Salt
	accessToken.Services = make([]IService, len(p.Services))
	for i := range p.Services {
		accessToken.Services[i] = serviceOf(&p.Services[i])
	}
	accessToken.token = token
	return true, nil
}

// VerifySignature reports whether the token read by Parse is signed with
// appCertificate (the signature only, as the reference's). A bad certificate
// is a *ReferenceError ("check appId or appCertificate") wrapping the
// *agoratoken.Error (ErrAppCertificate). With any error the result is false.
func (accessToken *AccessToken) VerifySignature(appCertificate string) (bool, error) {
	if accessToken.token == "" {
		return false, errors.New("parse token before verifying signature")
	}
	// At the token's own issue_ts nothing has expired: the signature is the check.
	r, err := token2.VerifyLenient(accessToken.token, appCertificate, int64(accessToken.IssueTs), token2.Expected{})
	return err == nil && r == agoratoken.VerifyOK, inReferenceWords(err, verifyWords)
}

// Verify checks a 007 token at now (Unix seconds): agoratoken.VerifyOK, or
// the first failing check (VerifySignatureMismatch, VerifyExpired). err is
// for a malformed token or certificate only, and comes with
// agoratoken.VerifyNotChecked (never VerifyOK: r.OK() is false).
func Verify(token string, appCertificate string, now uint32) (agoratoken.VerifyResult, error) {
	return token2.Verify(token, appCertificate, int64(now), token2.Expected{})
}

// VerifyWithUid is Verify with the RTC check for a channel and numeric uid:
// then also VerifyServiceMissing, VerifyChannelMismatch, VerifyUIDMismatch
// (an RTC service for uid 0 admits any user), VerifyPrivilegeExpired. With
// an error (a malformed token or certificate) the result is
// agoratoken.VerifyNotChecked, never VerifyOK.
func VerifyWithUid(token string, appCertificate string, channelName string, uid uint32, now uint32) (agoratoken.VerifyResult, error) {
	n := int64(uid)
	return token2.Verify(token, appCertificate, int64(now), token2.Expected{Channel: &channelName, UID: &n})
}

// VerifyWithUserAccount is VerifyWithUid for a user account. With an error
// the result is agoratoken.VerifyNotChecked, never VerifyOK.
func VerifyWithUserAccount(token string, appCertificate string, channelName string, account string, now uint32) (agoratoken.VerifyResult, error) {
	return token2.Verify(token, appCertificate, int64(now), token2.Expected{Channel: &channelName, Account: &account})
}
