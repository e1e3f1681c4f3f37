"""A built wheel ships the reference tables: install it in a fresh venv and load them all.

The temporary venv sees this environment's dependencies (numpy, pandas, pint, …)
through a ``.pth`` line that appends this environment's site-packages. A path
added that way is not a site directory, so the ``.pth`` files inside it (among
them the editable install's pointer to ``src/``) are not processed: the
subprocess can only import ``lcc`` from the installed wheel.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

CHECK = r"""
import json, sys
from pathlib import Path
import lcc, lcc.data
from lcc.data._loader import table_dir
from lcc.templates.vehicles import clean_vehicles_directive

names = list(lcc.data.list()["name"])
shapes = {name: list(lcc.data.load(name).shape) for name in names}
car = clean_vehicles_directive(
    "M1", "diesel", "5.0 l/100km", petrol_price="0.55 EUR/l", diesel_price="0.50 EUR/l",
    co2="132 g/km", nox="0.08 g/km", nmhc="0.02 g/km", pm="0.0045 g/km")
print(json.dumps({
    "lcc_file": lcc.__file__,
    "table_dir": str(table_dir()),
    "shapes": shapes,
    "car_total": float(car["total"]),
    "src_on_path": any(Path(p).resolve() == Path(sys.argv[1]).resolve() for p in sys.path if p),
    "swedish": __import__("lcc._i18n", fromlist=["tr"]).tr("Summary", "sv"),
}))
"""


def _run(cmd: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=600, **kwargs)  # type: ignore[call-overload]
    assert out.returncode == 0, f"{cmd} failed:\n{out.stdout}\n{out.stderr}"
    return out


def test_wheel_install_loads_every_table(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    build = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(wheels)]
    if importlib.util.find_spec("hatchling") is not None:
        build.append("--no-build-isolation")  # the backend is here: no download needed
    _run([*build, str(REPO)])
    (wheel,) = wheels.glob("openlcc-*.whl")

    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", str(venv)])
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    _run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps",
          "--no-index", "--quiet", str(wheel)])

    purelib = _run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"])
    site = Path(purelib.stdout.strip())
    here = sysconfig.get_paths()["purelib"]
    (site / "_lcc_test_deps.pth").write_text(here + "\n", encoding="utf-8")

    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    out = _run([str(python), "-c", CHECK, str(REPO / "src")], cwd=tmp_path, env=env)
    result = json.loads(out.stdout.strip().splitlines()[-1])

    assert Path(result["lcc_file"]).resolve().is_relative_to(venv.resolve())
    assert Path(result["table_dir"]).resolve().is_relative_to(venv.resolve())
    assert Path(result["table_dir"]).name == "_tables"
    assert not result["src_on_path"]
    expected = sorted(p.stem for p in (REPO / "data").glob("*.csv"))
    assert sorted(result["shapes"]) == expected
    assert all(rows > 0 and cols > 0 for rows, cols in result["shapes"].values())
    # REFERENCE §2 item 6 computed from the tables inside the wheel
    assert result["car_total"] == pytest.approx(6208.70, rel=1e-12)
    assert result["swedish"] == "Sammanställning"  # the message catalogue is in the wheel
