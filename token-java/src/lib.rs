//! JNI binding of `agoratoken-core` for the Java package `io.agora.media`.
//!
//! Every native method of the package-private class `io.agora.media.Native`
//! is implemented here, and each one runs in [`run`] (the hot token builder in
//! [`run_raw`], which hands its failures to [`run`]): a panic is caught, a
//! [`TokenError`] (or a null argument) becomes a thrown
//! `io.agora.media.AgoraTokenException` carrying the core's category name and
//! code, and the method returns a default value (0 / null) to Java, which
//! rethrows the pending exception. No category table is kept here: names and
//! codes come from [`ErrorKind`].
//!
//! A builder crosses the boundary as a `long` handle: `Box::into_raw` of a
//! [`SimpleTokenBuilder`], freed exactly once by `builderFree` (the Java class
//! calls it from `close()` or from its `Cleaner`). The Java class serialises
//! every call on one builder, so a handle is never used by two threads at once.
//!
//! Messages come from token-core and never contain the app certificate.

use std::cell::RefCell;
use std::sync::atomic::{AtomicI64, Ordering};

use jni::errors::ErrorPolicy;
use jni::objects::{JByteArray, JClass, JObject, JString, JThrowable};
use jni::refs::Reference as _;
use jni::sys::{jbyteArray, jint, jlong, jstring, JNIEnv};
use jni::{jni_sig, jni_str, Env, EnvUnowned, JValue};
use zeroize::{Zeroize as _, Zeroizing};
use token_core::validate::check_u32;
use token_core::{
    parse, verify, ErrorKind, Expected, Privilege, Role, RtcTokenBuilder, RtmRole, RtmTokenBuilder,
    SimpleTokenBuilder, TokenError, UserId, VerifyResult,
};

/// Builders created and not yet freed (read by the Java tests to find leaks).
static LIVE_BUILDERS: AtomicI64 = AtomicI64::new(0);

/// Why a native method failed.
#[derive(Debug)]
enum Failure {
    /// Invalid input: thrown with its category.
    Token(TokenError),
    /// A JNI call failed (usually a pending Java exception such as OutOfMemoryError).
    Jni(jni::errors::Error),
}

impl From<TokenError> for Failure {
    fn from(e: TokenError) -> Self {
        Failure::Token(e)
    }
}

impl From<jni::errors::Error> for Failure {
    fn from(e: jni::errors::Error) -> Self {
        Failure::Jni(e)
    }
}

type Res<T> = Result<T, Failure>;

/// Throws `AgoraTokenException` for a failure or a panic, returns the default value.
#[derive(Debug)]
struct ThrowAgoraTokenException;

fn new_exception<'l>(env: &mut Env<'l>, error: &TokenError) -> jni::errors::Result<JThrowable<'l>> {
    let category = JString::from_str(env, error.kind().as_str())?;
    let message = JString::from_str(env, error.message())?;
    let obj = env.new_object(
        jni_str!("io/agora/media/AgoraTokenException"),
        jni_sig!("(Ljava/lang/String;ILjava/lang/String;)V"),
        &[
            JValue::from(&category),
            JValue::Int(error.code()),
            JValue::from(&message),
        ],
    )?;
    env.cast_local::<JThrowable>(obj)
}

fn throw(env: &mut Env<'_>, error: &TokenError) -> jni::errors::Result<()> {
    if env.exception_check() {
        // A Java exception (e.g. OutOfMemoryError) is already on its way: keep it.
        return Ok(());
    }
    let exception = new_exception(env, error)?;
    match env.throw(&exception) {
        // `throw` reports the now pending exception as an error: that is success here.
        Ok(()) | Err(jni::errors::Error::JavaException) => Ok(()),
        Err(e) => Err(e),
    }
}

fn internal(what: impl std::fmt::Display) -> TokenError {
    TokenError::new(
        ErrorKind::Internal,
        format!("internal: {what} (a bug in agoratoken; please report it)"),
    )
}

impl<T: Default> ErrorPolicy<T, Failure> for ThrowAgoraTokenException {
    type Captures<'unowned_env_local: 'native_method, 'native_method> = ();

    fn on_error<'unowned_env_local: 'native_method, 'native_method>(
        env: &mut Env<'unowned_env_local>,
        _cap: &mut (),
        err: Failure,
    ) -> jni::errors::Result<T> {
        let error = match err {
            Failure::Token(e) => e,
            Failure::Jni(e) => internal(format_args!("JNI call failed: {e}")),
        };
        throw(env, &error)?;
        Ok(T::default())
    }

    fn on_panic<'unowned_env_local: 'native_method, 'native_method>(
        env: &mut Env<'unowned_env_local>,
        _cap: &mut (),
        payload: Box<dyn std::any::Any + Send + 'static>,
    ) -> jni::errors::Result<T> {
        // The payload is not quoted: nothing decides what a panic message holds.
        // Dropping it may panic in turn: then that payload is leaked rather than dropped.
        if let Err(again) =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(move || drop(payload)))
        {
            std::mem::forget(again);
        }
        throw(env, &internal("a panic was caught in native code"))?;
        Ok(T::default())
    }
}

