//! Who is on the other end: every request gets its [`ClientIp`] (the peer, or behind a trusted
//! proxy the address it forwarded), and traffic that carries neither a session cookie nor a
//! bearer token is limited per address, so an anonymous flood cannot take the server from
//! signed-in people. Health checks and the built assets are exempt.

use app::auth::client_ip::{client_ip, ClientIp};
use axum::{
    extract::{ConnectInfo, Request, State},
    http::{header, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
};
use governor::{clock::Clock, DefaultKeyedRateLimiter, Quota, RateLimiter};
use std::{
    net::{IpAddr, Ipv4Addr, SocketAddr},
    num::NonZeroU32,
    sync::Arc,
};

/// The proxies to believe and the anonymous traffic's limiter.
#[derive(Clone)]
pub struct ClientPolicy {
    trusted: Arc<Vec<IpAddr>>,
    anonymous: Arc<DefaultKeyedRateLimiter<IpAddr>>,
}

impl ClientPolicy {
    /// Believes `X-Forwarded-For` from `trusted`; lets each address send `per_second`
    /// anonymous requests a second, in bursts of five times as many.
    pub fn new(trusted: Vec<IpAddr>, per_second: u32) -> Self {
        let rate = NonZeroU32::new(per_second.max(1)).unwrap_or(NonZeroU32::MIN);
        let burst = rate.saturating_mul(NonZeroU32::new(5).unwrap_or(NonZeroU32::MIN));
        Self {
            trusted: Arc::new(trusted),
            anonymous: Arc::new(RateLimiter::keyed(
                Quota::per_second(rate).allow_burst(burst),
            )),
        }
    }
}

/// Whether a request carries credentials of any kind.
fn signed(request: &Request) -> bool {
    let headers = request.headers();
    headers.contains_key(header::AUTHORIZATION)
        || headers
            .get_all(header::COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .any(|c| c.contains("concord_session="))
}

fn exempt(path: &str) -> bool {
    // A provider's webhooks come in bursts from a few addresses and prove themselves by their
    // signature.
    path == "/healthz"
        || path.starts_with("/pkg/")
        || path.starts_with("/hooks/")
        || path == "/favicon.ico"
}

/// The middleware.
pub async fn identify(
    State(policy): State<ClientPolicy>,
    mut request: Request,
    next: Next,
) -> Response {
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED), |ConnectInfo(addr)| {
            addr.ip()
        });
    let forwarded = request
        .headers()
        .get("x-forwarded-for")
        .and_then(|v| v.to_str().ok());
    let client = client_ip(peer, forwarded, &policy.trusted);
    request.extensions_mut().insert(ClientIp(client));
    if !signed(&request) && !exempt(request.uri().path()) {
        if let Err(not_until) = policy.anonymous.check_key(&client) {
            let wait = not_until.wait_time_from(governor::clock::DefaultClock::default().now());
            let seconds = wait.as_secs().max(1);
            return (
                StatusCode::TOO_MANY_REQUESTS,
                [(header::RETRY_AFTER, seconds.to_string())],
                format!("too many requests from this address; try again in {seconds} seconds"),
            )
                .into_response();
        }
    }
    next.run(request).await
}
