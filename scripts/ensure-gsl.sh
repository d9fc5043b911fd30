#!/usr/bin/env bash
# Installs GSL (libgsl-dev) and pkg-config, and zlib (zlib1g-dev, for gzip sweep files), with apt-get
# when they are missing, and puts the Swift toolchain on PATH. Sourced by setup.sh and test.sh.
set -euo pipefail

if ! command -v swift >/dev/null 2>&1 && [ -x /opt/swift/usr/bin/swift ]; then
    export PATH="$PATH:/opt/swift/usr/bin"
fi

if ! pkg-config --exists gsl 2>/dev/null; then
    echo "GSL not found: installing libgsl-dev and pkg-config with apt-get" >&2
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq libgsl-dev pkg-config >/dev/null
fi

if ! pkg-config --exists zlib 2>/dev/null; then
    echo "zlib not found: installing zlib1g-dev with apt-get" >&2
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq zlib1g-dev >/dev/null
fi
