#!/usr/bin/env bash
# Spin check: how often ProducerConsumerTest#consumersDoNotSpin fails, per submission and mode. It
# grades the reference, the queue-executor variant (both block in take(): must pass every time) and
# a copy of the reference with each spin mutant applied (every message-queue mutant that loses only
# this check: must fail every time), RUNS times each, with --exercise message-queue, in native mode
# (Linux: the scheduler's per-thread statistics) and portable mode (-Dsockgrader.platform=portable:
# the process's CPU time only, as on Windows), first idle, then with stress-ng --cpu <cores> running.
#
#   grader/bench/spin-check.sh [RUNS]        (default 20; about 3.5 s a grading, 28 gradings a run)
#
# Prints a table, and fails when a submission ever had another outcome than the one it must have
# (the messages of those runs are kept in grader/target/spin-check/unexpected.log). The machine's load
# average is printed with each part: on a shared machine, other work adds to stress-ng's.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
runs="${1:-20}"
out="grader/target/spin-check"
check="consumers wait for items without burning CPU"
rm -rf "$out"
mkdir -p "$out/submissions"

# shellcheck source=grader/bench/stress-ng.sh
. grader/bench/stress-ng.sh
need_stress_ng spin-check.sh

# The submissions: folders holding ipc/queue/ProducerConsumer.java, named pass-* or spin-*.
copy_reference() { # $1: target folder
  mkdir -p "$1/ipc/queue"
  cp reference-solutions/src/main/java/ipc/queue/ProducerConsumer.java "$1/ipc/queue/"
}
copy_reference "$out/submissions/pass-reference"
mkdir -p "$out/submissions/pass-queue-executor"
cp -r reference-solutions/src/test/resources/variants/queue-executor/. "$out/submissions/pass-queue-executor/"
for mutant in reference-solutions/mutants/message-queue/*.mutant; do
  grep -qx 'fails: ProducerConsumerTest#consumersDoNotSpin' "$mutant" || continue
  target="$out/submissions/spin-$(basename "$mutant" .mutant)"
  copy_reference "$target"
  # The mutant format (reference-solutions/mutants/README.md): each block's reference text occurs
  # exactly once in the file named above it, and is replaced by the mutant text.
  python3 - "$mutant" "$target" <<'PY'
import pathlib, re, sys
mutant, target = sys.argv[1], pathlib.Path(sys.argv[2])
text = pathlib.Path(mutant).read_text()
file = None
for part in re.split(r"^(?=file: |<<<<<<< reference$)", text, flags=re.M):
    if part.startswith("file: "):
        file = target / part.split("\n", 1)[0][len("file: "):].strip()
    elif part.startswith("<<<<<<< reference"):
        body = part.split("\n", 1)[1]
        reference, rest = body.split("=======\n", 1)
        mutated = rest.split(">>>>>>> mutant", 1)[0]
        source = file.read_text()
        if source.count(reference) != 1:
            sys.exit(f"{mutant}: its reference text does not occur exactly once in {file}")
        file.write_text(source.replace(reference, mutated))
PY
done

./grade --help >/dev/null   # builds the grader once, outside the runs
unexpected=0
grade_all() { # $1: idle or loaded
  echo "$1: load average $(cut -d' ' -f1-3 /proc/loadavg) before the runs"
  for mode in native portable; do
    for submission in "$out"/submissions/*; do
      name="$(basename "$submission")"
      failed=0
      for i in $(seq 1 "$runs"); do
        log="$out/$1-$mode-$name-$i.txt"
        java -XX:TieredStopAtLevel=1 -Dsockgrader.platform="$mode" -Dsockgrader.home="$PWD" \
          -jar grader/target/sockgrader.jar "$submission" --exercise message-queue --quiet >"$log" 2>&1 || true
        if grep -q "x \[3 pts\] $check" "$log"; then
          failed=$((failed + 1))
          [ "${name%%-*}" = pass ] && { unexpected=1; { echo "== $log"; cat "$log"; } >>"$out/unexpected.log"; }
        else
          [ "${name%%-*}" = spin ] && { unexpected=1; { echo "== $log"; cat "$log"; } >>"$out/unexpected.log"; }
        fi
        # Every other check must pass: a spinner is wrong only in how it waits.
        if ! grep -q "^TOTAL *\(10 / 10\|7 / 10\)" "$log"; then
          unexpected=1
          { echo "== $log (another check failed, or the spin check was skipped)"; cat "$log"; } >>"$out/unexpected.log"
        fi
        rm -f "$log"
      done
      printf '%-8s %-9s %-40s spin check failed %2d of %d\n' "$1" "$mode" "$name" "$failed" "$runs" | tee -a "$out/table.txt"
    done
  done
  echo "$1: load average $(cut -d' ' -f1-3 /proc/loadavg) after the runs"
}

grade_all idle
stress-ng --cpu "$(nproc)" --timeout 0 >/dev/null 2>&1 &
stress=$!
trap 'kill "$stress" 2>/dev/null || true' EXIT
grade_all loaded
kill "$stress" 2>/dev/null || true

echo
echo "pass-* must pass every run (failed 0 of $runs), spin-* must fail every run ($runs of $runs):"
cat "$out/table.txt"
if [ "$unexpected" != 0 ]; then
  echo "spin-check.sh: some runs had another outcome than they must; see $out/unexpected.log" >&2
  exit 1
fi
