"""Fixtures of the public site's tests."""

from html.parser import HTMLParser

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from news.public import cache as public_cache
from tests.factories.public import published_story

STORY_BODY = "<p>Kegiatan berlangsung melalui Zoom Meeting bersama seluruh UPT.</p>"


@pytest.fixture
def anonymous() -> Client:
    """A visitor who is not signed in."""
    return Client()


@pytest.fixture
def palu_public(operator_palu, palu_unit):
    """A published story of Lapas Perempuan Palu with two credited photos and two tags."""
    return published_story(
        unit=palu_unit,
        by=operator_palu,
        title="Lapas Perempuan Palu Ikuti Penguatan Kehumasan",
        lead="Jajaran Lapas Perempuan Palu mengikuti penguatan kehumasan secara daring.",
        body=STORY_BODY,
        tag_names=["kehumasan", "media sosial"],
        photos=2,
        credit="Humas Lapas Perempuan Palu",
    )


def fetch(client: Client, url: str, **extra):
    """GET a page with an empty cache; return the response and the number of queries."""
    public_cache.invalidate()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **extra)
    return response, len(queries)


def text(response) -> str:
    """The body of a response as text."""
    return response.content.decode()


VOID_ELEMENTS = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}


class _Structure(HTMLParser):
    """Open and close tags in order, and every id once."""

    def __init__(self):
        super().__init__()
        self.stack: list[str] = []
        self.ids: list[str] = []
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.ids += [value for name, value in attrs if name == "id"]
        if tag not in VOID_ELEMENTS:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes <{self.stack[-1] if self.stack else '-'}>")
            return
        self.stack.pop()


def assert_well_formed(body: str) -> None:
    """Every element closed in order, ids unique, one doctype: a basic HTML validity check."""
    parser = _Structure()
    parser.feed(body)
    parser.close()
    assert body.lstrip().startswith("<!DOCTYPE html>")
    assert parser.problems == []
    assert parser.stack == []
    duplicates = {value for value in parser.ids if parser.ids.count(value) > 1}
    assert not duplicates
