#!/usr/bin/env bash
# One command from a fresh clone to a finished run: installs GSL if missing, builds simctl in
# release mode, and runs the shipped baseline scenario into results/baseline-seed1/.
# Extra arguments are passed to `simctl run` (e.g. scripts/setup.sh crackdown --population 100000).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-gsl.sh

swift build -c release --product simctl
scenario="${1:-baseline}"
shift || true
.build/release/simctl run "$scenario" "$@"
