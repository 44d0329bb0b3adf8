#!/bin/sh
# Installs the build into a scratch prefix, then builds and runs a consumer
# with find_package(lms) and another with pkg-config against it.
# Usage: check_consumer.sh <build-dir> <consumer-source> <scratch-dir>
set -eu
build=$1
source=$2
scratch=$3
rm -rf "$scratch"
mkdir -p "$scratch"
prefix="$scratch/prefix"
cmake --install "$build" --prefix "$prefix" >/dev/null
cmake -S "$source" -B "$scratch/build" -G Ninja -DCMAKE_PREFIX_PATH="$prefix" \
  -DCMAKE_BUILD_TYPE=Release
cmake --build "$scratch/build"
LD_LIBRARY_PATH="$prefix/lib" "$scratch/build/consumer"
libdir=$(dirname "$(find "$prefix" -name lms.pc | head -n 1)")
PKG_CONFIG_PATH="$libdir" cc -std=c11 -Wall -Wextra -Werror -pedantic \
  "$source/main.c" -o "$scratch/consumer-pc" \
  $(PKG_CONFIG_PATH="$libdir" pkg-config --cflags --libs lms)
LD_LIBRARY_PATH="$prefix/lib" "$scratch/consumer-pc"
