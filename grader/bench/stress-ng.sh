# shellcheck shell=bash
# Sourced by the bench scripts whose loaded runs keep every core busy with stress-ng.
# need_stress_ng SCRIPT: installs stress-ng where it is missing and apt-get may (as root), else ends
# SCRIPT with a message saying so.
need_stress_ng() {
  command -v stress-ng >/dev/null && return 0
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    echo "installing stress-ng (for the loaded runs)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq stress-ng >/dev/null
  else
    echo "$1: the loaded runs need stress-ng: install it${2:+, or $2}" >&2
    exit 2
  fi
}
