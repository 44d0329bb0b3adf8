#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Compiles and runs the README's C example and runs its Python example.

A code block preceded by `<!-- readme-test: c -->` or
`<!-- readme-test: python -->` is tested, so the README cannot drift from the
library. Usage: run_readme_snippets.py README.md <include-dir> <lib-dir>
<python-path> <scratch-dir>
"""

import os
import pathlib
import re
import subprocess
import sys


def snippets(text):
    pattern = re.compile(
        r"<!-- readme-test: (\w+) -->\s*```\w*\n(.*?)```", re.DOTALL)
    return [(m.group(1), m.group(2)) for m in pattern.finditer(text)]


def main():
    readme, include, libdir, pythonpath, scratch = sys.argv[1:6]
    scratch = pathlib.Path(scratch)
    scratch.mkdir(parents=True, exist_ok=True)
    found = snippets(pathlib.Path(readme).read_text(encoding="utf-8"))
    languages = sorted({lang for lang, _ in found})
    if languages != ["c", "python"]:
        sys.exit(f"expected a C and a Python snippet, found {languages}")
    for n, (language, code) in enumerate(found):
        if language == "c":
            source = scratch / f"snippet{n}.c"
            binary = scratch / f"snippet{n}"
            source.write_text(code, encoding="utf-8")
            subprocess.run(["cc", "-std=c11", "-Wall", "-Wextra", "-Werror",
                            "-pedantic", f"-I{include}", str(source), "-o",
                            str(binary), f"-L{libdir}", "-llms",
                            f"-Wl,-rpath,{libdir}"], check=True)
            subprocess.run([str(binary)], check=True)
        else:
            env = dict(os.environ, PYTHONPATH=pythonpath)
            subprocess.run([sys.executable, "-c", code], check=True, env=env)
        print(f"README {language} snippet ran")


if __name__ == "__main__":
    main()
