"""Celery tasks for this capability (being built)."""
