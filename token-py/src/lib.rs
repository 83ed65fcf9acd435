//! `agoratoken._agoratoken`: the native half of the `agoratoken` Python package.
//!
//! A thin pyo3 layer over `token_core`: every argument is taken as a Python
//! object and checked here (type, `None`, 32-bit range), then handed to the
//! core, which owns every rule about tokens. Failures of the core become
//! `agoratoken.AgoraTokenError` (defined in `agoratoken/_errors.py`) with the
//! core's category name (`.code`) and negative status (`.status`).
//!
//! No message built here quotes an argument's value except integers, so the
//! app certificate never reaches an error message or a `repr`.

use pyo3::exceptions::{PyOverflowError, PyTypeError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyBytes, PyDict, PyFloat, PyInt, PyString, PyType};
use token_core::validate::{check_u32, check_u32_f64, uid_from_decimal};
use token_core::{
    ErrorKind, Expected, ParsedToken, Privilege, Role, RtcTokenBuilder, RtmRole, RtmTokenBuilder, SimpleTokenBuilder,
    TokenError, UserId,
};

mod v007;

static ERROR_CLASS: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// `AgoraTokenError(message, code, status)` for a core error.
fn token_error(py: Python<'_>, e: &TokenError) -> PyErr {
    let class = match ERROR_CLASS.import(py, "agoratoken._errors", "AgoraTokenError") {
        Ok(class) => class,
        Err(err) => return err,
    };
    match class.call1((e.message(), e.kind().as_str(), e.code())) {
        Ok(instance) => PyErr::from_value(instance),
        Err(err) => err,
    }
}

/// Runs a body that calls token-core: a panic (a bug) becomes
/// `AgoraTokenError` with code `internal`, which `except Exception` catches,
/// instead of pyo3's `PanicException` (a `BaseException`). The payload is
/// not quoted and is dropped without letting a second panic out.
fn contained<T>(py: Python<'_>, body: impl FnOnce() -> PyResult<T>) -> PyResult<T> {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(body)) {
        Ok(result) => result,
        Err(payload) => {
            if let Err(again) = std::panic::catch_unwind(std::panic::AssertUnwindSafe(move || drop(payload))) {
                std::mem::forget(again);
            }
            let e = TokenError::new(
                ErrorKind::Internal,
                "internal: a panic was caught in agoratoken (a bug; please report it)",
            );
            Err(token_error(py, &e))
        }
    }
}

fn null_argument(field: &str) -> TokenError {
    TokenError::new(ErrorKind::NullArgument, format!("null_argument: {field} must not be None"))
}

/// The type's name only: never the value, which could be the certificate.
fn type_error(obj: &Bound<'_, PyAny>, field: &str, expected: &str) -> PyErr {
    let name = obj.get_type().name().map(|n| n.to_string()).unwrap_or_else(|_| "?".to_owned());
    PyTypeError::new_err(format!("{field}: expected {expected}, got {name}"))
}

/// The UTF-8 text of a `str` argument.
enum Text<'py> {
    /// CPython's UTF-8 encoding, borrowed from the bytes object that holds it.
    Utf8(Bound<'py, PyBytes>),
    /// Text that is not valid Unicode (lone surrogates), with U+FFFD in their place.
    Lossy(String),
}

/// A lossy copy may be the certificate's text: zeroed when dropped.
impl Drop for Text<'_> {
    fn drop(&mut self) {
        if let Text::Lossy(copy) = self {
            zeroize::Zeroize::zeroize(copy);
        }
    }
}

impl std::ops::Deref for Text<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        match self {
            // CPython's encoder writes valid UTF-8; U+FFFD (refused by every field) if not.
            Text::Utf8(bytes) => std::str::from_utf8(bytes.as_bytes()).unwrap_or("\u{FFFD}"),
            Text::Lossy(s) => s,
        }
    }
}

