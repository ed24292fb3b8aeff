//! Where to go after signing in: only paths inside Concord, never another site.

/// The `next` path if it is a local path, else the start page. Refuses `//host` and `/\host`,
/// which browsers treat as other sites, and anything with a scheme.
pub fn safe_next(next: &str) -> String {
    let local = next.starts_with('/')
        && !next.starts_with("//")
        && !next.starts_with("/\\")
        && !next.chars().any(|c| c.is_control());
    if local && next != "/sign-in" && !next.starts_with("/sign-in?") {
        next.to_owned()
    } else {
        "/".to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn keeps_local_paths_and_refuses_other_sites() {
        assert_eq!(safe_next("/contacts?page=2"), "/contacts?page=2");
        assert_eq!(safe_next("/"), "/");
        assert_eq!(safe_next("https://evil.example/"), "/");
        assert_eq!(safe_next("//evil.example/"), "/");
        assert_eq!(safe_next("/\\evil.example/"), "/");
        assert_eq!(safe_next("/sign-in?next=/"), "/");
        assert_eq!(safe_next(""), "/");
    }
}
