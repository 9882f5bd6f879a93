"""Files the program writes for the user (PDFs, exports, reports): one writer that refuses the
database and its companions and never leaves a half-written file. Imports only domain and i18n, so
every layer that writes a file (services, reports, operations, the CLI, the window) can use it."""
