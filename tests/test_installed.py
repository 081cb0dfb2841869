"""The tests run against the installed package, not the source tree (CI installs the wheel)."""

from __future__ import annotations

import os

import pytest

import proccheck
from proccheck.resources import data_dir


@pytest.mark.skipif(not os.environ.get("CI"), reason="only CI guarantees a wheel install")
def test_package_comes_from_the_installed_wheel() -> None:
    assert "site-packages" in (proccheck.__file__ or "")
    assert "site-packages" in str(data_dir("requirement_sets"))
