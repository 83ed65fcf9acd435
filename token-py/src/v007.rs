//! AccessToken2 ("007") for `agoratoken.v2`: four natives, no per-builder glue.
//!
//! - `_build(index, app_id, app_certificate, *args)`: every reference builder,
//!   through the core's table `RECIPES` (each `agoratoken.v2` builder is one
//!   line of Python over it). The row's parameter kinds say how each argument
//!   is read.
//! - `_build007(…, services)`: a token described as data (the `AccessToken`
//!   class), each service one fixed 9-tuple; the core picks the fields its type
//!   needs and checks everything.
//! - `_parse007(token, lenient)`: a token back as the same data (lenient: as
//!   Agora's `from_string` reads, stopping at an unknown service type).
//! - `_verify007(…, lenient)`: the signature, the expiry, an RTC and an RTM check.
//!
//! `_tables()` hands the core's tables (recipes, service types and privilege
//! names, RTM2 names, roles) to the Python side, so no value is written twice.

use std::cell::Cell;

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyFloat, PyInt, PyList, PyString, PyTuple};
use token_core::v007::{
    parse007, parse007_lenient, rtm2, verify007, verify007_lenient, Arg, Expected007, Param, ParamKind, Pin,
    RawOtherService, RawPermission, RawService, RawToken, Recipe, RtcRole, ServiceFields, ServiceType, RECIPES,
};
use token_core::validate::uid_from_decimal;
use token_core::{ErrorKind, TokenError};

use super::{contained, int, null_argument, text, token_error, type_error, Text};

/// A 007 text field: a `str` whose text is valid Unicode. A lone surrogate
/// (which UTF-8 cannot carry) is a `utf8` error naming the field, since no
/// 007 user id, uuid or resource rule would refuse a replacement character.
fn text007<'py>(obj: &Bound<'py, PyAny>, field: &str) -> PyResult<Text<'py>> {
    let t = text(obj, field)?;
    if let Text::Lossy(_) = t {
        let msg = format!("utf8: {field} is not valid Unicode text (it holds a lone surrogate)");
        return Err(token_error(obj.py(), &TokenError::new(ErrorKind::Utf8, msg)));
    }
    Ok(t)
}

/// A 007 lifetime (seconds): an `int`. A `float` is a `TypeError` that says
/// what to pass instead, as Agora's python3 007 code refuses one too
/// (`struct.pack('<I', 600.0)` raises); 006 lifetimes take floats instead.
fn lifetime(obj: &Bound<'_, PyAny>, field: &str, kind: ErrorKind) -> PyResult<i64> {
    if obj.is_instance_of::<PyFloat>() {
        return Err(PyTypeError::new_err(format!(
            "{field}: expected int, got float; pass int({field}) (seconds, truncated) or round({field}), \
             as Agora's python3 007 code (struct.pack) refuses a float too"
        )));
    }
    int(obj, field, kind)
}

/// An optional argument: `None` is absent.
fn given<'a, 'py>(obj: &'a Bound<'py, PyAny>) -> Option<&'a Bound<'py, PyAny>> {
    (!obj.is_none()).then_some(obj)
}

/// The items of a list or tuple argument (a `str` is refused: it would iterate its characters).
fn items<'py>(obj: &Bound<'py, PyAny>, field: &str, what: &str) -> PyResult<Vec<Bound<'py, PyAny>>> {
    if obj.is_none() {
        return Err(token_error(obj.py(), &null_argument(field)));
    }
    if obj.is_instance_of::<PyString>() || obj.is_instance_of::<PyBytes>() || obj.is_instance_of::<PyInt>() {
        return Err(type_error(obj, field, what));
    }
    match obj.try_iter() {
        Ok(iter) => iter.collect(),
        Err(_) => Err(type_error(obj, field, what)),
    }
}

const GRANT: &str = "a list of (resource_type, permission_type, [resource, ...])";

/// RTM2 grants: `[(resource_type, permission_type, [resource, …]), …]`.
fn permissions_arg(obj: &Bound<'_, PyAny>) -> PyResult<Vec<RawPermission>> {
    let mut out = Vec::new();
    for grant in items(obj, "permissions", GRANT)? {
        let parts = items(&grant, "permissions", GRANT)?;
        let [resource_type, permission_type, resources] = &parts[..] else {
            return Err(type_error(&grant, "permissions", "(resource_type, permission_type, [resource, ...]) triples"));
        };
        let resource_type = int(resource_type, "resource_type", ErrorKind::Permission)?;
        let permission_type = int(permission_type, "permission_type", ErrorKind::Permission)?;
        let resources = items(resources, "resources", "a list of str")?
            .iter()
            .map(|r| text007(r, "resource").map(|t| t.to_owned()))
            .collect::<PyResult<_>>()?;
        out.push(RawPermission { resource_type, permission_type, resources });
    }
    Ok(out)
}