/// The one helper every export runs in: catches panics and turns failures
/// into a thrown `AgoraTokenException`, returning `T::default()` to Java.
fn run<'l, T: Default + 'l>(mut env: EnvUnowned<'l>, f: impl FnOnce(&mut Env<'l>) -> Res<T>) -> T {
    env.with_env(f).resolve::<ThrowAgoraTokenException>()
}

fn null_argument(field: &str) -> TokenError {
    TokenError::new(
        ErrorKind::NullArgument,
        format!("null_argument: {field} must not be null"),
    )
}

/// A Java string argument as a Rust string, zeroed when dropped (it may be
/// the certificate); null is a `null_argument` failure.
fn string(env: &Env<'_>, s: &JString<'_>, field: &str) -> Res<Zeroizing<String>> {
    if s.is_null() {
        return Err(null_argument(field).into());
    }
    if let Some(text) = short_string(env, s) {
        return Ok(Zeroizing::new(text));
    }
    Ok(Zeroizing::new(s.try_to_string(env)?))
}

/// Longest string (in UTF-16 units) read through the stack buffer of [`short_string`].
const SHORT_STRING: usize = 256;

/// Reads a non-null string of at most [`SHORT_STRING`] UTF-16 units with `GetStringLength` and
/// `GetStringRegion` into a stack buffer: no malloc/free of a modified-UTF-8 copy as with
/// `GetStringUTFChars` (about half the cost of each string argument). A lone surrogate becomes
/// U+FFFD, which every field check refuses. Longer strings return `None` (the general path).
fn short_string(env: &Env<'_>, s: &JString<'_>) -> Option<String> {
    let raw = env.get_raw();
    let jstr = s.as_raw();
    // SAFETY: `raw` is this thread's valid JNIEnv (we are inside a native method), `jstr` a
    // non-null local reference to a java.lang.String, no exception is pending (none was thrown
    // by this method yet), and GetStringRegion is given exactly [0, len) of that string, so it
    // cannot throw; the buffer holds `len` units.
    unsafe {
        let iface = *raw;
        let len = ((*iface).v1_1.GetStringLength)(raw, jstr);
        let len = usize::try_from(len).ok().filter(|&n| n <= SHORT_STRING)?;
        // Zeroed when dropped, as every copy of an argument (it may be the certificate).
        let mut buffer = Zeroizing::new([0u16; SHORT_STRING]);
        ((*iface).v1_2.GetStringRegion)(raw, jstr, 0, len as jni::sys::jsize, buffer.as_mut_ptr());
        let units = &buffer[..len];
        if units.iter().all(|&u| u < 0x80) {
            // ASCII (every valid input): one byte per unit.
            return String::from_utf8(units.iter().map(|&u| u as u8).collect()).ok();
        }
        Some(
            char::decode_utf16(units.iter().copied())
                .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
                .collect(),
        )
    }
}

/// A string argument read on the raw JNIEnv into `buffer`, for the [`run_raw_or`] fast paths:
/// `None` (take the general path, which reports or handles it) when the string is null, longer
/// than [`SHORT_STRING`] or not ASCII. Every valid input is ASCII, so the general path only ever
/// sees arguments that fail their check, and builds the same message for them.
///
/// # Safety
///
/// `raw` is the calling thread's JNIEnv inside a native method with no exception pending, and
/// `s` is null or a local reference to a `java.lang.String` valid in that native method's frame.
unsafe fn ascii_arg(raw: *mut JNIEnv, s: jstring, buffer: &mut [u8; SHORT_STRING]) -> Option<&str> {
    if s.is_null() {
        return None;
    }
    let mut units = Zeroizing::new([0u16; SHORT_STRING]);
    // SAFETY: see above; GetStringRegion is given exactly [0, len) of the string, so it cannot
    // throw, and `units` holds `len` units.
    let len = unsafe {
        let len = ((**raw).v1_1.GetStringLength)(raw, s);
        let len = usize::try_from(len).ok().filter(|&n| n <= SHORT_STRING)?;
        ((**raw).v1_2.GetStringRegion)(raw, s, 0, len as jni::sys::jsize, units.as_mut_ptr());
        len
    };
    for (byte, &unit) in buffer.iter_mut().zip(&units[..len]) {
        *byte = u8::try_from(unit).ok().filter(u8::is_ascii)?;
    }
    std::str::from_utf8(&buffer[..len]).ok()
}

fn optional_string(env: &Env<'_>, s: &JString<'_>) -> Res<Option<String>> {
    if s.is_null() {
        Ok(None)
    } else {
        Ok(Some(s.try_to_string(env)?))
    }
}

fn u32_arg(kind: ErrorKind, value: jlong) -> Res<u32> {
    Ok(check_u32(kind, i128::from(value))?)
}

/// The builder behind a handle.
///
/// The Java class passes only handles it got from `builderNew*` and has not
/// freed, and never the same handle from two threads at once.
fn builder<'a>(handle: jlong) -> Res<&'a mut SimpleTokenBuilder> {
    if handle == 0 {
        return Err(null_argument("builder handle").into());
    }
    // SAFETY: see above; the handle is a live `Box<SimpleTokenBuilder>` used by one thread.
    Ok(unsafe { &mut *(handle as *mut SimpleTokenBuilder) })
}

