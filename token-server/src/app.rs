//! The router, its middleware, and serving with graceful shutdown.
//!
//! Middleware, outermost first: request id (`X-Request-Id`, kept when the
//! client sends one), tracing span and one JSON log line per request,
//! metrics, error normalization (every 4xx/5xx body is the JSON of
//! [`crate::error`]), no-cache headers (as the Go service), panic catching,
//! timeout (408), the origin check (403 for an `Origin` not in
//! `CORS_ALLOW_ORIGIN`, as the Go service) and CORS headers and preflights,
//! the body limit (413); then, on the token routes, the per-client rate
//! limit (429) and authentication (401/403).

use std::io;
use std::net::{IpAddr, SocketAddr};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::extract::{DefaultBodyLimit, MatchedPath, Request, State};
use axum::http::{header, HeaderName, HeaderValue, Method, StatusCode, Uri};
use axum::middleware::{from_fn_with_state, Next};
use axum::response::{IntoResponse, Response};
use axum::Router;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tower::ServiceBuilder;
use tower_governor::governor::GovernorConfigBuilder;
use tower_governor::key_extractor::{KeyExtractor, PeerIpKeyExtractor, SmartIpKeyExtractor};
use tower_governor::{GovernorError, GovernorLayer};
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::request_id::{MakeRequestId, PropagateRequestIdLayer, RequestId, SetRequestIdLayer};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;
use tracing::{debug_span, info, warn};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::config::{Config, CorsOrigins, RateLimit};
use crate::error::{ApiError, Rejection};
use crate::metrics::Metrics;
use crate::routes::{self, AppState, Shared};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "agora-token-server",
        description = "Agora access tokens (AccessToken2 \"007\" and AccessToken \"006\") on token-core; the routes of \
                       AgoraIO-Community/agora-token-service plus authentication, /build, /verify and /inspect. \
                       Errors: {status, code, field, error, message}."
    ),
    modifiers(&BearerScheme),
    tags(
        (name = "compatible", description = "The routes of AgoraIO-Community/agora-token-service, same shapes and keys"),
        (name = "tokens", description = "Every 007 builder"),
        (name = "support", description = "Why a token is refused"),
        (name = "operations", description = "Health, readiness, metrics, this document")
    )
)]
struct ApiDoc;

struct BearerScheme;

impl Modify for BearerScheme {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some("An API key, or a JWT whose claim (JWT_CLAIM, default sub) is the uid or account asked for"))
                    .build(),
            ),
        );
    }
}

/// A client's `X-Request-Id` is kept when it is 1 to 128 visible ASCII characters; otherwise
/// it is replaced by one of ours (so a log line cannot be inflated through it).
async fn sanitize_request_id(mut req: Request, next: Next) -> Response {
    let bad = req.headers().get("x-request-id").is_some_and(|v| v.is_empty() || v.len() > 128 || !v.as_bytes().iter().all(|b| b.is_ascii_graphic()));
    if bad {
        req.headers_mut().remove("x-request-id");
    }
    next.run(req).await
}

/// Request ids: a random per-process prefix and a counter (`1a2b3c4d-2f`).
#[derive(Clone)]
struct MakeId {
    prefix: Arc<str>,
    next: Arc<AtomicU64>,
}

impl MakeRequestId for MakeId {
    fn make_request_id<B>(&mut self, _: &axum::http::Request<B>) -> Option<RequestId> {
        let n = self.next.fetch_add(1, Ordering::Relaxed);
        HeaderValue::from_str(&format!("{}-{n:x}", self.prefix)).ok().map(RequestId::new)
    }
}

/// The rate limit's key: the peer address, or the proxy headers' client address when trusted.
#[derive(Clone, Copy, Debug)]
struct ClientIp {
    trust_proxy_headers: bool,
}

impl KeyExtractor for ClientIp {
    type Key = IpAddr;

    fn extract<T>(&self, req: &axum::http::Request<T>) -> Result<IpAddr, GovernorError> {
        if self.trust_proxy_headers {
            SmartIpKeyExtractor.extract(req)
        } else {
            PeerIpKeyExtractor.extract(req)
        }
    }
}

fn rate_limited(e: GovernorError) -> Response {
    match e {
        GovernorError::TooManyRequests { wait_time, .. } => {
            let wait = wait_time.max(1);
            ApiError::new(StatusCode::TOO_MANY_REQUESTS, "rate_limited", None, format!("rate limit: too many requests from this client; retry in {wait} s"))
                .with_header(header::RETRY_AFTER, HeaderValue::from(wait))
                .into_response()
        }
        other => ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", None, format!("rate limit: {other}")).into_response(),
    }
}

