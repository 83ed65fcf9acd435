//! JNI binding of `agoratoken-core` for the Java packages `io.agora.*`.
//!
//! Every native method of the package-private class `io.agora.media.Native` is implemented in
//! this crate, and each one runs in [`run`] (the hot token builders in [`run_raw`], which hands
//! its failures to [`run`]): a panic is caught, a [`TokenError`] (or a null argument) becomes a
//! thrown `io.agora.media.AgoraTokenException` carrying the core's category name and code, and
//! the method returns a default value (0 / null) to Java, which rethrows the pending exception.
//! No category table is kept here: names and codes come from [`ErrorKind`].
//!
//! The files: this one (the helpers every native uses, and the library's tables), [`v006`]
//! (the 006 builder and helpers), [`v007`] (the one generic AccessToken2 entry) and [`read`]
//! (parse and verify, either format). Messages come from token-core and never contain the app
//! certificate.

use std::cell::RefCell;

use jni::errors::ErrorPolicy;
use jni::objects::{JByteArray, JClass, JObject, JObjectArray, JString, JThrowable};
use jni::refs::Reference as _;
use jni::sys::{jbyteArray, jint, jstring, JNIEnv};
use jni::{jni_sig, jni_str, Env, EnvUnowned, JValue};
use token_core::v007::{ServiceType, RECIPES};
use token_core::{ErrorKind, Privilege, Role, TokenError, VerifyResult};
use zeroize::{Zeroize as _, Zeroizing};

