"""Scripts the benchmark runs as subprocesses (cold starts are measured from outside)."""
