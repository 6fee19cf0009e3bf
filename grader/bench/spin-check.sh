#!/usr/bin/env bash
# Spin check: whether ProducerConsumerTest#consumersDoNotSpin has one outcome, idle and loaded. It
# grades the reference, the queue-executor variant (both block in take(): 10 of 10 every time) and
# a copy of the reference with each spin mutant applied (every message-queue mutant that loses only
# this 3-point check: 7 every time), RUNS times each, with --exercise message-queue, in native mode
# (Linux: the scheduler's per-thread statistics) and portable mode (-Dsockgrader.platform=portable:
# the process's CPU time only, as on Windows), first idle, then with stress-ng --cpu <cores> running
# (see repeated-grading.sh).
#
#   grader/bench/spin-check.sh [RUNS]        (default 20; about 4 s a grading, 28 gradings a run)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
runs="${1:-20}"
out="grader/target/spin-check"
rm -rf "$out"
mkdir -p "$out/submissions"

# The submissions: folders holding ipc/queue/ProducerConsumer.java, named by the score they must get.
copy_reference() { # $1: target folder
  mkdir -p "$1/ipc/queue"
  cp reference-solutions/src/main/java/ipc/queue/ProducerConsumer.java "$1/ipc/queue/"
}
copy_reference "$out/submissions/10-reference"
mkdir -p "$out/submissions/10-queue-executor"
cp -r reference-solutions/src/test/resources/variants/queue-executor/. "$out/submissions/10-queue-executor/"
for mutant in reference-solutions/mutants/message-queue/*.mutant; do
  grep -qx 'fails: ProducerConsumerTest#consumersDoNotSpin' "$mutant" || continue
  target="$out/submissions/7-$(basename "$mutant" .mutant)"
  copy_reference "$target"
  python3 grader/bench/apply-mutant.py "$mutant" "$target"
done

# shellcheck source=grader/bench/repeated-grading.sh
. grader/bench/repeated-grading.sh
grade_repeatedly message-queue 10 "$runs" "$out"