/// A `str` argument. Text that is not valid Unicode (lone surrogates) gets
/// U+FFFD, which no field accepts, so it fails the check of its own field.
fn text<'py>(obj: &Bound<'py, PyAny>, field: &str) -> PyResult<Text<'py>> {
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(match s.encode_utf8() {
            Ok(bytes) => Text::Utf8(bytes),
            Err(_) => Text::Lossy(s.to_string_lossy().into_owned()),
        });
    }
    if obj.is_none() {
        return Err(token_error(obj.py(), &null_argument(field)));
    }
    Err(type_error(obj, field, "str"))
}

/// An `int` argument (bool refused): `Some` when it fits an i64, `None` when it does not.
fn int_or_huge(obj: &Bound<'_, PyAny>, field: &str) -> PyResult<Option<i64>> {
    if obj.is_instance_of::<PyBool>() || !obj.is_instance_of::<PyInt>() {
        if obj.is_none() {
            return Err(token_error(obj.py(), &null_argument(field)));
        }
        return Err(type_error(obj, field, "int"));
    }
    match obj.extract::<i64>() {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.is_instance_of::<PyOverflowError>(obj.py()) => Ok(None),
        Err(e) => Err(e),
    }
}

/// An `int` argument as an i64, or an error of `kind` when it does not fit one.
fn int(obj: &Bound<'_, PyAny>, field: &str, kind: ErrorKind) -> PyResult<i64> {
    int_or_huge(obj, field)?.ok_or_else(|| {
        let msg = format!("{}: {} is out of range", kind.as_str(), int_text(obj));
        token_error(obj.py(), &TokenError::new(kind, msg))
    })
}

/// The decimal text of an `int` by `int.__repr__` (a subclass's own `__str__` is not asked).
/// Past Python's digit limit (4300 by default) that raises: then a description, and the
/// failure is dropped here rather than reported to stderr as an unraisable exception.
fn int_text(obj: &Bound<'_, PyAny>) -> String {
    obj.py()
        .get_type::<PyInt>()
        .getattr("__repr__")
        .and_then(|repr| repr.call1((obj,)))
        .and_then(|text| text.extract::<String>())
        .unwrap_or_else(|_| "an integer too long to print".to_owned())
}

/// An unsigned 32-bit field: uid, salt, ts, now or an expiry. A uid and
/// `now` get the core's hints (a signed view, milliseconds).
fn u32_arg(obj: &Bound<'_, PyAny>, field: &str, kind: ErrorKind) -> PyResult<u32> {
    check_u32(kind, int(obj, field, kind)?.into()).map_err(|e| token_error(obj.py(), &e))
}

/// A 006 time, salt or expiry: an `int`, or a `float` truncated toward zero as
/// Agora's python3 006 code packs it (`struct.pack('<I', int(x))`); the core
/// checks the range (and refuses NaN and infinities).
fn seconds_arg(obj: &Bound<'_, PyAny>, field: &str, kind: ErrorKind) -> PyResult<u32> {
    if let Ok(f) = obj.cast::<PyFloat>() {
        return check_u32_f64(kind, f.value()).map_err(|e| token_error(obj.py(), &e));
    }
    u32_arg(obj, field, kind)
}

/// The role of a 006 RTC builder: `None` is the core's join-only role, as
/// Agora's python3 `RtcTokenBuilder` builds a join-only token for it.
fn builder_role_arg(obj: &Bound<'_, PyAny>) -> PyResult<Role> {
    let value = if obj.is_none() { None } else { Some(int(obj, "role", ErrorKind::Role)?) };
    Role::from_optional(value).map_err(|e| token_error(obj.py(), &e))
}

fn role_arg(obj: &Bound<'_, PyAny>) -> PyResult<Role> {
    let v = int(obj, "role", ErrorKind::Role)?;
    Role::try_from_value(v).map_err(|e| token_error(obj.py(), &e))
}

/// The RTM role: any `int` (the core takes every value, as Agora's builders ignore it).
fn rtm_role_arg(obj: &Bound<'_, PyAny>) -> PyResult<RtmRole> {
    let v = int_or_huge(obj, "role")?.unwrap_or(i64::MAX);
    RtmRole::try_from_value(v).map_err(|e| token_error(obj.py(), &e))
}