fn into_handle(b: SimpleTokenBuilder) -> jlong {
    LIVE_BUILDERS.fetch_add(1, Ordering::Relaxed);
    Box::into_raw(Box::new(b)) as jlong
}

fn jstring<'l>(env: &mut Env<'l>, s: &str) -> Res<JString<'l>> {
    Ok(JString::from_str(env, s)?)
}

/// Copies an (ASCII) token into the caller's `byte[] out` and returns its length; when `out`
/// is too short, writes nothing and returns minus the length needed (the Java side retries with
/// a larger array). Java then makes a Latin-1 String of it, a plain copy: this costs far less
/// than `NewStringUTF` (a modified-UTF-8 pass) or `NewByteArray` (a slow-path allocation).
fn write_token(env: &Env<'_>, out: &JByteArray<'_>, token: &[u8]) -> Res<jint> {
    if out.is_null() {
        return Err(null_argument("output buffer").into());
    }
    let raw = env.get_raw();
    // SAFETY: `raw` is this thread's JNIEnv inside a native method, no exception is pending and
    // `out` is a non-null local reference to a byte[] of that native method's frame; the capacity
    // is the array's own length.
    unsafe {
        let capacity = ((**raw).v1_1.GetArrayLength)(raw, out.as_raw());
        write_token_raw(raw, out.as_raw(), capacity, token)
    }
}

/// [`write_token`] on the raw JNIEnv of a native method, for the [`run_raw`] exports, with the
/// array's length passed in by the Java caller (`out.length`) rather than asked of the JVM:
/// every JNI function call enters the VM (a thread-state transition of about 5 ns).
///
/// # Safety
///
/// `raw` is the calling thread's JNIEnv inside a native method with no exception pending, and
/// `out` is null or a local reference to a `byte[]` valid in that native method's frame. Memory
/// safety does not depend on `capacity`: SetByteArrayRegion checks the region against the array
/// and throws `ArrayIndexOutOfBoundsException` rather than write past it, so a wrong capacity
/// (a bug in this package's Java code) can only cost an exception.
unsafe fn write_token_raw(
    raw: *mut JNIEnv,
    out: jbyteArray,
    capacity: jint,
    token: &[u8],
) -> Res<jint> {
    if out.is_null() {
        return Err(null_argument("output buffer").into());
    }
    let len = jint::try_from(token.len()).map_err(|_| internal("token longer than 2^31 bytes"))?;
    if len > capacity {
        return Ok(-len);
    }
    // SAFETY: see above; `token` holds `len` bytes.
    unsafe {
        ((**raw).v1_1.SetByteArrayRegion)(raw, out, 0, len, token.as_ptr().cast());
    }
    Ok(len)
}

/// Largest token buffer a thread keeps between builds; a larger one (a token with thousands of
/// privileges) is freed after its build.
const KEPT_TOKEN_BUFFER: usize = 4096;

thread_local! {
    /// The buffer each thread builds its tokens into (`build_token_into`), reused across
    /// calls: no String is allocated and freed per token.
    static TOKEN_BUFFER: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// Runs `f` with this thread's empty token buffer, or with a fresh Vec when that buffer is
/// unavailable (in use further up the stack, or already destroyed at thread exit).
fn with_token_buffer<R>(f: impl FnOnce(&mut Vec<u8>) -> R) -> R {
    let mut f = Some(f);
    let kept = TOKEN_BUFFER.try_with(|cell| {
        let mut buffer = cell.try_borrow_mut().ok()?;
        buffer.clear();
        let f = f.take()?;
        let result = f(&mut buffer);
        if buffer.capacity() > KEPT_TOKEN_BUFFER {
            *buffer = Vec::new();
        }
        Some(result)
    });
    match (kept, f) {
        (Ok(Some(result)), _) => result,
        (_, Some(f)) => f(&mut Vec::new()),
        (_, None) => unreachable!("f ran and returned a result"),
    }
}

/// The hot exports' helper: like [`run`], without the jni crate's per-call attach guard (its
/// thread-local bookkeeping: a trivial export costs about 26 ns through [`run`], 11-13 ns
/// without it). `f` runs under `catch_unwind` on the raw JNIEnv; a failure or a caught panic is
/// then handed to [`run`], which throws `AgoraTokenException` exactly as every other export does
/// and returns `T::default()`.
fn run_raw<'l, T: Default + 'l>(env: EnvUnowned<'l>, f: impl FnOnce(*mut JNIEnv) -> Res<T>) -> T {
    run_raw_or(
        env,
        |raw| f(raw).map(Some),
        |_| Err(internal("run_raw has no general path").into()),
    )
}

/// [`run_raw`] with a general path: when `fast` returns `Ok(None)` (an argument it does not
/// handle, such as a null or long string), `general` runs in [`run`] instead, from the start.
fn run_raw_or<'l, T: Default + 'l>(
    env: EnvUnowned<'l>,
    fast: impl FnOnce(*mut JNIEnv) -> Res<Option<T>>,
    general: impl FnOnce(&mut Env<'l>) -> Res<T>,
) -> T {
    let raw = env.as_raw();
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(move || fast(raw))) {
        Ok(Ok(Some(value))) => value,
        Ok(Ok(None)) => run(env, general),
        Ok(Err(failure)) => run(env, move |_| Err(failure)),
        // Re-raised inside `run`'s catch_unwind, so that its policy reports it (`internal`)
        // and disposes of the payload; resume_unwind does not run the panic hook again.
        Err(payload) => run(env, move |_| std::panic::resume_unwind(payload)),
    }
}

// ---------------------------------------------------------------- library

/// `String Native.version()`
#[unsafe(no_mangle)]
pub extern "system" fn Java_io_agora_media_Native_version<'l>(
    env: EnvUnowned<'l>,
    _c: JClass<'l>,
) -> JString<'l> {
    run(env, |env| jstring(env, token_core::version()))
}