/// One argument of a reference builder, read as its parameter's kind says.
enum HostArg<'py> {
    Text(Text<'py>),
    Int(i64),
    Permissions(Vec<RawPermission>),
    /// `None`: the core decides (an RTC role is join-only, as Agora's code
    /// builds it; any other parameter is a `null_argument` error naming it).
    Null,
}

fn host_arg<'py>(obj: &Bound<'py, PyAny>, param: &Param) -> PyResult<HostArg<'py>> {
    if obj.is_none() {
        return Ok(HostArg::Null);
    }
    Ok(match param.kind {
        ParamKind::Str => HostArg::Text(text007(obj, param.name)?),
        ParamKind::Permissions => HostArg::Permissions(permissions_arg(obj)?),
        // A uid as canonical decimal text signs the same user (Agora's code writes str(uid)).
        ParamKind::Uid if obj.is_instance_of::<PyString>() => {
            let t = text007(obj, param.name)?;
            HostArg::Int(uid_from_decimal(&t).map_err(|e| token_error(obj.py(), &e))?.into())
        }
        kind @ (ParamKind::Expire | ParamKind::PrivilegeExpire) => {
            HostArg::Int(lifetime(obj, param.name, kind.error_kind())?)
        }
        kind => HostArg::Int(int(obj, param.name, kind.error_kind())?),
    })
}

thread_local! {
    /// Pinned issue_ts and salt for `_build` on this thread: the test hook of
    /// the `builder007` vectors (`agoratoken.v2._pinned`). Unpinned otherwise.
    static PIN: Cell<Pin> = const { Cell::new(Pin { issue_ts: None, salt: None }) };
}

/// `_pin(issue_ts, salt)`: pins (or with `None`, unpins) `_build` on this thread.
#[pyfunction]
fn _pin(py: Python<'_>, issue_ts: &Bound<'_, PyAny>, salt: &Bound<'_, PyAny>) -> PyResult<()> {
    let issue_ts = given(issue_ts).map(|v| int(v, "issue_ts", ErrorKind::IssueTs)).transpose()?;
    let salt = given(salt).map(|v| int(v, "salt", ErrorKind::Salt)).transpose()?;
    let pin = Pin::checked(issue_ts, salt).map_err(|e| token_error(py, &e))?;
    PIN.with(|p| p.set(pin));
    Ok(())
}

/// `_build(index, app_id, app_certificate, *args)`: the reference builder at
/// row `index` of `RECIPES`, with its parameters in python3 order (omitted
/// trailing ones take python3's defaults).
#[pyfunction]
#[pyo3(signature = (index, app_id, app_certificate, *args))]
fn _build(
    index: usize,
    app_id: &Bound<'_, PyAny>,
    app_certificate: &Bound<'_, PyAny>,
    args: &Bound<'_, PyTuple>,
) -> PyResult<String> {
    let py = args.py();
    contained(py, || {
        let recipe = Recipe::at(index).map_err(|e| token_error(py, &e))?;
        let app_id_s = text(app_id, "app_id")?;
        let app_certificate = text(app_certificate, "app_certificate")?;
        let mut hosts = Vec::with_capacity(args.len());
        for (i, obj) in args.iter().enumerate() {
            hosts.push(match recipe.params.get(i) {
                Some(param) => host_arg(&obj, param)?,
                None => HostArg::Int(0), // one too many: the core names the arity
            });
        }
        let args: Vec<Arg<'_>> = hosts
            .iter()
            .map(|h| match h {
                HostArg::Text(t) => Arg::Str(t),
                HostArg::Int(n) => Arg::Int(*n),
                HostArg::Permissions(p) => Arg::Permissions(p.clone()),
                HostArg::Null => Arg::Null,
            })
            .collect();
        let pin = PIN.with(Cell::get);
        recipe.build_token(&app_id_s, &app_certificate, &args, pin).map_err(|e| token_error(py, &e))
    })
}

