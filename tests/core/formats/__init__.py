"""Tests of the dataset readers and format detection."""