/// The uid of a `…WithUid` builder: an `int`, or a `str` in canonical decimal
/// form (what a web framework hands over: `request.args["uid"]`), which Agora's
/// code signs as the same user. Other text is a `uid` error from the core
/// (`"007"` would sign another user; it says to use the account builder).
fn numeric_uid_arg(obj: &Bound<'_, PyAny>) -> PyResult<u32> {
    if obj.is_instance_of::<PyString>() {
        let t = text(obj, "uid")?;
        return uid_from_decimal(&t).map_err(|e| token_error(obj.py(), &e));
    }
    u32_arg(obj, "uid", ErrorKind::Uid)
}

fn privilege_arg(obj: &Bound<'_, PyAny>) -> PyResult<Privilege> {
    let v = int(obj, "privilege", ErrorKind::Privilege)?;
    Privilege::try_from_id(v).map_err(|e| token_error(obj.py(), &e))
}

/// The user as Python gives it: an `int` uid or a `str` account.
enum User<'py> {
    Uid(u32),
    Account(Text<'py>),
}

impl User<'_> {
    fn user_id(&self) -> UserId<'_> {
        match self {
            User::Uid(n) => UserId::Uid(*n),
            User::Account(a) => UserId::Account(a),
        }
    }
}

fn user_arg<'py>(obj: &Bound<'py, PyAny>, field: &str) -> PyResult<User<'py>> {
    if obj.is_instance_of::<PyString>() {
        return Ok(User::Account(text(obj, field)?));
    }
    if obj.is_instance_of::<PyInt>() && !obj.is_instance_of::<PyBool>() {
        return Ok(User::Uid(u32_arg(obj, field, ErrorKind::Uid)?));
    }
    if obj.is_none() {
        return Err(token_error(obj.py(), &null_argument(field)));
    }
    Err(type_error(obj, field, "int or str"))
}

fn privileges_dict<'py>(py: Python<'py>, privileges: &[(u16, u32)]) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    for &(id, expire) in privileges {
        dict.set_item(id, expire)?;
    }
    Ok(dict)
}

/// Builds AccessToken (006) tokens for one app, channel and user: Agora's
/// documented 006 builder. For the current format (007) see `agoratoken.v2`.
///
/// `uid` is an `int` uid (0..2**32-1; 0 lets any uid join) or a `str` user
/// account. Privilege expiries (`setPrivilege`) are **Unix timestamps** in
/// seconds (0 = never), not lifetimes. Raises `AgoraTokenError` (a
/// `ValueError`; `.code` "app_id", "app_certificate", "channel_name",
/// "user_account", "uid") for bad input and `TypeError` for a wrong type.
///
/// Example:
///
///     b = SimpleTokenBuilder(app_id, app_certificate, "room-1", 42)
///     b.initPrivileges(Role.Publisher)
///     b.setPrivilege(kJoinChannel, int(time.time()) + 3600)
///     token = b.buildToken()
#[pyclass(module = "agoratoken", name = "SimpleTokenBuilder")]
struct PySimpleTokenBuilder {
    inner: SimpleTokenBuilder,
}

#[pymethods]
#[allow(non_snake_case)]
impl PySimpleTokenBuilder {
    #[new]
    fn new(
        appID: &Bound<'_, PyAny>,
        appCertificate: &Bound<'_, PyAny>,
        channelName: &Bound<'_, PyAny>,
        uid: &Bound<'_, PyAny>,
    ) -> PyResult<Self> {
        contained(appID.py(), || {
            let app_id = text(appID, "appID")?;
            let app_certificate = text(appCertificate, "appCertificate")?;
            let channel_name = text(channelName, "channelName")?;
            let user = user_arg(uid, "uid")?;
            SimpleTokenBuilder::new(&app_id, &app_certificate, &channel_name, user.user_id())
                .map(|inner| PySimpleTokenBuilder { inner })
                .map_err(|e| token_error(appID.py(), &e))
        })
    }

    /// Takes salt, ts and privileges from an existing token: 0, or the
    /// category's negative status.
    fn initTokenBuilder(&mut self, originToken: &Bound<'_, PyAny>) -> PyResult<i32> {
        if originToken.is_none() {
            return Ok(ErrorKind::NullArgument.code());
        }
        contained(originToken.py(), || {
            let token = text(originToken, "originToken")?;
            Ok(match self.inner.init_token_builder(token.as_bytes()) {
                Ok(()) => 0,
                Err(e) => e.code(),
            })
        })
    }

