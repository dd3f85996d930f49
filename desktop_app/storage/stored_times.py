"""Times stored in a form this program never writes: another program wrote them ('', a
local time, 30 February). Reading such a record fails, naming it (`UtcDateTimeField`); the
archive's check names them all at once."""

from __future__ import annotations

from desktop_app.storage.db.models import (
    TIME_FORM,
    BaseModel,
    UtcDateTimeField,
    database_proxy,
    not_a_time,
)
from desktop_app.storage.db.pg_schema import is_server

# The written form, for a server (its text has no julianday: the form only, not the day).
_PG_FORM = "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$"


def foreign_times(limit: int = 20) -> list[str]:
    """Every such value, up to `limit` a column, as "item row 12: updated_at '' is not …".
    On SQLite through `julianday`, so that a day that does not exist is one too: 2.8-3.6 s
    for the million items of the benchmark archive."""
    server = is_server(database_proxy)
    problems: list[str] = []
    for model in _models(BaseModel):
        table = model._meta.table_name
        key = getattr(model._meta.primary_key, "column_name", "rowid")
        for field in model._meta.sorted_fields:
            if not isinstance(field, UtcDateTimeField):
                continue
            column = field.column_name
            foreign = (
                f"{column} !~ '{_PG_FORM}'"
                if server
                else f"strftime('{TIME_FORM}', julianday({column})) IS NOT {column}"
            )
            rows = database_proxy.execute_sql(
                f"SELECT {key}, {column} FROM {table} WHERE {column} IS NOT NULL AND {foreign}"
                f" ORDER BY {key} LIMIT {limit}"
            ).fetchall()
            problems += [f"{table} row {row}: {column} {not_a_time(value)}" for row, value in rows]
    return problems


def _models(base: type[BaseModel]) -> list[type[BaseModel]]:
    """The archive's tables: the models of `storage.db.models` (not a subclass made elsewhere,
    whose table the archive may not have)."""
    found: list[type[BaseModel]] = []
    for model in base.__subclasses__():
        if model.__module__ == BaseModel.__module__:
            found += [model, *_models(model)]
    return found
