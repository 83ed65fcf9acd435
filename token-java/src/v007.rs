//! AccessToken2 "007": one generic native entry for every reference builder (a row of the
//! core's `RECIPES`) and for a token described as data (`AccessToken2` with its services), and
//! the one conversion between Java's flat arrays and the core's values ([`Data`],
//! [`put_service`]).
//!
//! Java hands values over as a `String[]` and a `long[]`, read in order:
//! - a builder's arguments: each parameter in the core's order takes the next string (`str`),
//!   the next integer (every integer kind) or, for RTM2 permissions, the integers `count,
//!   (resource_type, permission_type, n)*` and the `n` resources of each from the strings. The
//!   arrays may end early: the trailing parameters then take python3's defaults;
//! - a token as data: the integers `expire, count` and `count` services;
//! - a service (also what `parse` gives back): the integers `type, uid, role, n, (id,
//!   expire)*` then the permissions as above, and the strings `channel_name, user_account,
//!   user_id, room_uuid, user_uuid` (null when absent) before the resources. `uid` and `role`
//!   are [`NONE`] when absent.
//!
//! Which fields a service type reads, every range, role table and default is the core's.

use jni::objects::{JByteArray, JClass, JLongArray, JObjectArray, JString};
use jni::sys::{jint, jlong};
use jni::{Env, EnvUnowned};
use token_core::v007::{Arg, ParamKind, Pin, RawPermission, RawService, RawToken, Recipe, Service, ServiceFields};
use token_core::{ErrorKind, TokenError};

use crate::{java_string, run, string, with_token_buffer, write_token, JavaString, Res};

/// An absent integer (`Long.MIN_VALUE`): an unpinned issue_ts or salt, a service without uid or role.
pub(crate) const NONE: jlong = jlong::MIN;

/// The recipe number of a token described as data.
const DATA: jint = -1;

fn ran_out(what: &str) -> TokenError {
    TokenError::new(ErrorKind::NullArgument, format!("{what}: the arguments ended before it"))
}

/// A cursor over the strings and integers Java handed over.
struct Data<'a> {
    strings: &'a [Option<JavaString>],
    ints: &'a [jlong],
}

impl<'a> Data<'a> {
    fn is_empty(&self) -> bool {
        self.strings.is_empty() && self.ints.is_empty()
    }

    fn int(&mut self, what: &str) -> Res<i64> {
        let (&first, rest) = self.ints.split_first().ok_or_else(|| ran_out(what))?;
        self.ints = rest;
        Ok(first)
    }

    fn optional_int(&mut self, what: &str) -> Res<Option<i64>> {
        Ok(Some(self.int(what)?).filter(|&v| v != NONE))
    }

    /// A count of following items, each taking at least `width` more values.
    fn count(&mut self, what: &str, width: usize) -> Res<usize> {
        let n = self.int(what)?;
        match usize::try_from(n) {
            Ok(n) if n.saturating_mul(width) <= self.ints.len() + self.strings.len() => Ok(n),
            _ => Err(TokenError::new(ErrorKind::NullArgument, format!("{what}: {n} is not a count of what follows")).into()),
        }
    }

    fn optional_string(&mut self, what: &str) -> Res<Option<&'a str>> {
        let (first, rest) = self.strings.split_first().ok_or_else(|| ran_out(what))?;
        self.strings = rest;
        first.as_ref().map(|s| s.strict(what)).transpose()
    }

    fn string(&mut self, what: &str) -> Res<&'a str> {
        self.optional_string(what)?.ok_or_else(|| crate::null_argument(what).into())
    }

    fn permissions(&mut self) -> Res<Vec<RawPermission>> {
        let n = self.count("permissions", 3)?;
        let mut permissions = Vec::with_capacity(n);
        for _ in 0..n {
            let resource_type = self.int("resource_type")?;
            let permission_type = self.int("permission_type")?;
            let count = self.count("resources", 1)?;
            let resources = (0..count).map(|_| self.string("resource").map(str::to_owned)).collect::<Res<_>>()?;
            permissions.push(RawPermission { resource_type, permission_type, resources });
        }
        Ok(permissions)
    }

    fn service(&mut self) -> Res<RawService<'a>> {
        let service_type = self.int("service type")?;
        let uid = self.optional_int("uid")?;
        let role = self.optional_int("role")?;
        let n = self.count("privileges", 2)?;
        let privileges = (0..n).map(|_| Ok((self.int("privilege")?, self.int("expire")?))).collect::<Res<_>>()?;
        Ok(RawService {
            service_type,
            privileges,
            channel_name: self.optional_string("channel_name")?,
            uid,
            user_account: self.optional_string("user_account")?,
            user_id: self.optional_string("user_id")?,
            room_uuid: self.optional_string("room_uuid")?,
            user_uuid: self.optional_string("user_uuid")?,
            role,
            permissions: self.permissions()?,
        })
    }

    /// A builder's arguments, in its parameter order (see the module's documentation).
    fn args(&mut self, recipe: &Recipe) -> Res<Vec<Arg<'a>>> {
        let mut args = Vec::with_capacity(recipe.params.len());
        for param in recipe.params {
            if self.is_empty() {
                break;
            }
            args.push(match param.kind {
                ParamKind::Str => Arg::Str(self.string(param.name)?),
                ParamKind::Permissions => Arg::Permissions(self.permissions()?),
                _ => Arg::Int(self.int(param.name)?),
            });
        }
        Ok(args)
    }

    fn finish(&self, what: &str) -> Res<()> {
        if self.is_empty() {
            return Ok(());
        }
        let (s, i) = (self.strings.len(), self.ints.len());
        Err(TokenError::new(ErrorKind::NullArgument, format!("{what}: {s} strings and {i} integers are left over")).into())
    }
}

