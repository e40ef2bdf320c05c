"""Benchmarks that are not tests: they measure and write docs/benchmarks.md (see check/)."""
