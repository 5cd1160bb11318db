"""Confusion figures of the editorial checks on the evaluation set.

Run: DJANGO_SETTINGS_MODULE=humas_portal.settings_test python -m tests.news.checks.evaluate
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, field

from news.checks import BLOCK, WARN, check_story

from .eval_data import EvalStory
from .eval_set import build_all as build


@dataclass
class Figures:
    """Per-code true positives, misses and false alarms, and the clean-story rate."""

    tp: Counter = field(default_factory=Counter)
    fn: Counter = field(default_factory=Counter)
    fp: Counter = field(default_factory=Counter)
    severity: dict = field(default_factory=dict)
    stories: int = 0
    clean: int = 0
    clean_with_warn: list = field(default_factory=list)
    misses: list = field(default_factory=list)

    def recall(self, codes=None) -> float:
        """Found labels over all labels (of the given codes)."""
        keys = codes if codes is not None else set(self.tp) | set(self.fn)
        found = sum(self.tp[c] for c in keys)
        total = found + sum(self.fn[c] for c in keys)
        return found / total if total else 1.0

    def block_codes(self) -> set[str]:
        return {code for code, level in self.severity.items() if level == BLOCK}


def evaluate(stories: list[EvalStory] | None = None) -> Figures:
    """Run every check on every story and count."""
    figures = Figures()
    for item in stories if stories is not None else build():
        findings = check_story(item.story, item.context)
        found = {f.code for f in findings}
        for finding in findings:
            figures.severity.setdefault(finding.code, finding.severity)
        figures.stories += 1
        for code in item.labels:
            if code in found:
                figures.tp[code] += 1
            else:
                figures.fn[code] += 1
                figures.misses.append((item.name, code))
        for code in found - item.labels:
            if figures.severity[code] in (BLOCK, WARN):
                figures.fp[code] += 1
        if not item.labels:
            figures.clean += 1
            if any(f.severity in (BLOCK, WARN) for f in findings):
                figures.clean_with_warn.append(item.name)
    return figures


def report(figures: Figures) -> str:
    """The figures as a small table."""
    codes = sorted(set(figures.tp) | set(figures.fn) | set(figures.fp))
    lines = [f"{'code':28} {'sev':5} {'TP':>4} {'FN':>4} {'FP':>4}"]
    for code in codes:
        level = figures.severity.get(code, "?")
        lines.append(
            f"{code:28} {level:5} {figures.tp[code]:4} {figures.fn[code]:4} {figures.fp[code]:4}"
        )
    block = figures.block_codes()
    lines += [
        f"stories: {figures.stories}, clean: {figures.clean}",
        f"recall overall: {figures.recall():.1%}, block-level: {figures.recall(block):.1%}",
        f"clean stories with a warn or block finding: {len(figures.clean_with_warn)} "
        f"({len(figures.clean_with_warn) / max(figures.clean, 1):.1%})",
        f"false alarms (warn/block) on labelled stories: {sum(figures.fp.values())}",
    ]
    return "\n".join(lines)


def main() -> None:
    import django

    django.setup()
    sys.stdout.write(report(evaluate()) + "\n")


if __name__ == "__main__":
    main()
