import pytest

from desktop.core.errors import InputError
from desktop.core.text import sha256
from desktop.formats.text import article_from_text, read_file


def test_sample_header_becomes_the_date(sample_path):
    (article,) = read_file(sample_path)
    assert article.date == "2022-02-08"
    assert article.text.startswith("Emerging from a five-hour meeting")
    assert article.title.startswith("Emerging from a five-hour meeting")
    assert article.sha256 == sha256(article.text)
    assert "\r" not in article.text


def test_plain_text_without_header():
    article = article_from_text("Plain report. More text.\r\nSecond paragraph.")
    assert article.date is None
    assert article.text == "Plain report. More text.\nSecond paragraph."
    assert article.title == "Plain report"


def test_missing_and_folder_paths_are_refused(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        read_file(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="folder"):
        read_file(tmp_path)


def test_header_only_file_has_no_text(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(" date 2022-01-01   \n\n")
    with pytest.raises(InputError, match="no text"):
        read_file(path)
