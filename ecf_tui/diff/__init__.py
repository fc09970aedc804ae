"""Comparing courts: `ecf-tui diff` between two courts' flows and texts (`courts`) and
the screenshots of the same step side by side (`screen_pairs`)."""
