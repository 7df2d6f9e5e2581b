#!/usr/bin/env bash
# A real kube-apiserver 1.20.2 + etcd on 127.0.0.1 for integration tests, with no
# Docker and no internet: the binary is built once from Debian's `kubernetes`
# source package and cached. See README.md next to this file.
#
#   kube-apiserver.sh build                  build + cache the binary (no-op when cached)
#   kube-apiserver.sh start DIR              start etcd + kube-apiserver, print the URL
#   kube-apiserver.sh stop DIR               stop both (idempotent)
#   kube-apiserver.sh restart-apiserver DIR  restart only kube-apiserver, same port/flags
#   kube-apiserver.sh status DIR             exit 0 if /readyz answers ok
set -euo pipefail

readonly K8S_VERSION=1.20.2
readonly K8S_MAJOR=1
readonly K8S_MINOR=20
readonly CACHE_ROOT="${KUBEREPLAY_CACHE:-${HOME:-/tmp}/.cache/kubereplay}"
readonly BIN_DIR="${CACHE_ROOT}/kube-apiserver-${K8S_VERSION}"
readonly APISERVER_BIN="${BIN_DIR}/kube-apiserver"
readonly GO_BIN_DIR=/usr/lib/go-1.19/bin
readonly REFLECT2_SRC=/usr/share/gocode/src/github.com/modern-go/reflect2
readonly ETCD_BIN=/usr/bin/etcd
# Needed to run (start/stop/status) and, in addition, to build.
readonly RUNTIME_PACKAGES=(etcd-server openssl curl)
readonly BUILD_PACKAGES=(golang-1.19-go golang-1.19-src golang-github-modern-go-reflect2-dev rsync make tar gzip)
readonly READY_TIMEOUT=60
readonly STOP_TIMEOUT=10
# The service-account issuer/audience a real cluster would use; tests only need it consistent.
readonly SA_ISSUER=https://kubernetes.default.svc.cluster.local

