"""Smoke test of the built program: ``python packaging/smoke_test.py dist/byline``.

Proves the one-folder build stands alone: it copies the bundle into a
temporary folder and runs it there, from a working directory outside the
repository, with a clean environment (no PYTHONPATH, no VIRTUAL_ENV, no
virtual environment on PATH, a throw-away HOME), on Qt's offscreen platform.

1. ``byline --version`` prints the version in pyproject.toml.
2. ``byline --db TMP --screenshot OUT.png`` opens an empty library, which
   imports the bundled sample from ``seeds/``, analyses it with the bundled
   spaCy pipeline, and saves the window: the PNG must be window-sized and
   show the PERSON highlight colour.
3. ``byline analyze SAMPLE`` prints the JSON export: it must hold a PERSON
   entity "Putin" whose offsets cut exactly that word out of article.text.
4. The same for the sample as HTML, Markdown and Word files, made here:
   their importers (trafilatura, markdown-it, python-docx) need data files
   that import tracing does not see, so this proves the bundle has them.

Plain Python (standard library only); exits non-zero on the first failure.
``--keep-screenshot PNG`` keeps a copy of the picture to look at.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import tomllib
import zlib
from html import escape
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "seeds" / "2022-02-08-putin-macron-moscow.txt"
PERSON_COLOUR = (0xAA, 0x9C, 0xFC)  # desktop/core/labels.py
TIMEOUT_S = 600
MIN_PERSON_PIXELS = 1000  # a few highlighted names; docs/screenshot.png has ~8,800


class Failure(Exception):
    pass


def check(condition: bool, message: str) -> None:
    if not condition:
        raise Failure(message)


# -- the environment -----------------------------------------------------------

def clean_env(home: Path) -> dict[str, str]:
    """The caller's environment without any trace of Python or a venv."""
    env = {
        key: value for key, value in os.environ.items()
        if not key.startswith(("PYTHON", "VIRTUAL_ENV", "CONDA", "BYLINE_", "QT_", "PYENV"))
    }
    path = [
        part for part in env.get("PATH", "").split(os.pathsep)
        if part and ".venv" not in part and "pyenv" not in part
        and not Path(part).resolve().is_relative_to(REPO)
    ]
    env["PATH"] = os.pathsep.join(path or ["/usr/bin", "/bin"])
    env["HOME"] = str(home)  # Qt settings and platformdirs land here, not in the user's files
    for key, sub in (("XDG_CONFIG_HOME", ".config"), ("XDG_DATA_HOME", ".local/share"),
                     ("XDG_CACHE_HOME", ".cache"), ("XDG_RUNTIME_DIR", "run")):
        (home / sub).mkdir(parents=True, exist_ok=True, mode=0o700)
        env[key] = str(home / sub)
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def run(
    program: Path, args: list[str], cwd: Path, env: dict[str, str]
) -> subprocess.CompletedProcess:
    started = time.monotonic()
    result = subprocess.run([str(program), *args], cwd=cwd, env=env, capture_output=True,
                            text=True, timeout=TIMEOUT_S)
    print(f"  byline {' '.join(args)} -> exit {result.returncode} "
          f"in {time.monotonic() - started:.1f}s")
    if result.returncode != 0:
        sys.stderr.write(result.stderr[-4000:])
    return result


# -- reading a PNG without third-party packages -------------------------------

def read_png(path: Path) -> tuple[int, int, int, bytes]:
    """Width, height, bytes per pixel and the unfiltered rows of an 8-bit RGB(A) PNG."""
    data = path.read_bytes()
    check(data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG")
    pos, idat, header = 8, bytearray(), None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", chunk)
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    check(header is not None, f"{path} has no IHDR chunk")
    width, height, depth, colour_type, _, _, interlace = header
    check(depth == 8 and colour_type in (2, 6) and interlace == 0,
          f"{path}: unexpected PNG format (depth {depth}, colour type {colour_type})")
    bpp = 3 if colour_type == 2 else 4
    return width, height, bpp, _unfilter(zlib.decompress(bytes(idat)), width, height, bpp)


def _unfilter(raw: bytes, width: int, height: int, bpp: int) -> bytes:
    stride = width * bpp
    out = bytearray(height * stride)
    previous = bytearray(stride)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        if kind == 1:
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 0xFF
        elif kind == 2:
            line = bytearray((a + b) & 0xFF for a, b in zip(line, previous, strict=True))
        elif kind == 3:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((left + previous[i]) >> 1)) & 0xFF
        elif kind == 4:
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                b, c = previous[i], previous[i - bpp] if i >= bpp else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + pred) & 0xFF
        out[y * stride:(y + 1) * stride] = line
        previous = line
    return bytes(out)


