"""Figures: regenerated headless from the notebooks, byte-identical to the committed ones, on any CPU.

Besides the default run, the figures are regenerated under numeric settings
that change which machine code computes every float (OpenBLAS kernels,
numpy's SIMD paths), as another CPU would: the files must not change by a
byte. The settings reach the notebook kernels through the environment
(papermill starts each kernel as a subprocess), and a probe run inside every
kernel (an IPython startup file) records what the kernel really used, so a
setting that silently did nothing fails the test instead of testing nothing.
"""

from __future__ import annotations

import filecmp
import json
import re
from pathlib import Path

import pytest

from analysis.app.notebooks import notebooks, run_figures
from analysis.paths import FIGURES_DIR


def _saved_names() -> set[str]:
    """Every figure name the notebooks save (``save_figure(fig, "NAME", ...)`` in their code cells)."""
    import nbformat

    names = set()
    for path in notebooks():
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type == "code":
                names |= set(re.findall(r"save_figure\([^,]+,\s*[\"']([^\"']+)[\"']", cell.source))
    return names


EXPECTED = _saved_names()


def test_committed_figures_exist():
    assert len(EXPECTED) >= 15, EXPECTED
    names = {p.stem for p in FIGURES_DIR.glob("*.png")}
    assert EXPECTED <= names
    for stem in EXPECTED:
        assert (FIGURES_DIR / f"{stem}.svg").stat().st_size > 1000
        assert (FIGURES_DIR / f"{stem}.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def _assert_same_as_committed(out_dir: Path) -> None:
    made = sorted(p.name for p in out_dir.iterdir())
    assert not [n for n in made if n.startswith(".")], "staging files left behind"
    committed = sorted(p.name for p in FIGURES_DIR.iterdir() if p.suffix in (".png", ".svg"))
    assert made == committed
    match, mismatch, errors = filecmp.cmpfiles(out_dir, FIGURES_DIR, made, shallow=False)
    assert not mismatch and not errors, f"regenerated figures differ from committed ones: {mismatch}"


@pytest.mark.slow
def test_regenerated_figures_are_byte_identical(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv("ANALYSIS_CACHE_DIR", str(cache))  # a cache of this test's own: cold, then warm
    monkeypatch.delenv("ANALYSIS_CACHE", raising=False)
    cold, warm = tmp_path / "cold", tmp_path / "warm"
    runs = run_figures(out_dir=cold)
    assert [r.notebook for r in runs] == notebooks()
    _assert_same_as_committed(cold)
    entries = sorted(cache.glob("*.tables"))
    assert len(entries) > 100  # the article's analyses and every demo document's (notebooks 05 and 07)
    stamps = [p.stat().st_mtime_ns for p in entries]
    run_figures(out_dir=warm)  # warm: the notebooks read the cached tables back
    _assert_same_as_committed(warm)
    assert [p.stat().st_mtime_ns for p in entries] == stamps and sorted(cache.glob("*.tables")) == entries


# --------------------------------------------------------------------------
# The same bytes under other numeric settings
# --------------------------------------------------------------------------

#: Runs first in every kernel (IPython startup file): what numpy and OpenBLAS really use there.
PROBE = r"""
import ctypes, glob, json, os
import numpy
from numpy._core._multiarray_umath import __cpu_dispatch__, __cpu_features__


def _corename(package, symbols):
    folder = os.path.dirname(package.__file__) + ".libs"
    for lib in sorted(glob.glob(os.path.join(folder, "libscipy_openblas*.so*"))):
        dll = ctypes.CDLL(lib)
        for name in symbols:
            if hasattr(dll, name):
                fn = getattr(dll, name)
                fn.restype = ctypes.c_char_p
                return fn().decode()
    return None


try:
    import scipy
    scipy_core = _corename(scipy, ["scipy_openblas_get_corename", "scipy_openblas_get_corename64_"])
except ImportError:
    scipy_core = None
record = {
    "pid": os.getpid(),
    "env": {k: os.environ.get(k) for k in ("OPENBLAS_CORETYPE", "NPY_DISABLE_CPU_FEATURES")},
    "dispatch": {t: bool(__cpu_features__.get(t)) for t in __cpu_dispatch__},
    "avx512f": bool(__cpu_features__.get("AVX512F")),
    "numpy_openblas": _corename(numpy, ["scipy_openblas_get_corename64_", "scipy_openblas_get_corename"]),
    "scipy_openblas": scipy_core,
}
with open(os.path.join(os.environ["ANALYSIS_NUMERIC_PROBE"], f"{os.getpid()}.json"), "w") as fh:
    json.dump(record, fh)
"""

#: The issue's list; every other target numpy dispatches to (AVX512_SPR on numpy 2.4) is added, so that
#: no AVX2 or AVX-512 code path is left, whatever the CPU.
NPY_REQUESTED = ("X86_V3", "X86_V4", "AVX512_ICL")
#: OpenBLAS's DYNAMIC_ARCH builds run the pre-AVX x86 cores on one kernel table, named after the first
#: of them: OPENBLAS_CORETYPE=Prescott reports "Katmai".
PRESCOTT_FAMILY = {"Katmai", "Coppermine", "Northwood", "Prescott", "Banias"}


def _numpy_disable() -> str:
    """Every SIMD target numpy dispatches to beyond its baseline: the issue's names first."""
    from numpy._core._multiarray_umath import __cpu_dispatch__

    dispatched = list(__cpu_dispatch__)
    return " ".join([t for t in NPY_REQUESTED if t in dispatched] + [t for t in dispatched if t not in NPY_REQUESTED])


def _check_prescott(probe: dict) -> None:
    assert probe["numpy_openblas"] in PRESCOTT_FAMILY, probe
    assert probe["scipy_openblas"] in PRESCOTT_FAMILY | {None}, probe


def _check_skylakex(probe: dict) -> None:
    assert probe["avx512f"], probe  # (the setting is skipped on a CPU without AVX-512)
    assert probe["numpy_openblas"] == "SkylakeX", probe
    assert probe["scipy_openblas"] in ("SkylakeX", None), probe


def _check_baseline_simd(probe: dict) -> None:
    assert probe["dispatch"], probe
    assert not any(probe["dispatch"].values()), f"numpy still dispatches to {probe['dispatch']}"


SETTINGS = {
    "openblas-prescott": (lambda: {"OPENBLAS_CORETYPE": "Prescott"}, _check_prescott),
    "openblas-skylakex": (lambda: {"OPENBLAS_CORETYPE": "SkylakeX"}, _check_skylakex),
    "numpy-baseline-simd": (lambda: {"NPY_DISABLE_CPU_FEATURES": _numpy_disable()}, _check_baseline_simd),
}


def test_numpy_disable_list_covers_the_issue_and_every_dispatched_target():
    from numpy._core._multiarray_umath import __cpu_dispatch__

    names = _numpy_disable().split()
    assert set(names) == set(__cpu_dispatch__)
    assert [n for n in names if n in NPY_REQUESTED] == [n for n in NPY_REQUESTED if n in __cpu_dispatch__]


@pytest.mark.slow
@pytest.mark.parametrize("setting", sorted(SETTINGS))
def test_figures_are_byte_identical_under_numeric_settings(setting, tmp_path, monkeypatch):
    make_env, check = SETTINGS[setting]
    import numpy

    if setting.startswith("openblas") and not (Path(numpy.__file__).parent.parent / "numpy.libs").is_dir():
        pytest.skip("this numpy does not bundle OpenBLAS (numpy.libs/ is absent)")
    if setting == "openblas-skylakex":
        from numpy._core._multiarray_umath import __cpu_features__

        if not __cpu_features__.get("AVX512F"):
            # OpenBLAS does not fall back: forced onto its SkylakeX kernels, a CPU without AVX-512
            # stops at the first matrix product with SIGILL (seen on an AMD EPYC; the kernel dies)
            pytest.skip("this CPU has no AVX-512: OpenBLAS's SkylakeX kernels cannot run here")
    env = make_env()
    probes, ipython = tmp_path / "probes", tmp_path / "ipython"
    probes.mkdir()
    (ipython / "profile_default" / "startup").mkdir(parents=True)
    (ipython / "profile_default" / "startup" / "00-numeric-probe.py").write_text(PROBE, encoding="utf-8")
    monkeypatch.setenv("IPYTHONDIR", str(ipython))
    monkeypatch.setenv("ANALYSIS_NUMERIC_PROBE", str(probes))
    monkeypatch.setenv("ANALYSIS_CACHE_DIR", str(tmp_path / "cache"))  # computed under this setting, not read back
    monkeypatch.delenv("ANALYSIS_CACHE", raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    out = tmp_path / "figures"
    runs = run_figures(out_dir=out)
    assert [r.notebook for r in runs] == notebooks()
    records = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(probes.glob("*.json"))]
    assert len(records) == len(notebooks()), "every notebook kernel ran the probe"
    for record in records:
        for key, value in env.items():
            assert record["env"][key] == value, record
        check(record)
    _assert_same_as_committed(out)
