#!/usr/bin/env bash
# Installs the VS Code workbench the end-to-end test drives (code-server, a real VS Code for the
# web) into a per-user cache, once. Prints the install directory on stdout; progress goes to
# stderr. System packages (chromium, ripgrep, the -dev headers for native modules) are installed
# by the project's top-level scripts, not here.
set -euo pipefail

CODE_SERVER_VERSION=4.100.3
# The @vscode/ripgrep that code-server 4.100.3 installs, and the ripgrep release it fetches.
RIPGREP_PACKAGE_VERSION=1.15.11
RIPGREP_RELEASE=v13.0.0-10

cache_root="${KUBEREPLAY_CACHE:-$HOME/.cache/kubereplay}"
install_dir="$cache_root/code-server-$CODE_SERVER_VERSION"
entry="$install_dir/node_modules/.bin/code-server"

say() { echo "setup-workbench: $*" >&2; }

if [[ ! -x /usr/bin/chromium ]]; then
  say "/usr/bin/chromium is missing: install Debian's chromium package (the project's setup script does)."
  exit 1
fi

if [[ -x "$entry" && -f "$install_dir/.complete" ]]; then
  echo "$install_dir"
  exit 0
fi

for tool in node npm rg tar flock; do
  if ! command -v "$tool" >/dev/null; then
    say "'$tool' is not on PATH."
    exit 1
  fi
done

mkdir -p "$cache_root"
# One installer at a time; a second one waits, then finds the install done.
exec 9>"$cache_root/.code-server-$CODE_SERVER_VERSION.lock"
flock 9
if [[ -x "$entry" && -f "$install_dir/.complete" ]]; then
  echo "$install_dir"
  exit 0
fi

staging="$(mktemp -d "$cache_root/.code-server-$CODE_SERVER_VERSION.XXXXXX")"
cleanup() { rm -rf "$staging"; }
trap cleanup EXIT

# @vscode/ripgrep's install step downloads a ripgrep release unless it finds the archive in its
# cache under TMPDIR; an archive holding the system's rg spares that download.
case "$(uname -m)" in
  x86_64) rg_target=x86_64-unknown-linux-musl ;;
  aarch64 | arm64) rg_target=aarch64-unknown-linux-musl ;;
  *)
    say "unsupported architecture $(uname -m)"
    exit 1
    ;;
esac
export TMPDIR="$staging/tmp"
rg_cache="$TMPDIR/vscode-ripgrep-cache-$RIPGREP_PACKAGE_VERSION"
mkdir -p "$rg_cache" "$staging/rg"
cp "$(command -v rg)" "$staging/rg/rg"
tar -czf "$rg_cache/ripgrep-$RIPGREP_RELEASE-$rg_target.tar.gz" -C "$staging/rg" rg

# As root npm drops privileges for install scripts unless told otherwise; node-pty's install
# step runs npx; node-gyp compiles against the installed Node headers instead of downloading them.
export npm_config_unsafe_perm=true
export npm_config_yes=true
if [[ -f /usr/include/node/node.h ]]; then
  export npm_config_nodedir=/usr
fi
node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [[ "$node_major" != 20 ]]; then
  say "code-server $CODE_SERVER_VERSION expects Node 20, found $(node --version); installing anyway."
  export FORCE_NODE_VERSION=1
fi

say "installing code-server $CODE_SERVER_VERSION into $install_dir (takes a minute or two, once)"
started=$SECONDS
# A plain local install in its own folder: --global or --prefix would be handed down to the
# nested npm install that code-server's install step runs in lib/vscode, and break it.
mkdir -p "$staging/prefix"
echo '{"private": true}' >"$staging/prefix/package.json"
(cd "$staging/prefix" && npm install --no-audit --no-fund --loglevel=error \
  "code-server@$CODE_SERVER_VERSION") >&2
# Its first run writes a config file under HOME: keep that out of the real one.
HOME="$TMPDIR" XDG_CONFIG_HOME="$TMPDIR" XDG_DATA_HOME="$TMPDIR" \
  "$staging/prefix/node_modules/.bin/code-server" --version >&2
touch "$staging/prefix/.complete"

# Move into place only when complete, so a broken install never looks cached.
rm -rf "$install_dir"
mv "$staging/prefix" "$install_dir"
say "installed in $((SECONDS - started)) s"
echo "$install_dir"
