"""Django-free helpers tested without a database: the one outbound HTTP client, input guards, readers of
ClaimReview, statistics tables and PDF reports, the claim memory's repeat finder."""
