"""Admin for this capability (being built)."""