async fn authenticate(State(s): State<AppState>, mut req: Request, next: Next) -> Response {
    let now = token_core::now_secs().into();
    match s.auth.authenticate(req.headers().get(header::AUTHORIZATION), now) {
        Ok(p) => {
            req.extensions_mut().insert(p);
            next.run(req).await
        }
        Err(e) => e.into_response(),
    }
}

/// The Go service answers 403 `{"error": "Origin not allowed"}` to a request from an origin
/// not in `CORS_ALLOW_ORIGIN`; so does this server (a request without `Origin` is served).
async fn check_origin(State(s): State<AppState>, req: Request, next: Next) -> Response {
    if let Some(origin) = req.headers().get(header::ORIGIN) {
        if !s.cors.allows(origin.as_bytes()) {
            let shown = String::from_utf8_lossy(origin.as_bytes()).into_owned();
            return ApiError::new(
                StatusCode::FORBIDDEN,
                "origin_not_allowed",
                Some("origin"),
                format!("origin: Origin not allowed ({shown:?} is not in CORS_ALLOW_ORIGIN)"),
            )
            .into_response();
        }
    }
    next.run(req).await
}

struct InFlight(Metrics);

impl Drop for InFlight {
    fn drop(&mut self) {
        self.0.in_flight().dec();
    }
}

/// Metrics, and one log line per request: request id, method, path, status, latency.
async fn observe(State(s): State<AppState>, req: Request, next: Next) -> Response {
    let start = Instant::now();
    let route = req.extensions().get::<MatchedPath>().map_or_else(|| "unmatched".to_owned(), |m| m.as_str().to_owned());
    let method = req.method().clone();
    let path = req.uri().path().to_owned();
    let id = req.headers().get("x-request-id").cloned();
    s.metrics.in_flight().inc();
    let guard = InFlight(s.metrics.clone());
    let response = next.run(req).await;
    drop(guard);
    let status = response.status().as_u16();
    let elapsed = start.elapsed();
    // Metric labels stay bounded: route templates, and the usual methods.
    let method_label = match method {
        Method::GET | Method::POST | Method::HEAD | Method::OPTIONS | Method::PUT | Method::DELETE | Method::PATCH => method.as_str(),
        _ => "other",
    };
    s.metrics.observe(&route, method_label, status, elapsed.as_secs_f64());
    let request_id = id.as_ref().and_then(|v| v.to_str().ok()).unwrap_or("");
    info!(request_id, method = method.as_str(), path, status, latency_us = elapsed.as_micros() as u64, "request");
    if status >= 400 {
        if let Some(Rejection(reason)) = response.extensions().get::<Rejection>() {
            s.metrics.rejected(reason);
        }
    }
    response
}

/// Gives every error that did not come from a handler (405, 408, 413, an
/// extractor's 400) the JSON shape of [`ApiError`], keeping its headers.
async fn normalize_errors(req: Request, next: Next) -> Response {
    let method = req.method().clone();
    let response = next.run(req).await;
    let status = response.status();
    let json = response.headers().get(header::CONTENT_TYPE).is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    if status.as_u16() < 400 || json || response.extensions().get::<Rejection>().is_some() {
        return response;
    }
    let (parts, body) = response.into_parts();
    let text = axum::body::to_bytes(body, 4096).await.map(|b| String::from_utf8_lossy(&b).trim().to_owned()).unwrap_or_default();
    let code = match status {
        StatusCode::NOT_FOUND => "not_found",
        StatusCode::METHOD_NOT_ALLOWED => "method_not_allowed",
        StatusCode::REQUEST_TIMEOUT => "timeout",
        StatusCode::PAYLOAD_TOO_LARGE => "body_too_large",
        StatusCode::TOO_MANY_REQUESTS => "rate_limited",
        StatusCode::UNSUPPORTED_MEDIA_TYPE => "unsupported_media_type",
        s if s.is_server_error() => "internal",
        _ => "invalid",
    };
    let what = match (code, text.is_empty()) {
        ("method_not_allowed", _) => format!("method: {method} is not allowed on this route (the Allow header lists those that are)"),
        ("timeout", _) => "request: took longer than REQUEST_TIMEOUT_SECS".to_owned(),
        (_, true) => format!("request: {}", status.canonical_reason().unwrap_or("failed")),
        (_, false) => format!("request: {text}"),
    };
    let field = what.split_once(": ").map(|(f, _)| f).filter(|f| *f != "request");
    let mut fixed = ApiError::new(status, code, field, what.clone()).into_response();
    for (name, value) in parts.headers.iter() {
        if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
            fixed.headers_mut().append(name.clone(), value.clone());
        }
    }
    fixed
}

