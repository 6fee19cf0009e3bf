# shellcheck shell=bash
# Sourced by the bench scripts that grade a few submissions of one exercise again and again, idle and
# beside stress-ng, in native and portable mode, to show that a measured check has one outcome.
#
# grade_repeatedly EXERCISE MAX RUNS OUT: grades every folder OUT/submissions/<score>-<name> RUNS times
# with --exercise EXERCISE, in native mode (Linux: /proc) and portable mode (-Dsockgrader.platform=
# portable: what other systems have), first idle, then with stress-ng --cpu <cores> running
# (STRESS_CPUS=N for N workers instead: 8 per core starves a spinner to under a tenth of a core). Prints a
# table (also in OUT/table.txt) and returns 1 when a grading ever scored other than <score> / MAX (its
# report is kept in OUT/unexpected.log). The machine's load average is printed with each part: on a
# shared machine, other work adds to stress-ng's.

# shellcheck source=grader/bench/stress-ng.sh
. grader/bench/stress-ng.sh

grade_repeatedly() {
  local exercise="$1" max="$2" runs="$3" out="$4" unexpected=0
  need_stress_ng "$(basename "$0")"
  ./grade --help >/dev/null   # builds the grader once, outside the runs
  grade_all() { # $1: idle or loaded
    echo "$1: load average $(cut -d' ' -f1-3 /proc/loadavg) before the runs"
    local mode submission name expected other i log
    for mode in native portable; do
      for submission in "$out"/submissions/*; do
        name="$(basename "$submission")"
        expected="${name%%-*} / $max"
        other=0
        for i in $(seq 1 "$runs"); do
          log="$out/$1-$mode-$name-$i.txt"
          java -XX:TieredStopAtLevel=1 -Dsockgrader.platform="$mode" -Dsockgrader.home="$PWD" \
            -jar grader/target/sockgrader.jar "$submission" --exercise "$exercise" --quiet >"$log" 2>&1 || true
          if ! grep -q "^TOTAL *$expected " "$log"; then
            other=$((other + 1))
            unexpected=1
            { echo "== $log"; cat "$log"; } >>"$out/unexpected.log"
          fi
          rm -f "$log"
        done
        printf '%-8s %-9s %-40s scored otherwise than %s in %2d of %d\n' "$1" "$mode" "$name" "$expected" "$other" "$runs" \
          | tee -a "$out/table.txt"
      done
    done
    echo "$1: load average $(cut -d' ' -f1-3 /proc/loadavg) after the runs"
  }
  grade_all idle
  echo "loaded: stress-ng --cpu ${STRESS_CPUS:-$(nproc)}"
  stress-ng --cpu "${STRESS_CPUS:-$(nproc)}" --timeout 0 >/dev/null 2>&1 &
  repeated_grading_stress=$! # global: the EXIT trap runs after this function's locals are gone
  trap 'kill "${repeated_grading_stress:-}" 2>/dev/null || true' EXIT
  grade_all loaded
  kill "$repeated_grading_stress" 2>/dev/null || true
  echo
  echo "each submission must score as its name says in every run (otherwise in 0 of $runs):"
  cat "$out/table.txt"
  if [ "$unexpected" != 0 ]; then
    echo "some runs scored otherwise than they must; see $out/unexpected.log" >&2
    return 1
  fi
}
