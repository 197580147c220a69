#!/usr/bin/env bash
# Make .venv (Python 3.11) and install a requirements file into it, only when needed:
# a stamp file remembers the hash of the requirement files last installed.
# Usage: scripts/venv.sh requirements.txt|requirements-dev.txt
set -euo pipefail
cd "$(dirname "$0")/.."

requirements=${1:?usage: scripts/venv.sh REQUIREMENTS_FILE}
python=${PYTHON:-python3.11}
venv=.venv

venv_is_usable() {
  [ -x "$venv/bin/python" ] &&
    "$venv/bin/python" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' 2>/dev/null
}

create_venv() {
  if ! command -v "$python" >/dev/null; then
    echo "错误 / error: 需要 Python 3.11 ($python not found; set PYTHON=/path/to/python3.11)" >&2
    exit 1
  fi
  rm -rf "$venv"
  if "$python" -m venv "$venv" 2>/dev/null; then return; fi
  # Debian/Ubuntu ship ensurepip separately (python3.11-venv).
  rm -rf "$venv"
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "安装 / installing python3.11-venv ..."
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3.11-venv >/dev/null
    "$python" -m venv "$venv"
  else
    echo "错误 / error: '$python -m venv' failed; install it: sudo apt-get install python3.11-venv" >&2
    exit 1
  fi
}

if ! venv_is_usable; then
  echo "创建虚拟环境 / creating $venv with $python ..."
  create_venv
fi

# requirements-dev.txt includes requirements.txt, so hash every requirement file.
wanted=$(cat requirements*.txt | sha256sum | cut -d' ' -f1)
stamp="$venv/.installed-$(basename "$requirements")"
if [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
  echo "安装依赖 / installing $requirements into $venv ..."
  "$venv/bin/python" -m pip install --disable-pip-version-check -q -r "$requirements"
  echo "$wanted" >"$stamp"
fi