    /// Sets the privileges of a role (Role.Publisher, Attendee and Admin: join and
    /// publish; Subscriber: join), each until the builder's default expiry (0).
    /// Raises `AgoraTokenError` "role" for another value.
    fn initPrivileges(&mut self, role: &Bound<'_, PyAny>) -> PyResult<()> {
        self.inner.init_privileges(role_arg(role)?);
        Ok(())
    }

    /// Grants `privilege` (kJoinChannel ... kRtmLogin) until `expireTimestamp`, a
    /// Unix time in seconds (0 = never expires; a `float` is truncated). Raises
    /// `AgoraTokenError` "privilege" or "expire_ts" (outside 0..2**32-1).
    fn setPrivilege(&mut self, privilege: &Bound<'_, PyAny>, expireTimestamp: &Bound<'_, PyAny>) -> PyResult<()> {
        let privilege = privilege_arg(privilege)?;
        let expire = seconds_arg(expireTimestamp, "expireTimestamp", ErrorKind::ExpireTs)?;
        self.inner.set_privilege(privilege, expire);
        Ok(())
    }

    /// Removes a privilege (no error when it was not set).
    fn removePrivilege(&mut self, privilege: &Bound<'_, PyAny>) -> PyResult<()> {
        self.inner.remove_privilege(privilege_arg(privilege)?);
        Ok(())
    }

    /// The 006 token text. The token's own expiry (`ts`) is 24 h after the build
    /// unless set; the salt is a fresh CSPRNG value unless set.
    fn buildToken(&self, py: Python<'_>) -> PyResult<String> {
        contained(py, || self.inner.build_token().map_err(|e| token_error(py, &e)))
    }

    /// The fixed salt, or None for a fresh CSPRNG salt per token.
    #[getter]
    fn get_salt(&self) -> Option<u32> {
        self.inner.salt()
    }

    #[setter]
    fn set_salt(&mut self, value: &Bound<'_, PyAny>) -> PyResult<()> {
        self.inner.set_salt(optional_u32(value, "salt", ErrorKind::Salt)?);
        Ok(())
    }

    /// The fixed expiry (Unix seconds), or None for "24 h after each build".
    #[getter]
    fn get_ts(&self) -> Option<u32> {
        self.inner.ts()
    }

    #[setter]
    fn set_ts(&mut self, value: &Bound<'_, PyAny>) -> PyResult<()> {
        self.inner.set_ts(optional_u32(value, "ts", ErrorKind::Ts)?);
        Ok(())
    }

    /// `{privilege id: expiry}`, sorted by id (a copy).
    #[getter]
    fn privileges<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        privileges_dict(py, self.inner.privileges())
    }

    fn __repr__(&self) -> String {
        let opt = |v: Option<u32>| v.map_or_else(|| "None".to_owned(), |v| v.to_string());
        format!(
            "<agoratoken.SimpleTokenBuilder appID='{}' channelName='{}' uid='{}' salt={} ts={} privileges={:?}>",
            self.inner.app_id(),
            self.inner.channel_name(),
            self.inner.uid_string(),
            opt(self.inner.salt()),
            opt(self.inner.ts()),
            self.inner.privileges(),
        )
    }

    fn __copy__(&self) -> Self {
        PySimpleTokenBuilder { inner: self.inner.clone() }
    }

    fn __deepcopy__(&self, _memo: &Bound<'_, PyAny>) -> Self {
        self.__copy__()
    }

    /// Pickling would have to write the app certificate out: refused.
    fn __reduce__(&self) -> PyResult<()> {
        Err(PyTypeError::new_err(
            "SimpleTokenBuilder cannot be pickled: it holds the app certificate; pickle its inputs instead",
        ))
    }
}

/// A property value: None clears it. (`del` is refused by pyo3: no deleter.)
fn optional_u32(value: &Bound<'_, PyAny>, field: &str, kind: ErrorKind) -> PyResult<Option<u32>> {
    if value.is_none() {
        return Ok(None);
    }
    seconds_arg(value, field, kind).map(Some)
}

