"""Shared fixtures: the repository's corpora and the native CLI to compare with byte for byte
(``cargo build --bin icp-validate``; ICP_VALIDATE_CLI overrides its path)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import List, Optional, Sequence, Tuple

import pytest

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="session")
def native_cli() -> Path:
    path = Path(os.environ.get("ICP_VALIDATE_CLI", ROOT / "target" / "debug" / "icp-validate"))
    assert path.exists(), f"{path} is missing: build it with `cargo build --bin icp-validate`"
    return path


def run(cmd: Sequence[object], stdin: bytes = b"") -> Tuple[int, bytes]:
    p = subprocess.run([str(c) for c in cmd], input=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    return p.returncode, p.stdout


def python_cli(args: Sequence[object], stdin: bytes = b"") -> Tuple[int, bytes]:
    """The Python host's command line, as a separate process like the native one."""
    return run([sys.executable, "-m", "icp_validate", *args], stdin)
