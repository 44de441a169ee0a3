"""`compare` as GitHub-flavoured Markdown: the same changes as the terminal table, case text
made literal (``textsafe.md_line``, ``md_cell``)."""

from __future__ import annotations

from sanctions_check import textsafe
from sanctions_check.render.compare_terminal import answer_line
from sanctions_check.render.compare_view import ComparisonReport
from sanctions_check.render.wording import common
from sanctions_check.render.wording import compare as words

_md = textsafe.md_line
_cell = textsafe.md_cell_or_dash


class CompareMarkdown:
    def text(self, view: ComparisonReport) -> str:
        old, new = view.old, view.new
        lines = [
            f"## {words.markdown_heading(_md(new.title))}",
            "",
            f"- Old: {_md(view.old_who)}",
            f"- New: {_md(view.new_who)}",
        ]
        lines += [f"- **Note:** {_md(w)}" for w in view.warnings]
        if view.summary:
            lines += ["", f"**{_md(view.summary)}**"]
        lines += [
            "",
            "| Factor | Old | New | Change |",
            "|---|---|---|---:|",
            f"| **{common.OUTLOOK_NAME}** | {_cell(old.text)} | {_cell(new.text)} "
            f"| **{_cell(view.outlook_delta_text)}** |",
        ]
        lines += [
            f"| {_cell(f.name)} ({_cell(f.kind_label)}) | {_cell(f.old_text)} "
            f"| {_cell(f.new_text)} | {_cell(f.delta_text)} |"
            for f in view.factors
        ]
        lines += ["", _md(view.limits_text)]
        if view.flags_text:
            lines += ["", _md(view.flags_text)]
        if view.judgement is not None:
            lines += ["", _md(view.judgement.text)]
            if view.judgement.reasons:
                lines += ["", *(f"- {_md(line)}" for line in view.judgement.reasons)]
        if view.placement is not None:
            lines += ["", _md(view.placement.text), "", f"*{_md(view.placement.caveat)}*"]
        lines += ["", f"### {words.answers_heading(len(view.answers))}", ""]
        if view.answers:
            lines += ["| Factor | Question | Old | New |", "|---|---|---|---|"]
            lines += [
                f"| {_cell(a.factor_name)} | {_cell(a.question)} | "
                f"{_cell(answer_line(a.old))} | {_cell(answer_line(a.new))} |"
                for a in view.answers
            ]
        else:
            lines.append(words.NONE_LISTED_MD)
        lines += ["", f"### {words.risks_heading(len(view.risks))}", ""]
        if view.risks:
            lines += ["| Risk | Change |", "|---|---|"]
            lines += [f"| {_cell(r.name)} | {_cell(r.text)} |" for r in view.risks]
        else:
            lines.append(words.NONE_LISTED_MD)
        fw = view.method.framework
        lines += [
            "",
            f"{words.method(_md(fw.id), _md(fw.version))} "
            f"{_md(common.OUTLOOK_EXPLAINED)} {_md(common.NEUTRAL_RULE)}",
        ]
        return "\n".join(lines) + "\n"
