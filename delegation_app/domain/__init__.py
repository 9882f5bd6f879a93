"""Domain: tables, enums, pure rules and user-presentable errors. No Qt, no sessions."""