/// `long Native.liveBuilders()`: builders created and not yet freed.
#[unsafe(no_mangle)]
pub extern "system" fn Java_io_agora_media_Native_liveBuilders<'l>(
    env: EnvUnowned<'l>,
    _c: JClass<'l>,
) -> jlong {
    run(env, |_| Ok(LIVE_BUILDERS.load(Ordering::Relaxed)))
}

/// `AgoraTokenException Native.nullArgument(String field)`: the exception for
/// a null argument checked on the Java side (enum arguments).
#[unsafe(no_mangle)]
pub extern "system" fn Java_io_agora_media_Native_nullArgument<'l>(
    env: EnvUnowned<'l>,
    _c: JClass<'l>,
    field: JString<'l>,
) -> JObject<'l> {
    run(env, |env| {
        let field = optional_string(env, &field)?.unwrap_or_else(|| "argument".to_owned());
        Ok(new_exception(env, &null_argument(&field))?.into())
    })
}

/// `String Native.privilegeName(int id)`: the reference name of a privilege id, or null.
#[unsafe(no_mangle)]
pub extern "system" fn Java_io_agora_media_Native_privilegeName<'l>(
    env: EnvUnowned<'l>,
    _c: JClass<'l>,
    id: jint,
) -> JString<'l> {
    run(env, |env| {
        match u16::try_from(id).ok().and_then(Privilege::name_of) {
            Some(name) => jstring(env, name),
            None => Ok(JString::default()),
        }
    })
}

/// `int[] Native.rolePrivileges(int role)`: the privilege ids a role grants.
#[unsafe(no_mangle)]
pub extern "system" fn Java_io_agora_media_Native_rolePrivileges<'l>(
    env: EnvUnowned<'l>,
    _c: JClass<'l>,
    role: jint,
) -> jni::objects::JIntArray<'l> {
    run(env, |env| {
        let role = Role::try_from_value(role.into())?;
        let ids: Vec<jint> = role
            .privileges()
            .iter()
            .map(|p| jint::from(p.id()))
            .collect();
        let array = jni::objects::JIntArray::new(env, ids.len())?;
        array.set_region(env, 0, &ids)?;
        Ok(array)
    })
}

/// `String Native.verifyResultName(int value)`: `"ok"`, `"channel_mismatch"`, ... or null.
#[unsafe(no_mangle)]
pub extern "system" fn Java_io_agora_media_Native_verifyResultName<'l>(
    env: EnvUnowned<'l>,
    _c: JClass<'l>,
    value: jint,
) -> JString<'l> {
    run(env, |env| {
        match VerifyResult::ALL.iter().find(|r| r.value() == value) {
            Some(r) => jstring(env, r.as_str()),
            None => Ok(JString::default()),
        }
    })
}

// ---------------------------------------------------------------- SimpleTokenBuilder

/// `long Native.builderNewUid(String appId, String appCertificate, String channelName, long uid)`
#[unsafe(no_mangle)]
pub extern "system" fn Java_io_agora_media_Native_builderNewUid<'l>(
    env: EnvUnowned<'l>,
    _c: JClass<'l>,
    app_id: JString<'l>,
    app_certificate: JString<'l>,
    channel_name: JString<'l>,
    uid: jlong,
) -> jlong {
    run(env, |env| {
        let app_id = string(env, &app_id, "appId")?;
        let app_certificate = string(env, &app_certificate, "appCertificate")?;
        let channel_name = string(env, &channel_name, "channelName")?;
        let uid = u32_arg(ErrorKind::Uid, uid)?;
        Ok(into_handle(SimpleTokenBuilder::with_uid(
            &app_id,
            &app_certificate,
            &channel_name,
            uid,
        )?))
    })
}

/// `long Native.builderNewUserAccount(String appId, String appCertificate, String channelName, String userAccount)`
#[unsafe(no_mangle)]
pub extern "system" fn Java_io_agora_media_Native_builderNewUserAccount<'l>(
    env: EnvUnowned<'l>,
    _c: JClass<'l>,
    app_id: JString<'l>,
    app_certificate: JString<'l>,
    channel_name: JString<'l>,
    user_account: JString<'l>,
) -> jlong {
    run(env, |env| {
        let app_id = string(env, &app_id, "appId")?;
        let app_certificate = string(env, &app_certificate, "appCertificate")?;
        let channel_name = string(env, &channel_name, "channelName")?;
        let user_account = string(env, &user_account, "userAccount")?;
        Ok(into_handle(SimpleTokenBuilder::with_user_account(
            &app_id,
            &app_certificate,
            &channel_name,
            &user_account,
        )?))
    })
}

