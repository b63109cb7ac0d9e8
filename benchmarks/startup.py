"""Start-up: time to the first painted window, SJSRef against an empty QMainWindow.

Alternately starts (a) a bare PySide6 script that shows an empty QMainWindow
and (b) ``python -m sjsref`` (the window, with ``SJSREF_BENCH_FIRST_PAINT=1``),
each until it prints a mark from its first paint event, and reads each
process's peak resident memory from ``wait4``. SJSRef stays up until its
library has loaded, so its peak includes the built search index.

Goals (issue 6): median start ratio under 1.5, peak memory ratio under 1.5.

Uses the X server in ``$DISPLAY`` if there is one (xcb, the real path), else
Qt's offscreen platform. Run: ``.venv/bin/python benchmarks/startup.py [--runs 9]``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
from dataclasses import dataclass

from bundle import EMPTY_APP, EMPTY_MARK, start_to_first_paint  # benchmarks/bundle.py

from sjsref.ui.app import BENCH_ENV, FIRST_PAINT_MARK

GOAL_RATIO = 1.5

# (a), the smallest app that paints a window, is EMPTY_APP: the same script
# benchmarks/bundle.py freezes. It prints EMPTY_MARK at first paint.


@dataclass(frozen=True)
class Run:
    first_paint_ms: float
    peak_rss_mib: float


def start_once(command: list[str], env: dict[str, str], mark: str = FIRST_PAINT_MARK) -> Run:
    """Start ``command``; time until it prints ``mark`` at first paint; its peak RSS."""
    seconds, peak_mib = start_to_first_paint(command, mark, env)
    return Run(seconds * 1000, peak_mib)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="starts of each app")
    args = parser.parse_args()
    env = dict(os.environ, **{BENCH_ENV: "1"})
    # Measure an installed app, which runs from cached bytecode: let the warm-up
    # start write it rather than compiling the sources on every start.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if not env.get("DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    apps = {
        "empty QMainWindow": ([sys.executable, "-c", EMPTY_APP], EMPTY_MARK),
        "sjsref": ([sys.executable, "-m", "sjsref"], FIRST_PAINT_MARK),
    }
    runs: dict[str, list[Run]] = {name: [] for name in apps}
    for command, mark in apps.values():  # warm the file cache (and bytecode) once each
        start_once(command, env, mark)
    for _ in range(args.runs):
        for name, (command, mark) in apps.items():
            runs[name].append(start_once(command, env, mark))

    print(f"platform: {env.get('QT_QPA_PLATFORM', 'xcb')}, {args.runs} starts each, alternated")
    medians = {}
    for name, results in runs.items():
        paint = statistics.median(r.first_paint_ms for r in results)
        peak = max(r.peak_rss_mib for r in results)
        medians[name] = (paint, peak)
        print(f"{name:>18}: first paint median {paint:7.1f} ms, peak RSS {peak:6.1f} MiB")
    (bare_ms, bare_mib), (app_ms, app_mib) = medians.values()
    print(f"start ratio  {app_ms / bare_ms:.2f} (goal < {GOAL_RATIO})")
    print(f"memory ratio {app_mib / bare_mib:.2f} (goal < {GOAL_RATIO})")


if __name__ == "__main__":
    main()