/// One service as the Python side hands it over: the 9-tuple
/// `(type, privileges, channel_name, user, user_id, room_uuid, user_uuid, role, permissions)`,
/// `None` for a field the service does not have; `user` is an `int` uid or a `str` account.
#[derive(Default)]
struct HostService<'py> {
    service_type: i64,
    privileges: Vec<(i64, i64)>,
    channel_name: Option<Text<'py>>,
    uid: Option<i64>,
    user_account: Option<Text<'py>>,
    user_id: Option<Text<'py>>,
    room_uuid: Option<Text<'py>>,
    user_uuid: Option<Text<'py>>,
    role: Option<i64>,
    permissions: Vec<RawPermission>,
}

const SERVICE_TUPLE: &str =
    "a 9-tuple (type, privileges, channel_name, user, user_id, room_uuid, user_uuid, role, permissions)";

fn host_service<'py>(obj: &Bound<'py, PyAny>) -> PyResult<HostService<'py>> {
    let fields = items(obj, "services", SERVICE_TUPLE)?;
    let [ty, privileges, channel_name, user, user_id, room_uuid, user_uuid, role, permissions] = &fields[..] else {
        return Err(type_error(obj, "services", SERVICE_TUPLE));
    };
    let opt_text = |o: &Bound<'py, PyAny>, field: &str| given(o).map(|o| text007(o, field)).transpose();
    let mut s = HostService {
        service_type: int(ty, "service_type", ErrorKind::Service)?,
        channel_name: opt_text(channel_name, "channel_name")?,
        user_id: opt_text(user_id, "user_id")?,
        room_uuid: opt_text(room_uuid, "room_uuid")?,
        user_uuid: opt_text(user_uuid, "user_uuid")?,
        role: given(role).map(|r| int(r, "role", ErrorKind::Role)).transpose()?,
        ..HostService::default()
    };
    s.privileges = privilege_pairs(privileges)?;
    if let Some(user) = given(user) {
        if user.is_instance_of::<PyString>() {
            s.user_account = Some(text007(user, "user_account")?);
        } else if user.is_instance_of::<PyInt>() && !user.is_instance_of::<pyo3::types::PyBool>() {
            s.uid = Some(int(user, "uid", ErrorKind::Uid)?);
        } else {
            return Err(type_error(user, "uid", "int or str"));
        }
    }
    if let Some(p) = given(permissions) {
        s.permissions = permissions_arg(p)?;
    }
    Ok(s)
}

/// `(type, [(privilege, expire), …])` pairs: services of the base class only.
fn privilege_pairs(obj: &Bound<'_, PyAny>) -> PyResult<Vec<(i64, i64)>> {
    let mut out = Vec::new();
    for pair in items(obj, "privileges", "a list of (privilege, expire) pairs")? {
        let parts = items(&pair, "privileges", "(privilege, expire) pairs")?;
        let [id, expire] = &parts[..] else {
            return Err(type_error(&pair, "privileges", "(privilege, expire) pairs"));
        };
        out.push((int(id, "privilege", ErrorKind::Privilege)?, lifetime(expire, "expire", ErrorKind::ExpireTs)?));
    }
    Ok(out)
}

const OTHER_SERVICE: &str = "a (type, privileges) pair";

fn other_service(obj: &Bound<'_, PyAny>) -> PyResult<RawOtherService> {
    let fields = items(obj, "other_services", OTHER_SERVICE)?;
    let [ty, privileges] = &fields[..] else {
        return Err(type_error(obj, "other_services", OTHER_SERVICE));
    };
    Ok(RawOtherService {
        service_type: int(ty, "service_type", ErrorKind::Service)?,
        privileges: privilege_pairs(privileges)?,
    })
}