mod read;
mod v006;
mod v007;

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
        &[JValue::from(&category), JValue::Int(error.code()), JValue::from(&message)],
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
    TokenError::new(ErrorKind::Internal, format!("internal: {what} (a bug in agoratoken; please report it)"))
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
        if let Err(again) = std::panic::catch_unwind(std::panic::AssertUnwindSafe(move || drop(payload))) {
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

/// The hot exports' helper: like [`run`], without the jni crate's per-call attach guard (its
/// thread-local bookkeeping: a trivial export costs about 26 ns through [`run`], 11-13 ns
/// without it). `fast` runs under `catch_unwind` on the raw JNIEnv; when it returns `Ok(None)`
/// (an argument it does not handle, such as a null or long string), `general` runs in [`run`]
/// instead, from the start. A failure or a caught panic is handed to [`run`], which throws
/// `AgoraTokenException` exactly as every other export does and returns `T::default()`.
fn run_raw<'l, T: Default + 'l>(
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

fn null_argument(field: &str) -> TokenError {
    TokenError::new(ErrorKind::NullArgument, format!("null_argument: {field} must not be null"))
}

// ---------------------------------------------------------------- strings in

/// Longest string (in UTF-16 units) read into a stack buffer.
const SHORT_STRING: usize = 256;

/// A stack buffer for one string argument of the hot paths, read with `GetStringUTFRegion`:
/// the string's modified UTF-8, which is the string itself when it is ASCII (every valid 006
/// input is). Uninitialised until written, and only the part written is zeroed when the buffer
/// is dropped (the argument may be the certificate): clearing the whole buffer up front, and
/// again element by element at the end, cost more than the rest of the glue.
struct ArgBuffer {
    /// Up to 3 bytes per UTF-16 unit, and the NUL the JVM appends.
    bytes: std::mem::MaybeUninit<[u8; 3 * SHORT_STRING + 1]>,
    written: usize,
}

impl ArgBuffer {
    const fn new() -> Self {
        ArgBuffer { bytes: std::mem::MaybeUninit::uninit(), written: 0 }
    }

    /// The string as ASCII text, or `None` (take the general path, which reports or handles it)
    /// when it is null, longer than [`SHORT_STRING`] units or not ASCII. A NUL or any non-ASCII
    /// character is written as two or three bytes whose first is not ASCII, at the character's
    /// own index when every character before it is ASCII: so the first `len` bytes are all
    /// ASCII exactly when the string is that ASCII text.
    ///
    /// # Safety
    ///
    /// `raw` is the calling thread's JNIEnv inside a native method with no exception pending,
    /// and `s` null or a local reference to a `java.lang.String` valid in that method's frame.
    unsafe fn ascii(&mut self, raw: *mut JNIEnv, s: jstring) -> Option<&str> {
        if s.is_null() {
            return None;
        }
        // SAFETY: see above. GetStringUTFRegion is given exactly [0, len) of the string, so it
        // cannot throw, and writes at most 3 bytes per unit plus a NUL: the buffer's size.
        let len = unsafe {
            let len = ((**raw).v1_1.GetStringLength)(raw, s);
            let len = usize::try_from(len).ok().filter(|&n| n <= SHORT_STRING)?;
            self.written = 3 * len + 1;
            ((**raw).v1_2.GetStringUTFRegion)(raw, s, 0, len as jni::sys::jsize, self.bytes.as_mut_ptr().cast());
            len
        };
        // SAFETY: the JVM wrote at least `len` bytes (one or more per unit).
        let text = unsafe { std::slice::from_raw_parts(self.bytes.as_ptr().cast::<u8>(), len) };
        if !text.is_ascii() {
            return None;
        }
        // SAFETY: checked to be ASCII just above.
        Some(unsafe { std::str::from_utf8_unchecked(text) })
    }
}

impl Drop for ArgBuffer {
    fn drop(&mut self) {
        // SAFETY: the first `written` bytes (at most the buffer's size) were written by the JVM:
        // an upper bound of what GetStringUTFRegion wrote; the rest of that range is also
        // initialised memory of ours to overwrite (MaybeUninit bytes may be written freely).
        let written = unsafe { std::slice::from_raw_parts_mut(self.bytes.as_mut_ptr().cast::<std::mem::MaybeUninit<u8>>(), self.written) };
        written.zeroize();
    }
}

/// A Java string as Rust text, zeroed when dropped (it may be the certificate).
struct JavaString {
    /// The text; an unpaired surrogate became U+FFFD, which every 006 field check refuses.
    text: Zeroizing<String>,
    /// The first unpaired surrogate: its character index and value.
    unpaired: Option<(usize, u16)>,
}

impl JavaString {
    fn decode(units: &[u16]) -> JavaString {
        if units.iter().fold(true, |ascii, &u| ascii & (u < 0x80)) {
            // Every unit is ASCII (all valid ids and certificates are): one byte each.
            let text = units.iter().map(|&u| char::from(u as u8)).collect();
            return JavaString { text: Zeroizing::new(text), unpaired: None };
        }
        let mut unpaired = None;
        let text = char::decode_utf16(units.iter().copied())
            .enumerate()
            .map(|(i, c)| {
                c.unwrap_or_else(|e| {
                    unpaired.get_or_insert((i, e.unpaired_surrogate()));
                    char::REPLACEMENT_CHARACTER
                })
            })
            .collect();
        JavaString { text: Zeroizing::new(text), unpaired }
    }

    /// The text, or a `utf8` error naming `field` when the string is not valid UTF-16 (a lone
    /// surrogate would otherwise change a 007 user id silently).
    fn strict(&self, field: &str) -> Res<&str> {
        match self.unpaired {
            None => Ok(&self.text),
            Some((i, unit)) => Err(TokenError::new(
                ErrorKind::Utf8,
                format!("utf8: {field} has an unpaired surrogate (U+{unit:04X}) at character {i}; it is not valid Unicode text"),
            )
            .into()),
        }
    }
}

/// Reads a Java string (null: `None`) through `GetStringLength` and `GetStringRegion`, into a
/// stack buffer when it is short (no malloc/free of a modified-UTF-8 copy as with
/// `GetStringUTFChars`), else into a heap buffer zeroed when dropped.
fn java_string(env: &Env<'_>, s: &JString<'_>) -> Res<Option<JavaString>> {
    if s.is_null() {
        return Ok(None);
    }
    let raw = env.get_raw();
    // SAFETY: `raw` is this thread's JNIEnv inside a native method with nothing pending, and `s`
    // a non-null local reference to a String of this frame; GetStringRegion is given exactly
    // [0, len) of the string, so it cannot throw, and the buffer holds `len` units.
    unsafe {
        let len = ((**raw).v1_1.GetStringLength)(raw, s.as_raw());
        let n = usize::try_from(len).unwrap_or(0);
        if n <= SHORT_STRING {
            let mut units = [0u16; SHORT_STRING];
            ((**raw).v1_2.GetStringRegion)(raw, s.as_raw(), 0, len, units.as_mut_ptr());
            let decoded = JavaString::decode(&units[..n]);
            units[..n].zeroize();
            return Ok(Some(decoded));
        }
        let mut units = Zeroizing::new(vec![0u16; n]);
        ((**raw).v1_2.GetStringRegion)(raw, s.as_raw(), 0, len, units.as_mut_ptr());
        Ok(Some(JavaString::decode(&units)))
    }
}

/// A Java string argument as a Rust string, zeroed when dropped (it may be
/// the certificate); null is a `null_argument` failure.
fn string(env: &Env<'_>, s: &JString<'_>, field: &str) -> Res<Zeroizing<String>> {
    optional_string(env, s)?.ok_or_else(|| null_argument(field).into())
}

/// As [`string`], with null as `None`.
fn optional_string(env: &Env<'_>, s: &JString<'_>) -> Res<Option<Zeroizing<String>>> {
    Ok(java_string(env, s)?.map(|s| s.text))
}

// ---------------------------------------------------------------- tokens out

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
unsafe fn write_token_raw(raw: *mut JNIEnv, out: jbyteArray, capacity: jint, token: &[u8]) -> Res<jint> {
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
    /// The buffer each thread builds its tokens into, reused across calls: no String is
    /// allocated and freed per token.
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

/// A `String[]` of these values (null for `None`).
fn string_array<'l, S: AsRef<str>>(env: &mut Env<'l>, values: &[Option<S>]) -> Res<JObjectArray<'l, JString<'l>>> {
    let array = JObjectArray::<JString>::new(env, values.len(), JString::null())?;
    for (i, value) in values.iter().enumerate() {
        if let Some(value) = value {
            let s = JString::from_str(env, value.as_ref())?;
            array.set_element(env, i, &s)?;
            env.delete_local_ref(s);
        }
    }
    Ok(array)
}

/// A `long[]` of these values.
fn long_array<'l>(env: &mut Env<'l>, values: &[jni::sys::jlong]) -> Res<jni::objects::JLongArray<'l>> {
    let array = jni::objects::JLongArray::new(env, values.len())?;
    array.set_region(env, 0, values)?;
    Ok(array)
}

