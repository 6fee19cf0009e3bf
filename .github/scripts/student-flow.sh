#!/usr/bin/env bash
# The student flow, end to end, as a student's machine runs it:
#   1. ./grade export-student, the reference sources copied over the export's skeletons, `mvn -B test`
#      there: its summary must say full marks (TOTAL n / n);
#   2. a fresh export, skeletons as they are, `mvn -B test`: its summary must say 0 of the same n.
# ci.yml runs it on Linux, macOS and Windows (Git Bash) with JDK 17 and 25; a person runs it the same
# way, with the JDK on PATH (and JAVA_HOME, which Maven uses):
#   .github/scripts/student-flow.sh [DIR]     DIR (missing or empty) keeps both exports
# Without DIR the exports go to a temporary folder, removed when the flow passes.
# Written for bash 3.2 too (macOS's /bin/bash): no mapfile, no associative arrays.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

# Each step (an export, a `mvn test`) is stopped after this many minutes; a slow runner takes about
# a third of it.
step_minutes="${STUDENT_FLOW_STEP_MINUTES:-20}"

say() { printf '\n== %s\n' "$*"; }
die() { echo "student-flow: $*" >&2; exit 1; }

command -v java >/dev/null || die "no java on PATH: install a JDK 17 or newer"
command -v javac >/dev/null || die "no javac on PATH: a JDK is needed, not a JRE"
command -v mvn >/dev/null || die "no mvn on PATH: install Maven 3.8 or newer"
java -version 2>&1 | sed -n 1p
mvn -B -v 2>&1 | sed -n '1p;/^Java version/p'

# GNU timeout bounds each step where there is one (Linux, Git Bash). macOS has none, and Windows'
# own timeout.exe is something else; there the job's timeout-minutes in ci.yml is the bound.
case "$(timeout --version 2>/dev/null || true)" in
  *GNU*) bounded() { timeout --kill-after=30s "${step_minutes}m" "$@"; } ;;
  *) bounded() { "$@"; } ;;
esac

if [ $# -gt 0 ]; then
  work="$1"
  keep=yes
  if [ -d "$work" ] && [ -n "$(ls -A "$work")" ]; then die "$work is not empty"; fi
  mkdir -p "$work"
else
  work="$(mktemp -d "${TMPDIR:-/tmp}/student-flow.XXXXXX")"
  keep=no
fi
# Whatever failed, the exports stay for a look at their reports (target/sockgrader/ in each).
on_exit() {
  local status=$?
  [ "$status" = 0 ] || echo "student-flow: the exports are in $work" >&2
}
trap on_exit EXIT

# The TOTAL line of an export's summary.txt, which its `mvn test` writes: "TOTAL   n / m  (...)".
# Prints "n m"; fails when there is no such line (the grading did not run).
total_of() {
  local summary="$1/student-skeletons/target/sockgrader/summary.txt"
  [ -f "$summary" ] || die "$summary is missing: mvn test did not grade"
  local totals
  totals="$(sed -n 's/^TOTAL  *\([0-9][0-9]*\) \/ \([0-9][0-9]*\) .*/\1 \2/p' "$summary")"
  [ -n "$totals" ] || die "no TOTAL line in $summary"
  echo "$totals"
}

# mvn test ends with status 0 whatever the score (a failed check is a lost point, not a broken
# build), so a non-zero status means the build itself broke.
grade_export() {
  (cd "$1" && bounded mvn -B test) || die "mvn -B test failed in $1 (status $?)"
}

started=$SECONDS

say "the reference: export, reference sources over the skeletons, mvn -B test"
t=$SECONDS
bounded ./grade export-student "$work/reference"
# Replaced, not merged: only the reference's files are graded (the two trees hold the same files).
rm -rf "$work/reference/student-skeletons/src/main/java/ipc"
cp -R reference-solutions/src/main/java/ipc "$work/reference/student-skeletons/src/main/java/ipc"
grade_export "$work/reference"
totals="$(total_of "$work/reference")"
read -r ref_score ref_max <<<"$totals"
ref_seconds=$((SECONDS - t))

say "the skeletons: a fresh export, mvn -B test"
t=$SECONDS
bounded ./grade export-student "$work/skeletons"
grade_export "$work/skeletons"
totals="$(total_of "$work/skeletons")"
read -r skel_score skel_max <<<"$totals"
skel_seconds=$((SECONDS - t))

report="reference TOTAL $ref_score / $ref_max (${ref_seconds} s); skeletons TOTAL $skel_score / $skel_max (${skel_seconds} s); $((SECONDS - started)) s in all"
say "$report"
if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  echo "student flow, $(java -version 2>&1 | sed -n 1p): $report" >>"$GITHUB_STEP_SUMMARY"
fi

failures=""
[ "$ref_max" -gt 0 ] || failures="$failures; the reference was graded on no checks"
[ "$ref_score" = "$ref_max" ] || failures="$failures; the reference did not get full marks"
[ "$skel_score" = 0 ] || failures="$failures; the skeletons did not score 0"
# The same checks on the same machine: a different maximum means checks were skipped in one run.
[ "$skel_max" = "$ref_max" ] || failures="$failures; the maximum differs between the two runs"
if [ -n "$failures" ]; then
  die "${failures#; }"
fi

if [ "$keep" = no ]; then
  # A student program's file still open on Windows must not fail a flow that passed.
  rm -rf "$work" || echo "student-flow: could not remove $work" >&2
fi
echo "student flow passed"
