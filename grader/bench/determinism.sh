#!/usr/bin/env bash
# Determinism: grades the reference, the skeletons and every mutant RUNS times in a row, then LOADED
# times more with every core kept busy by stress-ng (installed where missing), and reports every
# check whose outcome ever differed from the one it must have, and every mutant whose score was not
# the same in every run (its spread, idle and loaded; SHOW_SCORES=1 lists every mutant's). The
# target is none: a difference is a bug in a check, to be fixed at its cause, never retried away.
#
#   grader/bench/determinism.sh [RUNS] [LOADED]        (default 20 and 5; about 2 min a run here)
#
# Mutants are graded AT_ONCE at a time (default 6; CI's meta-tests grade 4), each grading running
# its own checks in parallel as well: a harsher load than CI's, on top of stress-ng in the loaded
# runs, and shorter runs.
#
# What is graded, and how each outcome is known: the meta-tests ReferenceAndSkeletonTest (the
# reference passes every check, the skeletons fail every check) and MutantsAreCaughtTest (each
# mutant fails exactly the checks it names and passes all the others). A run where one of them
# fails had a check with another outcome than usual; its message names the check and the submission.
# First, two gradings at once: ./grade --reference twice side by side must give both full marks, and
# the skeletons twice side by side both 0, as each does alone.
#
# SOCKGRADER_OPTS runs it all with the platform switches (README.md, "Every OS"), e.g.
#   SOCKGRADER_OPTS='-Dsockgrader.platform=portable -Dsockgrader.studentLineSeparator=crlf' grader/bench/determinism.sh 3 1
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
runs="${1:-20}"
loaded="${2:-5}"
at_once="${AT_ONCE:-6}"
out="grader/target/determinism"
rm -rf "$out"
mkdir -p "$out"

# shellcheck source=grader/bench/stress-ng.sh
. grader/bench/stress-ng.sh
if [ "$loaded" -gt 0 ]; then need_stress_ng determinism.sh "run with LOADED=0"; fi

one_run() { # $1: run name
  local log="$out/$1.log" start end
  start="$(date +%s)"
  mkdir -p "$out/$1"
  rm -f reference-solutions/target/surefire-reports/TEST-*.xml # only this run's reports are counted
  # shellcheck disable=SC2086 # SOCKGRADER_OPTS is split on purpose: one option per word
  mvn -B -Djacoco.skip=true -pl reference-solutions -am test \
    -Dtest='ReferenceAndSkeletonTest,MutantsAreCaughtTest' -Dsurefire.failIfNoSpecifiedTests=false \
    -Dsockgrader.mutantScores="$PWD/$out/$1/mutant-scores.txt" \
    -Djunit.jupiter.execution.parallel.config.fixed.parallelism="$at_once" \
    -Djunit.jupiter.execution.parallel.config.fixed.max-pool-size="$at_once" ${SOCKGRADER_OPTS:-} >"$log" 2>&1 || true
  end="$(date +%s)"
  cp reference-solutions/target/surefire-reports/TEST-*.xml "$out/$1/" 2>/dev/null || true
  echo "$1: $((end - start)) s"
}

./grade --help >/dev/null   # builds the grader once, outside the timings
unfair=0
two_at_once() { # $1: what to grade; $2: the TOTAL it must get alone, as "earned / max"
  ./grade "$1" --quiet >"$out/two-1.txt" 2>&1 &
  local first=$!
  ./grade "$1" --quiet >"$out/two-2.txt" 2>&1 &
  local second=$!
  wait "$first" "$second" || true
  for copy in 1 2; do
    local total
    total="$(sed -n 's/^TOTAL *\([0-9]* \/ [0-9]*\).*/\1/p' "$out/two-$copy.txt")"
    echo "two at once, $1, copy $copy: $total (alone: $2)"
    if [ "$total" != "$2" ]; then unfair=1; cp "$out/two-$copy.txt" "$out/two-at-once-$copy-$(basename "$1").txt"; fi
  done
}
alone_reference="$(./grade --reference --quiet | sed -n 's/^TOTAL *\([0-9]* \/ [0-9]*\).*/\1/p')"
two_at_once reference-solutions "$alone_reference"
two_at_once student-skeletons "0 / ${alone_reference#* / }"

for i in $(seq 1 "$runs"); do one_run "idle-$i"; done
if [ "$loaded" -gt 0 ]; then
  stress-ng --cpu "$(nproc)" --timeout 0 >/dev/null 2>&1 &
  stress=$!
  trap 'kill "$stress" 2>/dev/null || true' EXIT
  for i in $(seq 1 "$loaded"); do one_run "loaded-$i"; done
  kill "$stress" 2>/dev/null || true
fi

python3 - "$out" "$unfair" <<'PY'
import collections, os, sys, xml.etree.ElementTree as ET
out, unfair = sys.argv[1], sys.argv[2] == "1"
runs = sorted(d for d in os.listdir(out) if os.path.isdir(os.path.join(out, d)))
counts, differed, messages = collections.Counter(), collections.defaultdict(list), {}
for run in runs:
    files = [f for f in os.listdir(os.path.join(out, run)) if f.endswith(".xml")]
    if not files:
        differed["(the run itself: no test report, see " + run + ".log)"].append(run)
        continue
    for name in files:
        for case in ET.parse(os.path.join(out, run, name)).getroot().iter("testcase"):
            test = case.get("classname").rsplit(".", 1)[-1] + " > " + case.get("name")
            counts[test] += 1
            problem = case.find("failure") if case.find("failure") is not None else case.find("error")
            if problem is not None:
                differed[test].append(run)
                messages.setdefault(test, (problem.get("message") or "").strip().splitlines()[:6])
graded = sum(counts.values())
print(f"{len(runs)} runs ({', '.join(runs)}), {len(counts)} meta-tests each ({graded} outcomes in all)")
# Each mutant's scores, idle and loaded: the spread (highest minus lowest) must be 0.
scores = collections.defaultdict(lambda: collections.defaultdict(list))
for run in runs:
    path = os.path.join(out, run, "mutant-scores.txt")
    if os.path.exists(path):
        for line in open(path):
            name, score = line.split()
            scores[name][run.split("-")[0]].append(int(score.split("/")[0]))
spread = {name: max(v for s in kinds.values() for v in s) - min(v for s in kinds.values() for v in s)
          for name, kinds in scores.items()}
print(f"score spread of the {len(scores)} mutants: {sum(1 for v in spread.values() if v == 0)} with 0")
for name in sorted(scores):
    kinds = scores[name]
    parts = ", ".join(f"{kind} {min(s)}..{max(s)} over {len(s)}" if min(s) != max(s) else f"{kind} {s[0]} x{len(s)}"
                      for kind, s in sorted(kinds.items()))
    if spread[name] or os.environ.get("SHOW_SCORES"):
        print(f"  {name}: spread {spread[name]} ({parts})")
if any(spread.values()):
    differed["(score spread: see above)"].append("some run")
if unfair:
    print("two gradings at once did not both score as one alone: see two-at-once-*.txt")
if not differed:
    print("every outcome was the same in every run")
    sys.exit(1 if unfair else 0)
print(f"{len(differed)} with an outcome that differed at least once:")
for test, where in sorted(differed.items()):
    print(f"  {test}: in {len(where)} of {len(runs)} runs ({', '.join(where)})")
    for line in messages.get(test, []):
        print("      " + line[:200])
sys.exit(1)
PY