// ---------------------------------------------------------------- library

/// `String Native.version()`
#[unsafe(no_mangle)]
pub extern "system" fn Java_io_agora_media_Native_version<'l>(env: EnvUnowned<'l>, _c: JClass<'l>) -> JString<'l> {
    run(env, |env| Ok(JString::from_str(env, token_core::version())?))
}

/// `long[] Native.defaults()`: what the core draws for a token that does not fix it, drawn now:
/// `[now (a 007 issue_ts), a fresh 007 salt, the 006 ts (now + 24 h), a fresh 006 salt]`. The
/// reference classes' constructors draw these (as Agora's do); the values and ranges are the core's.
#[unsafe(no_mangle)]
pub extern "system" fn Java_io_agora_media_Native_defaults<'l>(
    env: EnvUnowned<'l>,
    _c: JClass<'l>,
) -> jni::objects::JLongArray<'l> {
    run(env, |env| {
        let values = [
            token_core::now_secs().into(),
            token_core::random_salt_007()?.into(),
            token_core::default_ts().into(),
            token_core::random_salt()?.into(),
        ];
        long_array(env, &values)
    })
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
        let field = optional_string(env, &field)?;
        let field = field.as_deref().map_or("argument", String::as_str);
        Ok(new_exception(env, &null_argument(field))?.into())
    })
}