/// `_build007(app_id, app_certificate, issue_ts, expire, salt, services, other_services=None)`:
/// builds a token described as data. `issue_ts`/`salt` `None`: now and a
/// fresh CSPRNG salt. `other_services`: `(type, privileges)` pairs of Agora's
/// base `Service(type)` (types 0 and 11..=65535; the core checks).
#[pyfunction]
#[pyo3(signature = (app_id, app_certificate, issue_ts, expire, salt, services, other_services = None))]
fn _build007(
    app_id: &Bound<'_, PyAny>,
    app_certificate: &Bound<'_, PyAny>,
    issue_ts: &Bound<'_, PyAny>,
    expire: &Bound<'_, PyAny>,
    salt: &Bound<'_, PyAny>,
    services: &Bound<'_, PyAny>,
    other_services: Option<&Bound<'_, PyAny>>,
) -> PyResult<String> {
    let py = services.py();
    contained(py, || {
        let app_id = text(app_id, "app_id")?;
        let app_certificate = text(app_certificate, "app_certificate")?;
        let issue_ts = given(issue_ts).map(|v| int(v, "issue_ts", ErrorKind::IssueTs)).transpose()?;
        let expire = lifetime(expire, "expire", ErrorKind::Expire)?;
        let salt = given(salt).map(|v| int(v, "salt", ErrorKind::Salt)).transpose()?;
        let hosts = items(services, "services", "a list of services")?
            .iter()
            .map(host_service)
            .collect::<PyResult<Vec<_>>>()?;
        let other_services = match other_services.and_then(given) {
            Some(list) => items(list, "other_services", "a list of (type, privileges) pairs")?
                .iter()
                .map(other_service)
                .collect::<PyResult<Vec<_>>>()?,
            None => Vec::new(),
        };
        let raw = RawToken {
            other_services,
            app_id: &app_id,
            app_certificate: &app_certificate,
            issue_ts,
            expire,
            salt,
            services: hosts
                .iter()
                .map(|h| RawService {
                    service_type: h.service_type,
                    privileges: h.privileges.clone(),
                    channel_name: h.channel_name.as_deref(),
                    uid: h.uid,
                    user_account: h.user_account.as_deref(),
                    user_id: h.user_id.as_deref(),
                    room_uuid: h.room_uuid.as_deref(),
                    user_uuid: h.user_uuid.as_deref(),
                    role: h.role,
                    permissions: h.permissions.clone(),
                })
                .collect(),
        };
        raw.build().map_err(|e| token_error(py, &e))
    })
}

/// `_parse007(token, lenient=False)`: `(app_id, signature, issue_ts, expire,
/// salt, services, content, unread_service_type)`, each service as
/// `_build007`'s 9-tuple in token order (`user` is the packed user string),
/// privileges and RTM2 grants in token order. Lenient reads as Agora's
/// `from_string`: it stops at the first service type outside 1..=10 and gives
/// that type as `unread_service_type` (`None` otherwise, and always when strict,
/// where such a service is a `service` error).
#[pyfunction]
#[pyo3(signature = (token, lenient = false))]
fn _parse007<'py>(token: &Bound<'py, PyAny>, lenient: bool) -> PyResult<Bound<'py, PyTuple>> {
    let py = token.py();
    contained(py, || {
        let text = text(token, "token")?;
        let parsed = if lenient { parse007_lenient(text.as_bytes()) } else { parse007(text.as_bytes()) };
        let t = parsed.map_err(|e| token_error(py, &e))?;
        let none = || py.None().into_bound(py);
        let services = PyList::empty(py);
        for s in &t.services {
            let privileges = PyList::new(py, s.privileges())?;
            let (mut channel, mut user, mut user_id, mut room, mut user_uuid, mut role, mut grants) =
                (none(), none(), none(), none(), none(), none(), none());
            match s.fields() {
                ServiceFields::Channel { channel_name, account } => {
                    channel = channel_name.into_pyobject(py)?.into_any();
                    user = account.into_pyobject(py)?.into_any();
                }
                ServiceFields::User { user_id: u } => user_id = u.into_pyobject(py)?.into_any(),
                ServiceFields::Empty => {}
                ServiceFields::Apaas { room_uuid, user_uuid: u, role: r } => {
                    room = room_uuid.into_pyobject(py)?.into_any();
                    user_uuid = u.into_pyobject(py)?.into_any();
                    role = r.into_pyobject(py)?.into_any();
                }
                ServiceFields::Rtm2 { user_id: u, permissions } => {
                    user_id = u.into_pyobject(py)?.into_any();
                    let list = PyList::empty(py);
                    for p in permissions {
                        list.append((p.resource_type, p.permission_type, p.resources.clone()))?;
                    }
                    grants = list.into_any();
                }
            }
            let fields = [channel, user, user_id, room, user_uuid, role, grants];
            let [channel, user, user_id, room, user_uuid, role, grants] = fields;
            services.append((
                s.service_type().id(),
                privileges,
                channel,
                user,
                user_id,
                room,
                user_uuid,
                role,
                grants,
            ))?;
        }
        (
            &t.app_id,
            PyBytes::new(py, &t.signature),
            t.issue_ts,
            t.expire,
            t.salt,
            services,
            PyBytes::new(py, &t.content),
            t.unread_service_type,
        )
            .into_pyobject(py)
    })
}

