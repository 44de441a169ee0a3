"""The one HTML page every printable output shares: its shell and its stylesheet.

The report, the panel and the one-page brief are each one self-contained file: inline CSS (and
inline SVG), no scripts, fonts or other files, printing cleanly on A4 and US Letter. The shell
(doctype, head, title, generator, style) is written here once, and so is the stylesheet: a core
every page shares (colours, reset, print colour), the document layout the report and the panel
share (headings, notices, tables, page numbers and running foot, print rules), and the brief's
own compact one-page layout on the same core. Every colour has its text label beside it in the
pages, so they read in greyscale.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

# Shared by every page: the colours (custom properties), the box model, exact print colours.
CORE = """
:root { --ink: #1a1a1a; --muted: #555; --rule: #bbb; --soft: #f2f2f2; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
"""

# The report's and the panel's layout: one document stylesheet for both.
DOCUMENT = """\
body { margin: 0 auto; max-width: 60rem; padding: 1.5rem; color: var(--ink); line-height: 1.4;
  font: 10.5pt/1.4 "DejaVu Sans", "Liberation Sans", "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 17pt; margin: 0.2rem 0 0.4rem; line-height: 1.2; }
h2 { font-size: 13pt; margin: 1.4rem 0 0.5rem; padding-bottom: 0.15rem;
  border-bottom: 1.5pt solid var(--ink); }
h3 { font-size: 11pt; margin: 1rem 0 0.4rem; }
p { margin: 0.35rem 0; }
.kicker { text-transform: uppercase; letter-spacing: 0.06em; font-size: 8.5pt; color: var(--muted);
  margin: 0; }
.notice { border-left: 3pt solid var(--ink); padding: 0.3rem 0.6rem; background: var(--soft); }
.muted, .legend, figcaption { color: var(--muted); font-size: 9pt; }
caption { text-align: left; padding-bottom: 0.2rem; }
dl.meta { display: flex; flex-wrap: wrap; gap: 0.1rem 1.2rem; margin: 0.4rem 0; }
dl.meta div { display: flex; gap: 0.35rem; }
dl.meta dt { font-weight: bold; }
dl.meta dd { margin: 0; }
.headline { border: 1pt solid var(--rule); padding: 0.4rem 0.7rem; font-size: 12pt; }
.headline .score { font-size: 20pt; font-weight: bold; padding: 0 0.15rem; }
.swatch { display: inline-block; width: 0.8em; height: 0.8em; margin-right: 0.3em;
  border: 0.5pt solid var(--ink); vertical-align: -0.05em; }
.badge { font-weight: bold; white-space: nowrap; }
table { width: 100%; border-collapse: collapse; margin: 0.4rem 0 0.6rem; font-size: 9pt; }
th, td { border: 0.5pt solid var(--rule); padding: 0.25rem 0.35rem; text-align: left;
  vertical-align: top; overflow-wrap: break-word; hyphens: manual; }
table.fixed { table-layout: fixed; }
td.wrap, .sources { overflow-wrap: anywhere; }
td.name { min-width: 8em; }
.sources { font-size: 8pt; color: var(--muted); margin-top: 0.2rem; }
thead th { background: var(--soft); border-bottom: 1pt solid var(--ink); }
td.num, th.num { text-align: right; white-space: nowrap; overflow-wrap: normal; }
td.nowrap, span.nowrap { white-space: nowrap; overflow-wrap: normal; }
figure { margin: 0.6rem 0; }
svg { display: block; max-width: 100%; height: auto; }
svg.minibar { width: 98px; max-width: none; }
ol.levers li, ul li { margin-bottom: 0.3rem; }
ul.inline { margin: 0; padding-left: 1rem; }
ul.inline li { margin-bottom: 0.15rem; }
.cap { border-left: 3pt solid #e08214; padding-left: 0.5rem; }
blockquote { margin: 0.35rem 0; border-left: 3pt solid var(--rule); padding-left: 0.5rem; }
.flag { font-weight: bold; }
a { color: inherit; }
footer { margin-top: 1.5rem; border-top: 0.5pt solid var(--rule); padding-top: 0.4rem; }
@page { margin: 15mm 14mm 16mm 14mm;
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font-size: 8pt;
    font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #555; }
  @bottom-left { content: "RUNNING_FOOT"; font-size: 8pt;
    font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #555; } }
@media print {
  body { max-width: none; padding: 0; font-size: 9pt; }
  table { font-size: 8.5pt; }
  h2 { margin-top: 1.1rem; }
  a { text-decoration: none; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  tr, figure, .headline, li, dl.meta, .keep, footer {
    break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; break-after: avoid; page-break-after: avoid; }
  tbody > tr:first-child { break-before: avoid; page-break-before: avoid; }
  caption { caption-side: bottom; padding: 0.2rem 0 0; }
  section.answers { break-before: page; page-break-before: always; }
}
.warning { border-left: 3pt solid #e08214; padding: 0.3rem 0.6rem; }
td.plot { width: 150px; }
td.notes { overflow-wrap: anywhere; }
tr.pooled td { font-weight: bold; }
ul.notes { margin: 0; padding-left: 0.9rem; }
ul.notes li { margin-bottom: 0.15rem; }
svg.dots { display: block; width: 140px; height: auto; }
"""

# The brief: one page, sized for the smaller of A4 and US Letter in each direction (186 × 259 mm
# of content inside 12 mm / 10 mm margins); ``paper`` only sets the size the browser prints on.
BRIEF = """\
body { margin: 0 auto; max-width: 186mm; padding: 0; color: var(--ink);
  font: 8pt/1.24 "DejaVu Sans", "Liberation Sans", "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 11.5pt; line-height: 1.2; margin: 0.1rem 0 0.25rem; overflow-wrap: anywhere; }
h2 { font-size: 8.6pt; margin: 0.35rem 0 0.12rem; padding-bottom: 0.05rem;
  border-bottom: 0.8pt solid var(--ink); text-transform: uppercase; letter-spacing: 0.03em; }
p { margin: 0.12rem 0; }
ul, ol { margin: 0.1rem 0; padding-left: 1.05rem; }
li { margin-bottom: 0.12rem; }
.kicker { text-transform: uppercase; letter-spacing: 0.06em; font-size: 7pt; color: var(--muted);
  margin: 0; }
.hypo { display: inline-block; border: 1pt solid var(--ink); padding: 0 0.3rem; font-weight: bold;
  color: var(--ink); text-transform: none; letter-spacing: 0; margin-left: 0.4rem; }
dl.meta { display: flex; flex-wrap: wrap; gap: 0 0.9rem; margin: 0.1rem 0 0.2rem; }
dl.meta div { display: flex; gap: 0.25rem; }
dl.meta dt { font-weight: bold; }
dl.meta dd { margin: 0; overflow-wrap: anywhere; }
.headline { border: 1pt solid var(--rule); padding: 0.15rem 0.5rem; font-size: 9.5pt;
  margin: 0.15rem 0; }
.headline strong { font-size: 10.5pt; }
.swatch { display: inline-block; width: 0.8em; height: 0.8em; margin-right: 0.3em;
  border: 0.5pt solid var(--ink); vertical-align: -0.05em; }
.muted { color: var(--muted); }
.small { font-size: 7pt; line-height: 1.22; }
.cols { display: grid; grid-template-columns: 60% 38%; column-gap: 2%; }
.cols > div { min-width: 0; overflow-wrap: anywhere; }
table.chart { border-collapse: collapse; width: 100%; font-size: 7.5pt; }
table.chart td { padding: 0.05rem 0.15rem; vertical-align: middle;
  border-bottom: 0.4pt solid #ddd; }
table.chart td.value { text-align: right; white-space: nowrap; }
table.chart td.bar { width: 70px; }
table.chart td.gap { width: 4%; border: none; }
svg.bar { display: block; width: 68px; height: 10px; }
.kind { color: var(--muted); font-size: 6.8pt; }
table.risks { border-collapse: collapse; width: 100%; table-layout: fixed; font-size: 7.5pt;
  margin-top: 0.15rem; }
table.risks th, table.risks td { border: 0.4pt solid var(--rule); padding: 0.08rem 0.25rem;
  text-align: left; vertical-align: top; overflow-wrap: anywhere; }
table.risks th { background: var(--soft); }
.caveats { margin-top: 0.2rem; }
footer { margin-top: 0.25rem; border-top: 0.5pt solid var(--rule); padding-top: 0.15rem; }
@page { size: PAPER; margin: 10mm 12mm; }
@media print { body { max-width: none; } }
"""

Layout = Literal["document", "brief"]

# The colours of bands (lowest to highest), risk bands and factor kinds, with a grey for none.
BAND_COLOURS = ("#b2182b", "#e08214", "#2c7fb8", "#1a9850")
RISK_COLOURS = {"high": "#b2182b", "medium": "#e08214", "low": "#1a9850"}
KIND_COLOURS = {"core": "#1f3b73", "secondary": "#5b7db8", "red_flag": "#8c1c13"}
NO_COLOUR = "#888888"


def band_colour(band_ids: Sequence[str], band_id: str | None) -> str:
    """A band's colour by its rank among the framework's bands, spread over the palette."""
    if band_id is None or band_id not in band_ids:
        return NO_COLOUR
    rank = list(band_ids).index(band_id)
    return BAND_COLOURS[round(rank * (len(BAND_COLOURS) - 1) / max(len(band_ids) - 1, 1))]


def swatch(colour: str) -> str:
    """A small square of colour, beside the text that says the same thing."""
    return f'<span class="swatch" style="background:{colour}" aria-hidden="true"></span>'


def stylesheet(layout: Layout, *, running_foot: str = "", paper: str = "A4") -> str:
    """The stylesheet of one page: the core, then its layout (``running_foot``: the document's
    line at the foot of every printed page; ``paper``: the size the brief prints on)."""
    if layout == "brief":
        return CORE + BRIEF.replace("PAPER", paper)
    return CORE + DOCUMENT.replace("RUNNING_FOOT", running_foot)


def page(title: str, style: str, body: list[str], *, generator: str) -> str:
    """A whole HTML document: ``title`` and ``generator`` already escaped, ``body`` its lines."""
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f'<meta name="generator" content="{generator}">',
            f"<title>{title}</title>",
            f"<style>{style}</style>",
            "</head>",
            "<body>",
            *body,
            "</body>\n</html>\n",
        ]
    )
