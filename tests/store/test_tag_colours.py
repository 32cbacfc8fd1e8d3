"""Tag colours are plain hex on the way in: they go into style sheets and exports."""
import pytest

from desktop.core.errors import StoreError
from desktop.core.model import Tag
from desktop.store.tags import create_tag, get_tag, update_tag


def test_short_hex_is_widened_and_other_colours_are_refused(library):
    tag_id = create_tag(Tag("Green", "#0f0"))
    assert get_tag(tag_id).color == "#00ff00"
    for bad in ("javascript:alert(1)", "red", "#12345g", "url(x)"):
        with pytest.raises(StoreError, match="not a colour"):
            create_tag(Tag("Other", bad))
        with pytest.raises(StoreError, match="not a colour"):
            update_tag(tag_id, color=bad)
    assert get_tag(tag_id).color == "#00ff00"
