# Sourced by Concord's scripts: where builds go and where the tools are.
export PATH="$HOME/.cargo/bin:$PATH"
# Builds are reused across clones of the repository.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/concord/target}"
# CI builds each fresh clone once: incremental caches would only fill the disk.
if [ -n "${CI:-}" ]; then export CARGO_INCREMENTAL=0; fi