/// `String[] Native.table(int which)`: one of the core's tables, as text, for the Java tables'
/// tests and for `Recipes.names()`: 0 the builders' python3 names by index; 1 their parameters
/// (`name:kind[=default]`, comma-separated); 2 the 007 services by type (`id ClassName
/// id:privilege ...`); 3 the RTM2 resource and permission type names (`resource 0
/// kMessageChannels`, `permission 1 kWrite`); 4 the verify results by value; 5 the 006
/// privileges (`id name`); 6 the 006 roles (`value id id ...`); 7 the error categories (`code
/// name`). Any other number gives an empty array.
#[unsafe(no_mangle)]
pub extern "system" fn Java_io_agora_media_Native_table<'l>(
    env: EnvUnowned<'l>,
    _c: JClass<'l>,
    which: jint,
) -> JObjectArray<'l, JString<'l>> {
    run(env, |env| {
        let rows: Vec<String> = match which {
            0 => RECIPES.iter().map(|r| r.name.to_owned()).collect(),
            1 => RECIPES
                .iter()
                .map(|r| {
                    let params = r.params.iter().map(|p| match p.default {
                        Some(d) => format!("{}:{}={d}", p.name, p.kind.name()),
                        None => format!("{}:{}", p.name, p.kind.name()),
                    });
                    params.collect::<Vec<_>>().join(",")
                })
                .collect(),
            2 => ServiceType::ALL
                .iter()
                .map(|t| {
                    let privileges = t.privileges().iter().map(|(id, name)| format!(" {id}:{name}"));
                    format!("{} {}{}", t.id(), t.class_name(), privileges.collect::<String>())
                })
                .collect(),
            3 => {
                use token_core::v007::rtm2::{PERMISSION_NAMES, RESOURCE_NAMES};
                let resources = RESOURCE_NAMES.iter().enumerate().map(|(i, n)| format!("resource {i} {n}"));
                resources.chain(PERMISSION_NAMES.iter().enumerate().map(|(i, n)| format!("permission {i} {n}"))).collect()
            }
            4 => VerifyResult::ALL.iter().map(|r| r.as_str().to_owned()).collect(),
            5 => Privilege::ALL.iter().map(|p| format!("{} {}", p.id(), p.name())).collect(),
            6 => Role::ALL
                .iter()
                .map(|r| r.privileges().iter().fold(r.value().to_string(), |s, p| format!("{s} {}", p.id())))
                .collect(),
            7 => ErrorKind::ALL.iter().map(|k| format!("{} {}", k.code(), k.as_str())).collect(),
            _ => Vec::new(),
        };
        let rows: Vec<Option<String>> = rows.into_iter().map(Some).collect();
        string_array(env, &rows)
    })
}

/// `int Native.selfTestPanic(boolean raw)`: panics on purpose, so that the tests see a panic
/// become an `internal` AgoraTokenException rather than abort the JVM: through [`run`], or with
/// `raw` through [`run_raw`] (the hot exports' helper) inside this thread's token buffer, so
/// that builds go on after it. The panic hook stays silent for these panics only (the passing
/// test run prints no backtrace); any other panic is reported as Rust reports it.
#[unsafe(no_mangle)]
pub extern "system" fn Java_io_agora_media_Native_selfTestPanic<'l>(
    env: EnvUnowned<'l>,
    _c: JClass<'l>,
    raw: jni::sys::jboolean,
) -> jint {
    thread_local! {
        static SELF_TEST: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    static QUIET_HOOK: std::sync::Once = std::sync::Once::new();
    QUIET_HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !SELF_TEST.try_with(std::cell::Cell::get).unwrap_or(false) {
                previous(info);
            }
        }));
    });
    let panic = || -> Res<Option<jint>> {
        SELF_TEST.with(|s| s.set(true));
        let _reset = ResetOnDrop(|| SELF_TEST.with(|s| s.set(false)));
        with_token_buffer(|buffer| {
            buffer.extend_from_slice(b"half a token");
            panic!("agoratoken self-test panic")
        })
    };
    if raw {
        run_raw(env, |_| panic(), |_| Err(internal("no general path").into()))
    } else {
        run(env, |_| panic().map(|_| 0))
    }
}

/// Runs its closure when dropped (also while unwinding).
struct ResetOnDrop<F: FnMut()>(F);

impl<F: FnMut()> Drop for ResetOnDrop<F> {
    fn drop(&mut self) {
        (self.0)();
    }
}

impl<F: FnMut()> std::fmt::Debug for ResetOnDrop<F> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ResetOnDrop")
    }
}
