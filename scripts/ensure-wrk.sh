#!/usr/bin/env bash
# Installs wrk (HTTP load generator for the API benchmarks) from Debian's packages when it is missing.
set -euo pipefail
if ! command -v wrk >/dev/null 2>&1; then
  echo "installing wrk"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq wrk >/dev/null
fi
