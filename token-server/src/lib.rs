//! # agora-token-server
//!
//! An Agora token web service on `token-core`: the routes, request shapes,
//! JSON keys and status codes of AgoraIO-Community's `agora-token-service`
//! (a drop-in), with what that service lacks: a 400 naming the field where
//! it silently wraps a uid or demotes a role, authentication (API keys and
//! JWTs), rate limiting, request ids, JSON logs, Prometheus metrics, health
//! and readiness, graceful shutdown, `/verify`, `/inspect`, 006 on request,
//! every 007 builder (`/build`) and an OpenAPI document.
//!
//! The binary is `agora-token-server`; [`config::Config::from_env_and_args`]
//! reads its configuration and [`app::serve`] runs it.

pub mod app;
pub mod auth;
pub mod config;
pub mod error;
pub mod inspect;
pub mod metrics;
pub mod mint;
pub mod routes;
