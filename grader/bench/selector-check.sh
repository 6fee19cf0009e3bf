#!/usr/bin/env bash
# Selector check: whether selector-echo's two measured checks have one outcome, idle and loaded.
# "serves 1,000 connections with at most 2 threads more..." counts the server's threads through the
# operating system; "sleeps in select() while its clients send nothing" watches its CPU for a quiet
# second. It grades the reference (must score 21 of 21 every time) and a copy of the reference with
# each mutant that loses exactly one of those 3-point checks (thread-per-client, spins-on-select-now:
# 18 every time), RUNS times each in native and portable mode, idle and beside stress-ng (see
# repeated-grading.sh).
#
#   grader/bench/selector-check.sh [RUNS]        (default 20; about 3 s a grading, 12 gradings a run)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
runs="${1:-20}"
out="grader/target/selector-check"
rm -rf "$out"
mkdir -p "$out/submissions"

copy_reference() { # $1: target folder
  mkdir -p "$1/ipc/nio"
  cp reference-solutions/src/main/java/ipc/nio/SelectorEchoServer.java "$1/ipc/nio/"
}
copy_reference "$out/submissions/21-reference"
for name in thread-per-client spins-on-select-now; do
  copy_reference "$out/submissions/18-$name"
  python3 grader/bench/apply-mutant.py "reference-solutions/mutants/selector-echo/$name.mutant" "$out/submissions/18-$name"
done

# shellcheck source=grader/bench/repeated-grading.sh
. grader/bench/repeated-grading.sh
grade_repeatedly selector-echo 21 "$runs" "$out"
