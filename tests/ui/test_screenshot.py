"""`byline --screenshot` renders the analysed window to a PNG."""
import os
import subprocess
import sys

from PySide6.QtGui import QColor, QImage

from desktop.core import labels


def test_screenshot_shows_the_analysed_sample(tmp_path, sample_path):
    out = tmp_path / "shot.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "cfg"))
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--db", str(tmp_path / "lib.sqlite3"),
         "--screenshot", str(out), str(sample_path)],
        capture_output=True, text=True, env=env, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert image.width() >= 800 and image.height() >= 500
    person = QColor(labels.colour("PERSON")).rgb()
    found = any(
        image.pixel(x, y) == person for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)
    )
    assert found, "no PERSON highlight visible in the screenshot"
