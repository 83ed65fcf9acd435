//! Prometheus metrics (`GET /metrics`, OpenMetrics text):
//!
//! - `agora_tokens_minted_total{type, format}`: tokens minted, by type (`rtc`, `rtm`, `chat`, a
//!   builder name for `/build`) and format;
//! - `agora_http_request_duration_seconds{route, method, status}`: latency histogram by route
//!   template (`/rtc/{channelName}/{role}/{tokenType}/{rtcuid}/`, never the values);
//! - `agora_rejections_total{reason}`: refused requests by reason (the error `code`: `uid`,
//!   `role`, `bad_json`, `unauthorized`, `rate_limited`, `not_found`, ...);
//! - `agora_http_requests_in_flight`.

use std::sync::Arc;

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::Histogram;
use prometheus_client::registry::Registry;

/// Labels of the mint counter.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct MintLabels {
    /// Token type.
    pub r#type: String,
    /// `"007"` or `"006"`.
    pub format: String,
}

/// Labels of the latency histogram.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct HttpLabels {
    /// The route template, or `unmatched`.
    pub route: String,
    /// The method.
    pub method: String,
    /// The status code.
    pub status: u16,
}

/// Labels of the rejection counter.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct ReasonLabels {
    /// The error code.
    pub reason: String,
}

type HistogramFamily = Family<HttpLabels, Histogram, fn() -> Histogram>;

fn latency_histogram() -> Histogram {
    Histogram::new([0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0])
}

/// The server's metrics.
#[derive(Clone)]
pub struct Metrics {
    registry: Arc<Registry>,
    minted: Family<MintLabels, Counter>,
    latency: HistogramFamily,
    rejections: Family<ReasonLabels, Counter>,
    in_flight: Gauge,
}

impl std::fmt::Debug for Metrics {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Metrics")
    }
}

impl Default for Metrics {
    fn default() -> Self {
        Metrics::new()
    }
}

impl Metrics {
    /// A registry with every metric.
    pub fn new() -> Metrics {
        let mut registry = Registry::default();
        let minted = Family::<MintLabels, Counter>::default();
        let latency: HistogramFamily = Family::new_with_constructor(latency_histogram);
        let rejections = Family::<ReasonLabels, Counter>::default();
        let in_flight = Gauge::default();
        registry.register("agora_tokens_minted", "Tokens minted, by type and format", minted.clone());
        registry.register("agora_http_request_duration_seconds", "Request latency, by route template, method and status", latency.clone());
        registry.register("agora_rejections", "Requests refused, by reason", rejections.clone());
        registry.register("agora_http_requests_in_flight", "Requests being served", in_flight.clone());
        Metrics { registry: Arc::new(registry), minted, latency, rejections, in_flight }
    }

    /// Counts a minted token.
    pub fn minted(&self, kind: &str, format: &str) {
        self.minted.get_or_create(&MintLabels { r#type: kind.to_owned(), format: format.to_owned() }).inc();
    }

    /// Records a finished request.
    pub fn observe(&self, route: &str, method: &str, status: u16, seconds: f64) {
        self.latency.get_or_create(&HttpLabels { route: route.to_owned(), method: method.to_owned(), status }).observe(seconds);
    }

    /// Counts a refused request.
    pub fn rejected(&self, reason: &str) {
        self.rejections.get_or_create(&ReasonLabels { reason: reason.to_owned() }).inc();
    }

    /// The in-flight gauge.
    pub fn in_flight(&self) -> &Gauge {
        &self.in_flight
    }

    /// The OpenMetrics text.
    pub fn encode(&self) -> String {
        let mut out = String::new();
        prometheus_client::encoding::text::encode(&mut out, &self.registry).expect("writing to a String cannot fail");
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_every_family() {
        let m = Metrics::new();
        m.minted("rtc", "007");
        m.observe("/ping", "GET", 200, 0.0002);
        m.rejected("uid");
        let text = m.encode();
        assert!(text.contains("agora_tokens_minted_total{type=\"rtc\",format=\"007\"} 1"), "{text}");
        assert!(text.contains("agora_http_request_duration_seconds_bucket{"), "{text}");
        assert!(text.contains("agora_rejections_total{reason=\"uid\"} 1"), "{text}");
        assert!(text.ends_with("# EOF\n"));
    }
}
