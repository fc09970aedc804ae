"""Provides `python -m ecf_tui`."""

from ecf_tui.cli import main

raise SystemExit(main())
