#!/usr/bin/env bash
# Installs Debian's headless-capable Chromium and its WebDriver (/usr/bin/chromium, /usr/bin/chromedriver) when
# missing: the map page's end-to-end tests drive them with Selenium. Idempotent; meant for root on Debian 12.
set -euo pipefail
if [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; then
  exit 0
fi
echo "installing chromium and chromium-driver"
sudo_cmd=""
[ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
$sudo_cmd apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends chromium chromium-driver \
  fonts-dejavu-core >/dev/null
