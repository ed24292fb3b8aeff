//! Which certificate URLs an SNS message may name: https on an SNS host only.

/// Whether a certificate URL may be fetched: https only, host exactly `sns.<region>.amazonaws.com`
/// (or `sns.<region>.amazonaws.com.cn`), no userinfo, no port, no query or fragment, and a plain
/// path ending in `.pem`. The region must look like one (`us-east-1`, `us-gov-west-1`,
/// `cn-north-1`): a bare label such as `s3` would let an S3 bucket named `sns` through.
pub fn cert_url_allowed(url: &str) -> bool {
    let Some(rest) = url.strip_prefix("https://") else {
        return false;
    };
    let Some(slash) = rest.find('/') else {
        return false;
    };
    let (host, path) = rest.split_at(slash);
    let region = host.strip_prefix("sns.").and_then(|h| {
        h.strip_suffix(".amazonaws.com")
            .or_else(|| h.strip_suffix(".amazonaws.com.cn"))
    });
    region.is_some_and(aws_region) && pem_path(path)
}

/// `xx-word(-word)*-digits`, in lower case.
fn aws_region(region: &str) -> bool {
    let parts: Vec<&str> = region.split('-').collect();
    let [first, middle @ .., last] = parts.as_slice() else {
        return false;
    };
    let letters = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_lowercase());
    first.len() == 2
        && letters(first)
        && !middle.is_empty()
        && middle.iter().all(|p| letters(p))
        && !last.is_empty()
        && last.bytes().all(|b| b.is_ascii_digit())
}

/// `/name.pem` or `/dir/name.pem`: letters, digits, `-`, `_`, `.`; no empty, `.` or `..` segment.
fn pem_path(path: &str) -> bool {
    let plain = path
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'/' | b'-' | b'_' | b'.'));
    let segments_ok = path
        .strip_prefix('/')
        .is_some_and(|p| p.split('/').all(|s| !s.is_empty() && s != "." && s != ".."));
    plain && segments_ok && path.ends_with(".pem") && !path.ends_with("/.pem")
}