/// `void Native.builderFree(long handle)`: 0 is a no-op. Called exactly once per handle.
#[unsafe(no_mangle)]
pub extern "system" fn Java_io_agora_media_Native_builderFree<'l>(
    env: EnvUnowned<'l>,
    _c: JClass<'l>,
    handle: jlong,
) {
    run(env, |_| {
        if handle != 0 {
            // SAFETY: a live handle from `into_handle`, freed once (the Java class guarantees it).
            drop(unsafe { Box::from_raw(handle as *mut SimpleTokenBuilder) });
            LIVE_BUILDERS.fetch_sub(1, Ordering::Relaxed);
        }
        Ok(())
    })
}

/// `void Native.builderInitTokenBuilder(long handle, String originToken)`
#[unsafe(no_mangle)]
pub extern "system" fn Java_io_agora_media_Native_builderInitTokenBuilder<'l>(
    env: EnvUnowned<'l>,
    _c: JClass<'l>,
    handle: jlong,
    origin_token: JString<'l>,
) {
    run(env, |env| {
        let b = builder(handle)?;
        let token = string(env, &origin_token, "originToken")?;
        Ok(b.init_token_builder(token)?)
    })
}

/// `void Native.builderInitPrivileges(long handle, int role)`
#[unsafe(no_mangle)]
pub extern "system" fn Java_io_agora_media_Native_builderInitPrivileges<'l>(
    env: EnvUnowned<'l>,
    _c: JClass<'l>,
    handle: jlong,
    role: jint,
) {
    run(env, |_| {
        let b = builder(handle)?;
        b.init_privileges(Role::try_from_value(role.into())?);
        Ok(())
    })
}

/// `void Native.builderSetPrivilege(long handle, int privilege, long expireTimestamp)`
#[unsafe(no_mangle)]
pub extern "system" fn Java_io_agora_media_Native_builderSetPrivilege<'l>(
    env: EnvUnowned<'l>,
    _c: JClass<'l>,
    handle: jlong,
    privilege: jint,
    expire_ts: jlong,
) {
    run(env, |_| {
        let b = builder(handle)?;
        let privilege = Privilege::try_from_id(privilege.into())?;
        let expire_ts = u32_arg(ErrorKind::ExpireTs, expire_ts)?;
        b.set_privilege(privilege, expire_ts);
        Ok(())
    })
}

/// `void Native.builderRemovePrivilege(long handle, int privilege)`
#[unsafe(no_mangle)]
pub extern "system" fn Java_io_agora_media_Native_builderRemovePrivilege<'l>(
    env: EnvUnowned<'l>,
    _c: JClass<'l>,
    handle: jlong,
    privilege: jint,
) {
    run(env, |_| {
        let b = builder(handle)?;
        b.remove_privilege(Privilege::try_from_id(privilege.into())?);
        Ok(())
    })
}

/// `long[] Native.builderPrivileges(long handle)`: `[id0, expire0, id1, expire1, ...]`, sorted by id.
#[unsafe(no_mangle)]
pub extern "system" fn Java_io_agora_media_Native_builderPrivileges<'l>(
    env: EnvUnowned<'l>,
    _c: JClass<'l>,
    handle: jlong,
) -> jni::objects::JLongArray<'l> {
    run(env, |env| {
        let b = builder(handle)?;
        let flat: Vec<jlong> = b
            .privileges()
            .iter()
            .flat_map(|&(id, e)| [jlong::from(id), jlong::from(e)])
            .collect();
        let array = jni::objects::JLongArray::new(env, flat.len())?;
        array.set_region(env, 0, &flat)?;
        Ok(array)
    })
}

/// `void Native.builderSetSalt(long handle, long salt)`
#[unsafe(no_mangle)]
pub extern "system" fn Java_io_agora_media_Native_builderSetSalt<'l>(
    env: EnvUnowned<'l>,
    _c: JClass<'l>,
    handle: jlong,
    salt: jlong,
) {
    run(env, |_| {
        let b = builder(handle)?;
        b.set_salt(u32_arg(ErrorKind::Salt, salt)?);
        Ok(())
    })
}

/// `void Native.builderClearSalt(long handle)`: back to a fresh CSPRNG salt per token.
#[unsafe(no_mangle)]
pub extern "system" fn Java_io_agora_media_Native_builderClearSalt<'l>(
    env: EnvUnowned<'l>,
    _c: JClass<'l>,
    handle: jlong,
) {
    run(env, |_| {
        builder(handle)?.set_salt(None);
        Ok(())
    })
}

/// `long Native.builderGetSalt(long handle)`: the salt, or -1 when drawn per token.
#[unsafe(no_mangle)]
pub extern "system" fn Java_io_agora_media_Native_builderGetSalt<'l>(
    env: EnvUnowned<'l>,
    _c: JClass<'l>,
    handle: jlong,
) -> jlong {
    run(env, |_| Ok(builder(handle)?.salt().map_or(-1, jlong::from)))
}

