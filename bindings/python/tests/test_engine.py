# SPDX-License-Identifier: Apache-2.0
"""Opening engines: the SQLite file and in-memory variants, the memory
backend, the manual clock, closing."""

from __future__ import annotations

import datetime
from concurrent.futures import ThreadPoolExecutor

import pytest

import lms
from conftest import START


def test_sqlite_file_keeps_data_across_engines(tmp_path):
    path = tmp_path / "lms.db"
    with lms.Engine(path) as engine:
        engine.create_tenant(lms.SYSTEM, key="acme", name="Acme")
    with lms.Engine(str(path)) as engine:
        assert [t.key for t in engine.list_tenants(lms.SYSTEM)] == ["acme"]


def test_sqlite_in_memory_starts_empty():
    with lms.Engine(":memory:") as engine:
        assert engine.list_tenants(lms.SYSTEM) == []


def test_memory_backend_ignores_path():
    with lms.Engine("ignored.db", backend="memory") as engine:
        engine.create_tenant(lms.SYSTEM, key="acme", name="Acme")
        assert len(engine.list_tenants(lms.SYSTEM)) == 1


def test_unknown_backend_is_refused():
    with pytest.raises(lms.InvalidArgumentError, match="backend"):
        lms.Engine(backend="oracle")


@pytest.mark.parametrize(
    "ttl, error",
    [
        (-1, lms.InvalidArgumentError),
        (datetime.timedelta(seconds=-5), lms.InvalidArgumentError),
        (float("nan"), lms.InvalidArgumentError),
        (float("-inf"), lms.InvalidArgumentError),
        ("60", TypeError),
        (True, TypeError),
    ],
)
def test_bad_access_cache_ttl_is_refused(ttl, error):
    with pytest.raises(error, match="access_cache_ttl|timedelta"):
        lms.Engine(backend="memory", access_cache_ttl=ttl)


def test_sqlite_needs_a_path():
    with pytest.raises(lms.InvalidArgumentError, match="path"):
        lms.Engine()


def test_unopenable_database_is_a_storage_error(tmp_path):
    with pytest.raises(lms.StorageError):
        lms.Engine(tmp_path / "no" / "such" / "dir" / "lms.db")


def test_closed_engine_refuses_calls():
    engine = lms.Engine(backend="memory")
    engine.close()
    engine.close()
    assert engine.closed
    with pytest.raises(ValueError):
        engine.list_tenants(lms.SYSTEM)


def test_context_manager_closes():
    with lms.Engine(backend="memory") as engine:
        assert not engine.closed
    assert engine.closed


def test_manual_clock_sets_created_at(engine, clock):
    first = engine.create_tenant(lms.SYSTEM, key="a", name="A")
    clock.advance(datetime.timedelta(days=1), seconds=30)
    second = engine.create_tenant(lms.SYSTEM, key="b", name="B")
    assert first.created_at == START
    assert second.created_at == START + datetime.timedelta(days=1, seconds=30)
    assert second.created_at.tzinfo is not None


def test_manual_clock_set_and_now():
    clock = lms.ManualClock(START)
    clock.set(datetime.datetime(2030, 6, 1, 12, 0, 0, 123000))
    assert clock.now() == datetime.datetime(
        2030, 6, 1, 12, 0, 0, 123000, tzinfo=datetime.timezone.utc
    )
    clock.advance(seconds=-0.123)
    assert clock.now().microsecond == 0


def test_manual_clock_converts_time_zones():
    cet = datetime.timezone(datetime.timedelta(hours=1))
    clock = lms.ManualClock(datetime.datetime(2026, 1, 1, 1, 0, tzinfo=cet))
    assert clock.now() == datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc)


def test_manual_clock_wants_a_datetime():
    with pytest.raises(TypeError):
        lms.ManualClock("2026-01-01")


def test_actor_values():
    alice = lms.Actor.user("alice")
    assert alice == lms.Actor.user("alice")
    assert alice != lms.SYSTEM
    assert not alice.is_system and lms.SYSTEM.is_system
    assert alice.user_key == "alice"
    assert str(lms.SYSTEM) == "@system"
    assert repr(alice) == "lms.Actor.user('alice')"
    assert len({alice, lms.Actor.user("alice"), lms.SYSTEM}) == 2


@pytest.mark.parametrize("key", ["", "@system"])
def test_actor_user_cannot_be_the_system(key):
    with pytest.raises(lms.InvalidArgumentError, match="actor"):
        lms.Actor.user(key)


def test_errors_carry_their_code():
    assert issubclass(lms.NotFoundError, lms.Error)
    assert lms.NotFoundError.code == "not_found"
    assert lms.LimitExceededError.code == "limit_exceeded"
    assert lms.NotSupportedError.code == "not_supported"


def test_error_instances_have_code(engine):
    with pytest.raises(lms.NotFoundError) as caught:
        engine.get_tenant(lms.SYSTEM, 404)
    assert caught.value.code == "not_found"
    assert "404" in str(caught.value)


def test_threads_share_an_engine(tmp_path):
    with lms.Engine(tmp_path / "lms.db") as engine:
        tenant = engine.create_tenant(lms.SYSTEM, key="acme", name="Acme").id

        def work(worker: int) -> int:
            for i in range(20):
                engine.create_user(lms.SYSTEM, tenant, key=f"w{worker}-{i:02}", display_name="W")
                engine.list_users(lms.SYSTEM, tenant, limit=5)
            return worker

        with ThreadPoolExecutor(max_workers=4) as pool:
            assert sorted(pool.map(work, range(4))) == [0, 1, 2, 3]
        assert len(list(engine.iter_users(lms.SYSTEM, tenant))) == 80
