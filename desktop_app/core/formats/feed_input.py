"""A feed file's bytes made ready for the readers: decoded right, entities repaired, checked.

Feeds in the wild are often not what they say. This step runs before any parser sees them:
- the encoding: a byte-order mark, UTF-16/32 without one, the XML declaration when the bytes
  agree with it, else UTF-8, else a guess (charset-normalizer) among the 8-bit encodings —
  a windows-1251 or KOI8-U feed of Ukrainian news that declares nothing is common;
- entities XML does not define (`&nbsp;`, `&eacute;` in RSS 0.91 feeds), a bare `&` in a
  title, `&#X41;`, control characters: read as the characters they stand for, and said;
- a file that ends before its closing `</channel></rss>` is completed, and said; a file cut
  off inside an entry (a truncated download) is refused naming the line. Other XML errors are
  left to the lenient reader (feedparser), and said.

The result is UTF-8 bytes whose declaration (if any) says UTF-8, and notes for the summary.
"""

from __future__ import annotations

import codecs
import html.entities
import re
from dataclasses import dataclass, field

from lxml import etree

from desktop_app.core import messages as msg
from desktop_app.core.errors import ImportFormatError
from desktop_app.core.formats._common import _wide_encoding

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_DECLARATION = re.compile(r"""<\?xml\b[^>]*?\?>""")
_DECLARED_ENCODING = re.compile(r"""encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""")
# Spans where `&` is literal text: CDATA sections, comments and processing instructions.
_LITERAL = re.compile(r"<!\[CDATA\[.*?\]\]>|<!--.*?-->|<\?.*?\?>", re.DOTALL)
_AMP = re.compile(r"&(?:#[xX]([0-9A-Fa-f]+);|#([0-9]+);|([A-Za-z_][\w.-]*);)?")
# An `&` that does not start one of XML's own references: only then is there work to do.
_SUSPICIOUS_AMP = re.compile(r"&(?!(?:amp|lt|gt|quot|apos|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});)")
_ENTITY_DECL = re.compile(r"<!ENTITY\s+%?\s*([\w.-]+)\s")
_XML_ENTITIES = frozenset({"amp", "lt", "gt", "quot", "apos"})
# Characters XML 1.0 forbids (feeds carry them from pasted word-processor text).
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# Elements a feed's entries sit in: a file that ends with only these open lost no entry.
_CONTAINERS = frozenset({"rss", "channel", "feed", "RDF", "rdf"})
_TRAILING_PARTIAL_TAG = re.compile(r"<[^<>]*\Z")
SHOWN_NAMES = 5
# charset-normalizer reads the first 64 KiB of a file that is not UTF-8.
_GUESS_BYTES = 65536


@dataclass
class PreparedFeed:
    data: bytes
    # The encoding the file was read in (Python's codec name).
    encoding: str
    # What was repaired or guessed, for the import summary ("" when nothing was).
    notes: list[str] = field(default_factory=list)
    # False when an XML error remains for the lenient reader to get round.
    well_formed: bool = True


def _codec(name: str) -> str | None:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _declared(data: bytes) -> str | None:
    """The encoding the XML declaration names (read as ASCII), if it names a known one."""
    head = data[:1024].decode("latin-1")
    decl = _DECLARATION.search(head)
    if decl is None:
        return None
    match = _DECLARED_ENCODING.search(decl.group(0))
    return _codec(match.group(1)) if match else None


def _guess(data: bytes) -> str | None:
    from charset_normalizer import from_bytes  # only for files that are not UTF-8

    best = from_bytes(data[:_GUESS_BYTES]).best()
    return None if best is None else _codec(best.encoding)


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 text with a few stray bytes (a pasted © in Latin-1): the text with those bytes
    replaced, when its valid multi-byte characters outnumber the bad bytes two to one.
    Text in an 8-bit encoding has far more bad bytes than accidental valid sequences."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    valid = sum(1 for ch in text if ord(ch) > 0x7F) - bad
    return text if valid >= 2 * bad else None


