#!/usr/bin/env bash
# Runs the whole test suite (installs GSL first if it is missing).
#
# The tests are built optimised, with testing enabled, in their own build folder: the kernel is
# SIMD code that unoptimised builds run dozens of times slower, and optimised tests check the code
# users actually run. A separate folder keeps `.build/release/simctl` (set-up, benchmarks) from
# being rebuilt with different flags each time.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-gsl.sh

swift test -c release -Xswiftc -enable-testing --build-path .build-tests
