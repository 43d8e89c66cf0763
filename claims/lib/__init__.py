"""Django-free helpers: small pieces with no database, tested without one."""