/// `void Native.builderSetTs(long handle, long ts)`
#[unsafe(no_mangle)]
pub extern "system" fn Java_io_agora_media_Native_builderSetTs<'l>(
    env: EnvUnowned<'l>,
    _c: JClass<'l>,
    handle: jlong,
    ts: jlong,
) {
    run(env, |_| {
        let b = builder(handle)?;
        b.set_ts(u32_arg(ErrorKind::Ts, ts)?);
        Ok(())
    })
}

/// `void Native.builderClearTs(long handle)`: back to now + 24 h at each build.
#[unsafe(no_mangle)]
pub extern "system" fn Java_io_agora_media_Native_builderClearTs<'l>(
    env: EnvUnowned<'l>,
    _c: JClass<'l>,
    handle: jlong,
) {
    run(env, |_| {
        builder(handle)?.set_ts(None);
        Ok(())
    })
}

/// `long Native.builderGetTs(long handle)`: the ts, or -1 for "now + 24 h at each build".
#[unsafe(no_mangle)]
pub extern "system" fn Java_io_agora_media_Native_builderGetTs<'l>(
    env: EnvUnowned<'l>,
    _c: JClass<'l>,
    handle: jlong,
) -> jlong {
    run(env, |_| Ok(builder(handle)?.ts().map_or(-1, jlong::from)))
}

/// `int Native.builderBuildToken(long handle, byte[] out, int capacity)`: the token's ASCII
/// bytes into `out`, whose length the caller passes as `capacity` (see [`write_token_raw`]).
/// The hot path: built into this thread's reused buffer ([`with_token_buffer`]) and run by
/// [`run_raw`].
#[unsafe(no_mangle)]
pub extern "system" fn Java_io_agora_media_Native_builderBuildToken<'l>(
    env: EnvUnowned<'l>,
    _c: JClass<'l>,
    handle: jlong,
    out: JByteArray<'l>,
    capacity: jint,
) -> jint {
    let out = out.as_raw();
    run_raw(env, |raw| {
        let b = builder(handle)?;
        with_token_buffer(|buffer| {
            b.build_token_into(buffer)?;
            // SAFETY: `raw` is this native method's JNIEnv, nothing is pending, `out` its argument.
            unsafe { write_token_raw(raw, out, capacity, buffer) }
        })
    })
}

/// `String Native.builderDescribe(long handle)`: the builder's `Debug` (certificate shown as `***`).
#[unsafe(no_mangle)]
pub extern "system" fn Java_io_agora_media_Native_builderDescribe<'l>(
    env: EnvUnowned<'l>,
    _c: JClass<'l>,
    handle: jlong,
) -> JString<'l> {
    run(env, |env| {
        let text = format!("{:?}", builder(handle)?);
        jstring(env, &text)
    })
}

// ---------------------------------------------------------------- RTC / RTM helpers

/// The checks and the build of the two `rtcBuildToken*` exports, on Rust strings: appends the
/// token to `buffer`. The checks run in the general path's order (uid, role, expiry, then the
/// core's field checks).
#[allow(clippy::too_many_arguments)]
fn rtc_build(
    buffer: &mut Vec<u8>,
    app_id: &str,
    app_certificate: &str,
    channel_name: &str,
    user: UserId<'_>,
    role: jint,
    privilege_ts: jlong,
) -> Res<()> {
    let role = Role::try_from_value(role.into())?;
    let privilege_ts = u32_arg(ErrorKind::ExpireTs, privilege_ts)?;
    Ok(RtcTokenBuilder::build_token_into(
        buffer,
        app_id,
        app_certificate,
        channel_name,
        user,
        role,
        privilege_ts,
    )?)
}

/// The user argument of a raw RTC build, as Java passed it.
#[derive(Debug, Clone, Copy)]
enum RawUser {
    Uid(jlong),
    Account(jstring),
}

/// The raw fast path of the `rtcBuildToken*` exports: the string arguments read into stack
/// buffers ([`ascii_arg`]), the token built into this thread's buffer and copied into `out`.
/// `Ok(None)` sends the call down its general path.
///
/// # Safety
///
/// As [`ascii_arg`] for `raw` and the strings, as [`write_token_raw`] for `out`.
#[allow(clippy::too_many_arguments)]
unsafe fn rtc_build_raw(
    raw: *mut JNIEnv,
    app_id: jstring,
    app_certificate: jstring,
    channel_name: jstring,
    user: RawUser,
    role: jint,
    privilege_ts: jlong,
    out: jbyteArray,
    capacity: jint,
) -> Res<Option<jint>> {
    // The arguments' bytes (one is the certificate), zeroed when dropped.
    let (mut a, mut c, mut n, mut u) = (
        Zeroizing::new([0u8; SHORT_STRING]),
        Zeroizing::new([0u8; SHORT_STRING]),
        Zeroizing::new([0u8; SHORT_STRING]),
        Zeroizing::new([0u8; SHORT_STRING]),
    );
    // SAFETY: as this function's contract.
    let args = unsafe {
        (
            ascii_arg(raw, app_id, &mut a),
            ascii_arg(raw, app_certificate, &mut c),
            ascii_arg(raw, channel_name, &mut n),
        )
    };
    let (Some(app_id), Some(app_certificate), Some(channel_name)) = args else {
        return Ok(None);
    };
    // The general path reads (and null-checks) every string before it checks the uid.
    let user = match user {
        RawUser::Uid(uid) => UserId::Uid(u32_arg(ErrorKind::Uid, uid)?),
        // SAFETY: as this function's contract.
        RawUser::Account(account) => match unsafe { ascii_arg(raw, account, &mut u) } {
            Some(account) => UserId::Account(account),
            None => return Ok(None),
        },
    };
    with_token_buffer(|buffer| {
        rtc_build(
            buffer,
            app_id,
            app_certificate,
            channel_name,
            user,
            role,
            privilege_ts,
        )?;
        // SAFETY: as this function's contract.
        unsafe { write_token_raw(raw, out, capacity, buffer) }.map(Some)
    })
}