/// Unknown routes: the Go service (Gin) redirects a path that matches a
/// route but for its trailing slash (301 for GET and HEAD, 307 otherwise);
/// anything else is 404.
async fn fallback(State(s): State<AppState>, method: Method, uri: Uri) -> ApiError {
    let path = uri.path();
    let other = match path.strip_suffix('/') {
        Some(p) if !p.is_empty() => p.to_owned(),
        _ => format!("{path}/"),
    };
    let templates = s.routes.get().map(Vec::as_slice).unwrap_or_default();
    if templates.iter().any(|t| template_matches(t, &other)) {
        let location = match uri.query() {
            Some(q) => format!("{other}?{q}"),
            None => other.clone(),
        };
        let status = if method == Method::GET || method == Method::HEAD { StatusCode::MOVED_PERMANENTLY } else { StatusCode::TEMPORARY_REDIRECT };
        if let Ok(value) = HeaderValue::from_str(&location) {
            return ApiError::new(status, "redirect", None, format!("path: the route is {other}")).with_header(header::LOCATION, value);
        }
    }
    ApiError::new(StatusCode::NOT_FOUND, "not_found", Some("path"), format!("path: no route {method} {path} (see /openapi.json)"))
}

/// `"/rtm/{rtmuid}/"` matches `"/rtm/alice/"`: literal segments equal, each `{…}` one non-empty segment.
pub fn template_matches(template: &str, path: &str) -> bool {
    let t: Vec<&str> = template.split('/').collect();
    let p: Vec<&str> = path.split('/').collect();
    t.len() == p.len() && t.iter().zip(&p).all(|(t, p)| if t.starts_with('{') && t.ends_with('}') { !p.is_empty() } else { t == p })
}

fn cors_layer(origins: &CorsOrigins) -> CorsLayer {
    let allow = match origins {
        CorsOrigins::Any => AllowOrigin::any(),
        CorsOrigins::List(list) => AllowOrigin::list(list.iter().filter_map(|o| HeaderValue::from_str(o).ok())),
    };
    CorsLayer::new()
        .allow_origin(allow)
        .allow_methods([Method::GET, Method::POST, Method::OPTIONS])
        .allow_headers([header::ORIGIN, header::CONTENT_TYPE, header::AUTHORIZATION, HeaderName::from_static("x-request-id")])
        .expose_headers([HeaderName::from_static("x-request-id"), header::RETRY_AFTER])
        .max_age(Duration::from_secs(600))
}

/// What [`router`] needs beyond the shared state.
#[derive(Debug, Clone)]
pub struct RouterSettings {
    /// Per-client rate limit.
    pub rate_limit: Option<RateLimit>,
    /// Request timeout.
    pub request_timeout: Duration,
    /// Largest body.
    pub max_body_bytes: usize,
}

