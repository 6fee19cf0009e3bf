#!/usr/bin/env bash
# Times a student's two ways to grade on the same correct sources: `mvn -q test` and `./grade .` in a
# student export (./grade export-student) with the reference solutions copied over the skeletons.
# Each run times both back to back, so their ratio compares like with like on a noisy machine; the
# figures are medians of RUNS runs (default 3). benchmark.sh calls it; it also runs on its own:
#
#   grader/bench/mvn-vs-grade.sh [RUNS]
#
# Prints three lines in benchmark.sh's layout. The goal: mvn test / ./grade at most 1.3.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
runs="${1:-3}"

now_ms() { date +%s%3N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

export_dir="$(mktemp -d)/student"
trap 'rm -rf "$(dirname "$export_dir")"' EXIT
./grade export-student "$export_dir" >/dev/null
cp -R reference-solutions/src/main/java/ipc/. "$export_dir/student-skeletons/src/main/java/ipc/"
cd "$export_dir"

# Warm-up, outside the timings: Maven fetches its plugins once (online), ./grade builds its jar.
mvn -q -B test >/dev/null 2>&1 || { echo "mvn test failed in the export $export_dir" >&2; exit 1; }
./grade --help >/dev/null

total_of() { grep -o 'TOTAL .*' | tail -1; }
mvn_ms=() grade_ms=() ratio=()
for run in $(seq "$runs"); do
  start="$(now_ms)"; mvn_total="$(mvn -q -B -o test 2>&1 | total_of)"; end="$(now_ms)"
  m=$((end - start))
  start="$(now_ms)"; grade_total="$(./grade . --quiet | total_of)"; end="$(now_ms)"
  g=$((end - start))
  mvn_ms+=("$m"); grade_ms+=("$g")
  ratio+=("$(awk -v m="$m" -v g="$g" 'BEGIN {printf "%.2f", m / g}')")
  echo "mvn-vs-grade run $run: mvn test ${m} ms (${mvn_total%%(*}), ./grade . ${g} ms (${grade_total%%(*})" >&2
done

printf '  %-34s %6s ms\n' "mvn -q test (student export)" "$(printf '%s\n' "${mvn_ms[@]}" | median)"
printf '  %-34s %6s ms\n' "./grade . (same sources)" "$(printf '%s\n' "${grade_ms[@]}" | median)"
printf '  %-34s %6s\n' "mvn test / ./grade (same run)" "$(printf '%s\n' "${ratio[@]}" | median)"
