"""The evaluation set: every labelled block is found, 90% of all labels, few false alarms."""

import sys

from .eval_set import build_all as build
from .evaluate import evaluate, report


def test_the_set_is_large_varied_and_a_third_clean():
    stories = build()
    assert len(stories) >= 150
    assert len({(s.story.title, s.story.lead, s.story.body) for s in stories}) == len(stories)
    clean = sum(1 for s in stories if not s.labels)
    assert 0.28 <= clean / len(stories) <= 0.4


def test_recall_and_false_alarms(capsys):
    figures = evaluate()
    with capsys.disabled():
        sys.stdout.write("\n" + report(figures) + "\n")
    assert figures.recall(figures.block_codes() | {"privacy.nik", "privacy.kk"}) == 1.0
    assert figures.recall() >= 0.9, figures.misses
    assert len(figures.clean_with_warn) <= 0.05 * figures.clean, figures.clean_with_warn
