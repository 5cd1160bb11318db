"""The operator documents agree: the reverse proxy never serves MEDIA_ROOT directly."""

import re
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parent.parent
DOCUMENTS = ("README.md", ".env.example", "docs/operations.md", "docs/architecture.md")
# What the README and .env.example used to say, which would expose private files.
PROXY_SERVES_MEDIA = re.compile(
    r"proxy serves (it|them|MEDIA_ROOT)|serves them from `?MEDIA_ROOT|location\s+/media/\s*\{",
    re.IGNORECASE,
)


@pytest.mark.parametrize("name", DOCUMENTS)
def test_no_document_tells_the_proxy_to_serve_media(name):
    text = (BASE_DIR / name).read_text(encoding="utf-8")
    assert not PROXY_SERVES_MEDIA.search(text)


@pytest.mark.parametrize("name", ["README.md", ".env.example", "docs/operations.md"])
def test_each_operator_document_says_never(name):
    text = " ".join((BASE_DIR / name).read_text(encoding="utf-8").split())
    assert re.search(r"never (be )?serve|never served|no `?/media/`? location", text, re.I)


def test_the_trusted_proxy_count_is_documented_next_to_the_nginx_block():
    operations = (BASE_DIR / "docs/operations.md").read_text(encoding="utf-8")
    nginx = operations.index("### nginx")
    assert "TRUSTED_PROXY_COUNT=1" in operations[nginx : nginx + 3000]
    assert "TRUSTED_PROXY_COUNT" in (BASE_DIR / ".env.example").read_text(encoding="utf-8")
