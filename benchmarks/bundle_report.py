"""The figures benchmarks/bundle.py prints: sizes, starts, ratios, before and after.

Apart from bundle.py so each stays short; it only formats what bundle.py measured.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bundle import Start

# Label of the apps timed from an earlier build (--before).
BEFORE = " (before)"
# Goals of issue 17, against the (pruned) empty window.
GOAL_PAINT = 1.2
GOAL_SEARCHABLE = 1.5
GOAL_MEMORY = 1.5


def folder_bytes(folder: Path) -> int:
    """Bytes of every file under ``folder`` (symbolic links not followed)."""
    total = 0
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            total += path.stat().st_size
    return total


@dataclass(frozen=True)
class Summary:
    """Medians over one app's starts (seconds), and its highest peak memory (MiB)."""

    paint: float
    paint_cpu: float
    searchable: float | None
    searchable_cpu: float | None
    peak: float

    @classmethod
    def of(cls, runs: list[Start]) -> Summary:
        ready = [r.searchable_s for r in runs if r.searchable_s is not None]
        ready_cpu = [r.searchable_cpu_s for r in runs if r.searchable_cpu_s is not None]
        return cls(
            statistics.median(r.first_paint_s for r in runs),
            statistics.median(r.first_paint_cpu_s for r in runs),
            statistics.median(ready) if ready else None,
            statistics.median(ready_cpu) if ready_cpu else None,
            max(r.peak_mib for r in runs),
        )


def _mb(size: int) -> str:
    return f"{size / 1e6:7.1f} MB"


def _median_ms(values: list[float]) -> str:
    spread = f"{min(values) * 1000:.0f}-{max(values) * 1000:.0f}"
    return f"{statistics.median(values) * 1000:7.0f} ms ({spread})"


def _starts_table(starts: dict[str, list[Start]], cold: bool) -> dict[str, Summary]:
    kind = "cold (page cache dropped)" if cold else "warm"
    print(f"starts, {kind}, median (range) of {len(starts['sjsref'])}; cpu: the process's own")
    print(f"  {'':22s} {'first paint':>22s}    cpu {'searchable':>22s}    cpu  peak RSS")
    summaries = {}
    for name, runs in starts.items():
        summary = summaries[name] = Summary.of(runs)
        found = [r.searchable_s for r in runs if r.searchable_s is not None]
        ready = _median_ms(found) if found else ""
        ready_cpu = f"{summary.searchable_cpu * 1000:4.0f}" if summary.searchable_cpu else ""
        print(
            f"  {name:22s} {_median_ms([r.first_paint_s for r in runs]):>22s}  "
            f"{summary.paint_cpu * 1000:4.0f} {ready:>22s}  {ready_cpu:>4s}  "
            f"{summary.peak:5.1f} MiB"
        )
    return summaries


def report(
    bundles: dict[str, Path], debs: dict[str, Path], starts: dict[str, list[Start]], cold: bool
) -> None:
    sizes = {name: folder_bytes(folder) for name, folder in bundles.items()}
    print("\nfolder sizes")
    for name, size in sizes.items():
        print(f"  {name:22s} {_mb(size)}")
    if debs:
        print(".deb sizes")
        for name, deb in debs.items():
            print(f"  {name:22s} {_mb(deb.stat().st_size)}")
    summary = _starts_table(starts, cold)
    print(
        "ratios sjsref / baseline                   size   .deb  paint  searchable  memory"
        f"   goals: size < 1.3, paint <= {GOAL_PAINT}, searchable <= {GOAL_SEARCHABLE}"
        f" (of the baseline's paint), memory <= {GOAL_MEMORY}"
    )
    pairs = [("sjsref", "empty"), ("sjsref", "empty-pruned")]
    pairs += [(f"sjsref{BEFORE}", f"empty-pruned{BEFORE}")] if f"sjsref{BEFORE}" in starts else []
    for app, base in pairs:
        if base not in starts:
            continue
        deb_ratio = (
            f"{debs[app].stat().st_size / debs[base].stat().st_size:5.2f}"
            if app in debs and base in debs
            else "    -"
        )
        found = summary[app].searchable
        ready = f"{found / summary[base].paint:10.2f}" if found is not None else "         -"
        print(
            f"  {app + ' vs ' + base:40s} {sizes[app] / sizes[base]:5.2f}  {deb_ratio}  "
            f"{summary[app].paint / summary[base].paint:5.2f}  {ready}  "
            f"{summary[app].peak / summary[base].peak:6.2f}"
        )
    _before_after(summary)


def _before_after(summary: dict[str, Summary]) -> None:
    """Medians of this build against the --before one, in milliseconds and MiB."""
    if not any(name.endswith(BEFORE) for name in summary):
        return
    print("after - before (medians, ms)  paint   cpu  searchable   cpu  peak MiB")
    for name in ("sjsref", "empty-pruned"):
        if f"{name}{BEFORE}" not in summary:
            continue
        old, new = summary[f"{name}{BEFORE}"], summary[name]
        ready = ready_cpu = "          -"
        if new.searchable is not None and old.searchable is not None:
            ready = f"{(new.searchable - old.searchable) * 1000:+11.0f}"
            ready_cpu = f"{((new.searchable_cpu or 0) - (old.searchable_cpu or 0)) * 1000:+5.0f}"
        print(
            f"  {name:26s} {(new.paint - old.paint) * 1000:+6.0f} "
            f"{(new.paint_cpu - old.paint_cpu) * 1000:+5.0f} {ready} {ready_cpu}  "
            f"{new.peak - old.peak:+8.1f}"
        )