/// `int Native.rtcBuildTokenWithUid(String appId, String appCertificate, String channelName, long uid, int role, long privilegeTs, byte[] out, int capacity)`:
/// like `builderBuildToken` (the token into `out` of length `capacity`), on the raw fast path
/// unless an argument needs the general one.
#[unsafe(no_mangle)]
pub extern "system" fn Java_io_agora_media_Native_rtcBuildTokenWithUid<'l>(
    env: EnvUnowned<'l>,
    _c: JClass<'l>,
    app_id: JString<'l>,
    app_certificate: JString<'l>,
    channel_name: JString<'l>,
    uid: jlong,
    role: jint,
    privilege_ts: jlong,
    out: JByteArray<'l>,
    capacity: jint,
) -> jint {
    let (a, c, n, o) = (
        app_id.as_raw(),
        app_certificate.as_raw(),
        channel_name.as_raw(),
        out.as_raw(),
    );
    run_raw_or(
        env,
        |raw| {
            let user = RawUser::Uid(uid);
            // SAFETY: `raw` is this native method's JNIEnv with nothing pending; the references
            // are its arguments.
            unsafe { rtc_build_raw(raw, a, c, n, user, role, privilege_ts, o, capacity) }
        },
        |env| {
            let app_id = string(env, &app_id, "appId")?;
            let app_certificate = string(env, &app_certificate, "appCertificate")?;
            let channel_name = string(env, &channel_name, "channelName")?;
            let uid = u32_arg(ErrorKind::Uid, uid)?;
            with_token_buffer(|buffer| {
                let user = UserId::Uid(uid);
                rtc_build(
                    buffer,
                    &app_id,
                    &app_certificate,
                    &channel_name,
                    user,
                    role,
                    privilege_ts,
                )?;
                write_token(env, &out, buffer)
            })
        },
    )
}

/// `int Native.rtcBuildTokenWithUserAccount(String appId, String appCertificate, String channelName, String account, int role, long privilegeTs, byte[] out, int capacity)`
#[unsafe(no_mangle)]
pub extern "system" fn Java_io_agora_media_Native_rtcBuildTokenWithUserAccount<'l>(
    env: EnvUnowned<'l>,
    _c: JClass<'l>,
    app_id: JString<'l>,
    app_certificate: JString<'l>,
    channel_name: JString<'l>,
    account: JString<'l>,
    role: jint,
    privilege_ts: jlong,
    out: JByteArray<'l>,
    capacity: jint,
) -> jint {
    let (a, c, n, u, o) = (
        app_id.as_raw(),
        app_certificate.as_raw(),
        channel_name.as_raw(),
        account.as_raw(),
        out.as_raw(),
    );
    run_raw_or(
        env,
        |raw| {
            let user = RawUser::Account(u);
            // SAFETY: `raw` is this native method's JNIEnv with nothing pending; the references
            // are its arguments.
            unsafe { rtc_build_raw(raw, a, c, n, user, role, privilege_ts, o, capacity) }
        },
        |env| {
            let app_id = string(env, &app_id, "appId")?;
            let app_certificate = string(env, &app_certificate, "appCertificate")?;
            let channel_name = string(env, &channel_name, "channelName")?;
            let account = string(env, &account, "account")?;
            with_token_buffer(|buffer| {
                let user = UserId::Account(&account);
                rtc_build(
                    buffer,
                    &app_id,
                    &app_certificate,
                    &channel_name,
                    user,
                    role,
                    privilege_ts,
                )?;
                write_token(env, &out, buffer)
            })
        },
    )
}

/// `int Native.rtmBuildToken(String appId, String appCertificate, String userAccount, int role, long privilegeTs, byte[] out)`
#[unsafe(no_mangle)]
pub extern "system" fn Java_io_agora_media_Native_rtmBuildToken<'l>(
    env: EnvUnowned<'l>,
    _c: JClass<'l>,
    app_id: JString<'l>,
    app_certificate: JString<'l>,
    user_account: JString<'l>,
    role: jint,
    privilege_ts: jlong,
    out: JByteArray<'l>,
) -> jint {
    run(env, |env| {
        let app_id = string(env, &app_id, "appId")?;
        let app_certificate = string(env, &app_certificate, "appCertificate")?;
        let user_account = string(env, &user_account, "uid")?;
        let role = RtmRole::try_from_value(role.into())?;
        let privilege_ts = u32_arg(ErrorKind::ExpireTs, privilege_ts)?;
        let token = RtmTokenBuilder::build_token(
            &app_id,
            &app_certificate,
            &user_account,
            role,
            privilege_ts,
        )?;
        write_token(env, &out, token.as_bytes())
    })
}

