"""Print products (reportlab). Pure functions from services' read models to PDF bytes; no Qt, no DB."""
