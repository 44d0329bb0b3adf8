# SPDX-License-Identifier: Apache-2.0
"""The type stubs (lms/__init__.pyi) stay in step with the module: every
public name, class member and Engine method exists on both sides, and every
public function has a docstring."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import lms

STUB = Path(lms.__file__).with_name("__init__.pyi")


def stub_classes() -> dict[str, set[str]]:
    tree = ast.parse(STUB.read_text(encoding="utf-8"))
    return {
        node.name: {
            item.name for item in node.body if isinstance(item, ast.FunctionDef)
        }
        for node in tree.body
        if isinstance(node, ast.ClassDef)
    }


def public_members(cls: type) -> set[str]:
    return {
        name
        for name, _ in inspect.getmembers(cls)
        if not name.startswith("_") and name not in dir(Exception)
    }


def test_every_public_name_is_stubbed():
    text = STUB.read_text(encoding="utf-8")
    for name in lms.__all__:
        assert f"class {name}" in text or f"{name}:" in text, name


def test_stubbed_members_match_the_module():
    stubs = stub_classes()
    for name in lms.__all__:
        value = getattr(lms, name)
        if isinstance(value, type) and not issubclass(value, Exception):
            assert public_members(value) == {m for m in stubs[name] if not m.startswith("_")}, name


def test_every_public_function_has_a_docstring():
    for name in lms.__all__:
        value = getattr(lms, name)
        if not isinstance(value, type):
            continue
        assert value.__doc__, name
        for member, attr in inspect.getmembers(value):
            if not member.startswith("_") and callable(attr):
                assert attr.__doc__, f"{name}.{member}"
