#!/usr/bin/env bash
# Times the grader: ./grade --reference end to end and per exercise, the skeletons against the
# reference, and a student's mvn test against ./grade (mvn-vs-grade.sh), as medians of RUNS runs
# (default 3). A script, not a test: a slow machine reports slow figures instead of failing a build.
#
#   grader/bench/benchmark.sh [RUNS]
#
# The floor it compares with: one JVM launch (about 45 ms here) per graded check, spread over the cores.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
runs="${1:-3}"
cores="$(nproc 2>/dev/null || echo 2)"
launch_ms=45

./grade --help >/dev/null   # builds the jar if needed, outside the timings

now_ms() { date +%s%3N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }
out_dir="$(mktemp -d)"
trap 'rm -rf "$out_dir"' EXIT
# One ./grade run: prints "<wall ms> <checks> <CPU ms>", the CPU being user + sys of the grader and of
# every process it waited for (bash's time, from getrusage of the children).
timed() {
  local times
  times="$( { TIMEFORMAT='%3R %3U %3S'; time ./grade "$@" --quiet >"$out_dir/timed.txt"; } 2>&1 | tail -1)"
  read -r real user sys <<<"$times"
  awk -v r="$real" -v u="$user" -v s="$sys" -v c="$(sed -n 's/.*(\([0-9]*\) checks,.*/\1/p' "$out_dir/timed.txt")" \
    'BEGIN {printf "%d %s %d\n", r * 1000, c, (u + s) * 1000}'
}

exercises=(pipe udp-ping-pong tcp-ping-pong echo sequential-echo threaded-echo framing http chat fifo unix-echo shared-memory message-queue selector-echo)
declare -A per_exercise
reference=() skeleton=() ratio=() reference_cpu=() skeleton_cpu=()
for run in $(seq "$runs"); do
  read -r ref_ms checks ref_cpu < <(timed --reference)
  read -r skel_ms _ skel_cpu < <(timed student-skeletons)
  reference+=("$ref_ms"); skeleton+=("$skel_ms"); reference_cpu+=("$ref_cpu"); skeleton_cpu+=("$skel_cpu")
  ratio+=("$(awk -v s="$skel_ms" -v r="$ref_ms" 'BEGIN {printf "%.2f", s / r}')")
  for exercise in "${exercises[@]}"; do
    read -r ms _ < <(timed --reference --exercise "$exercise")
    per_exercise[$exercise]+="$ms "
  done
  echo "run $run: reference ${ref_ms} ms (CPU ${ref_cpu} ms), skeletons ${skel_ms} ms (CPU ${skel_cpu} ms)" >&2
done

# The proxy's cost: each check that talks through the cutting proxy, against a check that has the
# same conversation directly, timed one check at a time (--jobs 1) so the durations do not overlap.
proxied=(EchoServerTest#echoesAMessageThatArrivesOneByteAtATime TcpPongServerTest#answersPingsThatArriveOneByteAtATime
  TcpPingClientTest#readsPongsCutIntoRandomPieces FramedEchoServerTest#echoesAMebibyteFrameInRandomPieces
  FramedEchoServerTest#echoesAFrameThatArrivesOneByteAtATime)
direct=(EchoServerTest#echoesAShortMessage TcpPongServerTest#playsFiveRounds TcpPingClientTest#playsFiveRounds
  EchoServerTest#echoesOneMebibyte FramedEchoServerTest#echoesFramesOfZeroAndOneBytes)
with_proxy=() without_proxy=()
for run in $(seq "$runs"); do
  ./grade --reference --jobs 1 --quiet --out "$out_dir" >/dev/null
  sums="$(python3 - "$out_dir/results.json" "${proxied[*]}" "${direct[*]}" <<'PY'
import json, sys
tests = {t["extra_data"]["check"]: t["extra_data"]["duration_ms"] for t in json.load(open(sys.argv[1]))["tests"]}
print(sum(tests[c] for c in sys.argv[2].split()), sum(tests[c] for c in sys.argv[3].split()))
PY
)"
  with_proxy+=("${sums% *}"); without_proxy+=("${sums#* }")
done

ref_median="$(printf '%s\n' "${reference[@]}" | median)"
floor_ms=$(( checks * launch_ms / cores ))
echo
echo "sockgrader benchmark: median of $runs runs on $cores cores"
printf '  %-34s %6s ms\n' "./grade --reference (${checks} checks)" "$ref_median"
printf '  %-34s %6s ms\n' "  its CPU (user + sys, all processes)" "$(printf '%s\n' "${reference_cpu[@]}" | median)"
printf '  %-34s %6s ms\n' "./grade student-skeletons" "$(printf '%s\n' "${skeleton[@]}" | median)"
printf '  %-34s %6s ms\n' "  its CPU (user + sys, all processes)" "$(printf '%s\n' "${skeleton_cpu[@]}" | median)"
printf '  %-34s %6s\n' "skeletons / reference (same run)" "$(printf '%s\n' "${ratio[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')"
for exercise in "${exercises[@]}"; do
  printf '  %-34s %6s ms\n' "--reference --exercise $exercise" "$(tr ' ' '\n' <<<"${per_exercise[$exercise]}" | grep . | median)"
done
printf '  %-34s %6s ms  (%s checks x %s ms / %s cores)\n' "floor" "$floor_ms" "$checks" "$launch_ms" "$cores"
printf '  %-34s %6s ms\n' "5 checks through the proxy (--jobs 1)" "$(printf '%s\n' "${with_proxy[@]}" | median)"
printf '  %-34s %6s ms\n' "their 5 direct twins (--jobs 1)" "$(printf '%s\n' "${without_proxy[@]}" | median)"
printf '  %-34s %6s\n' "reference / floor" "$(awk -v r="$ref_median" -v f="$floor_ms" 'BEGIN {printf "%.1fx", r / f}')"
# A student's two ways to grade, on the same correct sources in a student export: mvn test and ./grade.
grader/bench/mvn-vs-grade.sh "$runs"
