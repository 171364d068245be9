"""requirements.lock and a Python environment in; exit 1 with the differences when what is
installed is not exactly what the lock pins for this platform (pip, setuptools, wheel and the
project itself aside)."""
from __future__ import annotations

import re
import sys
from importlib import metadata

from packaging.markers import Marker
from packaging.utils import canonicalize_name

IGNORED = {"pip", "setuptools", "wheel", "make-report"}
PIN = re.compile(r"^([A-Za-z0-9._-]+)==([^\s;\\]+)\s*(?:;\s*([^\\]+?))?\s*\\?$")


def pinned(lock_text: str) -> dict[str, str]:
    """The lock's pins whose environment markers hold here."""
    out = {}
    for line in lock_text.splitlines():
        m = PIN.match(line.strip())
        if m and (m.group(3) is None or Marker(m.group(3)).evaluate()):
            out[canonicalize_name(m.group(1))] = m.group(2)
    return out


def installed() -> dict[str, str]:
    return {canonicalize_name(d.metadata["Name"]): d.version for d in metadata.distributions()}


def main(path: str) -> int:
    with open(path, encoding="utf-8") as fh:
        want = pinned(fh.read())
    have = {k: v for k, v in installed().items() if k not in IGNORED}
    problems = [f"{k}: locked {v}, installed {have.get(k, 'none')}" for k, v in sorted(want.items())
                if have.get(k) != v]
    problems += [f"{k}: installed {v}, not in the lock" for k, v in sorted(have.items()) if k not in want]
    for p in problems:
        print(f"{path}: {p}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "requirements.lock"))
