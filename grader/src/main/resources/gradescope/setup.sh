#!/usr/bin/env bash
# Gradescope runs this once, as root, to build the image every submission is graded in. It installs
# a headless JDK (java and javac: the grader compiles each submission) from the distribution's own
# packages, and nothing more; Maven is not needed, the grader is one jar.
#
#   setup.sh           install what is missing, then check
#   setup.sh --check   only check (what the package's own test runs)
set -euo pipefail

check() {
  command -v java >/dev/null || { echo "setup.sh: no java on PATH" >&2; return 1; }
  command -v javac >/dev/null || { echo "setup.sh: no javac on PATH: a JDK is needed, not a JRE" >&2; return 1; }
  local version
  version="$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
  [ "${version%%.*}" -ge 17 ] 2>/dev/null || { echo "setup.sh: java is version '$version'; 17 or newer is needed" >&2; return 1; }
  echo "setup.sh: java $version with javac: ready to grade"
}

if [ "${1:-}" = "--check" ]; then
  check
  exit
fi
if ! check 2>/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # The newest JDK the image's Ubuntu packages, 17 or later (Ubuntu 22.04 and 24.04 have 17 and 21).
  jdk=""
  for candidate in openjdk-25-jdk-headless openjdk-21-jdk-headless openjdk-17-jdk-headless; do
    if apt-cache show "$candidate" >/dev/null 2>&1; then jdk="$candidate"; break; fi
  done
  [ -n "$jdk" ] || { echo "setup.sh: this image's packages have no JDK 17 or newer" >&2; exit 1; }
  apt-get install -y -qq --no-install-recommends "$jdk" >/dev/null
fi
check
