"""Pure-Python domain logic: categories, parsing, validation, series, formats. No Qt here."""