def decode_feed(data: bytes) -> tuple[str, str, list[str]]:
    """(text, encoding, notes): the feed's text in the encoding it is really in."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(name, errors="replace"), name, []
    wide = _wide_encoding(data)
    if wide is not None:
        try:
            return data.decode(wide), wide, []
        except UnicodeDecodeError:
            pass
    declared = _declared(data)
    candidates = [declared] if declared and declared not in ("utf-16", "utf-32") else []
    candidates.append("utf-8")
    for name in candidates:
        try:
            return data.decode(name), name, []
        except UnicodeDecodeError:
            continue
    mostly = _mostly_utf8(data)
    if mostly is not None:
        return (
            mostly,
            "utf-8",
            [f"bytes that are not UTF-8 replaced: {mostly.count(chr(0xFFFD)):,}"],
        )
    guess = _guess(data)
    if guess is not None:
        try:
            text = data.decode(guess)
        except UnicodeDecodeError:
            guess = None
        else:
            said = f"it says {declared}" if declared else "it names no encoding"
            return text, guess, [f"read as {guess} ({said}, and it is not UTF-8)"]
    # Nothing fits: keep what can be read and say how much could not.
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    return text, "utf-8", [f"bytes no encoding could read, replaced: {bad:,}"]


def _names(found: list[str]) -> str:
    unique = list(dict.fromkeys(found))
    shown = ", ".join(unique[:SHOWN_NAMES])
    return shown + (", …" if len(unique) > SHOWN_NAMES else "")


def _repair_amps(text: str, notes: list[str]) -> str:
    """Undefined entities as their characters, bare `&` as text, outside CDATA and comments."""
    if _SUSPICIOUS_AMP.search(text) is None:
        return text
    declared = set(_ENTITY_DECL.findall(text))
    undefined: list[str] = []
    bare = 0

    def fix(match: re.Match[str]) -> str:
        nonlocal bare
        hex_digits, digits, name = match.groups()
        if hex_digits is not None or digits is not None:
            code = int(hex_digits, 16) if hex_digits is not None else int(digits)
            if code > 0x10FFFF or _FORBIDDEN.match(chr(code)) or 0xD800 <= code <= 0xDFFF:
                undefined.append(match.group(0))
                return ""
            return f"&#{code};"
        if name is None:
            bare += 1
            return "&amp;"
        if name in _XML_ENTITIES or name in declared:
            return match.group(0)
        value = html.entities.html5.get(f"{name};")
        undefined.append(f"&{name};")
        if value is None:
            return f"&amp;{name};"
        return "".join(f"&#{ord(ch)};" for ch in value)

    parts: list[str] = []
    last = 0
    for literal in _LITERAL.finditer(text):
        parts.append(_AMP.sub(fix, text[last : literal.start()]))
        parts.append(literal.group(0))
        last = literal.end()
    parts.append(_AMP.sub(fix, text[last:]))
    if undefined:
        notes.append(f"entities XML does not define were read as characters: {_names(undefined)}")
    if bare:
        notes.append(f"bare '&' read as text: {bare:,}")
    return "".join(parts)


def _local(tag: object) -> str:
    name = str(tag)
    return name.rsplit("}", 1)[-1].rsplit(":", 1)[-1]


def _check(data: bytes) -> tuple[list[str], etree.XMLSyntaxError | None]:
    """The elements still open where a strict parse stopped, and its error (None: fine)."""
    strict = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True
    )
    try:
        etree.fromstring(data, strict)
    except etree.XMLSyntaxError:
        pass  # read it again, event by event, to see where it stopped
    else:
        return [], None
    parser = etree.XMLPullParser(
        events=("start", "end"),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=True,
    )
    error: etree.XMLSyntaxError | None = None
    try:
        parser.feed(data)
    except etree.XMLSyntaxError as exc:
        error = exc
    # The events of what was read; a close() that fails is not asked for its own: lxml 6.2
    # ends every element still open there, which would hide where the file was cut.
    events = list(parser.read_events())
    if error is None:
        try:
            parser.close()
        except etree.XMLSyntaxError as exc:
            error = exc
        else:
            events.extend(parser.read_events())
    stack: list[str] = []
    for event, element in events:
        if event == "start":
            stack.append(_local(element.tag))
        elif stack:
            stack.pop()
    return stack, error


def _line_of_end(text: str) -> int:
    return text.rstrip().count("\n") + 1


def prepare_feed(data: bytes, *, source: str = "") -> PreparedFeed:
    """The file as UTF-8 a strict XML parser accepts, or as near as can be told; see above.

    ImportFormatError (naming the file and line) for a file cut off inside an entry.
    """
    text, encoding, notes = decode_feed(data)
    original = text
    text = text.removeprefix("\ufeff")
    declaration = _DECLARATION.search(text[:1024])
    if declaration is not None and (
        encoding != "utf-8" or declaration.start() > 0 or _declared(data) not in (None, "utf-8")
    ):
        # It may name the old encoding, or stand after a comment: it goes.
        text = text[: declaration.start()] + text[declaration.end() :]
    repairs: list[str] = []
    forbidden = len(_FORBIDDEN.findall(text))
    if forbidden:
        text = _FORBIDDEN.sub("", text)
        repairs.append(f"control characters XML does not allow left out: {forbidden:,}")
    text = _repair_amps(text, repairs)
    # Unchanged UTF-8 is passed on as it came (a 100,000-entry feed is not copied again).
    as_read = encoding == "utf-8" and not notes and text == original
    prepared = data if as_read else text.encode("utf-8")
    stack, error = _check(prepared)
    well_formed = True
    if error is not None:
        end = _line_of_end(text)
        line = error.lineno or end
        at_end = line >= end
        if at_end and stack and not set(stack) <= _CONTAINERS:
            raise ImportFormatError(
                msg.render(msg.CUT_OFF, element=stack[-1]),
                file=source or None,
                record=f"line {line}",
            )
        if at_end and stack:
            closed = _TRAILING_PARTIAL_TAG.sub("", text.rstrip())
            closed += "".join(f"</{name}>" for name in reversed(_raw_open_tags(closed, stack)))
            if _check(closed.encode("utf-8"))[1] is None:
                prepared, error = closed.encode("utf-8"), None
                repairs.append(f"the file ends before closing <{stack[0]}> (line {line})")
        if error is not None:
            well_formed = False
            message = error.msg.split(", line ")[0]
            repairs.append(f"line {line}: {message}; read leniently")
    if repairs:
        notes.append("not well-formed XML, recovered: " + "; ".join(repairs))
    return PreparedFeed(prepared, encoding, notes, well_formed)


def _raw_open_tags(text: str, stack: list[str]) -> list[str]:
    """The open elements' names as the file spells them (with their prefixes)."""
    names: list[str] = []
    for local in stack:
        found = re.findall(rf"<((?:[\w.-]+:)?{re.escape(local)})[\s>/]", text)
        names.append(found[0] if found else local)
    return names
