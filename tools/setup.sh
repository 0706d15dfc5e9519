#!/usr/bin/env bash
# Installs what the build needs (Debian 12, as root) and builds Adder.
#   tools/setup.sh [release|asan]   -> build/ (Release, -O2) or build-asan/ (ASan+UBSan)
# Re-running is cheap: packages already present are not reinstalled and the
# build is incremental.
set -euo pipefail
cd "$(dirname "$0")/.."

kind=${1:-release}
# The static `adder` links the .a archives of these -dev packages (libedit's
# own static dependencies: libncurses-dev, libbsd-dev) with lld.
packages=(build-essential cmake ninja-build pkg-config libgmp-dev libutf8proc-dev libxxhash-dev
          libedit-dev libncurses-dev libbsd-dev libgtest-dev python3 clang libclang-rt-14-dev lld)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then sudo=sudo; else sudo=; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

case "$kind" in
  release) dir=build; flags=(-DCMAKE_BUILD_TYPE=Release) ;;
  asan)    dir=build-asan; flags=(-DCMAKE_BUILD_TYPE=Debug -DADDER_SANITIZE=ON) ;;
  *) echo "usage: tools/setup.sh [release|asan]" >&2; exit 2 ;;
esac
cmake -S . -B "$dir" -G Ninja "${flags[@]}" >/dev/null
ninja -C "$dir" -j"$(nproc)"
