"""The word diff: correct pieces, and word-level work only inside the changed paragraphs."""

import random

from hypothesis import given
from hypothesis import strategies as st

from news import diffing

WORDS = [
    "petugas",
    "lapas",
    "kanwil",
    "kegiatan",
    "pembinaan",
    "warga",
    "binaan",
    "kepala",
    "rutan",
    "humas",
]


def _old_and_new(segments):
    old = "".join(text for kind, text in segments if kind in ("equal", "delete"))
    new = "".join(text for kind, text in segments if kind in ("equal", "insert"))
    return old, new


def _long_body(rng: random.Random, size: int = 100_000) -> str:
    paragraphs, length = [], 0
    while length < size:
        paragraph = " ".join(rng.choice(WORDS) for _ in range(rng.randint(40, 90))) + "."
        paragraphs.append(paragraph)
        length += len(paragraph) + 2
    return "\n\n".join(paragraphs)[:size]


@given(
    st.lists(st.sampled_from([*WORDS, "\n\n", " "]), max_size=60),
    st.lists(st.sampled_from([*WORDS, "\n\n", " "]), max_size=60),
)
def test_the_pieces_rebuild_both_texts(old_words, new_words):
    old, new = " ".join(old_words), " ".join(new_words)
    assert _old_and_new(diffing._segments(old, new)) == (old, new)


def test_a_100000_character_body_diffs_words_only_in_changed_paragraphs(monkeypatch):
    rng = random.Random(14)
    old = _long_body(rng)
    words = old.split(" ")
    for index in (10, len(words) // 2, len(words) - 10):
        words[index] = "DIUBAH"
    new = " ".join(words)
    word_diffed = []
    word_segments = diffing._word_segments

    def spy(before, after):
        word_diffed.append(len(before) + len(after))
        return word_segments(before, after)

    monkeypatch.setattr(diffing, "_word_segments", spy)
    segments = diffing._segments(old, new)
    assert len(old) == 100_000
    assert _old_and_new(segments) == (old, new)
    assert [text for kind, text in segments if kind == "insert"] == ["DIUBAH"] * 3
    # Three changed paragraphs of at most ~700 characters each, out of 100,000.
    assert len(word_diffed) == 3
    assert sum(word_diffed) < 5_000


def test_a_huge_changed_paragraph_falls_back_to_whole_blocks(monkeypatch):
    monkeypatch.setattr(diffing, "MAX_WORD_DIFF_WORK", 100)
    old = " ".join(WORDS * 5)
    new = "awal " + " ".join(reversed(WORDS * 5)) + " akhir"
    segments = diffing._segments(old, new)
    assert _old_and_new(segments) == (old, new)
    assert [kind for kind, _text in segments] == ["delete", "insert"]


def test_unchanged_prefix_and_suffix_stay_equal_in_a_huge_paragraph(monkeypatch):
    monkeypatch.setattr(diffing, "MAX_WORD_DIFF_WORK", 100)
    old = " ".join(WORDS * 20)
    new = old.replace("warga", "WARGA", 1)
    segments = diffing._segments(old, new)
    assert _old_and_new(segments) == (old, new)
    assert segments[0][0] == "equal" and segments[-1][0] == "equal"