/// RTC tokens in the 006 format (AccessToken), as PyPI `agora-token-builder`
/// builds them (the same names; snake_case aliases too). For 007, Agora's
/// current format, use `agoratoken.v2.RtcTokenBuilder`.
///
/// `privilegeExpiredTs` is a **Unix timestamp** in seconds (0 = never), not a
/// lifetime: `int(time.time()) + 3600` for one hour (a `float` is truncated, as
/// Agora's code does). Roles: Role_Publisher, Role_Attendee, Role_Admin join
/// and publish; Role_Subscriber and `None` only join. The uid of
/// `buildTokenWithUid` is an `int` or its canonical decimal text (`"42"`).
/// Raises `AgoraTokenError` (a `ValueError`; `.code` "app_id",
/// "app_certificate", "channel_name", "user_account", "uid", "role",
/// "expire_ts") for bad input and `TypeError` for a wrong type.
///
/// Example:
///
///     token = RtcTokenBuilder.buildTokenWithUid(app_id, app_certificate, "room-1", 42,
///                                               Role_Publisher, int(time.time()) + 3600)
#[pyclass(module = "agoratoken", name = "RtcTokenBuilder", frozen)]
struct PyRtcTokenBuilder;

#[allow(clippy::too_many_arguments)]
fn rtc_token(
    app_id: &Bound<'_, PyAny>,
    app_certificate: &Bound<'_, PyAny>,
    channel_name: &Bound<'_, PyAny>,
    user: &Bound<'_, PyAny>,
    numeric: bool,
    role: &Bound<'_, PyAny>,
    privilege_expired_ts: &Bound<'_, PyAny>,
    names: [&str; 3],
) -> PyResult<String> {
    let app_id_s = text(app_id, names[0])?;
    let app_certificate = text(app_certificate, names[1])?;
    let channel_name = text(channel_name, names[2])?;
    let user = if numeric { User::Uid(numeric_uid_arg(user)?) } else { User::Account(text(user, "account")?) };
    let role = builder_role_arg(role)?;
    let expire = seconds_arg(privilege_expired_ts, "privilegeExpiredTs", ErrorKind::ExpireTs)?;
    RtcTokenBuilder::build_token(&app_id_s, &app_certificate, &channel_name, user.user_id(), role, expire)
        .map_err(|e| token_error(app_id.py(), &e))
}

const CAMEL: [&str; 3] = ["appId", "appCertificate", "channelName"];
const SNAKE: [&str; 3] = ["app_id", "app_certificate", "channel_name"];

#[pymethods]
#[allow(non_snake_case)]
impl PyRtcTokenBuilder {
    /// A 006 RTC token for an `int` uid (0..2**32-1; 0 lets any uid join); every
    /// privilege of the role until `privilegeExpiredTs` (Unix seconds, 0 = never).
    #[staticmethod]
    fn buildTokenWithUid(
        appId: &Bound<'_, PyAny>,
        appCertificate: &Bound<'_, PyAny>,
        channelName: &Bound<'_, PyAny>,
        uid: &Bound<'_, PyAny>,
        role: &Bound<'_, PyAny>,
        privilegeExpiredTs: &Bound<'_, PyAny>,
    ) -> PyResult<String> {
        contained(appId.py(), || {
            rtc_token(appId, appCertificate, channelName, uid, true, role, privilegeExpiredTs, CAMEL)
        })
    }

    /// A 006 RTC token for a `str` user account (1-255 bytes); as `buildTokenWithUid`.
    #[staticmethod]
    fn buildTokenWithAccount(
        appId: &Bound<'_, PyAny>,
        appCertificate: &Bound<'_, PyAny>,
        channelName: &Bound<'_, PyAny>,
        account: &Bound<'_, PyAny>,
        role: &Bound<'_, PyAny>,
        privilegeExpiredTs: &Bound<'_, PyAny>,
    ) -> PyResult<String> {
        contained(appId.py(), || {
            rtc_token(appId, appCertificate, channelName, account, false, role, privilegeExpiredTs, CAMEL)
        })
    }