def count_colour(
    path: Path, colour: tuple[int, int, int], tolerance: int = 6
) -> tuple[int, int, int]:
    """Width, height and how many pixels are within ``tolerance`` of ``colour``."""
    width, height, bpp, pixels = read_png(path)
    r, g, b = colour
    count = 0
    for i in range(0, len(pixels), bpp):
        if (abs(pixels[i] - r) <= tolerance and abs(pixels[i + 1] - g) <= tolerance
                and abs(pixels[i + 2] - b) <= tolerance):
            count += 1
    return width, height, count


# -- the checks ----------------------------------------------------------------

def check_version(program: Path, cwd: Path, env: dict[str, str]) -> None:
    expected = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["version"]
    result = run(program, ["--version"], cwd, env)
    check(result.returncode == 0, "byline --version failed")
    check(result.stdout.strip() == f"Byline {expected}",
          f"byline --version printed {result.stdout.strip()!r}, expected 'Byline {expected}'")


def check_screenshot(
    program: Path, cwd: Path, env: dict[str, str], keep: Path | None = None
) -> None:
    shot = cwd / "shot.png"
    result = run(program, ["--db", str(cwd / "gui.sqlite3"), "--screenshot", str(shot)], cwd, env)
    check(result.returncode == 0, "byline --screenshot failed")
    check(shot.is_file(), f"no screenshot at {shot}")
    if keep is not None:
        shutil.copyfile(shot, keep)
    size = shot.stat().st_size
    check(size > 30_000, f"the screenshot is suspiciously small ({size} bytes)")
    width, height, person = count_colour(shot, PERSON_COLOUR)
    print(f"  screenshot {width}x{height}, {size} bytes, {person} pixels of PERSON #aa9cfc")
    check(width >= 800 and height >= 500, f"the screenshot is only {width}x{height}")
    check(person >= MIN_PERSON_PIXELS,
          f"only {person} pixels of the PERSON colour: the analysed sample is not shown")


def analyze(program: Path, sample: Path, cwd: Path, env: dict[str, str]) -> dict:
    """Run ``byline analyze`` on one file and check its JSON export."""
    db = cwd / f"{sample.stem}-{sample.suffix[1:]}.sqlite3"
    result = run(program, ["analyze", "--db", str(db), str(sample)], cwd, env)
    check(result.returncode == 0, f"byline analyze {sample.name} failed")
    try:
        export = json.loads(result.stdout)
    except json.JSONDecodeError as exc:
        raise Failure(f"byline analyze {sample.name} did not print JSON: {exc}") from exc
    check(export.get("format") == "byline-article", "the JSON is not a byline-article export")
    text = export["article"]["text"]
    putin = [e for e in export["entities"] if e["label"] == "PERSON" and e["text"] == "Putin"]
    check(bool(putin), f"no PERSON entity 'Putin' in the JSON export of {sample.name}")
    for entity in export["entities"]:
        check(text[entity["start"]:entity["end"]] == entity["text"],
              f"entity offsets do not cut {entity['text']!r} out of article.text")
    print(f"    {len(export['entities'])} entities, {len(putin)} × PERSON 'Putin', "
          f"{len(export.get('quotes', []))} quotes, model {export['model']['name']}")
    return export


def check_analyze(program: Path, cwd: Path, env: dict[str, str]) -> None:
    sample = cwd / SAMPLE.name
    shutil.copyfile(SAMPLE, sample)
    analyze(program, sample, cwd, env)


