#!/bin/sh
# System packages the tests need beyond PyPI: Debian's headless Chromium (the
# browser tests drive it with Playwright; Playwright's own browser download
# is not used) and CJK fonts so that Chinese labels render in screenshots.
set -e
if command -v chromium >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi "noto.*cjk"; then
    exit 0
fi
SUDO=""
[ "$(id -u)" = 0 ] || SUDO=sudo
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