log() { printf '[kube-apiserver.sh] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

usage() {
  sed -n '6,10p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

# --- cleanup on exit (interrupted build, half-started cluster) -------------------------

BUILD_WORK=""      # temp build dir to delete
FAILED_START_DIR="" # cluster dir whose processes must be stopped if start does not finish

on_exit() {
  local rc=$?
  if [[ -n "${FAILED_START_DIR}" ]]; then
    log "start failed: stopping what was started in ${FAILED_START_DIR}"
    stop_cluster "${FAILED_START_DIR}" || true
  fi
  if [[ -n "${BUILD_WORK}" && -d "${BUILD_WORK}" ]]; then
    rm -rf "${BUILD_WORK}"
  fi
  exit "${rc}"
}
trap on_exit EXIT
# Turn signals into a normal exit so the EXIT trap cleans up.
trap 'exit 130' INT
trap 'exit 143' TERM

# --- helpers ------------------------------------------------------------------------------

# Run a command, showing its output only if it fails (openssl and friends are chatty).
quiet() {
  local out
  if ! out=$("$@" 2>&1); then
    printf '%s\n' "${out}" >&2
    return 1
  fi
}

as_root() {
  if [[ ${EUID} -eq 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null; then
    sudo "$@"
  else
    die "need root (or sudo) to run: $*"
  fi
}

package_installed() {
  [[ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null)" == installed ]]
}

# Install missing Debian packages; refresh the package lists only when apt cannot find
# or fetch them (a fresh machine has empty lists, a stale one may have dead URLs).
ensure_packages() {
  local missing=() p
  for p in "$@"; do
    package_installed "${p}" || missing+=("${p}")
  done
  [[ ${#missing[@]} -eq 0 ]] && return 0
  log "installing Debian packages: ${missing[*]}"
  local apt=(env DEBIAN_FRONTEND=noninteractive apt-get -q -y --no-install-recommends
    -o DPkg::Lock::Timeout=900 install)
  if ! apt-cache show "${missing[@]}" >/dev/null 2>&1; then
    as_root apt-get -q -o DPkg::Lock::Timeout=900 update >&2
  elif as_root "${apt[@]}" "${missing[@]}" >&2; then
    return 0
  else
    as_root apt-get -q -o DPkg::Lock::Timeout=900 update >&2
  fi
  as_root "${apt[@]}" "${missing[@]}" >&2
}

binary_ok() {
  [[ -x "${APISERVER_BIN}" ]] && "${APISERVER_BIN}" --version 2>/dev/null | grep -q "v${K8S_VERSION}\$"
}

runtime_ok() {
  binary_ok && [[ -x "${ETCD_BIN}" ]] && command -v openssl >/dev/null && command -v curl >/dev/null
}

abs_dir() {
  mkdir -p "$1"
  (cd "$1" && pwd -P)
}

# --- build --------------------------------------------------------------------------------

# Write an apt sources list with deb-src entries derived from the system's deb entries,
# so `apt-get source` works without touching /etc/apt.
write_private_sources() {
  local out_dir=$1
  mkdir -p "${out_dir}"
  if [[ -f /etc/apt/sources.list.d/debian.sources ]]; then
    sed -E 's/^Types:.*/Types: deb-src/' /etc/apt/sources.list.d/debian.sources \
      >"${out_dir}/debian.sources"
  elif [[ -f /etc/apt/sources.list ]]; then
    sed -nE 's/^[[:space:]]*deb[[:space:]]/deb-src /p' /etc/apt/sources.list >"${out_dir}/debian.list"
  else
    die "no /etc/apt/sources.list.d/debian.sources or /etc/apt/sources.list to derive deb-src from"
  fi
}

fetch_source() {
  local work=$1 apt_dir=$1/apt
  mkdir -p "${apt_dir}/lists/partial" "${apt_dir}/cache/archives/partial" "${work}/dl"
  write_private_sources "${apt_dir}/sources.list.d"
  # Private lists and cache: the system's apt state is neither read nor written.
  local opts=(-q -o Dir::Etc::sourcelist=/dev/null -o "Dir::Etc::sourceparts=${apt_dir}/sources.list.d"
    -o "Dir::State::Lists=${apt_dir}/lists" -o "Dir::Cache=${apt_dir}/cache"
    -o APT::Sandbox::User=root)
  log "fetching the Debian source package 'kubernetes' (private apt lists)"
  apt-get "${opts[@]}" update >&2
  (cd "${work}/dl" && apt-get "${opts[@]}" source --download-only kubernetes >&2)
}

cmd_build() {
  if runtime_ok; then
    log "cached: ${APISERVER_BIN} ($("${APISERVER_BIN}" --version))"
    return 0
  fi
  ensure_packages "${RUNTIME_PACKAGES[@]}"
  binary_ok && return 0

  mkdir -p "${CACHE_ROOT}"
  # One build at a time (parallel test runs may all call start on a fresh machine).
  # fd 9 is closed again before any daemon starts, so they never hold the lock.
  exec 9>"${CACHE_ROOT}/.kube-apiserver-${K8S_VERSION}.lock"
  if ! flock -n 9; then
    log "another build is running; waiting for it"
    flock 9
  fi
  if binary_ok; then
    exec 9>&-
    log "built by another process: ${APISERVER_BIN}"
    return 0
  fi
  # Left behind by a killed build (we hold the lock, so none is running).
  rm -rf "${CACHE_ROOT}"/kube-apiserver-build.*

  local t0=${SECONDS}
  log "building kube-apiserver v${K8S_VERSION} (takes about 7 minutes on 2 cores)"
  ensure_packages "${BUILD_PACKAGES[@]}"

  BUILD_WORK=$(mktemp -d "${CACHE_ROOT}/kube-apiserver-build.XXXXXX")
  local work=${BUILD_WORK}
  fetch_source "${work}"

  local orig
  orig=$(find "${work}/dl" -maxdepth 1 -name 'kubernetes_*.orig.tar.*' | head -n 1)
  [[ -n "${orig}" ]] || die "no kubernetes_*.orig.tar.* downloaded"
  # Debian names it 1.20.5+really1.20.2: the upstream tree inside is what counts.
  [[ "$(basename "${orig}")" == *"${K8S_VERSION}.orig.tar."* ]] \
    || die "$(basename "${orig}") is not Kubernetes ${K8S_VERSION}"
  log "unpacking $(basename "${orig}")"
  # The orig tarball is the whole upstream tree with vendor/; Debian's own patches only
  # touch kubectl printing, so they are not needed for the API server.
  local tree=${work}/kubernetes
  mkdir -p "${tree}"
  tar -xf "${orig}" -C "${tree}" --strip-components=1
  [[ -f "${tree}/cmd/kube-apiserver/apiserver.go" ]] || die "unexpected source layout in ${orig}"

  # Vendored reflect2 1.0.1 makes the apiserver SIGSEGV (json-iterator map iteration) on the
  # first custom-resource create when built with Go >= 1.18; Debian ships the fixed 1.0.2.
  log "replacing vendored modern-go/reflect2 with Debian's $(dpkg-query -W -f='${Version}' golang-github-modern-go-reflect2-dev)"
  local r2=${tree}/vendor/github.com/modern-go/reflect2 f
  find "${r2}" -maxdepth 1 -type f \( -name '*.go' -o -name '*.s' \) -delete
  for f in "${REFLECT2_SRC}"/*.go "${REFLECT2_SRC}"/*.s; do
    [[ "${f}" == *_test.go ]] || cp "${f}" "${r2}/"
  done

  # Go 1.19 is the only Go in bookworm. GOPATH mode: module mode wants go.mod updates
  # (needs the network). CGO off: static binary, and no C compiler is required.
  export PATH="${GO_BIN_DIR}:${PATH}" GO111MODULE=off GOPROXY=off GOFLAGS='' CGO_ENABLED=0
  unset GOBIN

  # The generated OpenAPI definitions are not in the tarball.
  log "make gen_openapi"
  (cd "${tree}" && make gen_openapi >&2)

  # Without these the server reports v0.0.0-master; client-go's copy is what /version
  # and clients see in some code paths, so set both.
  local ldflags="-s -w" pkg
  for pkg in k8s.io/kubernetes/vendor/k8s.io/component-base/version \
    k8s.io/kubernetes/vendor/k8s.io/client-go/pkg/version; do
    ldflags+=" -X ${pkg}.gitVersion=v${K8S_VERSION} -X ${pkg}.gitMajor=${K8S_MAJOR}"
    ldflags+=" -X ${pkg}.gitMinor=${K8S_MINOR} -X ${pkg}.gitTreeState=archive"
  done
  log "go build ./cmd/kube-apiserver (GOPATH mode, $(go version | cut -d' ' -f3))"
  # run-in-gopath.sh lays out _output/local/go/src/k8s.io/kubernetes -> tree and sets GOPATH.
  (cd "${tree}" && hack/run-in-gopath.sh go build -o "${work}/kube-apiserver" \
    -ldflags "${ldflags}" ./cmd/kube-apiserver >&2)

  local version
  version=$("${work}/kube-apiserver" --version)
  [[ "${version}" == *"v${K8S_VERSION}" ]] || die "built binary reports '${version}'"

  # Atomic install: rename within the cache dir, so a reader sees the old state or the
  # complete binary, never a partial one.
  mkdir -p "${BIN_DIR}"
  mv "${work}/kube-apiserver" "${BIN_DIR}/.kube-apiserver.tmp.$$"
  chmod 0755 "${BIN_DIR}/.kube-apiserver.tmp.$$"
  printf 'built %s from %s with %s in %ss\n' "$(date -u +%FT%TZ)" "$(basename "${orig}")" \
    "$(go version)" "$((SECONDS - t0))" >"${BIN_DIR}/BUILD-INFO"
  mv -f "${BIN_DIR}/.kube-apiserver.tmp.$$" "${APISERVER_BIN}"
  rm -rf "${work}"
  BUILD_WORK=""
  exec 9>&-
  log "built ${APISERVER_BIN} (${version}) in $((SECONDS - t0))s"
}

# --- processes ----------------------------------------------------------------------------

# True if the pid in DIR/NAME.pid is alive and really is our process for DIR (pid reuse).
process_alive() {
  local dir=$1 name=$2 pid state
  [[ -f "${dir}/${name}.pid" ]] || return 1
  pid=$(<"${dir}/${name}.pid")
  [[ "${pid}" =~ ^[0-9]+$ ]] || return 1
  [[ -r "/proc/${pid}/cmdline" ]] || return 1
  # A zombie (parent not reaping yet) counts as dead.
  state=$(awk '{print $3}' "/proc/${pid}/stat" 2>/dev/null || true)
  [[ -n "${state}" && "${state}" != Z ]] || return 1
  tr '\0' '\n' <"/proc/${pid}/cmdline" | grep -qF -- "${dir}/"
}

stop_process() {
  local dir=$1 name=$2 pid i
  if ! process_alive "${dir}" "${name}"; then
    rm -f "${dir}/${name}.pid"
    return 0
  fi
  pid=$(<"${dir}/${name}.pid")
  log "stopping ${name} (pid ${pid})"
  kill -TERM "${pid}" 2>/dev/null || true
  for ((i = 0; i < STOP_TIMEOUT * 10; i++)); do
    process_alive "${dir}" "${name}" || break
    sleep 0.1
  done
  if process_alive "${dir}" "${name}"; then
    log "${name} did not stop in ${STOP_TIMEOUT}s; killing it"
    kill -KILL "${pid}" 2>/dev/null || true
    for ((i = 0; i < 50; i++)); do
      process_alive "${dir}" "${name}" || break
      sleep 0.1
    done
  fi
  rm -f "${dir}/${name}.pid"
}

stop_cluster() {
  local dir=$1
  # API server first: it would log etcd errors if etcd went away under it.
  stop_process "${dir}" apiserver
  stop_process "${dir}" etcd
}

# True if anything (listening or not) has the TCP port bound on this machine.
port_in_use() {
  local hex files=() f
  hex=$(printf ':%04X' "$1")
  for f in /proc/net/tcp /proc/net/tcp6; do [[ -r "${f}" ]] && files+=("${f}"); done
  awk -v h="${hex}" 'FNR > 1 && substr($2, length($2) - 4) == h { found = 1 } END { exit !found }' \
    "${files[@]}"
}

# Random port below the Linux ephemeral range (32768+), so outgoing connections do not
# take it between picking and binding; a bind race is still handled by retrying.
# Sets PORT (not echoed: a $(...) subshell would lose USED_PORTS).
USED_PORTS=" "
PORT=""
pick_port() {
  local p i
  for ((i = 0; i < 200; i++)); do
    p=$((10000 + RANDOM % 22000))
    [[ "${USED_PORTS}" == *" ${p} "* ]] && continue
    port_in_use "${p}" && continue
    USED_PORTS+="${p} "
    PORT=${p}
    return 0
  done
  die "no free TCP port found"
}

# Start NAME in the background from the argument file DIR/NAME.args (one per line).
# setsid: the daemons outlive this script and ignore the caller's terminal signals.
launch() {
  local dir=$1 name=$2 bin=$3 args
  mapfile -t args <"${dir}/${name}.args"
  setsid "${bin}" "${args[@]}" </dev/null >>"${dir}/${name}.log" 2>&1 &
  echo $! >"${dir}/${name}.pid"
}

fail_with_log() {
  local dir=$1 name=$2
  log "last lines of ${dir}/${name}.log:"
  tail -n 30 "${dir}/${name}.log" >&2 || true
  die "$3"
}

# Wait until CHECK succeeds; returns 1 if the process died, 2 on timeout.
wait_for() {
  local dir=$1 name=$2 timeout=$3
  shift 3
  local deadline=$((SECONDS + timeout))
  while ((SECONDS < deadline)); do
    "$@" && return 0
    process_alive "${dir}" "${name}" || { "$@" && return 0; return 1; }
    sleep 0.2
  done
  return 2
}

etcd_healthy() {
  curl -fsS --max-time 2 "$1/health" 2>/dev/null | grep -q '"health":"true"'
}

apiserver_ready() {
  local dir=$1 url
  url=$(<"${dir}/apiserver.url")
  [[ "$(curl -sS --max-time 3 --cacert "${dir}/pki/ca.crt" --cert "${dir}/pki/admin.crt" \
    --key "${dir}/pki/admin.key" "${url}/readyz" 2>/dev/null)" == ok ]]
}

start_etcd() {
  local dir=$1 attempt client peer url rc
  for attempt in 1 2 3 4 5; do
    pick_port
    client=${PORT}
    pick_port
    peer=${PORT}
    url="http://127.0.0.1:${client}"
    printf '%s\n' --name=kubereplay --data-dir="${dir}/etcd-data" --logger=zap \
      --listen-client-urls="${url}" --advertise-client-urls="${url}" \
      --listen-peer-urls="http://127.0.0.1:${peer}" \
      --initial-advertise-peer-urls="http://127.0.0.1:${peer}" \
      --initial-cluster="kubereplay=http://127.0.0.1:${peer}" --initial-cluster-state=new \
      >"${dir}/etcd.args"
    rm -rf "${dir}/etcd-data"
    launch "${dir}" etcd "${ETCD_BIN}"
    rc=0
    wait_for "${dir}" etcd 30 etcd_healthy "${url}" || rc=$?
    if ((rc == 0)); then
      echo "${url}" >"${dir}/etcd.url"
      return 0
    fi
    if ((rc == 1)) && grep -q 'address already in use' "${dir}/etcd.log"; then
      log "etcd port taken meanwhile (attempt ${attempt}); picking other ports"
      continue
    fi
    stop_process "${dir}" etcd
    fail_with_log "${dir}" etcd "etcd did not become healthy"
  done
  die "etcd: no usable ports after 5 attempts"
}

write_apiserver_args() {
  local dir=$1 port=$2 pki=$1/pki
  printf '%s\n' \
    --etcd-servers="$(<"${dir}/etcd.url")" \
    --bind-address=127.0.0.1 --advertise-address=127.0.0.1 \
    --secure-port="${port}" --insecure-port=0 --cert-dir="${pki}" \
    --tls-cert-file="${pki}/apiserver.crt" --tls-private-key-file="${pki}/apiserver.key" \
    --client-ca-file="${pki}/ca.crt" --token-auth-file="${dir}/tokens.csv" \
    --service-account-key-file="${pki}/sa.pub" \
    --service-account-signing-key-file="${pki}/sa.key" \
    --service-account-issuer="${SA_ISSUER}" --api-audiences="${SA_ISSUER}" \
    --service-cluster-ip-range=10.0.0.0/24 \
    --authorization-mode=RBAC \
    --disable-admission-plugins=ServiceAccount \
    --allow-privileged=true --profiling=false \
    >"${dir}/apiserver.args"
  echo "https://127.0.0.1:${port}" >"${dir}/apiserver.url"
}

# Launch kube-apiserver from DIR/apiserver.args and wait for /readyz.
# Returns 3 if its port was taken, so that start can retry on another one.
run_apiserver() {
  local dir=$1 rc=0
  launch "${dir}" apiserver "${APISERVER_BIN}"
  wait_for "${dir}" apiserver "${READY_TIMEOUT}" apiserver_ready "${dir}" || rc=$?
  ((rc == 0)) && return 0
  if ((rc == 1)) && tail -n 20 "${dir}/apiserver.log" | grep -q 'address already in use'; then
    return 3
  fi
  stop_process "${dir}" apiserver
  if ((rc == 2)); then
    fail_with_log "${dir}" apiserver "kube-apiserver not ready after ${READY_TIMEOUT}s"
  fi
  fail_with_log "${dir}" apiserver "kube-apiserver exited"
}

# --- certificates, tokens, kubeconfig -----------------------------------------------------

generate_pki() {
  local dir=$1 pki=$1/pki
  mkdir -p "${pki}"
  # Own minimal config: independent of the system openssl.cnf defaults.
  cat >"${pki}/openssl.cnf" <<'EOF'
[req]
distinguished_name = dn
prompt = no
[dn]
[ca]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign, digitalSignature
subjectKeyIdentifier = hash
[server]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = IP:127.0.0.1, DNS:localhost, IP:10.0.0.1, DNS:kubernetes, DNS:kubernetes.default, DNS:kubernetes.default.svc
authorityKeyIdentifier = keyid
[client]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = clientAuth
authorityKeyIdentifier = keyid
EOF
  local key
  # RSA in PKCS#1 ("RSA PRIVATE KEY"): the most widely parsed form (Java clients included).
  for key in ca apiserver admin sa; do
    quiet openssl genrsa -traditional -out "${pki}/${key}.key" 2048
  done
  chmod 600 "${pki}"/*.key
  quiet openssl req -x509 -new -config "${pki}/openssl.cnf" -extensions ca -sha256 -days 3650 \
    -key "${pki}/ca.key" -subj "/CN=kubereplay-test-ca" -out "${pki}/ca.crt"
  sign_cert "${pki}" apiserver server "/CN=kube-apiserver"
  sign_cert "${pki}" admin client "/O=system:masters/CN=admin"
  quiet openssl rsa -in "${pki}/sa.key" -pubout -out "${pki}/sa.pub"
}

sign_cert() {
  local pki=$1 name=$2 ext=$3 subj=$4
  quiet openssl req -new -config "${pki}/openssl.cnf" -key "${pki}/${name}.key" -subj "${subj}" \
    -out "${pki}/${name}.csr"
  quiet openssl x509 -req -sha256 -days 3650 -in "${pki}/${name}.csr" -CA "${pki}/ca.crt" \
    -CAkey "${pki}/ca.key" -CAcreateserial -CAserial "${pki}/ca.srl" \
    -extfile "${pki}/openssl.cnf" -extensions "${ext}" -out "${pki}/${name}.crt"
  rm -f "${pki}/${name}.csr"
}

new_token() { openssl rand -hex 24; }

write_tokens() {
  local dir=$1
  # token,user,uid[,"groups"]: viewer and restricted get only system:authenticated;
  # tests bind Roles to them as needed.
  {
    printf '%s,admin,kubereplay-admin,"system:masters"\n' "$(new_token)"
    printf '%s,viewer,kubereplay-viewer\n' "$(new_token)"
    printf '%s,restricted,kubereplay-restricted\n' "$(new_token)"
  } >"${dir}/tokens.csv"
  chmod 600 "${dir}/tokens.csv"
}

token_of() { awk -F, -v u="$2" '$2 == u { print $1 }' "$1/tokens.csv"; }

b64() { base64 -w0 <"$1"; }

write_kubeconfig() {
  local dir=$1 url pki=$1/pki user
  url=$(<"${dir}/apiserver.url")
  {
    cat <<EOF
apiVersion: v1
kind: Config
clusters:
- name: kubereplay
  cluster:
    server: ${url}
    certificate-authority-data: $(b64 "${pki}/ca.crt")
users:
- name: admin
  user:
    client-certificate-data: $(b64 "${pki}/admin.crt")
    client-key-data: $(b64 "${pki}/admin.key")
- name: viewer
  user:
    token: $(token_of "${dir}" viewer)
- name: restricted
  user:
    token: $(token_of "${dir}" restricted)
contexts:
EOF
    for user in admin viewer restricted; do
      printf -- '- name: %s\n  context:\n    cluster: kubereplay\n    user: %s\n    namespace: default\n' \
        "${user}" "${user}"
    done
    printf 'current-context: admin\npreferences: {}\n'
  } >"${dir}/kubeconfig.tmp"
  chmod 600 "${dir}/kubeconfig.tmp"
  mv -f "${dir}/kubeconfig.tmp" "${dir}/kubeconfig"
}

write_env() {
  local dir=$1
  {
    printf 'KUBE_APISERVER_URL=%q\n' "$(<"${dir}/apiserver.url")"
    printf 'KUBECONFIG=%q\n' "${dir}/kubeconfig"
    printf 'ADMIN_TOKEN=%q\n' "$(token_of "${dir}" admin)"
    printf 'VIEWER_TOKEN=%q\n' "$(token_of "${dir}" viewer)"
    printf 'RESTRICTED_TOKEN=%q\n' "$(token_of "${dir}" restricted)"
    printf 'ETCD_URL=%q\n' "$(<"${dir}/etcd.url")"
    printf 'KUBE_CA_FILE=%q\n' "${dir}/pki/ca.crt"
    printf 'KUBE_ADMIN_CERT_FILE=%q\n' "${dir}/pki/admin.crt"
    printf 'KUBE_ADMIN_KEY_FILE=%q\n' "${dir}/pki/admin.key"
  } >"${dir}/env.tmp"
  mv -f "${dir}/env.tmp" "${dir}/env"
}

# --- subcommands --------------------------------------------------------------------------

cmd_start() {
  local dir
  dir=$(abs_dir "$1")
  if process_alive "${dir}" etcd || process_alive "${dir}" apiserver; then
    die "already running in ${dir}; run: $0 stop ${dir}"
  fi
  # Not `runtime_ok || cmd_build`: set -e would be off inside the build.
  if ! runtime_ok; then
    cmd_build >&2
  fi
  local t0=${SECONDS}
  # Fresh state every start: tests expect an empty cluster.
  rm -rf "${dir}/pki" "${dir}/etcd-data"
  rm -f "${dir}"/{etcd,apiserver}.{log,pid,args,url} "${dir}"/{kubeconfig,env,tokens.csv}
  FAILED_START_DIR=${dir}
  generate_pki "${dir}"
  write_tokens "${dir}"
  start_etcd "${dir}"
  local attempt rc
  for attempt in 1 2 3 4 5; do
    pick_port
    write_apiserver_args "${dir}" "${PORT}"
    rc=0
    run_apiserver "${dir}" || rc=$?
    ((rc == 0)) && break
    log "kube-apiserver port taken meanwhile (attempt ${attempt}); picking another"
    ((attempt < 5)) || die "kube-apiserver: no usable port after 5 attempts"
  done
  write_kubeconfig "${dir}"
  write_env "${dir}"
  FAILED_START_DIR=""
  log "ready in $((SECONDS - t0))s: $(<"${dir}/apiserver.url") (env: ${dir}/env, kubeconfig: ${dir}/kubeconfig)"
  cat "${dir}/apiserver.url"
}

cmd_stop() {
  local dir=$1
  [[ -d "${dir}" ]] || return 0
  stop_cluster "$(abs_dir "${dir}")"
}

cmd_restart_apiserver() {
  local dir
  dir=$(abs_dir "$1")
  [[ -f "${dir}/apiserver.args" ]] || die "no cluster started in ${dir}"
  process_alive "${dir}" etcd || die "etcd is not running in ${dir}; use start"
  stop_process "${dir}" apiserver
  local port i
  port=$(sed -n 's/^--secure-port=//p' "${dir}/apiserver.args")
  # The old listener must be gone before binding the same port again.
  for ((i = 0; i < 50; i++)); do
    port_in_use "${port}" || break
    sleep 0.1
  done
  printf '\n=== restart-apiserver %s ===\n' "$(date -u +%FT%TZ)" >>"${dir}/apiserver.log"
  local rc=0
  run_apiserver "${dir}" || rc=$?
  ((rc == 0)) || fail_with_log "${dir}" apiserver "port ${port} is taken by another process"
  log "kube-apiserver restarted: $(<"${dir}/apiserver.url")"
}

cmd_status() {
  local dir=$1
  [[ -d "${dir}" ]] && dir=$(abs_dir "${dir}")
  if [[ -f "${dir}/apiserver.url" ]] && apiserver_ready "${dir}"; then
    log "ready: $(<"${dir}/apiserver.url")"
    return 0
  fi
  log "not ready (${dir})"
  return 1
}

main() {
  [[ $# -ge 1 ]] || usage
  local cmd=$1
  shift
  case "${cmd}" in
    build) [[ $# -eq 0 ]] || usage; cmd_build >&2 ;;
    start) [[ $# -eq 1 ]] || usage; cmd_start "$1" ;;
    stop) [[ $# -eq 1 ]] || usage; cmd_stop "$1" ;;
    restart-apiserver) [[ $# -eq 1 ]] || usage; cmd_restart_apiserver "$1" ;;
    status) [[ $# -eq 1 ]] || usage; cmd_status "$1" ;;
    *) usage ;;
  esac
}

main "$@"
