#!/usr/bin/env bash
# Times the grader: ./grade --reference end to end and per exercise, the skeletons against the
# reference, and a student's mvn test against ./grade (mvn-vs-grade.sh), as medians of RUNS runs
# (default 3). A script, not a test: a slow machine reports slow figures instead of failing a build.
#
#   grader/bench/benchmark.sh [RUNS]
#
# The floor it compares with: one JVM launch per graded check, spread over the cores. The launch is
# measured in each run, beside its grading (the median of 15 starts of a program that binds a server
# socket and ends, with the options student programs get), so the ratio is one machine's, taken at once.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
runs="${1:-3}"
cores="$(nproc 2>/dev/null || echo 2)"

./grade --help >/dev/null   # builds the jar if needed, outside the timings

now_ms() { date +%s%3N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }
out_dir="$(mktemp -d)"
trap 'rm -rf "$out_dir"' EXIT

# The floor's program, and its JVM options: those of ipc.grader.process.JavaLaunch.JVM_OPTIONS.
mkdir -p "$out_dir/launch"
cat >"$out_dir/launch/Binds.java" <<'JAVA'
public class Binds {
    public static void main(String[] args) throws Exception {
        new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress()).close();
    }
}
JAVA
javac -d "$out_dir/launch" "$out_dir/launch/Binds.java"
launch_ms() {
  local starts=() start
  for _ in $(seq 15); do
    start="$(now_ms)"
    java -XX:TieredStopAtLevel=1 -XX:-UsePerfData -Xmx256m -XX:+ExitOnOutOfMemoryError -Dfile.encoding=UTF-8 \
      -cp "$out_dir/launch" Binds
    starts+=("$(( $(now_ms) - start ))")
  done
  printf '%s\n' "${starts[@]}" | median
}
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
reference=() skeleton=() ratio=() reference_cpu=() skeleton_cpu=() launches=() floor_ratio=()
for run in $(seq "$runs"); do
  launch="$(launch_ms)"
  read -r ref_ms checks ref_cpu < <(timed --reference)
  launches+=("$launch")
  floor_ratio+=("$(awk -v r="$ref_ms" -v f="$(( checks * launch / cores ))" 'BEGIN {printf "%.2f", r / f}')")
  read -r skel_ms _ skel_cpu < <(timed student-skeletons)
  reference+=("$ref_ms"); skeleton+=("$skel_ms"); reference_cpu+=("$ref_cpu"); skeleton_cpu+=("$skel_cpu")
  ratio+=("$(awk -v s="$skel_ms" -v r="$ref_ms" 'BEGIN {printf "%.2f", s / r}')")
  for exercise in "${exercises[@]}"; do
    read -r ms _ < <(timed --reference --exercise "$exercise")
    per_exercise[$exercise]+="$ms "
  done
  echo "run $run: reference ${ref_ms} ms (CPU ${ref_cpu} ms), skeletons ${skel_ms} ms (CPU ${skel_cpu} ms), one launch ${launch} ms" >&2
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
launch_ms="$(printf '%s\n' "${launches[@]}" | median)"
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
printf '  %-34s %6s\n' "reference / floor (same run)" "$(printf '%s\n' "${floor_ratio[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.1fx", a[int((NR+1)/2)]}')"
# A student's two ways to grade, on the same correct sources in a student export: mvn test and ./grade.
grader/bench/mvn-vs-grade.sh "$runs"
