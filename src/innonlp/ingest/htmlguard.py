"""Bounds on HTML before it reaches a tree parser: nesting depth measured in one pass,
and a flat, linear-time reading of pages nested too deep for a tree.

BeautifulSoup's cost grows with the square of the nesting depth (100,000 nested ``div``
elements run for hours), and lxml silently drops what lies deeper than 256 levels. A page
nested deeper than :data:`MAX_DEPTH` is therefore read as flat text: markup removed, block
elements turned into paragraph breaks, entities decoded, scripts and styles dropped.
"""

from __future__ import annotations

import html
import re

MAX_DEPTH = 200
# elements that have no end tag, or whose end tag is often left out
_NO_DEPTH = frozenset(
    "area base br col embed hr img input link meta param source track wbr p li dt dd tr "
    "td th option thead tbody tfoot colgroup".split())
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)[^>]*?(/?)>")
_DROP = re.compile(r"(?is)<(script|style|noscript|template|head|svg|iframe|object)\b.*?"
                   r"</\1\s*>|<!--.*?-->|<!\[CDATA\[.*?\]\]>|<![^>]*>|<\?[^>]*>")
_BLOCK = re.compile(r"(?i)</?(?:p|div|section|article|li|tr|td|th|h[1-6]|blockquote|pre|dd"
                    r"|dt|table|ul|ol|form|fieldset|textarea|main|aside)\b[^>]*>")
_BR = re.compile(r"(?i)<br\b[^>]*>")
_ANY_TAG = re.compile(r"<[^>]*>")


def nesting_depth(raw: str, stop: int = MAX_DEPTH) -> int:
    """How deep elements nest in ``raw`` (an upper estimate), counting up to ``stop``."""
    depth = deepest = 0
    for m in _TAG.finditer(raw):
        closing, name, self_closing = m.group(1), m.group(2).lower(), m.group(3)
        if name in _NO_DEPTH or self_closing:
            continue
        if closing:
            depth = max(depth - 1, 0)
        else:
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > stop:
                    break
    return deepest


def flat_text(raw: str) -> str:
    """The text of an HTML page without building a tree (linear in its length)."""
    text = _DROP.sub(" ", raw)
    text = _BR.sub("\n", text)
    text = _BLOCK.sub("\n\n", text)
    text = _ANY_TAG.sub("", text)
    return html.unescape(text)
