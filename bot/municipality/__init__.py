"""Per-municipality data (``municipalities/<id>.yml``): schema, loading, calendar, hours."""
