#!/usr/bin/env bash
# One command from a fresh clone to a finished run: installs GSL if missing, builds simctl in
# release mode, and runs the shipped baseline scenario into results/baseline-seed1/.
# Arguments: an optional scenario (default baseline), then `simctl run` options, e.g.
# scripts/setup.sh crackdown --population 100000, or scripts/setup.sh --ticks 50.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-gsl.sh

swift build -c release --product simctl
scenario="baseline"
if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then
    scenario="$1"
    shift
fi
.build/release/simctl run "$scenario" "$@"
