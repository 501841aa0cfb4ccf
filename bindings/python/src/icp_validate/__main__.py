"""``python -m icp_validate``: see :mod:`icp_validate.cli`."""

from .cli import main

raise SystemExit(main())
