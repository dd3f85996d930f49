"""The Losses tab: the table of reports, its chart, the report dialog, Data problems."""
