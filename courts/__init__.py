"""Provides the built-in court profiles (one TOML file per court) and their guides."""
