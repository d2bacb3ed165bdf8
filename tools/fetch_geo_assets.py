"""Regenerate the offline map data in ``cable_utils/assets/world_110m.json``.

plotly.js draws geo figures (``scatter_geo``, ``choropleth``) from topojson that it
normally downloads from a CDN at run time. Cable Classroom must work offline, so we
ship the one map it uses, ``world_110m``, taken from the npm package ``plotly.js``
at exactly the version that the installed plotly.py bundles.

This script is run by a developer when plotly is upgraded, never at run time.
It needs ``npm`` (to download the package from the npm registry) and ``node`` (to
evaluate ``dist/plotly-geo-assets.js``, which holds the maps as JavaScript object
literals rather than JSON).

Usage::

    python tools/fetch_geo_assets.py            # version taken from installed plotly
    python tools/fetch_geo_assets.py --version 4.1.1
    python tools/fetch_geo_assets.py --check    # verify the shipped file, no download

Afterwards update the version and checksum in ``cable_utils/assets/README.md``
(the script prints them).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
ASSET_DIR = REPO_ROOT / "cable_utils" / "assets"
MAP_NAME = "world_110m"
GEO_ASSETS_MEMBER = "package/dist/plotly-geo-assets.js"

# Evaluates the UMD bundle in a sandbox with a fake ``window`` and prints one map
# as JSON. The bundle assigns ``window.Plotly = {topojson: {...}, version}``.
_NODE_EXTRACT = r"""
const fs = require("fs");
const vm = require("vm");
const [file, name] = process.argv.slice(1);
const sandbox = { window: {} };
sandbox.self = sandbox.window;
vm.runInNewContext(fs.readFileSync(file, "utf8"), sandbox);
const assets = sandbox.window.Plotly;
if (!assets || !assets.topojson || !assets.topojson[name]) {
  console.error("map " + name + " not found in " + file);
  process.exit(2);
}
process.stdout.write(JSON.stringify({ version: assets.version, topology: assets.topojson[name] }));
"""


def installed_plotlyjs_version() -> str:
    """The plotly.js version bundled by the installed plotly.py."""
    from plotly.offline._plotlyjs_version import __plotlyjs_version__

    return str(__plotlyjs_version__)


def validate_topology(topology: object) -> None:
    """Raise ValueError unless ``topology`` looks like plotly's world topojson."""
    if not isinstance(topology, dict) or topology.get("type") != "Topology":
        raise ValueError("not a topojson Topology")
    objects = topology.get("objects")
    if not isinstance(objects, dict):
        raise ValueError("topology has no objects")
    missing = {"countries", "coastlines", "land"} - objects.keys()
    if missing:
        raise ValueError(f"topology lacks objects: {sorted(missing)}")
    if not isinstance(topology.get("arcs"), list) or not topology["arcs"]:
        raise ValueError("topology has no arcs")


def fetch(version: str, dest: Path) -> dict[str, str]:
    for tool in ("npm", "node"):
        if shutil.which(tool) is None:
            raise SystemExit(f"{tool} is required to regenerate the map data")
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        subprocess.run(
            ["npm", "pack", f"plotly.js@{version}", "--silent"],
            cwd=tmpdir,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        tarball = tmpdir / f"plotly.js-{version}.tgz"
        tarball_sha256 = hashlib.sha256(tarball.read_bytes()).hexdigest()
        with tarfile.open(tarball) as tar:
            tar.extract(GEO_ASSETS_MEMBER, tmpdir, filter="data")
        js_file = tmpdir / GEO_ASSETS_MEMBER
        result = subprocess.run(
            ["node", "-e", _NODE_EXTRACT, str(js_file), MAP_NAME],
            check=True,
            capture_output=True,
            text=True,
        )
    payload = json.loads(result.stdout)
    if payload["version"] != version:
        raise SystemExit(f"asked for plotly.js {version}, bundle says {payload['version']}")
    topology = payload["topology"]
    validate_topology(topology)
    text = json.dumps(topology, separators=(",", ":"))
    dest.write_text(text, encoding="utf-8")
    return {
        "plotly.js": version,
        "npm tarball sha256": tarball_sha256,
        "file": str(dest.relative_to(REPO_ROOT)),
        "bytes": str(len(text.encode())),
        "sha256": hashlib.sha256(text.encode()).hexdigest(),
    }


def check(dest: Path) -> dict[str, str]:
    data = dest.read_bytes()
    validate_topology(json.loads(data))
    return {
        "file": str(dest.relative_to(REPO_ROOT)),
        "bytes": str(len(data)),
        "sha256": hashlib.sha256(data).hexdigest(),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--version", help="plotly.js version (default: the one plotly bundles)")
    parser.add_argument("--check", action="store_true", help="only validate the shipped file")
    args = parser.parse_args(argv)
    dest = ASSET_DIR / f"{MAP_NAME}.json"
    if args.check:
        info = check(dest)
    else:
        ASSET_DIR.mkdir(parents=True, exist_ok=True)
        info = fetch(args.version or installed_plotlyjs_version(), dest)
    for key, value in info.items():
        print(f"{key}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
