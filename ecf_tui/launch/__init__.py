"""Provides the simulator in this terminal: `ecf-tui run` (and `ecf-tui` alone, the
court picker), its options checked before the App starts and each attempt saved after
it ends. It sits above the App, which it imports only when the command runs."""
