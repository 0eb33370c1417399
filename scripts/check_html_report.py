"""Render a report.html in headless Chromium and check that its charts drew.

    python scripts/check_html_report.py RUN/report.html [--screenshot docs/report-html.png]

Needs Debian's ``chromium`` package (``apt-get install chromium``). The page's own script
counts the SVG charts whose bounding box is not empty and that hold bars, cells or dots,
and writes the count to ``<body data-charts-drawn>``; this script reads the DOM after
layout (``--dump-dom``) and compares it with the number of charts in the file. Exit 0 when
every chart drew.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("html", type=Path)
    ap.add_argument("--screenshot", type=Path)
    args = ap.parse_args()
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        print("chromium is not installed (apt-get install chromium)", file=sys.stderr)
        return 2
    url = args.html.resolve().as_uri()
    flags = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
             "--virtual-time-budget=5000"]
    dom = subprocess.run([*flags, "--dump-dom", url], capture_output=True, text=True,
                         timeout=120).stdout
    expected = args.html.read_text(encoding="utf-8").count('class="chart"')
    m = re.search(r'data-charts-drawn="(\d+)"', dom)
    drawn = int(m.group(1)) if m else 0
    print(f"{drawn} of {expected} charts drew")
    if args.screenshot:
        args.screenshot.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([*flags, "--window-size=1200,2600",
                        f"--screenshot={args.screenshot.resolve()}", url],
                       capture_output=True, timeout=120, check=True)
        print(f"screenshot: {args.screenshot}")
    return 0 if expected and drawn == expected else 1


if __name__ == "__main__":
    sys.exit(main())
