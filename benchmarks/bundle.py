"""Size and start-up of the frozen SJSRef bundle against an empty PySide6 window.

Builds, in one run and with the same PyInstaller:

* ``empty``: a PySide6 script that shows one empty QMainWindow, frozen with
  PyInstaller's defaults (``--onedir --windowed``): what any PySide6 app costs;
* ``empty-pruned``: the same script frozen with SJSRef's Qt and library policy
  (``packaging/bundle_policy.py``): the like-for-like baseline;
* ``sjsref``: the real bundle from ``packaging/sjsref.spec``.

Prints each folder's size, each .deb's size (when dpkg-deb is available), the
median time from process start to the first painted window, SJSRef's time
until its library is searchable, each app's peak memory, and the ratios
sjsref / baseline. Goals: size ratio < 1.3 (issue 7); first paint <= 1.2,
searchable <= 1.5 times the baseline's first paint, memory <= 1.5 (issue 17).

Run from the repository root::

    .venv/bin/python benchmarks/bundle.py [--runs 9] [--cold] [--out DIR] [--reuse-empty]
        [--before DIR]

``--reuse-empty`` keeps the empty apps already built in ``--out`` and rebuilds
only SJSRef (they do not change between two runs of the same PyInstaller
and the same policy).

``--before DIR`` also times the ``sjsref`` and ``empty-pruned`` apps of an
earlier build (``DIR`` is that run's ``--out``/dist, e.g. a copy kept before
changing the spec or the policy), alternated with the new ones, and prints
the differences: a before/after in one run, on the same machine load.

``--cold`` drops the page cache before every start (root only), so each start
reads the bundle from disk; without it, starts are warm (files cached).
The window is shown in Xvfb when it is installed, else offscreen.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import select
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from bundle_report import BEFORE, report  # benchmarks/bundle_report.py

from sjsref.ui.app import BENCH_ENV, FIRST_PAINT_MARK, SEARCHABLE_MARK

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"

# Printed by EMPTY_APP when its window first paints.
EMPTY_MARK = "first-paint"
EMPTY_APP = f"""\
import sys
import time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


class Window(QMainWindow):
    painted = False

    def paintEvent(self, event):
        super().paintEvent(event)
        if not self.painted:
            self.painted = True
            print(f"{EMPTY_MARK} cpu={{time.process_time() * 1000:.1f}}", flush=True)
            QTimer.singleShot(0, QApplication.quit)


app = QApplication(sys.argv)
window = Window()
window.resize(1240, 720)
window.show()
sys.exit(app.exec())
"""

# The same policy as packaging/sjsref.spec, applied to the empty window.
EMPTY_PRUNED_SPEC = """\
import sys
sys.path.insert(0, {packaging!r})
import bundle_policy

a = Analysis(
    [{script!r}],
    excludes=bundle_policy.EXCLUDED_MODULES,
    noarchive=bundle_policy.modules_outside_archive(),
)
a.scripts = bundle_policy.select_runtime_hooks(a.scripts)
a.binaries = bundle_policy.prune_qt(a.binaries)
a.datas = bundle_policy.prune_qt(a.datas)
if bundle_policy.is_linux():
    a.binaries, _ = bundle_policy.prune_linux_binaries(a.binaries)
    a.datas = bundle_policy.drop_dangling_symlinks(a.datas, a.binaries + a.datas)
