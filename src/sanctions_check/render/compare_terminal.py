"""`compare` in a terminal: a factor table, then what changed and why."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sanctions_check.render.compare_view import AnswerSide, ComparisonReport
from sanctions_check.render.console import paragraph, text
from sanctions_check.render.wording import common
from sanctions_check.render.wording import compare as words

if TYPE_CHECKING:
    from rich.console import Console


def answer_line(side: AnswerSide) -> str:
    return words.answer_line(side.score_text, side.confidence, side.note)


class CompareTerminal:
    def draw(self, view: ComparisonReport, console: Console) -> None:
        from rich import box
        from rich.table import Table

        old, new = view.old, view.new
        paragraph(console, view.heading, "bold", indent=0)
        paragraph(console, f"old: {view.old_who}")
        paragraph(console, f"new: {view.new_who}")
        for warning in view.warnings:
            paragraph(console, words.note(warning), "yellow", indent=0)
        if view.summary:
            paragraph(console, view.summary, "bold", indent=0)
        grid = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
        grid.add_column("Factor", overflow="fold")
        grid.add_column("Old", overflow="fold")
        grid.add_column("New", overflow="fold")
        grid.add_column("Change", justify="right", no_wrap=True)
        grid.add_row(
            text(common.OUTLOOK_NAME, "bold"),
            text(old.text),
            text(new.text),
            text(view.outlook_delta_text, "bold"),
        )
        for f in view.factors:
            grid.add_row(
                text(words.factor_name(f.name, f.kind_label)),
                text(f.old_text),
                text(f.new_text),
                text(f.delta_text),
            )
        console.print(grid)
        paragraph(console, view.limits_text, indent=0)
        if view.flags_text:
            paragraph(console, view.flags_text, indent=0)
        if view.judgement is not None:
            paragraph(console, view.judgement.text, indent=0)
            for line in view.judgement.reasons:
                paragraph(console, line, indent=4)
        if view.placement is not None:
            paragraph(console, view.placement.text, indent=0)
            paragraph(console, view.placement.caveat, indent=4)
        console.print()
        console.print(text(words.answers_heading(len(view.answers)), "bold underline"))
        for a in view.answers:
            paragraph(console, f"{a.factor_name}: {a.question}", "bold", first="• ")
            paragraph(console, f"old: {answer_line(a.old)}", indent=4)
            paragraph(console, f"new: {answer_line(a.new)}", indent=4)
        if not view.answers:
            paragraph(console, words.NONE_LISTED)
        console.print()
        console.print(text(words.risks_heading(len(view.risks)), "bold underline"))
        for r in view.risks:
            paragraph(console, r.text, first="• ")
        if not view.risks:
            paragraph(console, words.NONE_LISTED)
        console.print()
        paragraph(console, view.closing, "dim", indent=0)
