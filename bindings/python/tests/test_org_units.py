# SPDX-License-Identifier: Apache-2.0
"""Org units: the tree, moves, and cycles refused."""

from __future__ import annotations

import pytest

import lms


@pytest.fixture
def tree(engine, tenant):
    for key, parent in [("hq", ""), ("sales", "hq"), ("emea", "sales"), ("it", "hq")]:
        engine.create_org_unit(lms.SYSTEM, tenant, key=key, name=key.upper(), parent=parent)
    return tenant


def test_create_and_get(engine, tree):
    unit = engine.get_org_unit(lms.SYSTEM, tree, "emea")
    assert (unit.key, unit.name, unit.parent) == ("emea", "EMEA", "sales")
    assert unit.created_at == unit.updated_at


def test_subtree_lists_parents_first(engine, tree):
    assert [u.key for u in engine.list_org_units(lms.SYSTEM, tree)] == ["hq", "it", "sales", "emea"]
    assert [u.key for u in engine.list_org_units(lms.SYSTEM, tree, "sales")] == ["sales", "emea"]


def test_unknown_parent(engine, tenant):
    with pytest.raises(lms.NotFoundError, match="parent"):
        engine.create_org_unit(lms.SYSTEM, tenant, key="x", name="X", parent="nowhere")


def test_move(engine, tree):
    moved = engine.move_org_unit(lms.SYSTEM, tree, "emea", "it")
    assert moved.parent == "it"
    assert [u.key for u in engine.list_org_units(lms.SYSTEM, tree, "it")] == ["it", "emea"]
    assert engine.move_org_unit(lms.SYSTEM, tree, "emea", None).parent == ""


def test_move_into_own_subtree_is_a_cycle(engine, tree):
    before = engine.list_org_units(lms.SYSTEM, tree)
    with pytest.raises(lms.InvalidArgumentError, match="cycle"):
        engine.move_org_unit(lms.SYSTEM, tree, "hq", "emea")
    with pytest.raises(lms.InvalidArgumentError):
        engine.move_org_unit(lms.SYSTEM, tree, "sales", "sales")
    assert engine.list_org_units(lms.SYSTEM, tree) == before