/// `_verify007(token, app_certificate, now, app_id, channel_name, uid, rtm_user_id, lenient=False)`:
/// `"ok"` or the first failing check. `now` `None`: the clock. The RTC check
/// runs when `channel_name` and `uid` are given, the RTM check when `rtm_user_id` is.
/// Lenient reads the token as `_parse007(token, True)` does.
#[pyfunction]
#[pyo3(signature = (token, app_certificate, now = None, app_id = None, channel_name = None, uid = None, rtm_user_id = None, lenient = false))]
#[allow(clippy::too_many_arguments)]
fn _verify007(
    token: &Bound<'_, PyAny>,
    app_certificate: &Bound<'_, PyAny>,
    now: Option<&Bound<'_, PyAny>>,
    app_id: Option<&Bound<'_, PyAny>>,
    channel_name: Option<&Bound<'_, PyAny>>,
    uid: Option<&Bound<'_, PyAny>>,
    rtm_user_id: Option<&Bound<'_, PyAny>>,
    lenient: bool,
) -> PyResult<&'static str> {
    let py = token.py();
    contained(py, || {
        let token_s = text(token, "token")?;
        let app_certificate = text(app_certificate, "app_certificate")?;
        let now = match now.and_then(given) {
            Some(n) => {
                let v = super::int_or_huge(n, "now")?.map_or(i128::MAX, i128::from);
                token_core::check_now(v).map_err(|e| token_error(py, &e))?
            }
            None => token_core::now_secs(),
        };
        let app_id = app_id.and_then(given).map(|a| text(a, "app_id")).transpose()?;
        let channel = channel_name.and_then(given).map(|c| text007(c, "channel_name")).transpose()?;
        let user = match uid.and_then(given) {
            None => None,
            Some(u) if u.is_instance_of::<PyString>() => Some(super::User::Account(text007(u, "uid")?)),
            Some(u) => Some(super::user_arg(u, "uid")?),
        };
        let rtm = rtm_user_id.and_then(given).map(|r| text007(r, "rtm_user_id")).transpose()?;
        let rtc = match (&channel, &user) {
            (Some(c), Some(u)) => Some((&**c, u.user_id())),
            (None, None) => None,
            (None, Some(_)) => return Err(token_error(py, &null_argument("channel_name"))),
            (Some(_), None) => return Err(token_error(py, &null_argument("uid"))),
        };
        let expected = Expected007 { app_id: app_id.as_deref(), rtc, rtm: rtm.as_deref() };
        let verify = if lenient { verify007_lenient } else { verify007 };
        verify(token_s.as_bytes(), &app_certificate, &expected, now)
            .map(|r| r.as_str())
            .map_err(|e| token_error(py, &e))
    })
}

/// The core's tables for the Python side:
/// `{"recipes": [(name, [(param, kind, default, error category)])], "services": [(type, class, [(id, name)])],
///   "rtm2_resources": [...], "rtm2_permissions": [...], "rtc_roles": [(name, value)],
///   "version": "007", "default_expire": 900, "version006": "006", "app_id_length": 32}`.
#[pyfunction]
fn _tables(py: Python<'_>) -> PyResult<Bound<'_, pyo3::types::PyDict>> {
    let d = pyo3::types::PyDict::new(py);
    let param = |p: &Param| (p.name, p.kind.name(), p.default, p.error_kind().as_str());
    let recipes = RECIPES.iter().map(|r| (r.name, r.params.iter().map(param).collect::<Vec<_>>()));
    d.set_item("recipes", recipes.collect::<Vec<_>>())?;
    let services = ServiceType::ALL.iter().map(|t| (t.id(), t.class_name(), t.privileges().to_vec()));
    d.set_item("services", services.collect::<Vec<_>>())?;
    d.set_item("rtm2_resources", rtm2::RESOURCE_NAMES.to_vec())?;
    d.set_item("rtm2_permissions", rtm2::PERMISSION_NAMES.to_vec())?;
    d.set_item("version", token_core::VERSION_007)?;
    d.set_item("default_expire", token_core::v007::DEFAULT_EXPIRE_007)?;
    d.set_item("version006", token_core::VERSION)?;
    d.set_item("app_id_length", token_core::APP_ID_LEN)?;
    d.set_item(
        "rtc_roles",
        [("Role_Publisher", RtcRole::Publisher.value()), ("Role_Subscriber", RtcRole::Subscriber.value())],
    )?;
    Ok(d)
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(_build, m)?)?;
    m.add_function(wrap_pyfunction!(_build007, m)?)?;
    m.add_function(wrap_pyfunction!(_parse007, m)?)?;
    m.add_function(wrap_pyfunction!(_verify007, m)?)?;
    m.add_function(wrap_pyfunction!(_pin, m)?)?;
    m.add_function(wrap_pyfunction!(_tables, m)?)?;
    Ok(())
}
