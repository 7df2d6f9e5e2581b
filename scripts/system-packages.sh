#!/usr/bin/env bash
# Installs the Debian packages the tests need (as root, or through sudo), and nothing when they
# are all there already, so a repeated run costs a second.
set -euo pipefail

packages=(
  # the VS Code end-to-end tests: a real workbench (code-server) in headless Chromium
  chromium ripgrep libkrb5-dev libxkbfile-dev libx11-dev libsecret-1-dev pkg-config python3 make g++
  # headless Swing rendering of the IntelliJ panels (fonts for text in the PNGs)
  fontconfig fonts-dejavu-core
  # the real-cluster tests: etcd and a kube-apiserver built from Debian's sources
  etcd-server golang-1.19-go golang-1.19-src golang-github-modern-go-reflect2-dev rsync openssl curl
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
echo "system-packages: installing ${missing[*]}" >&2
$sudo apt-get update -q >&2
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
