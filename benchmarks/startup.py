"""Start-up: first paint, searchable library and peak memory, SJSRef against an empty window.

Alternately starts (a) a bare PySide6 script that shows an empty QMainWindow
and (b) ``python -m sjsref`` (the window, with ``SJSREF_BENCH_FIRST_PAINT=1``).
Each prints a mark from its first paint event; SJSRef prints a second one once
its library is searchable, then quits. Each process's peak resident memory is
read from ``wait4``, so SJSRef's includes everything it loaded to be searchable.

Goals (issue 17), against the empty window: first paint <= 1.2 times, searchable
<= 1.5 times its first paint, peak memory <= 1.5 times.

Uses the X server in ``$DISPLAY`` if there is one (xcb, the real path), a fresh
Xvfb with ``--xvfb``, else Qt's offscreen platform. ``--compare DIR`` also
starts the SJSRef of another source tree (e.g. an older commit unpacked with
``git archive``), alternated with the others, so a before/after comparison
sees the same machine load. Run:
``.venv/bin/python benchmarks/startup.py [--runs 9] [--xvfb] [--compare DIR]``.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import sys
from collections.abc import Iterator
from pathlib import Path

from bundle import EMPTY_APP, EMPTY_MARK, Start, display, start_app  # benchmarks/bundle.py

from sjsref.ui.app import BENCH_ENV, FIRST_PAINT_MARK, SEARCHABLE_MARK

ROOT = Path(__file__).resolve().parents[1]
GOAL_PAINT = 1.2
GOAL_SEARCHABLE = 1.5
GOAL_MEMORY = 1.5


@contextlib.contextmanager
def platform(xvfb: bool) -> Iterator[dict[str, str]]:
    """The display to start the apps on: Xvfb if asked, ``$DISPLAY``, else offscreen."""
    if xvfb:
        with display() as env:
            yield env
    elif os.environ.get("DISPLAY"):
        yield {}
    else:
        yield {"QT_QPA_PLATFORM": "offscreen"}


def _ms(values: list[float]) -> str:
    return f"{statistics.median(values) * 1000:7.1f} ms"


def require_pack() -> None:
    """Stop unless the library loads: a missing or stale pack would time the failure page."""
    from sjsref.search.pack import LOAD_ERRORS, open_pack

    try:
        open_pack()
    except LOAD_ERRORS as exc:
        sys.exit(f"startup.py: the library does not load, so nothing would be measured: {exc}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="starts of each app")
    parser.add_argument("--xvfb", action="store_true", help="start the apps in a fresh Xvfb")
    parser.add_argument("--compare", type=Path, help="another source tree of SJSRef to start too")
    args = parser.parse_args()
    require_pack()
    marks = (FIRST_PAINT_MARK, SEARCHABLE_MARK)
    # (command, marks, working directory: "-m sjsref" imports the tree found there)
    apps: dict[str, tuple[list[str], tuple[str, ...], Path]] = {
        "empty QMainWindow": ([sys.executable, "-c", EMPTY_APP], (EMPTY_MARK,), ROOT),
        "sjsref": ([sys.executable, "-m", "sjsref"], marks, ROOT),
    }
    if args.compare:
        apps[f"sjsref {args.compare.name}"] = (apps["sjsref"][0], marks, args.compare)
    runs: dict[str, list[Start]] = {name: [] for name in apps}
    with platform(args.xvfb) as platform_env:
        env = dict(os.environ, **{BENCH_ENV: "1"}, **platform_env)
        # Measure an installed app, which runs from cached bytecode: let the warm-up
        # start write it rather than compiling the sources on every start.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        for command, wanted, cwd in apps.values():  # warm the file cache and bytecode once
            start_app(command, wanted, env, cwd)
        for _ in range(args.runs):
            for name, (command, wanted, cwd) in apps.items():
                runs[name].append(start_app(command, wanted, env, cwd))
        where = env.get("QT_QPA_PLATFORM", "xcb")

    print(f"platform: {where}, {args.runs} starts each, alternated; medians, peak = max")
    print("(CPU: the process's own CPU time at each mark, steadier on a busy machine)")
    for name, results in runs.items():
        searchable = [r.searchable_s for r in results if r.searchable_s is not None]
        cpu = [r.searchable_cpu_s for r in results if r.searchable_cpu_s is not None]
        ready = f"; searchable {_ms(searchable)}, CPU {_ms(cpu)}" if searchable else ""
        peak = max(r.peak_mib for r in results)
        print(f"{name:>18}: first paint {_ms([r.first_paint_s for r in results])}, "
              f"CPU {_ms([r.first_paint_cpu_s for r in results])}{ready}; "
              f"peak RSS {peak:6.1f} MiB")  # fmt: skip
    bare = runs["empty QMainWindow"]
    for name, app in runs.items():
        if app is bare:
            continue
        print(f"{name} / empty QMainWindow:")
        for what, paint_of, ready_of in (
            ("wall", lambda r: r.first_paint_s, lambda r: r.searchable_s or 0.0),
            ("CPU ", lambda r: r.first_paint_cpu_s, lambda r: r.searchable_cpu_s or 0.0),
        ):
            bare_paint = statistics.median(map(paint_of, bare))
            app_paint = statistics.median(map(paint_of, app))
            app_ready = statistics.median(map(ready_of, app))
            print(
                f"  {what} first paint {app_paint / bare_paint:.2f} (goal <= {GOAL_PAINT}), "
                f"searchable {app_ready / bare_paint:.2f} (goal <= {GOAL_SEARCHABLE})"
            )
        memory = max(r.peak_mib for r in app) / max(r.peak_mib for r in bare)
        print(f"  memory {memory:.2f} (goal <= {GOAL_MEMORY})")


if __name__ == "__main__":
    main()