/// Appends a service in the layout [`Data::service`] reads: what `parse` hands back.
pub(crate) fn put_service(ints: &mut Vec<jlong>, strings: &mut Vec<Option<String>>, s: &Service) {
    ints.push(s.service_type().id().into());
    let mut fields: [Option<&str>; 5] = [None; 5];
    let (mut role, mut permissions) = (NONE, &[][..]);
    match s.fields() {
        ServiceFields::Channel { channel_name, account } => fields[..2].copy_from_slice(&[Some(channel_name), Some(account)]),
        ServiceFields::User { user_id } => fields[2] = Some(user_id),
        ServiceFields::Empty => {}
        ServiceFields::Apaas { room_uuid, user_uuid, role: r } => {
            fields[3..].copy_from_slice(&[Some(room_uuid), Some(user_uuid)]);
            role = (*r).into();
        }
        ServiceFields::Rtm2 { user_id, permissions: p } => {
            fields[2] = Some(user_id);
            permissions = p;
        }
    }
    ints.extend([NONE, role, s.privileges().len() as jlong]);
    ints.extend(s.privileges().iter().flat_map(|&(id, e)| [jlong::from(id), jlong::from(e)]));
    strings.extend(fields.iter().map(|f| f.map(str::to_owned)));
    ints.push(permissions.len() as jlong);
    for p in permissions {
        ints.extend([p.resource_type.into(), p.permission_type.into(), p.resources.len() as jlong]);
        strings.extend(p.resources.iter().cloned().map(Some));
    }
}

/// `int Native.build007(int recipe, String appId, String appCertificate, String[] strings, long[] ints, long issueTs, long salt, byte[] out)`:
/// builds with the builder at index `recipe` of the core's table, or, for `recipe` -1, the
/// token described as data (see the module's documentation); issue_ts and salt pinned unless
/// `Long.MIN_VALUE`. The token into `out`, as `builderBuildToken` (minus the length needed when
/// `out` is too short).
#[unsafe(no_mangle)]
pub extern "system" fn Java_io_agora_media_Native_build007<'l>(
    env: EnvUnowned<'l>,
    _c: JClass<'l>,
    recipe: jint,
    app_id: JString<'l>,
    app_certificate: JString<'l>,
    strings: JObjectArray<'l, JString<'l>>,
    ints: JLongArray<'l>,
    issue_ts: jlong,
    salt: jlong,
    out: JByteArray<'l>,
) -> jint {
    run(env, |env| {
        let app_id = string(env, &app_id, "appId")?;
        let app_certificate = string(env, &app_certificate, "appCertificate")?;
        let (strings, ints) = (read_strings(env, &strings)?, read_ints(env, &ints)?);
        let mut data = Data { strings: &strings, ints: &ints };
        let pin = Pin::checked(Some(issue_ts).filter(|&v| v != NONE), Some(salt).filter(|&v| v != NONE))?;
        let token = if recipe == DATA {
            let expire = data.int("expire")?;
            let n = data.count("services", 5)?;
            let services = (0..n).map(|_| data.service()).collect::<Res<_>>()?;
            data.finish("services")?;
            let (issue_ts, salt) = (pin.issue_ts.map(i64::from), pin.salt.map(i64::from));
            RawToken { app_id: &app_id, app_certificate: &app_certificate, issue_ts, expire, salt, services, other_services: Vec::new() }.to_token()?
        } else {
            let recipe = Recipe::at(usize::try_from(recipe).unwrap_or(usize::MAX))?;
            let args = data.args(recipe)?;
            data.finish(recipe.name)?;
            let mut token = recipe.token(&app_id, &app_certificate, &args)?;
            (token.issue_ts, token.salt) = (pin.issue_ts, pin.salt);
            token
        };
        with_token_buffer(|buffer| {
            token.build_into(buffer)?;
            write_token(env, &out, buffer)
        })
    })
}

/// A `String[]` argument (null: empty); its elements are zeroed when dropped, as every copy of
/// an argument.
fn read_strings(env: &mut Env<'_>, array: &JObjectArray<'_, JString<'_>>) -> Res<Vec<Option<JavaString>>> {
    if jni::refs::Reference::is_null(array) {
        return Ok(Vec::new());
    }
    let len = array.len(env)?;
    let mut out = Vec::with_capacity(len);
    for i in 0..len {
        let s = array.get_element(env, i)?;
        out.push(java_string(env, &s)?);
        env.delete_local_ref(s);
    }
    Ok(out)
}

/// A `long[]` argument (null: empty).
fn read_ints(env: &Env<'_>, array: &JLongArray<'_>) -> Res<Vec<jlong>> {
    if jni::refs::Reference::is_null(array) {
        return Ok(Vec::new());
    }
    let mut out = vec![0; array.len(env)?];
    array.get_region(env, 0, &mut out)?;
    Ok(out)
}
