"""Storage: engine and PRAGMAs, transactions, the single write path, migrations, backups, JSON I/O."""