    /// `buildTokenWithUid` (snake_case alias): `privilege_expired_ts` is Unix seconds.
    #[staticmethod]
    fn build_token_with_uid(
        app_id: &Bound<'_, PyAny>,
        app_certificate: &Bound<'_, PyAny>,
        channel_name: &Bound<'_, PyAny>,
        uid: &Bound<'_, PyAny>,
        role: &Bound<'_, PyAny>,
        privilege_expired_ts: &Bound<'_, PyAny>,
    ) -> PyResult<String> {
        contained(app_id.py(), || {
            rtc_token(app_id, app_certificate, channel_name, uid, true, role, privilege_expired_ts, SNAKE)
        })
    }

    /// `buildTokenWithAccount` (snake_case alias): `privilege_expired_ts` is Unix seconds.
    #[staticmethod]
    fn build_token_with_account(
        app_id: &Bound<'_, PyAny>,
        app_certificate: &Bound<'_, PyAny>,
        channel_name: &Bound<'_, PyAny>,
        account: &Bound<'_, PyAny>,
        role: &Bound<'_, PyAny>,
        privilege_expired_ts: &Bound<'_, PyAny>,
    ) -> PyResult<String> {
        contained(app_id.py(), || {
            rtc_token(app_id, app_certificate, channel_name, account, false, role, privilege_expired_ts, SNAKE)
        })
    }
}

/// RTM login tokens in the 006 format, as PyPI `agora-token-builder` builds
/// them. For 007 use `agoratoken.v2.RtmTokenBuilder`.
///
/// `privilegeExpiredTs` is a **Unix timestamp** in seconds (0 = never; a
/// `float` is truncated). The role is Role_Rtm_User (1); any `int` is taken and
/// ignored, as Agora's code does. Raises `AgoraTokenError` ("app_id",
/// "app_certificate", "user_account", "expire_ts").
///
/// Example:
///
///     token = RtmTokenBuilder.buildToken(app_id, app_certificate, "alice", Role_Rtm_User,
///                                        int(time.time()) + 3600)
#[pyclass(module = "agoratoken", name = "RtmTokenBuilder", frozen)]
struct PyRtmTokenBuilder;

fn rtm_token(
    app_id: &Bound<'_, PyAny>,
    app_certificate: &Bound<'_, PyAny>,
    user_account: &Bound<'_, PyAny>,
    role: &Bound<'_, PyAny>,
    privilege_expired_ts: &Bound<'_, PyAny>,
    names: [&str; 3],
) -> PyResult<String> {
    let app_id_s = text(app_id, names[0])?;
    let app_certificate = text(app_certificate, names[1])?;
    let user_account = text(user_account, names[2])?;
    let role = rtm_role_arg(role)?;
    let expire = seconds_arg(privilege_expired_ts, "privilegeExpiredTs", ErrorKind::ExpireTs)?;
    RtmTokenBuilder::build_token(&app_id_s, &app_certificate, &user_account, role, expire)
        .map_err(|e| token_error(app_id.py(), &e))
}

#[pymethods]
#[allow(non_snake_case)]
impl PyRtmTokenBuilder {
    /// A 006 RTM token for `userAccount`, valid until `privilegeExpiredTs` (Unix seconds).
    #[staticmethod]
    fn buildToken(
        appId: &Bound<'_, PyAny>,
        appCertificate: &Bound<'_, PyAny>,
        userAccount: &Bound<'_, PyAny>,
        role: &Bound<'_, PyAny>,
        privilegeExpiredTs: &Bound<'_, PyAny>,
    ) -> PyResult<String> {
        contained(appId.py(), || {
            rtm_token(
                appId,
                appCertificate,
                userAccount,
                role,
                privilegeExpiredTs,
                ["appId", "appCertificate", "userAccount"],
            )
        })
    }

    /// `buildToken` (snake_case alias): `privilege_expired_ts` is Unix seconds.
    #[staticmethod]
    fn build_token(
        app_id: &Bound<'_, PyAny>,
        app_certificate: &Bound<'_, PyAny>,
        user_account: &Bound<'_, PyAny>,
        role: &Bound<'_, PyAny>,
        privilege_expired_ts: &Bound<'_, PyAny>,
    ) -> PyResult<String> {
        contained(app_id.py(), || {
            rtm_token(
                app_id,
                app_certificate,
                user_account,
                role,
                privilege_expired_ts,
                ["app_id", "app_certificate", "user_account"],
            )
        })
    }
}