/// The whole application. Also fills `state.openapi` and `state.routes`.
pub fn router(state: AppState, settings: &RouterSettings) -> Router {
    let protected = OpenApiRouter::new()
        .routes(routes!(routes::get_token))
        .routes(routes!(routes::rtc_get))
        .routes(routes!(routes::rtm_get))
        .routes(routes!(routes::rte_get))
        .routes(routes!(routes::rte_rtm_get))
        .routes(routes!(routes::chat_app_get))
        .routes(routes!(routes::chat_user_get))
        .routes(routes!(routes::build))
        .routes(routes!(routes::build_services))
        .routes(routes!(routes::verify))
        .routes(routes!(routes::inspect_token))
        .route_layer(from_fn_with_state(state.clone(), authenticate));
    let mut api: OpenApiRouter<AppState> = protected.routes(routes!(routes::ping)).routes(routes!(routes::builders));
    if let Some(rl) = settings.rate_limit {
        let config = GovernorConfigBuilder::default()
            .key_extractor(ClientIp { trust_proxy_headers: rl.trust_proxy_headers })
            .per_nanosecond((1_000_000_000 / rl.per_second).max(1))
            .burst_size(rl.burst)
            .finish()
            .expect("a positive period and burst");
        let limiter = config.limiter().clone();
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(Duration::from_secs(60));
            loop {
                tick.tick().await;
                limiter.retain_recent();
            }
        });
        api = api.layer(GovernorLayer::new(config).error_handler(rate_limited));
    }
    let ops = OpenApiRouter::new()
        .routes(routes!(routes::healthz))
        .routes(routes!(routes::readyz))
        .routes(routes!(routes::metrics))
        .routes(routes!(routes::openapi));
    let (app, doc) = OpenApiRouter::with_openapi(ApiDoc::openapi()).merge(api).merge(ops).split_for_parts();
    let _ = state.routes.set(doc.paths.paths.keys().cloned().collect());
    let _ = state.openapi.set(doc.to_pretty_json().expect("the OpenAPI document serializes"));

    let ids = MakeId {
        prefix: format!("{:08x}", token_core::random_salt().unwrap_or(0)).into(),
        next: Arc::new(AtomicU64::new(1)),
    };
    let nocache = |name: HeaderName, value: &'static str| SetResponseHeaderLayer::overriding(name, HeaderValue::from_static(value));
    let layers = ServiceBuilder::new()
        .layer(axum::middleware::from_fn(sanitize_request_id))
        .layer(SetRequestIdLayer::x_request_id(ids))
        .layer(
            // A span per request at DEBUG (RUST_LOG=debug shows it around every event of the
            // request); the access log line itself is written by `observe`, with explicit fields.
            TraceLayer::new_for_http()
                .make_span_with(|req: &axum::http::Request<Body>| {
                    let id = req.headers().get("x-request-id").and_then(|v| v.to_str().ok()).unwrap_or("");
                    debug_span!("request", request_id = %id, method = %req.method(), path = %req.uri().path())
                })
                .on_request(())
                .on_response(()),
        )
        .layer(from_fn_with_state(state.clone(), observe))
        .layer(axum::middleware::from_fn(normalize_errors))
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(nocache(header::CACHE_CONTROL, "private, no-cache, no-store, must-revalidate"))
        .layer(nocache(header::EXPIRES, "-1"))
        .layer(nocache(header::PRAGMA, "no-cache"))
        .layer(CatchPanicLayer::custom(|_: Box<dyn std::any::Any + Send>| {
            ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", None, "internal: the server hit a bug; the request id identifies it in the logs")
                .into_response()
        }))
        .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, settings.request_timeout))
        .layer(from_fn_with_state(state.clone(), check_origin))
        .layer(cors_layer(&state.cors))
        .layer(DefaultBodyLimit::max(settings.max_body_bytes));
    app.fallback(fallback).layer(layers).with_state(state)
}

/// SIGTERM and SIGINT (Ctrl-C), registered with the OS at once, so a signal
/// that arrives right after startup already means "shut down gracefully".
struct ShutdownSignals {
    #[cfg(unix)]
    term: tokio::signal::unix::Signal,
    #[cfg(unix)]
    int: tokio::signal::unix::Signal,
}

impl ShutdownSignals {
    fn register() -> io::Result<ShutdownSignals> {
        #[cfg(unix)]
        {
            use tokio::signal::unix::{signal, SignalKind};
            Ok(ShutdownSignals { term: signal(SignalKind::terminate())?, int: signal(SignalKind::interrupt())? })
        }
        #[cfg(not(unix))]
        Ok(ShutdownSignals {})
    }

    async fn wait(mut self) {
        #[cfg(unix)]
        tokio::select! {
            _ = self.term.recv() => {},
            _ = self.int.recv() => {},
        }
        #[cfg(not(unix))]
        let _ = tokio::signal::ctrl_c().await;
    }
}

/// Binds, logs `listening` with the address, serves until SIGTERM/SIGINT,
/// then stops accepting and lets in-flight requests finish (at most
/// `shutdown_grace`).
pub async fn serve(config: Config) -> io::Result<()> {
    let signals = ShutdownSignals::register()?;
    let listener = TcpListener::bind(config.addr)
        .await
        .map_err(|e| io::Error::new(e.kind(), format!("cannot listen on {}: {e}", config.addr)))?;
    let addr = listener.local_addr()?;
    let state: AppState = Arc::new(Shared {
        credentials: config.credentials.clone(),
        auth: config.auth,
        metrics: Metrics::new(),
        cors: config.cors.clone(),
        ready: AtomicBool::new(true),
        openapi: OnceLock::new(),
        routes: OnceLock::new(),
    });
    let settings = RouterSettings { rate_limit: config.rate_limit, request_timeout: config.request_timeout, max_body_bytes: config.max_body_bytes };
    let app = router(state.clone(), &settings);
    info!(
        addr = %addr,
        app_id = state.credentials.app_id(),
        demo = config.demo,
        auth = if state.auth.is_off() { "off" } else { "on" },
        rate_limit = %config.rate_limit.map_or_else(|| "off".to_owned(), |r| format!("{}/s, burst {}", r.per_second, r.burst)),
        "listening"
    );

    let (drain_tx, drain_rx) = watch::channel(false);
    let delay = config.shutdown_delay;
    let signal_state = state.clone();
    tokio::spawn(async move {
        signals.wait().await;
        signal_state.ready.store(false, Ordering::Relaxed);
        info!(delay_s = delay.as_secs(), "shutdown: signal received; /readyz now answers 503");
        tokio::time::sleep(delay).await;
        info!("shutdown: no longer accepting connections; finishing in-flight requests");
        let _ = drain_tx.send(true);
    });
    let grace = config.shutdown_grace;
    let mut drained = drain_rx.clone();
    tokio::select! {
        () = accept_loop(listener, app, drain_rx) => info!("shutdown: done"),
        _ = async {
            let _ = drained.wait_for(|d| *d).await;
            tokio::time::sleep(grace).await;
        } => {
            warn!(grace_s = grace.as_secs(), "shutdown: in-flight requests still running after the grace period; exiting");
        }
    }
    Ok(())
}

