"""`python -m benchmarks extract|read|group [options]`, from the checkout's root.

The same commands as `newsweave bench` (their options and help are defined once, in
newsweave/cli.py, so the two cannot drift). The other benchmarks run as modules of their own:
`python -m benchmarks.check`, `python -m benchmarks.library_compare`, `python -m
benchmarks.workers_speed`, ... (each file's docstring says how).
"""

from newsweave.cli import bench

if __name__ == "__main__":
    bench(prog_name="python -m benchmarks", help_option_names=["-h", "--help"])