/// Every field of a 006 token, as returned by `parse`.
#[pyclass(module = "agoratoken", name = "ParsedToken", frozen, eq)]
#[derive(PartialEq)]
struct PyParsedToken {
    inner: ParsedToken,
}

#[pymethods]
impl PyParsedToken {
    #[getter]
    fn app_id(&self) -> &str {
        &self.inner.app_id
    }

    #[getter]
    fn signature<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        PyBytes::new(py, &self.inner.signature)
    }

    #[getter]
    fn signature_hex(&self) -> String {
        self.inner.signature_hex()
    }

    #[getter]
    fn crc_channel_name(&self) -> u32 {
        self.inner.crc_channel_name
    }

    #[getter]
    fn crc_uid(&self) -> u32 {
        self.inner.crc_uid
    }

    #[getter]
    fn salt(&self) -> u32 {
        self.inner.salt
    }

    #[getter]
    fn ts(&self) -> u32 {
        self.inner.ts
    }

    /// `{privilege id: expiry}`, sorted by id (a copy).
    #[getter]
    fn privileges<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        privileges_dict(py, &self.inner.privileges)
    }

    fn __repr__(&self) -> String {
        let t = &self.inner;
        format!(
            "ParsedToken(app_id='{}', signature_hex='{}', crc_channel_name={}, crc_uid={}, salt={}, ts={}, privileges={:?})",
            t.app_id,
            t.signature_hex(),
            t.crc_channel_name,
            t.crc_uid,
            t.salt,
            t.ts,
            t.privileges.iter().copied().collect::<std::collections::BTreeMap<u16, u32>>(),
        )
    }
}

/// Parses a 006 token strictly; raises `AgoraTokenError` (`version`,
/// `app_id`, `base64`, `truncated`, `trailing`).
#[pyfunction]
fn parse(token: &Bound<'_, PyAny>) -> PyResult<PyParsedToken> {
    contained(token.py(), || {
        let text = text(token, "token")?;
        token_core::parse(text.as_bytes()).map(|inner| PyParsedToken { inner }).map_err(|e| token_error(token.py(), &e))
    })
}

/// Verifies a 006 token: `"ok"` or the first failing check's name
/// ("app_id_mismatch", "channel_mismatch", "uid_mismatch", "signature_mismatch",
/// "expired", "privilege_expired"). `now`: Unix seconds (default: the clock).
/// For 007 tokens use `agoratoken.v2.verify`.
#[pyfunction]
#[pyo3(signature = (token, appCertificate, channelName, uid, now = None, appId = None))]
#[allow(non_snake_case)]
fn verify(
    token: &Bound<'_, PyAny>,
    appCertificate: &Bound<'_, PyAny>,
    channelName: &Bound<'_, PyAny>,
    uid: &Bound<'_, PyAny>,
    now: Option<&Bound<'_, PyAny>>,
    appId: Option<&Bound<'_, PyAny>>,
) -> PyResult<&'static str> {
    contained(token.py(), || {
        let token_s = text(token, "token")?;
        let app_certificate = text(appCertificate, "appCertificate")?;
        let channel_name = text(channelName, "channelName")?;
        let user = user_arg(uid, "uid")?;
        let now = match now {
            Some(n) if !n.is_none() => u32_arg(n, "now", ErrorKind::Now)?,
            _ => token_core::now_secs(),
        };
        let app_id = match appId {
            Some(a) if !a.is_none() => Some(text(a, "appId")?),
            _ => None,
        };
        let expected = Expected { app_id: app_id.as_deref(), channel_name: &channel_name, user: user.user_id() };
        token_core::verify(token_s.as_bytes(), &app_certificate, &expected, now)
            .map(|r| r.as_str())
            .map_err(|e| token_error(token.py(), &e))
    })
}