def sample_paragraphs() -> list[str]:
    text = SAMPLE.read_text(encoding="utf-8").strip()
    text = re.sub(r"^date \d{4}-\d{2}-\d{2}\s+", "", text)  # the sample's date header
    return [line.strip() for line in text.splitlines() if line.strip()]


TITLE = "Putin and Macron meet in Moscow"


def write_html(path: Path, paragraphs: list[str]) -> None:
    body = "".join(f"<p>{escape(p)}</p>\n" for p in paragraphs)
    path.write_text(f"<!DOCTYPE html>\n<html><head><meta charset='utf-8'><title>{TITLE}</title>"
                    f"</head><body><article><h1>{TITLE}</h1>\n{body}</article></body></html>\n",
                    encoding="utf-8")


def write_markdown(path: Path, paragraphs: list[str]) -> None:
    path.write_text(f"# {TITLE}\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")


def write_docx(path: Path, paragraphs: list[str]) -> None:
    """A minimal Word document: the three parts python-docx needs."""
    import zipfile

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    body = "".join(f"<w:p><w:r><w:t xml:space='preserve'>{xml_escape(p)}</w:t></w:r></w:p>"
                   for p in [TITLE, *paragraphs])
    parts = {
        "[Content_Types].xml":
            "<?xml version='1.0' encoding='UTF-8'?><Types xmlns="
            "'http://schemas.openxmlformats.org/package/2006/content-types'>"
            "<Default Extension='rels' ContentType="
            "'application/vnd.openxmlformats-package.relationships+xml'/>"
            "<Default Extension='xml' ContentType='application/xml'/>"
            "<Override PartName='/word/document.xml' ContentType='application/"
            "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml'/></Types>",
        "_rels/.rels":
            "<?xml version='1.0' encoding='UTF-8'?><Relationships xmlns="
            "'http://schemas.openxmlformats.org/package/2006/relationships'>"
            "<Relationship Id='rId1' Type='http://schemas.openxmlformats.org/officeDocument/"
            "2006/relationships/officeDocument' Target='word/document.xml'/></Relationships>",
        "word/document.xml":
            f"<?xml version='1.0' encoding='UTF-8'?><w:document xmlns:w='{w}'>"
            f"<w:body>{body}</w:body></w:document>",
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)


def check_formats(program: Path, cwd: Path, env: dict[str, str]) -> None:
    paragraphs = sample_paragraphs()
    for suffix, write in ((".html", write_html), (".md", write_markdown), (".docx", write_docx)):
        sample = cwd / f"sample{suffix}"
        write(sample, paragraphs)
        analyze(program, sample, cwd, env)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="Smoke test of the built program.")
    parser.add_argument("dist", type=Path, help="the one-folder build, e.g. dist/byline")
    parser.add_argument("--keep-screenshot", type=Path, metavar="PNG",
                        help="also copy the screenshot here, to look at it")
    args = parser.parse_args(argv)
    dist = args.dist.resolve()
    if not (dist / "byline").is_file():
        print(f"smoke test: no program at {dist / 'byline'}; run 'make package' first.",
              file=sys.stderr)
        return 2
    keep = args.keep_screenshot.resolve() if args.keep_screenshot else None
    with tempfile.TemporaryDirectory(prefix="byline-smoke-") as tmp:
        root = Path(tmp)
        bundle = root / "byline"
        shutil.copytree(dist, bundle, symlinks=True)
        work, home = root / "work", root / "home"
        work.mkdir()
        home.mkdir()
        env = clean_env(home)
        program = bundle / "byline"
        print(f"smoke test: {program} (a copy of {dist}), run from {work}")
        try:
            check_version(program, work, env)
            check_analyze(program, work, env)
            check_formats(program, work, env)
            check_screenshot(program, work, env, keep)
        except (Failure, subprocess.TimeoutExpired) as exc:
            print(f"smoke test FAILED: {exc}", file=sys.stderr)
            return 1
    print("smoke test passed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
