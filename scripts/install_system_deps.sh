#!/usr/bin/env bash
# Install the Debian packages the browser test needs (chromium, a Chinese font) when missing.
# Needs root for apt-get; otherwise it says what to run and leaves the decision to the user.
set -euo pipefail

missing=()
for package in chromium fonts-wqy-microhei; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
  echo "提示 / note: 浏览器测试需要 ${missing[*]}，未以 root 运行，跳过安装。"
  echo "      browser tests need ${missing[*]}; not root, so not installing. Run:"
  echo "      sudo apt-get install -y ${missing[*]}"
  exit 0
fi

echo "安装 / installing ${missing[*]} ..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
