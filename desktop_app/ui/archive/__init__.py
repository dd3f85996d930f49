"""The Archive tab: search, the list and timeline, filters, the reader, editing items."""
