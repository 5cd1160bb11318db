"""Project-wide views: the site icon."""

from django.test import Client
from django.urls import reverse


def test_favicon_is_served_at_the_address_browsers_ask_for():
    response = Client().get("/favicon.ico")

    assert reverse("favicon") == "/favicon.ico"
    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    assert b"".join(response.streaming_content)[:4] == b"\x00\x00\x01\x00"
    assert "max-age" in response["Cache-Control"]


def test_favicon_is_read_only():
    assert Client().post("/favicon.ico").status_code == 405
