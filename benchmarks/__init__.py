"""Benchmarks that are not tests: they measure and write docs/benchmarks.md.

Run from the checkout's root: `make bench` or `python -m benchmarks extract|read|group`
(dataset loaders: wcxb, polnear, ecbplus, allsides; scorers: scoring, metadata, polnear,
ecbplus.bcubed; the report writer: report), and scripts such as `python -m benchmarks.check`.
They are not part of the installed package.
"""
