"""displaCy-style HTML of a text with its entities highlighted and its quotes underlined (by offsets)."""

from __future__ import annotations

import html

import pandas as pd

__all__ = ["HTML_COLOURS", "render_html"]

#: Highlight colours by label (displaCy's palette family).
HTML_COLOURS: dict[str, str] = {"PER": "#aa9cfc", "LOC": "#ff9561", "ORG": "#7aecec", "MISC": "#e4e7d2"}


def render_html(text: str, entities: pd.DataFrame, quotes: pd.DataFrame | None = None) -> str:
    """displaCy-style HTML: entities highlighted by label, quotes underlined, by offsets into ``text``.

    Args:
        text (str): The raw text the offsets index.
        entities (pandas.DataFrame): Mentions (``start, end, label``; ``canonical`` shown on hover).
        quotes (pandas.DataFrame | None): Quotes (``start, end``; ``speaker, kind`` shown on hover).

    Returns:
        str: An HTML fragment (line breaks kept, everything escaped).
    """
    events: list[tuple[int, int, str]] = []  # (offset, order, html)
    for r in entities.itertuples(index=False):
        colour = HTML_COLOURS.get(r.label, "#ddd")
        title = html.escape(str(getattr(r, "canonical", r.text)), quote=True)
        events.append(
            (
                int(r.start),
                3,
                f'<mark title="{title}" style="background:{colour};padding:0.1em '
                f'0.3em;border-radius:0.3em;line-height:2">',
            )
        )
        events.append(
            (int(r.end), 0, f'<span style="font-size:0.7em;font-weight:bold;margin-left:0.3em">{r.label}</span></mark>')
        )
    if quotes is not None:
        for q in quotes.itertuples(index=False):
            title = html.escape(f"{q.kind} — {q.speaker} ({q.verb})", quote=True)
            events.append((int(q.start), 2, f'<span title="{title}" style="border-bottom:3px solid #d35400">'))
            events.append((int(q.end), 1, "</span>"))
    events.sort(key=lambda e: (e[0], e[1]))
    parts, pos = [], 0
    for off, _, tag in events:
        parts.append(html.escape(text[pos:off]))
        parts.append(tag)
        pos = off
    parts.append(html.escape(text[pos:]))
    body = "".join(parts).replace("\n", "<br>\n")
    return f'<div style="font-family:sans-serif;line-height:1.9;max-width:60em">{body}</div>'
