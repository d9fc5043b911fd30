#!/usr/bin/env bash
# Runs the whole test suite (installs GSL first if it is missing).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-gsl.sh

swift test
