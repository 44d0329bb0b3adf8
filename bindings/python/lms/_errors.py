# SPDX-License-Identifier: Apache-2.0
"""The exceptions of the lms package: one class per error code.

Every error the engine reports is an :class:`Error`; its subclass (and its
``code`` attribute) says what kind of failure it is, and ``str(exc)`` names
the field and the value at fault. The native module raises these classes
through :data:`BY_CODE`.
"""

from __future__ import annotations


class Error(Exception):
    """Base class of every error the engine reports."""

    #: The error code's snake_case name, e.g. ``"not_found"``.
    code: str = "unknown"


class NotFoundError(Error):
    """The tenant, user, org unit or course does not exist (or belongs to
    another tenant)."""

    code = "not_found"


class AlreadyExistsError(Error):
    """A record with that key exists already."""

    code = "already_exists"


class InvalidArgumentError(Error):
    """Malformed, missing, oversized or out-of-range input."""

    code = "invalid_argument"


class PermissionDeniedError(Error):
    """The actor may not do this."""

    code = "permission_denied"


class ConflictError(Error):
    """The request contradicts the record's state."""

    code = "conflict"


class LimitExceededError(Error):
    """A documented size or count limit was hit."""

    code = "limit_exceeded"


class StorageError(Error):
    """The backend failed or the database is unusable."""

    code = "storage"


class InternalError(Error):
    """A bug in the library."""

    code = "internal"


class NotSupportedError(Error):
    """The backend does not offer this operation."""

    code = "not_supported"


#: Error class by code name; "unknown" maps to the base class.
BY_CODE: dict[str, type[Error]] = {
    cls.code: cls
    for cls in (
        Error,
        NotFoundError,
        AlreadyExistsError,
        InvalidArgumentError,
        PermissionDeniedError,
        ConflictError,
        LimitExceededError,
        StorageError,
        InternalError,
        NotSupportedError,
    )
}