/// Verifies a 006 RTM token (`RtmTokenBuilder.buildToken`): `"ok"` or the
/// first failing check's name ("uid_mismatch" for another account,
/// "signature_mismatch", "expired", "privilege_expired" for its kRtmLogin).
/// `now`: Unix seconds (default: the clock). For 007 RTM tokens use
/// `agoratoken.v2.verify(token, cert, rtm_user_id=...)`.
#[pyfunction(name = "verifyRtm")]
#[pyo3(signature = (token, appCertificate, userAccount, now = None))]
#[allow(non_snake_case)]
fn verify_rtm(
    token: &Bound<'_, PyAny>,
    appCertificate: &Bound<'_, PyAny>,
    userAccount: &Bound<'_, PyAny>,
    now: Option<&Bound<'_, PyAny>>,
) -> PyResult<&'static str> {
    contained(token.py(), || {
        let token_s = text(token, "token")?;
        let app_certificate = text(appCertificate, "appCertificate")?;
        let account = text(userAccount, "userAccount")?;
        let now = match now {
            Some(n) if !n.is_none() => u32_arg(n, "now", ErrorKind::Now)?,
            _ => token_core::now_secs(),
        };
        token_core::verify_rtm(token_s.as_bytes(), &app_certificate, &account, now)
            .map(|r| r.as_str())
            .map_err(|e| token_error(token.py(), &e))
    })
}

/// The library version (the workspace version).
#[pyfunction]
fn version() -> &'static str {
    token_core::version()
}

/// The category name of a negative status (`-3` -> `"channel_name"`), or None.
#[pyfunction]
fn error_name(status: &Bound<'_, PyAny>) -> PyResult<Option<&'static str>> {
    let status = int_or_huge(status, "status")?;
    Ok(status.and_then(|v| i32::try_from(v).ok()).and_then(ErrorKind::from_code).map(ErrorKind::as_str))
}

/// `[(name, id)]` of every privilege, for the `Privileges` enum.
#[pyfunction]
fn _privilege_table() -> Vec<(&'static str, u16)> {
    Privilege::ALL.iter().map(|p| (p.name(), p.id())).collect()
}

/// `[(name, value)]` of every RTC role (`kRolePublisher` -> `Publisher`), for the `Role` enum.
#[pyfunction]
fn _role_table() -> Vec<(&'static str, u16)> {
    Role::ALL.iter().map(|r| (r.name().trim_start_matches("kRole"), r.value())).collect()
}

/// `[(name, value)]` of every error category, in code order.
#[pyfunction]
fn _error_table() -> Vec<(&'static str, i32)> {
    ErrorKind::ALL.iter().map(|k| (k.as_str(), k.code())).collect()
}

/// Panics on purpose inside the guard every export runs in, so that the
/// tests see a panic arrive as `AgoraTokenError` (code `internal`).
#[pyfunction]
fn _self_test_panic(py: Python<'_>) -> PyResult<()> {
    contained(py, || panic!("agoratoken self-test panic"))
}

/// The value of `Rtm_User`.
#[pyfunction]
fn _rtm_user() -> u16 {
    RtmRole::RtmUser as u16
}

#[pymodule]
fn _agoratoken(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PySimpleTokenBuilder>()?;
    m.add_class::<PyRtcTokenBuilder>()?;
    m.add_class::<PyRtmTokenBuilder>()?;
    m.add_class::<PyParsedToken>()?;
    m.add_function(wrap_pyfunction!(parse, m)?)?;
    m.add_function(wrap_pyfunction!(verify, m)?)?;
    m.add_function(wrap_pyfunction!(verify_rtm, m)?)?;
    m.add_function(wrap_pyfunction!(version, m)?)?;
    m.add_function(wrap_pyfunction!(error_name, m)?)?;
    m.add_function(wrap_pyfunction!(_privilege_table, m)?)?;
    m.add_function(wrap_pyfunction!(_role_table, m)?)?;
    m.add_function(wrap_pyfunction!(_error_table, m)?)?;
    m.add_function(wrap_pyfunction!(_rtm_user, m)?)?;
    m.add_function(wrap_pyfunction!(_self_test_panic, m)?)?;
    v007::register(m)
}
