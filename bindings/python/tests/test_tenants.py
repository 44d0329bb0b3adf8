# SPDX-License-Identifier: Apache-2.0
"""Tenants: create, get, list, and who may."""

from __future__ import annotations

import pytest

import lms


def test_create_and_get(engine):
    created = engine.create_tenant(lms.SYSTEM, key="acme", name="Acme Corp")
    assert created.id >= 1
    assert (created.key, created.name) == ("acme", "Acme Corp")
    assert engine.get_tenant(lms.SYSTEM, created.id) == created
    assert "acme" in repr(created)


def test_list_in_id_order(engine):
    ids = [engine.create_tenant(lms.SYSTEM, key=k, name=k).id for k in "zab"]
    assert [t.id for t in engine.list_tenants(lms.SYSTEM)] == ids


def test_taken_key(engine):
    engine.create_tenant(lms.SYSTEM, key="acme", name="Acme")
    with pytest.raises(lms.AlreadyExistsError, match="key"):
        engine.create_tenant(lms.SYSTEM, key="acme", name="Other")


def test_only_the_system_creates_tenants(engine, tenant):
    engine.create_user(lms.SYSTEM, tenant, key="ann", display_name="Ann")
    with pytest.raises(lms.PermissionDeniedError):
        engine.create_tenant(lms.Actor.user("ann"), key="evil", name="Evil")
    assert len(engine.list_tenants(lms.SYSTEM)) == 1
