"""Benchmarks (`make bench`): not part of `make test`; they print figures side by side."""
