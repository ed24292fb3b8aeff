//! Which address a request came from, for the sign-in throttle, rate limits and logs. Behind a
//! proxy every request comes from the proxy, which says who it forwarded in `X-Forwarded-For`;
//! anybody can send that header, so it is believed only from the proxies Concord was told to
//! trust (`--trusted-proxy`), and only up to the first address that is not one of them.

use std::net::IpAddr;

/// The client's address as Concord believes it, in the request's extensions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClientIp(pub IpAddr);

/// The client of a request from `peer` carrying `forwarded` (`X-Forwarded-For`): the peer
/// itself unless it is a trusted proxy; then, reading the header from the right, the first
/// address that is not a trusted proxy (a malformed entry stops the walk there).
pub fn client_ip(peer: IpAddr, forwarded: Option<&str>, trusted: &[IpAddr]) -> IpAddr {
    if !trusted.contains(&peer) {
        return peer;
    }
    let mut client = peer;
    for hop in forwarded.unwrap_or_default().rsplit(',') {
        match hop.trim().parse::<IpAddr>() {
            Ok(ip) => {
                client = ip;
                if !trusted.contains(&ip) {
                    break;
                }
            }
            Err(_) => break,
        }
    }
    client
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    #[test]
    fn the_header_is_believed_only_from_a_trusted_proxy_and_only_up_to_the_first_stranger() {
        let proxy = [ip("10.0.0.2")];
        let spoof = Some("6.6.6.6");
        assert_eq!(
            client_ip(ip("203.0.113.9"), spoof, &proxy),
            ip("203.0.113.9")
        );
        assert_eq!(
            client_ip(ip("10.0.0.2"), Some("203.0.113.9"), &proxy),
            ip("203.0.113.9")
        );
        // A client that sends its own header cannot pick its address: the proxy appends.
        assert_eq!(
            client_ip(ip("10.0.0.2"), Some("6.6.6.6, 203.0.113.9"), &proxy),
            ip("203.0.113.9")
        );
        let chain = [ip("10.0.0.2"), ip("10.0.0.3")];
        assert_eq!(
            client_ip(ip("10.0.0.2"), Some("203.0.113.9, 10.0.0.3"), &chain),
            ip("203.0.113.9")
        );
        assert_eq!(
            client_ip(ip("10.0.0.2"), Some("junk"), &proxy),
            ip("10.0.0.2")
        );
        assert_eq!(client_ip(ip("10.0.0.2"), None, &proxy), ip("10.0.0.2"));
    }
}