pyz = PYZ(a.pure)
exe = EXE(pyz, a.scripts, [], exclude_binaries=True, name="empty", console=False)
coll = COLLECT(exe, a.binaries, a.datas, strip=bundle_policy.is_linux(), name="empty-pruned")
"""

# What each frozen app prints when its window has painted for the first time
# (and, for SJSRef, once its library is searchable).
MARKS = {
    "empty": (EMPTY_MARK,),
    "empty-pruned": (EMPTY_MARK,),
    "sjsref": (FIRST_PAINT_MARK, SEARCHABLE_MARK),
}
START_TIMEOUT_S = 60


def _pyinstaller(args: list[str], cwd: Path) -> None:
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "ERROR", *args]
    subprocess.run(cmd, cwd=cwd, check=True, stdout=subprocess.DEVNULL)


def build_all(out: Path, reuse_empty: bool = False) -> dict[str, Path]:
    """Freeze the three apps; return the folder of each."""
    src = out / "src"
    src.mkdir(parents=True, exist_ok=True)
    script = src / "empty.py"
    script.write_text(EMPTY_APP, encoding="utf-8")
    dist, work = out / "dist", out / "work"
    if not (reuse_empty and (dist / "empty").is_dir() and (dist / "empty-pruned").is_dir()):
        _build_empty(src, script, dist, work)
    _pyinstaller(
        ["--distpath", str(dist), "--workpath", str(work / "sjsref"),
         str(PACKAGING / "sjsref.spec")],
        cwd=ROOT,
    )  # fmt: skip
    return {
        "empty": dist / "empty",
        "empty-pruned": dist / "empty-pruned",
        "sjsref": dist / "sjsref",
    }


def _build_empty(src: Path, script: Path, dist: Path, work: Path) -> None:
    _pyinstaller(
        ["--onedir", "--windowed", "--name", "empty", "--distpath", str(dist),
         "--workpath", str(work / "empty"), "--specpath", str(src), str(script)],
        cwd=src,
    )  # fmt: skip
    spec = src / "empty-pruned.spec"
    spec.write_text(
        EMPTY_PRUNED_SPEC.format(packaging=str(PACKAGING), script=str(script)), encoding="utf-8"
    )
    _pyinstaller(
        ["--distpath", str(dist), "--workpath", str(work / "empty-pruned"), str(spec)], cwd=src
    )


def build_debs(out: Path, bundles: dict[str, Path]) -> dict[str, Path]:
    """The real .deb (packaging/build_deb.sh) and a bare .deb of each empty app."""
    debs: dict[str, Path] = {}
    if shutil.which("dpkg-deb") is None:
        return debs
    for name in ("empty", "empty-pruned"):
        stage = out / "deb" / name
        shutil.rmtree(stage, ignore_errors=True)
        (stage / "DEBIAN").mkdir(parents=True)
        shutil.copytree(bundles[name], stage / "usr" / "lib" / name, symlinks=True)
        control = f"Package: {name}\nVersion: 0\nArchitecture: amd64\n"
        control += "Maintainer: bench <bench@invalid>\nDescription: benchmark\n"
        (stage / "DEBIAN" / "control").write_text(control, encoding="utf-8")
        deb = out / "deb" / f"{name}.deb"
        subprocess.run(
            ["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(stage), str(deb)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        debs[name] = deb
    done = subprocess.run(
        [str(PACKAGING / "build_deb.sh"), "--out", str(out / "deb" / "sjsref"),
         "--bundle", str(bundles["sjsref"]), "--no-lintian"],
        env=dict(os.environ, PYTHON=sys.executable),
        capture_output=True,
        text=True,
        check=False,
    )  # fmt: skip
    if done.returncode == 0:
        debs["sjsref"] = Path(done.stdout.strip().splitlines()[-1])
    else:
        print(f"(sjsref .deb not built: {done.stderr.strip().splitlines()[-1:]})")
    return debs


@contextlib.contextmanager
def display() -> Iterator[dict[str, str]]:
    """Environment for the app: an Xvfb display if Xvfb exists, else offscreen."""
    if shutil.which("Xvfb") is None:
        yield {"QT_QPA_PLATFORM": "offscreen"}
        return
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    number = b""
    while not number.endswith(b"\n"):
        chunk = os.read(read_fd, 16)
        if not chunk:
            raise RuntimeError("Xvfb did not start")
        number += chunk
    os.close(read_fd)
    try:
        yield {"QT_QPA_PLATFORM": "xcb", "DISPLAY": f":{number.decode().strip()}"}
    finally:
        server.terminate()
        server.wait(timeout=10)


def _drop_caches() -> None:
    os.sync()
    Path("/proc/sys/vm/drop_caches").write_text("3\n", encoding="ascii")


@dataclass(frozen=True)
class Start:
    """One start: seconds to the first paint, to a searchable library, and peak memory.

    ``searchable_s`` is None for an app without a library (the empty windows).
    The ``_cpu_s`` twins are the process's CPU time at each mark, as it printed
    it: steadier than wall-clock time on a machine busy with other work.
    """

    first_paint_s: float
    searchable_s: float | None
    peak_mib: float
    first_paint_cpu_s: float = 0.0
    searchable_cpu_s: float | None = None


def start_app(
    command: list[str], marks: tuple[str, ...], env: dict[str, str], cwd: Path | None = None
) -> Start:
    """Start ``command``; time until it prints each of ``marks`` (first paint, then
    searchable, if given) and read its peak resident memory from ``wait4`` once it exits."""
    started = time.perf_counter()
    seen: dict[str, float] = {}
    proc = subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=cwd
    )
    assert proc.stdout is not None
    try:
        buffer = b""
        while len(seen) < len(marks):
            left = START_TIMEOUT_S - (time.perf_counter() - started)
            ready, _, _ = select.select([proc.stdout], [], [], max(left, 0))
            if not ready:
                raise TimeoutError(f"{command[0]} did not print {marks} in {START_TIMEOUT_S} s")
            chunk = os.read(proc.stdout.fileno(), 4096)
            if not chunk:
                raise RuntimeError(f"{command[0]} exited before printing {marks}")
            buffer += chunk
            now = time.perf_counter() - started
            for mark in marks:
                if mark not in seen and mark.encode() in buffer:
                    seen[mark] = now
        while chunk := os.read(proc.stdout.fileno(), 4096):  # let it finish writing and exit
            buffer += chunk
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        cpu = {
            mark: float(found[1]) / 1000 if found else 0.0
            for mark in marks
            for found in [re.search(rf"{mark} cpu=([0-9.]+)".encode(), buffer)]
        }
        peak = usage.ru_maxrss / 1024  # Linux reports KiB
        if len(marks) == 1:
            return Start(seen[marks[0]], None, peak, cpu[marks[0]])
        return Start(seen[marks[0]], seen[marks[1]], peak, cpu[marks[0]], cpu[marks[1]])
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def _executable(name: str, folder: Path) -> Path:
    return folder / ("sjsref" if name.startswith("sjsref") else "empty")


def _marks(name: str) -> tuple[str, ...]:
    return MARKS[name.removesuffix(BEFORE)]


def measure_starts(
    bundles: dict[str, Path], runs: int, cold: bool, platform_env: dict[str, str], home: Path
) -> dict[str, list[Start]]:
    """Start each app ``runs`` times, alternating, after one unmeasured warm-up each."""
    env = dict(os.environ, HOME=str(home), **{BENCH_ENV: "1"}, **platform_env)
    exe = {name: str(_executable(name, folder)) for name, folder in bundles.items()}
    for name in bundles:
        start_app([exe[name]], _marks(name), env)
    starts: dict[str, list[Start]] = {name: [] for name in bundles}
    for _ in range(runs):
        for name in bundles:
            if cold:
                _drop_caches()
            starts[name].append(start_app([exe[name]], _marks(name), env))
    return starts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=9, help="measured starts per app")
    parser.add_argument("--cold", action="store_true", help="drop the page cache before each start")
    parser.add_argument("--out", type=Path, help="build directory (default: a temporary one)")
    parser.add_argument("--no-deb", action="store_true", help="do not build the .deb files")
    parser.add_argument(
        "--reuse-empty", action="store_true", help="keep the empty apps built in --out"
    )
    parser.add_argument(
        "--before", type=Path, help="dist folder of an earlier build: time its apps alongside"
    )
    args = parser.parse_args(argv)
    if args.cold and os.geteuid() != 0:
        parser.error("--cold needs root (it writes /proc/sys/vm/drop_caches)")
    with tempfile.TemporaryDirectory(prefix="sjsref-bench-") as tmp:
        out = (args.out or Path(tmp)).resolve()
        print(f"building in {out} ...", flush=True)
        bundles = build_all(out, args.reuse_empty)
        for name in ("sjsref", "empty-pruned") if args.before else ():
            if (args.before / name).is_dir():
                bundles[f"{name}{BEFORE}"] = args.before.resolve() / name
        debs = {} if args.no_deb else build_debs(out, bundles)
        home = out / "home"
        home.mkdir(exist_ok=True)
        with display() as platform_env:
            print(f"starting each app {args.runs} times on {platform_env['QT_QPA_PLATFORM']} ...")
            starts = measure_starts(bundles, args.runs, args.cold, platform_env, home)
        report(bundles, debs, starts, args.cold)
    return 0


if __name__ == "__main__":
    sys.exit(main())
