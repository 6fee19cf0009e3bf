#!/usr/bin/env bash
# Times batch grading: ./grade batch over COPIES copies of the reference and COPIES copies of the
# skeletons (default 30 + 30), and reports full submissions graded per minute and where the time
# goes. A script, not a test: a slow machine reports slow figures instead of failing a build.
#
#   grader/bench/batch-benchmark.sh [COPIES] [--parallel N]
#
# The split, per submission, from what each grading recorded: the grader JVM's whole run
# (batch.json), the time inside checks (results.json: they launch the student programs and wait on
# them), and the rest (JVM and JUnit start, compiling the submission, writing reports). Compiling
# alone is timed apart: one javac over the reference sources, as the grader compiles a submission.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
copies="${1:-30}"
shift || true

./grade --help >/dev/null   # builds the jar if needed, outside the timings

work="$(mktemp -d)"
# Kept when a copy of the reference lost points: every copy must score the same, and the reports
# of the one that did not are the evidence.
trap '[ -f "$work/keep" ] && echo "batch output kept in $work/out" >&2 || rm -rf "$work"' EXIT
for i in $(seq -w 1 "$copies"); do
  mkdir -p "$work/submissions/reference-$i" "$work/submissions/skeleton-$i"
  cp -r reference-solutions/src/main/java/ipc "$work/submissions/reference-$i/"
  cp -r student-skeletons/src/main/java/ipc "$work/submissions/skeleton-$i/"
done

# bash's time: the wall time, and the CPU (user + sys) of the batch and every process it waited for.
times="$( { TIMEFORMAT='%3R %3U %3S'; time CI=true ./grade batch "$work/submissions" --out "$work/out" "$@" >"$work/batch.log" 2>&1; } 2>&1 | tail -1)"
read -r real user sys <<<"$times"
wall_ms="$(awk -v r="$real" 'BEGIN {printf "%d", r * 1000}')"
cpu_ms="$(awk -v u="$user" -v s="$sys" 'BEGIN {printf "%d", (u + s) * 1000}')"

javac_ms() {
  local from="$1" classes="$work/classes-$RANDOM" t0 t1
  mkdir -p "$classes"
  t0="$(date +%s%3N)"
  local sources
  mapfile -t sources < <(find "$from" -name '*.java')
  javac -nowarn -d "$classes" "${sources[@]}" 2>/dev/null || true
  t1="$(date +%s%3N)"
  echo $((t1 - t0))
}
compile_ref="$(javac_ms reference-solutions/src/main/java/ipc)"

python3 - "$work/out" "$wall_ms" "$copies" "$compile_ref" "$cpu_ms" <<'PY'
import json, os, statistics, sys
out, wall_ms, copies, compile_ms, cpu_ms = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
rows = {"reference": [], "skeleton": []}
lost = []
for name in sorted(os.listdir(os.path.join(out, "students"))):
    folder = os.path.join(out, "students", name)
    entry = json.load(open(os.path.join(folder, "batch.json")))
    results = json.load(open(os.path.join(folder, "results.json")))
    checks_ms = sum(t["extra_data"]["duration_ms"] for t in results["tests"])
    rows[name.rsplit("-", 1)[0]].append((entry["seconds"] * 1000, checks_ms, results["score"], entry["outcome"]))
    if name.startswith("reference-"):
        lost += [f"{name}: {t['name']} ({t['score']:g} of {t['max_score']:g})" for t in results["tests"]
                 if t["score"] < t["max_score"]]
total = 2 * copies
print(f"batch of {total} submissions ({copies} reference + {copies} skeletons): {wall_ms / 1000:.1f} s wall, "
      f"{total / (wall_ms / 60000):.1f} submissions per minute, CPU (user + sys) {cpu_ms / 1000:.1f} s in all, "
      f"{cpu_ms / total / 1000:.2f} s per submission")
for kind, data in rows.items():
    grading = statistics.median(r[0] for r in data)
    checks = statistics.median(r[1] for r in data)
    outcomes = {r[3] for r in data}
    scores = sorted({r[2] for r in data})
    print(f"  {kind:9}: grading JVM median {grading:.0f} ms per submission; inside checks (summed over checks "
          f"running in parallel) {checks:.0f} ms; outcomes {sorted(outcomes)}; scores {scores}")
print(f"  compiling the reference sources alone (one javac): {compile_ms} ms")
if lost:
    print("UNFAIR: copies of the reference lost points, each a bug in the grader:")
    print("\n".join("  " + line for line in lost))
    open(os.path.join(os.path.dirname(out), "keep"), "w").close()
    sys.exit(3)
PY
