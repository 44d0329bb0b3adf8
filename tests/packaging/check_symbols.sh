#!/bin/sh
# Compares the C symbols the library exports with the checked-in list and
# refuses any exported symbol outside lms_* and namespace lms.
# Usage: check_symbols.sh <liblms.so> <expected-list>
set -eu
lib=$1
expected=$2
actual=$(mktemp)
trap 'rm -f "$actual"' EXIT
nm -D --defined-only "$lib" | awk '{print $3}' | grep '^lms_' | sort >"$actual"
if ! diff -u "$expected" "$actual"; then
  echo "exported lms_* symbols differ from $expected (a removal breaks the ABI)" >&2
  exit 1
fi
stray=$(nm -D --defined-only "$lib" | awk '{print $3}' | grep -v '^lms_' \
  | c++filt | grep -v '^lms::' | grep -v -E '^(typeinfo|typeinfo name|vtable|VTT|non-virtual thunk to|virtual thunk to) (for |to )?lms::' \
  | grep -v -E '^(_init|_fini|_edata|_end|__bss_start)$' || true)
if [ -n "$stray" ]; then
  echo "symbols exported outside lms_* and namespace lms:" >&2
  echo "$stray" >&2
  exit 1
fi
echo "exported symbols match $expected"
