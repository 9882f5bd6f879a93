"""Use cases with validation. Callers (GUI, CLI, tests) get read models, never ORM objects."""
