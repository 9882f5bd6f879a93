"""Files other programs read and write: CSV/XLSX/vCard import, vCard, iCalendar, XLSX and DOCX
export, and the program's own JSON. Works on services' read models and inputs; no Qt."""
