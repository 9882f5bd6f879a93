"""PySide6 lives here only. Views get read models from services and never run SQL."""
