"""Benchmarks (not tests): they measure and write docs/benchmarks.md."""