// ---------------------------------------------------------------- parse / verify

/// `ParsedToken Native.parse(String token)`
#[unsafe(no_mangle)]
pub extern "system" fn Java_io_agora_media_Native_parse<'l>(
    env: EnvUnowned<'l>,
    _c: JClass<'l>,
    token: JString<'l>,
) -> JObject<'l> {
    run(env, |env| {
        let token = string(env, &token, "token")?;
        let parsed = parse(&token)?;
        let app_id = jstring(env, &parsed.app_id)?;
        let signature = env.byte_array_from_slice(&parsed.signature)?;
        let ids: Vec<jint> = parsed
            .privileges
            .iter()
            .map(|&(id, _)| jint::from(id))
            .collect();
        let expires: Vec<jlong> = parsed
            .privileges
            .iter()
            .map(|&(_, e)| jlong::from(e))
            .collect();
        let id_array = jni::objects::JIntArray::new(env, ids.len())?;
        id_array.set_region(env, 0, &ids)?;
        let expire_array = jni::objects::JLongArray::new(env, expires.len())?;
        expire_array.set_region(env, 0, &expires)?;
        Ok(env.new_object(
            jni_str!("io/agora/media/ParsedToken"),
            jni_sig!("(Ljava/lang/String;[BJJJJ[I[J)V"),
            &[
                JValue::from(&app_id),
                JValue::from(&signature),
                JValue::Long(parsed.crc_channel_name.into()),
                JValue::Long(parsed.crc_uid.into()),
                JValue::Long(parsed.salt.into()),
                JValue::Long(parsed.ts.into()),
                JValue::from(&id_array),
                JValue::from(&expire_array),
            ],
        )?)
    })
}

fn verify_with(
    env: &Env<'_>,
    token: &JString<'_>,
    app_id: &JString<'_>,
    app_certificate: &JString<'_>,
    channel_name: &JString<'_>,
    user: UserId<'_>,
    now: jlong,
) -> Res<jint> {
    let token = string(env, token, "token")?;
    let app_id = optional_string(env, app_id)?;
    let app_certificate = string(env, app_certificate, "appCertificate")?;
    let channel_name = string(env, channel_name, "channelName")?;
    let now = u32_arg(ErrorKind::Ts, now)?;
    let expected = Expected {
        app_id: app_id.as_deref(),
        channel_name: &channel_name,
        user,
    };
    Ok(verify(&token, &app_certificate, &expected, now)?.value())
}

/// `int Native.verifyUid(String token, String appId (nullable), String appCertificate, String channelName, long uid, long now)`:
/// a `VerifyResult` value.
#[unsafe(no_mangle)]
pub extern "system" fn Java_io_agora_media_Native_verifyUid<'l>(
    env: EnvUnowned<'l>,
    _c: JClass<'l>,
    token: JString<'l>,
    app_id: JString<'l>,
    app_certificate: JString<'l>,
    channel_name: JString<'l>,
    uid: jlong,
    now: jlong,
) -> jint {
    run(env, |env| {
        let uid = u32_arg(ErrorKind::Uid, uid)?;
        verify_with(
            env,
            &token,
            &app_id,
            &app_certificate,
            &channel_name,
            UserId::Uid(uid),
            now,
        )
    })
}

/// `int Native.verifyUserAccount(String token, String appId (nullable), String appCertificate, String channelName, String userAccount, long now)`
#[unsafe(no_mangle)]
pub extern "system" fn Java_io_agora_media_Native_verifyUserAccount<'l>(
    env: EnvUnowned<'l>,
    _c: JClass<'l>,
    token: JString<'l>,
    app_id: JString<'l>,
    app_certificate: JString<'l>,
    channel_name: JString<'l>,
    user_account: JString<'l>,
    now: jlong,
) -> jint {
    run(env, |env| {
        let account = string(env, &user_account, "userAccount")?;
        verify_with(
            env,
            &token,
            &app_id,
            &app_certificate,
            &channel_name,
            UserId::Account(&account),
            now,
        )
    })
}

/// `void Native.selfTestPanic()`: panics on purpose, so that the tests see a panic become an
/// `internal` AgoraTokenException rather than abort the JVM.
#[unsafe(no_mangle)]
pub extern "system" fn Java_io_agora_media_Native_selfTestPanic<'l>(
    env: EnvUnowned<'l>,
    _c: JClass<'l>,
) {
    run(env, |_| -> Res<()> { panic!("agoratoken self-test panic") })
}

/// `int Native.selfTestPanicRaw()`: as [`Java_io_agora_media_Native_selfTestPanic`], through
/// [`run_raw`] (the hot exports' helper) and inside this thread's token buffer, so that the tests
/// see that path turn a panic into an `internal` AgoraTokenException too, and builds go on after.
#[unsafe(no_mangle)]
pub extern "system" fn Java_io_agora_media_Native_selfTestPanicRaw<'l>(
    env: EnvUnowned<'l>,
    _c: JClass<'l>,
) -> jint {
    run_raw(env, |_| -> Res<jint> {
        with_token_buffer(|buffer| {
            buffer.extend_from_slice(b"half a token");
            panic!("agoratoken self-test panic")
        })
    })
}
