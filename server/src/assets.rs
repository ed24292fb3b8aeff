//! The front end's built files and how long browsers may keep them.
//!
//! `cargo leptos build` (with `hash-files = true`) names the script, the WebAssembly and the
//! stylesheet after a hash of their content (`concord.<hash>.css`) and writes the hashes to
//! `hash.txt` beside the binary, where Leptos reads them to write the page's links. A hashed
//! file never changes under its name, so browsers may keep it for a year without asking again;
//! anything else under `/pkg/` is checked with the server each time.

use std::path::{Path, PathBuf};

/// The name of the hashes file, beside the binary.
pub const HASH_FILE: &str = "hash.txt";

/// An asset whose name carries its content's hash.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// Any other asset: kept, but checked with the server before each use.
pub const REVALIDATE: &str = "no-cache";

/// The hashed files of one build, by their names under `/pkg/`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Assets {
    hashed: Vec<String>,
}

impl Assets {
    /// The hashes file beside the running binary, if the build wrote one; an unreadable or
    /// malformed file is an error (the pages would link files that do not exist).
    pub fn beside_exe(output_name: &str) -> anyhow::Result<Option<Self>> {
        let Some(path) = hash_file() else {
            return Ok(None);
        };
        if !path.exists() {
            return Ok(None);
        }
        let text = std::fs::read_to_string(&path)
            .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", path.display()))?;
        Self::parse(&text, output_name)
            .map(Some)
            .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))
    }

    /// Reads `hash.txt`: one `extension: hash` per line (`js`, `wasm`, `css`).
    pub fn parse(text: &str, output_name: &str) -> Result<Self, String> {
        let mut hashed = Vec::new();
        for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
            let (ext, hash) = line
                .split_once(':')
                .ok_or_else(|| format!("expected `extension: hash`, found {line:?}"))?;
            let (ext, hash) = (ext.trim(), hash.trim());
            let plain = |s: &str| {
                !s.is_empty()
                    && s.chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            };
            if !plain(ext) || !plain(hash) {
                return Err(format!("not an extension and a hash: {line:?}"));
            }
            hashed.push(format!("{output_name}.{hash}.{ext}"));
        }
        if hashed.is_empty() {
            return Err("no hashes in the file".into());
        }
        Ok(Self { hashed })
    }

    /// The hashed files missing from `pkg` (a `hash.txt` from another build).
    pub fn missing(&self, pkg: &Path) -> Vec<String> {
        self.hashed
            .iter()
            .filter(|name| !pkg.join(name).exists())
            .cloned()
            .collect()
    }

    /// The `Cache-Control` for a request's path: for `/pkg/` files only.
    pub fn cache_control(&self, path: &str) -> Option<&'static str> {
        let name = path.strip_prefix("/pkg/")?;
        Some(if self.hashed.iter().any(|h| h == name) {
            IMMUTABLE
        } else {
            REVALIDATE
        })
    }
}

/// Where Leptos looks for the hashes: beside the running binary.
fn hash_file() -> Option<PathBuf> {
    let exe = std::env::current_exe().ok()?;
    Some(exe.parent().unwrap_or(Path::new(".")).join(HASH_FILE))
}

#[cfg(test)]
mod tests {
    use super::*;

    const BUILT: &str =
        "js: J5Ut9vQm0Wb3Wm_hR-1T6A\nwasm: Qy1Oa3HYxFMeWqI7Wd3kzw\ncss: 9Ta0mqX2d0V8s3pY8n1m2Q\n";

    #[test]
    fn hashed_files_are_immutable_and_others_are_checked() {
        let assets = Assets::parse(BUILT, "concord").unwrap();
        for name in [
            "concord.J5Ut9vQm0Wb3Wm_hR-1T6A.js",
            "concord.Qy1Oa3HYxFMeWqI7Wd3kzw.wasm",
            "concord.9Ta0mqX2d0V8s3pY8n1m2Q.css",
        ] {
            assert_eq!(
                assets.cache_control(&format!("/pkg/{name}")),
                Some(IMMUTABLE)
            );
        }
        assert_eq!(assets.cache_control("/pkg/concord.css"), Some(REVALIDATE));
        assert_eq!(
            assets.cache_control("/pkg/concord.Qy1Oa3HYxFMeWqI7Wd3kzw.js"),
            Some(REVALIDATE),
            "a hash belongs to its own extension"
        );
        assert_eq!(assets.cache_control("/calendar"), None);
        assert_eq!(
            Assets::default().cache_control("/pkg/concord.css"),
            Some(REVALIDATE)
        );
    }

    #[test]
    fn files_of_another_build_are_named() {
        let pkg = std::env::temp_dir().join(format!("concord-assets-{}", std::process::id()));
        std::fs::create_dir_all(&pkg).unwrap();
        std::fs::write(pkg.join("concord.J5Ut9vQm0Wb3Wm_hR-1T6A.js"), "").unwrap();
        let assets = Assets::parse(BUILT, "concord").unwrap();
        let missing = assets.missing(&pkg);
        std::fs::remove_dir_all(&pkg).unwrap();
        assert_eq!(
            missing,
            [
                "concord.Qy1Oa3HYxFMeWqI7Wd3kzw.wasm",
                "concord.9Ta0mqX2d0V8s3pY8n1m2Q.css"
            ]
        );
    }

    #[test]
    fn a_malformed_hashes_file_is_refused() {
        assert!(Assets::parse("", "concord").is_err());
        assert!(Assets::parse("js J5Ut9vQm0Wb3Wm", "concord").is_err());
        assert!(Assets::parse("js: ../../etc", "concord").is_err());
        assert!(Assets::parse("js: \n", "concord").is_err());
    }
}
