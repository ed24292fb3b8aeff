//! `--public-url`: the address people reach Concord at, behind whatever proxy. It decides the
//! origin that cookie-authenticated writes must come from, and, when it is `https`, that the
//! session cookie is `Secure` with the `__Host-` prefix and that browsers are told to keep to
//! HTTPS (HSTS).

use axum::http::Uri;

/// The scheme and authority people reach Concord at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublicUrl {
    origin: String,
    https: bool,
}

impl PublicUrl {
    /// Parses `https://concord.example.com` (a path, if any, is ignored).
    pub fn parse(text: &str) -> Result<PublicUrl, String> {
        let uri: Uri = text
            .trim()
            .parse()
            .map_err(|e| format!("--public-url {text:?}: {e}"))?;
        let scheme = uri.scheme_str().unwrap_or_default().to_ascii_lowercase();
        if scheme != "https" && scheme != "http" {
            return Err(format!(
                "--public-url {text:?}: expected http:// or https://"
            ));
        }
        let authority = uri
            .authority()
            .ok_or_else(|| format!("--public-url {text:?}: no host"))?;
        Ok(PublicUrl {
            origin: format!("{scheme}://{}", authority.as_str().to_ascii_lowercase()),
            https: scheme == "https",
        })
    }

    /// `scheme://host[:port]`, as browsers send it in `Origin`.
    pub fn origin(&self) -> &str {
        &self.origin
    }

    /// Whether people reach Concord over HTTPS.
    pub fn https(&self) -> bool {
        self.https
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_origin_is_scheme_and_host_and_https_is_noticed() {
        let url = PublicUrl::parse("https://Concord.Example.com/some/path").unwrap();
        assert_eq!(url.origin(), "https://concord.example.com");
        assert!(url.https());
        let local = PublicUrl::parse("http://127.0.0.1:3000").unwrap();
        assert_eq!(local.origin(), "http://127.0.0.1:3000");
        assert!(!local.https());
        assert!(PublicUrl::parse("ftp://x").is_err());
        assert!(PublicUrl::parse("concord.example.com").is_err());
    }
}
