"""A panel as GitHub-flavoured Markdown, for a memo or a ticket before the panel meets.

Every string from a case file goes through ``textsafe.md_text`` or ``textsafe.md_cell``, so an
analyst's name or note holding ``<script>``, ``|`` or ``*emphasis*`` stays literal text.
"""

from __future__ import annotations

from sanctions_check import textsafe
from sanctions_check.render.panel_view import PanelView, QuestionView
from sanctions_check.render.wording import common
from sanctions_check.render.wording import judgement as judgement_words
from sanctions_check.render.wording import panel as words
from sanctions_check.render.wording import placement as placement_words

_text = textsafe.md_line
_cell = textsafe.md_cell_or_dash


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _answers(q: QuestionView) -> list[str]:
    return [_cell(cell) for cell in q.cells]


def _judgements(view: PanelView) -> list[str]:
    """Each analyst's own judgement beside their outlook, and the spread; none pooled."""
    if view.judgements is None:
        return []
    lines = ["", f"## {_text(judgement_words.PANEL_HEADING)}", ""]
    for a in view.analysts if view.judgements.any_given else ():
        given = a.judgement
        if given is None:
            continue
        line = f"{a.key}. **{_text(a.name)}**: {_text(given.text)}"
        if given.reason:
            line += f". {_text(given.reason)}"
        if given.differs_text:
            line += f" *{_text(given.differs_text)}*"
        lines.append(line)
    lines += ["", _text(view.judgements.text)]
    if view.judgements.any_given:
        lines += ["", f"*{_text(view.judgements.note)}*"]
    return lines


def _placement(view: PanelView) -> list[str]:
    """The pooled outlook among the coded past episodes, with its caveat."""
    placed = view.placement
    if placed is None:
        return []
    lines = ["", f"## {_text(placement_words.PANEL_HEADING)}", "", _text(placed.text)]
    if placed.outlooks_text:
        lines += ["", _text(placed.outlooks_text)]
    notes = (placed.library_text, placed.left_out_text, placed.nearest_rule, placed.caveat)
    return [*lines, "", f"*{_text(' '.join(n for n in notes if n))}*"]


class PanelMarkdown:
    def text(self, view: PanelView) -> str:
        keys = list(view.keys)
        lines = [f"# {_text(view.title)}", ""]
        lines.append(_text(view.case_line))
        if view.case.hypothetical:
            lines += ["", f"> {_text(words.PANEL_HYPOTHETICAL)}"]
        lines += [f"- **{_text(words.panel_warning(w))}**" for w in view.warnings]
        lines += [
            "",
            f"## {common.OUTLOOK_NAME}",
            "",
            _row(
                [
                    "#",
                    words.PANEL_ANALYST_HEADING,
                    words.PANEL_FILE_HEADING,
                    common.OUTLOOK_NAME,
                ]
            ),
            "|---|---|---|---|",
            _row(["", f"**{words.PANEL_POOLED}**", "–", f"**{_cell(view.pooled.outlook.text)}**"]),
        ]
        lines += [
            _row([a.key, _cell(a.name), _cell(a.file), _cell(a.outlook.text)])
            for a in view.analysts
        ]
        lines += ["", _text(view.agreement.text)]
        lines += _judgements(view)
        lines += _placement(view)
        head = [words.PANEL_MEDIAN_HEADING, words.PANEL_RANGE_HEADING]
        disagreements = view.disagreeing
        lines += ["", f"## {_text(words.PANEL_DISCUSS)} ({len(disagreements)})", ""]
        if disagreements:
            lines.append(
                _row(
                    [
                        words.PANEL_RANK_HEADING,
                        words.PANEL_QUESTION_HEADING,
                        *keys,
                        *head,
                        words.PANEL_IMPACT_HEADING,
                    ]
                )
            )
            lines.append("|---:|---|" + "---:|" * (len(keys) + 2) + "---|")
            for rank, q in enumerate(disagreements, 1):
                lines.append(
                    _row(
                        [
                            str(rank),
                            _cell(q.heading),
                            *_answers(q),
                            _cell(q.median_text),
                            _cell(q.range_text),
                            _cell(q.impact_text),
                        ]
                    )
                )
            lines += ["", _text(words.PANEL_IMPACT_LEGEND)]
        else:
            lines.append(_text(words.PANEL_NO_DISAGREEMENT))
        lines += ["", f"## {_text(words.PANEL_ALL_HEADING)}"]
        for rows in view.factors:
            first = rows[0]
            lines += [
                "",
                f"### {_text(first.factor_name)} ({_text(first.kind_label)})",
                "",
                _row([words.PANEL_QUESTION_HEADING, *keys, *head, words.PANEL_NOT_SCORED_HEADING]),
                "|---|" + "---:|" * (len(keys) + 2) + "---|",
            ]
            lines += [
                _row(
                    [
                        _cell(q.question),
                        *_answers(q),
                        _cell(q.median_text),
                        _cell(q.range_text),
                        _cell(q.counts_text),
                    ]
                )
                for q in rows
            ]
            # Notes follow their factor's table (a note in a table cell would be unreadable).
            for noted in (q for q in rows if q.notes):
                lines += ["", f"{words.PANEL_NOTES_HEADING}: *{_text(noted.question)}*", ""]
                lines += [
                    f"- **{_text(n.analyst)} {_text(n.name)}:** {_text(n.text)}"
                    for n in noted.notes
                ]
        lines += ["", _text(words.PANEL_ANSWER_LEGEND)]
        if view.risks:
            lines += [
                "",
                f"## {_text(words.PANEL_RISKS_HEADING)}",
                "",
                _row([words.PANEL_RISK_HEADING, *keys, words.PANEL_POOLED_HEADING]),
                "|---|" + "---:|" * len(keys) + "---|",
            ]
            lines += [
                _row([_cell(r.name), *(_cell(c) for c in r.cells), _cell(r.pooled_text)])
                for r in view.risks
            ]
            lines += ["", _text(words.PANEL_RISK_LEGEND)]
        if view.risks_open_text:
            lines += ["", _text(view.risks_open_text)]
        lines += ["", _text(view.method.text), "", f"*{_text(view.advisory)}*"]
        return "\n".join(lines) + "\n"