/// How long a connection accepted just before shutdown may take to send its first request.
const FIRST_REQUEST_GRACE: Duration = Duration::from_secs(2);

/// Serves HTTP/1.1 connections until `drain` turns true, then: accepts what
/// is already waiting in the listen backlog, closes the listener, lets each
/// connection finish the request it is on (a fresh connection first gets to
/// send its request, up to [`FIRST_REQUEST_GRACE`]), and returns when every
/// connection is closed. (`axum::serve` closes a just-accepted connection
/// whose request it has not parsed yet, which loses that request.)
async fn accept_loop(listener: TcpListener, app: Router, drain: watch::Receiver<bool>) {
    let (done_tx, mut done_rx) = tokio::sync::mpsc::channel::<()>(1);
    let mut shutdown = drain.clone();
    let spawn = |tcp: tokio::net::TcpStream, remote: SocketAddr| {
        let _ = tcp.set_nodelay(true);
        let started = Arc::new(tokio::sync::Notify::new());
        let first = started.clone();
        let seen = Arc::new(AtomicBool::new(false));
        let svc = tower::ServiceExt::map_request(app.clone(), move |mut req: axum::http::Request<hyper::body::Incoming>| {
            req.extensions_mut().insert(axum::extract::ConnectInfo(remote));
            if !seen.swap(true, Ordering::Relaxed) {
                first.notify_one();
            }
            req
        });
        let mut conn_drain = drain.clone();
        let done = done_tx.clone();
        tokio::spawn(async move {
            let conn = hyper::server::conn::http1::Builder::new()
                .timer(hyper_util::rt::TokioTimer::new())
                .serve_connection(hyper_util::rt::TokioIo::new(tcp), hyper_util::service::TowerToHyperService::new(svc));
            tokio::pin!(conn);
            tokio::select! {
                _ = conn.as_mut() => return drop(done),
                _ = conn_drain.wait_for(|d| *d) => {}
            }
            tokio::select! {
                _ = conn.as_mut() => return drop(done),
                () = started.notified() => {}
                () = tokio::time::sleep(FIRST_REQUEST_GRACE) => {}
            }
            conn.as_mut().graceful_shutdown();
            let _ = conn.await;
            drop(done);
        });
    };
    loop {
        tokio::select! {
            r = listener.accept() => match r {
                Ok((tcp, remote)) => spawn(tcp, remote),
                Err(e) => {
                    // Out of file descriptors and the like: wait rather than spin.
                    warn!(error = %e, "accept failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                }
            },
            _ = shutdown.wait_for(|d| *d) => break,
        }
    }
    // Connections the kernel already completed are served too.
    loop {
        tokio::select! {
            biased;
            r = listener.accept() => match r {
                Ok((tcp, remote)) => spawn(tcp, remote),
                Err(_) => break,
            },
            () = std::future::ready(()) => break,
        }
    }
    drop(listener);
    drop(done_tx);
    let _ = done_rx.recv().await;
}

#[cfg(test)]
mod tests {
    use super::template_matches;

    #[test]
    fn templates() {
        assert!(template_matches("/rtm/{rtmuid}/", "/rtm/alice/"));
        assert!(!template_matches("/rtm/{rtmuid}/", "/rtm/alice"));
        assert!(!template_matches("/rtm/{rtmuid}/", "/rtm//"));
        assert!(template_matches("/ping", "/ping"));
        assert!(!template_matches("/ping", "/ping/"));
    }
}
