"""Names of a package that load their modules when first asked for (PEP 562).

A package's `__init__` that imports its modules makes every process importing one of them pay
for all: `newsweave` and `newsweave.group` name their public objects here instead.

Example:
    >>> getattr_ = lazy_names("json", {"JSONDecoder": ".decoder"}, {})
    >>> getattr_("JSONDecoder").__name__
    'JSONDecoder'
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any


def lazy_names(
    package: str, homes: Mapping[str, str], namespace: dict[str, Any]
) -> Callable[[str], object]:
    """A module `__getattr__` for `package`: a name of `homes` (name -> its module, relative to
    the package) is imported on first use and kept in `namespace` (the package's globals), so
    it is looked up only once; any other name is an AttributeError."""

    def __getattr__(name: str) -> object:
        if name not in homes:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(homes[name], package), name)
        namespace[name] = value
        return value

    return __getattr__
