"""Rebuild the official daily series the program carries: `python -m tools.reference_series`.

`desktop_app/resources/reference/general_staff_daily.csv.gz` holds the General Staff's
cumulative totals for every day of the war that a public dataset records, in the program's own
reports CSV (what `export reports --format csv` writes). `parse` and the report dialog date a
text that gives no date from it when the archive cannot (core/reference_series.py).

The figures are public facts; they are read here from the PetroIvaniuk dataset (MIT) in
`../shared/data/petroivaniuk/` through the program's own importer, so this is a developer's
step, never a run-time one. Run it again when that dataset is newer.
"""

from __future__ import annotations

import gzip
import sys
import tempfile
from pathlib import Path

from desktop_app.app import main as program

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "desktop_app" / "resources" / "reference" / "general_staff_daily.csv.gz"


def build(shared: Path, out: Path = OUT) -> int:
    dataset = shared / "data" / "petroivaniuk"
    files = [dataset / "russia_losses_equipment.json", dataset / "russia_losses_personnel.json"]
    with tempfile.TemporaryDirectory() as tmp:
        archive, csv = Path(tmp) / "reference.sqlite", Path(tmp) / "reference.csv"
        for argv in (
            ["import", *map(str, files)],
            ["export", "reports", "--format", "csv", "-o", str(csv)],
        ):
            code = program(["--database", str(archive), *argv])
            if code:
                return code
        # mtime=0: the same figures give the same bytes.
        out.write_bytes(gzip.compress(csv.read_bytes(), compresslevel=9, mtime=0))
    print(f"wrote {out} ({out.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(build(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared"))
