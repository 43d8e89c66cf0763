"""Reads, one module a screen or a door: queue (the review queue and its search), dashboard (its
counts), lookup ("has this been checked?"), exports (which claims an export holds). Selectors import
models and the claim object (claims.representations), never a service, a task or a door."""
