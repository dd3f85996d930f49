"""Read the figures of a loss report out of news prose, whatever the outlet's wording.

News retells the General Staff's post in its own words: "Russia has lost 274,950 troops ...
This number includes 480 casualties ... over the past day", "за добу ... втратила 1 280
військових. Також росіяни втратили два танки, шість бойових броньованих машин", "11,557 tanks,
including seven destroyed in the past day". Around it stand headlines, captions, other
stories with numbers of their own (a week's losses, one sector's, Ukraine's, a month's).

The reader works sentence by sentence:

* a **mention** is a count with a category's noun after it (news_nouns), or a loss noun with
  "reached"/"склали" before a count; a change may be attached ("(+13)", "(plus nine)",
  "including 960 in the past day", "з них 1250 — за останню добу");
* a sentence is about **the day** or about **the war so far** by its words ("over the past
  day", "за добу" / "since", "з початку"); a sentence without such words continues the one it
  follows ("also", "також") or, in a list, the line that introduced it;
* sentences about a week, a month, a sector or the other side are not read;
* every figure must be plausible for its role (loss_outline): "4 tanks" is never a total of
  2024, 20,000 is never one day's change. A bound ("more than 1,087,000") is not a figure.

What the text states twice is read once; where a headline and the body disagree, the body
wins. Each figure keeps the words it was read from (`parse --explain`).
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
from dataclasses import dataclass, field

from desktop_app.core import loss_outline
from desktop_app.core.news_cues import (
    ALSO_CUE,
    CHANGE_CUE,
    GS_CUE,
    HEADLINE_MAX,
    INCREMENT,
    INCREMENT_AFTER,
    LOSS_CUE,
    MONTH_NAMES,
    OTHER_STORY,
    PART_OF,
    PREVIOUS_REPORT,
    REGIONAL,
    SKIP_CUE,
    TOTAL_CUE,
    WEAK_CHANGE_CUE,
)
from desktop_app.core.news_nouns import LOOSE_PERSONNEL, VEHICLES, noun_at
from desktop_app.core.number_words import NEWS_COUNT, parse_news_count

TOTAL, CHANGE = "total", "change"
MERGED_VEHICLES_FROM = dt.date(2022, 5, 1)
# The personnel total on 30 Apr 2022, the last day "vehicles" were counted apart.
_LEGACY_PERSONNEL_MAX = 23_200

# "about", "близько": kept as the report's qualifier; bounds make the number no figure at all.
_ABOUT = (
    r"about|around|approximately|approx\.?|roughly|some|an\s+estimated|estimated|nearly"
    r"|близько|приблизно|орієнтовно|щонайменше"
)
_BOUND = (
    r"more\s+than|over|upwards\s+of|above|exceeding|crossed|passed|almost|nearing|close\s+to"
    r"|at\s+least|понад|більше(?:\s+ніж)?|більш\s+ніж|майже|перевищил[аио]|перевищили"
    r"|щонайменше"
)
_QUAL = re.compile(rf"(?:(?P<about>{_ABOUT})|(?P<bound>{_BOUND}))", re.IGNORECASE)


def _qualifier_before(text: str) -> re.Match[str] | None:
    """The "about" or bound word(s) right before a count, matched whole (one to three words)."""
    if not text[-1:].isspace():
        return None
    words = text.split()[-3:]
    for first in range(len(words)):
        found = _QUAL.fullmatch(" ".join(words[first:]))
        if found is not None:
            return found
    return None


_COUNT = re.compile(rf"(?P<count>{NEWS_COUNT})|(?P<a>(?<![^\W_])an?(?=\s))", re.IGNORECASE)
_SIGNED = r"(?:\+|plus\s+|плюс\s+)"
_INLINE = re.compile(
    rf"\s*\(\s*(?:{_SIGNED}\s*(?P<change>{NEWS_COUNT})|(?P<zero>[+]?0))\s*"
    r"(?:units?|од\.?|осіб|people)?\s*[-–—]?\s*(?:" + CHANGE_CUE.pattern + r")?\s*\)"
    rf"|\s*\(\s*(?:загалом|всього|total|in\s+total)\s*[-–—:]?\s*(?P<total>{NEWS_COUNT})\s*\)",
    re.IGNORECASE,
)
_FILLER = re.compile(
    r"\s*(?:[\"“”«»„]\s*)?(?:(?:Russian|russian|Russia['’]s|enemy|more|other|additional|its|their"
    r"|units?\s+of|pieces?\s+of|items?\s+of|of\s+the|its|the|such|destroyed"
    r"|російськ[^\W\d_]*|ворож[^\W\d_]*|сво[^\W\d_]*|ще|одиниц[^\W\d_]*|штук[^\W\d_]*"
    r"|легк[^\W\d_]*|швидкісн[^\W\d_]*|тис\.?)(?![^\W_])\s*)",
    re.IGNORECASE,
)
_OTHER_SIDE = re.compile(r"\s*(?:Ukrainian|Ukraine['’]s|українськ[^\W\d_]*)\b", re.IGNORECASE)
_ATTACHED = re.compile(
    r"[^.;]{0,120}?(?:\bincluding\b|\bincl\.|\bof\s+(?:which|them)\b|\bwith\b|\bamong\s+them\b"
    r"|(?<![^\W_])(?:зокрема|з\s+них|у\s+тому\s+числі|в\s+тому\s+числі)(?![^\W_]))\s*"
    rf"(?:(?:{_ABOUT})\s+)?(?P<count>{NEWS_COUNT})(?P<rest>[^.;()]{{0,40}}?)\s*[-–—]?\s*"
    rf"(?P<cue>{CHANGE_CUE.pattern}|\bon\s+(?:{MONTH_NAMES})\s+[0-9]{{1,2}}\b)",
    re.IGNORECASE,
)
# Ukrainian lists name a single item without "one": "знищили танк, шість ББМ, гвинтокрил та…".
_BARE_ONE = re.compile(
    r"(?:[,:]\s|\s(?:та|і|й)\s|(?:знищили|втратили|втратила)\s)"
    r"(?P<noun>танк|гвинтокрил|вертоліт|гелікоптер|літак|корабель|підводний\s+човен"
    r"|засіб\s+ППО)(?=\s*(?:[,.;]|\s(?:та|і|й)\s))",
    re.IGNORECASE,
)
_BEFORE_NOUN = re.compile(
    r"(?:casualties|fatalities|personnel\s+losses|losses|death\s+toll|(?<![^\W_])втрати"
    r"(?:\s+[^\W\d_]+){0,4}?\s+(?:в\s+)?особов[^\W\d_]*\s+склад[^\W\d_]*)"
    r"(?:\s+[^\W\d_]+){0,3}?\s+(?:reached|amount(?:ed)?\s+to|stand\s+at|stood\s+at|total(?:l?ed)?"
    r"|is|are|was|were|досягли|склали|сягнули|становлять|становили)\s+$",
    re.IGNORECASE,
)
# "14 of 20 drones" (a share) and "від 4 000 до 9 000 танків" (a range) are not counts.
_RATIO = re.compile(r"[0-9]\s+(?:of|out\s+of|з|із|to|до|and|і|-|–|—)\s+(?:the\s+)?$", re.IGNORECASE)
# A cheap look for a loss noun before a count without a noun of its own.
_LOSS_WORD = re.compile(r"casualt|fatalit|losses|toll|втрат", re.IGNORECASE)
_QUOTES = str.maketrans({c: " " for c in '"“”«»„'})
_TRUNCATED_PERSONNEL = ("осіб", "особового", "військових", "troops", "soldiers", "personnel")


@dataclass
class Mention:
    key: str
    role: str  # TOTAL or CHANGE
    value: int
    start: int
    end: int
    sentence: int
    qualifier: str | None = None
    change: int | None = None  # a change stated with a total
    score: int = 0
    inherited: bool = False  # the role came from the sentences before, not its own words


@dataclass
class NewsReading:
    mentions: list[Mention] = field(default_factory=list)
    text: str = ""
    # Items of a list that name no known category ("12 widgets", "1l087 armored vehicles").
    unparsed: list[str] = field(default_factory=list)

    def keys(self) -> set[str]:
        return {m.key for m in self.mentions}


def _sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans: full stops before a capital, blank lines, and lines that end one."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in re.finditer(r"(?<=[.!?…])[\"”»]?\s+(?=[\"“«]?[A-ZА-ЯІЇЄҐ•*])|\n", text):
        if match.group(0) == "\n":
            line_start = text.rfind("\n", 0, match.start()) + 1
            line = text[line_start : match.start()].rstrip()
            nxt = text[match.end() : match.end() + 3].lstrip()
            wrapped = (
                len(line) >= 60
                and line[-1:] not in '.!?:;…»”")'
                and nxt[:1] not in "•*·-–—"
                and line_start > 0  # the first line is the headline, never wrapped prose
                and not _title_case(line)
            )
            if wrapped:
                continue
        if match.start() > start:
            spans.append((start, match.start()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _title_case(line: str) -> bool:
    """A headline in title case ("710 Soldiers Have Died In One Day"), not a wrapped line."""
    words = [w for w in line.split() if w[:1].isalpha()]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def _count_value(match: re.Match[str]) -> int | None:
    if match.group("a"):
        return 1
    try:
        return parse_news_count(match.group("count"))
    except ValueError:
        return None


def _noun_after(text: str, pos: int, end: int) -> tuple[str | None, int, bool]:
    """The category named after a count at `pos` (fillers skipped) and whether it is ours."""
    while True:
        filler = _FILLER.match(text, pos, end)
        if filler is None or filler.end() == pos:
            break
        pos = filler.end()
    other = _OTHER_SIDE.match(text, pos, end)
    if other:
        return None, pos, False
    space = re.match(r"\s*", text[pos:end])
    start = pos + (space.end() if space else 0)
    key, stop = noun_at(text, start, end)
    if key is None and end == len(text) and end - start <= len(max(_TRUNCATED_PERSONNEL)) + 2:
        tail = text[start:end].strip().lower()
        if tail and any(word.startswith(tail) for word in _TRUNCATED_PERSONNEL):
            return "personnel", end, True
    return key, stop, True


def read_news(text: str, date: dt.date | None) -> NewsReading:
    """Every figure mention in normalised `text`; `date` (if known) judges plausibility."""
    flat = text.translate(_QUOTES)
    reading = NewsReading(text=flat)
    spans = _sentences(flat)
    first_line_end = flat.find("\n")
    lead_mode = TOTAL
    intro_mode: str | None = None
    skipping = False  # the sentences before were about a week or a month
    skipped_paragraph = -1  # a paragraph about one sector is not read at all
    paragraph_starts = [0] + [m.end() for m in re.finditer(r"\n[ \t]*\n", flat)]
    for index, (s_start, s_end) in enumerate(spans):
        paragraph = bisect.bisect_right(paragraph_starts, s_start) - 1
        if paragraph == skipped_paragraph:
            continue
        if REGIONAL.search(flat, s_start, s_end):
            skipped_paragraph = paragraph
            continue
        sentence = flat[s_start:s_end]
        if (
            PREVIOUS_REPORT.search(sentence)
            or OTHER_STORY.search(sentence)
            or (SKIP_CUE.search(sentence) and not CHANGE_CUE.search(sentence))
        ):
            intro_mode = None
            skipping = True
            continue
        if skipping and not (
            CHANGE_CUE.search(sentence) or TOTAL_CUE.search(sentence) or GS_CUE.search(sentence)
        ):
            continue  # "Зокрема РФ має такі втрати:" after a week's figures is that week's
        skipping = False
        found = _mentions(flat, s_start, s_end, index)
        if len(found) >= 2:
            reading.unparsed.extend(_junk_items(flat, found))
        attached, consumed = _attached_changes(flat, s_start, s_end, found, index)
        cuts = consumed + [(m.start, m.end) for m in found]
        rest = _without(sentence, [(a - s_start, b - s_start) for a, b in cuts])
        own = CHANGE if CHANGE_CUE.search(rest) else TOTAL if TOTAL_CUE.search(rest) else None
        weak = own == CHANGE and all(
            WEAK_CHANGE_CUE.fullmatch(cue.group(0)) for cue in CHANGE_CUE.finditer(rest)
        )
        if own is None and any(m.role == CHANGE and m.change is None for m in found):
            own = CHANGE  # "lost another 1 100 soldiers", "three more tanks"
        list_line = intro_mode is not None and len(sentence) < 120
        if own is not None:
            mode = own
        elif list_line:
            mode = intro_mode or TOTAL
        elif ALSO_CUE.search(sentence):
            mode = lead_mode
        else:
            mode = TOTAL
        is_lead = bool(found) and LOSS_CUE.search(sentence) is not None
        loss_sentence = LOSS_CUE.search(sentence) is not None or list_line
        headline = (
            index == 0
            and (first_line_end == -1 or s_end <= first_line_end)
            and len(sentence) <= HEADLINE_MAX
            and sentence.rstrip()[-1:] not in ".!?"
        )
        score = (0 if headline else 2) + (1 if GS_CUE.search(sentence) else 0)
        for mention in found:
            if LOOSE_PERSONNEL.fullmatch(flat[mention.start : mention.end].split()[-1]) and (
                not loss_sentence
            ):
                continue
            if mention.role == "":
                mention.role = mode
                mention.inherited = own is None or weak
            mention.score = score
            reading.mentions.append(mention)
        for mention in attached:
            mention.score = score
            reading.mentions.append(mention)
        if sentence.rstrip().endswith(":"):
            intro_mode = own or (lead_mode if ALSO_CUE.search(sentence) else TOTAL)
        elif not list_line:
            intro_mode = None
        if is_lead and not headline and not PART_OF.match(sentence):
            lead_mode = mode
    _settle(reading, date)
    return reading


def _without(text: str, cuts: list[tuple[int, int]]) -> str:
    for start, end in sorted(cuts, reverse=True):
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def _mentions(text: str, start: int, end: int, sentence: int) -> list[Mention]:
    found = _counted_mentions(text, start, end, sentence)
    taken = [(m.start, m.end) for m in found]
    for bare in _BARE_ONE.finditer(text, start, end):
        at = bare.start("noun")
        if any(a <= at < b for a, b in taken):
            continue
        key, _ = noun_at(text, at, end)
        if key is not None:
            found.append(Mention(key, "", 1, at, bare.end(), sentence))
    return sorted(found, key=lambda m: m.start)


def _counted_mentions(text: str, start: int, end: int, sentence: int) -> list[Mention]:
    found: list[Mention] = []
    pos = start
    while True:
        match = _COUNT.search(text, pos, end)
        if match is None:
            return found
        pos = match.end()
        value = _count_value(match)
        if value is None:
            continue
        inline = _INLINE.match(text, match.end(), end)
        noun_from = inline.end() if inline else match.end()
        key, noun_end, ours = _noun_after(text, noun_from, end)
        before = text[max(start, match.start() - 30) : match.start()]
        qual = _qualifier_before(before)
        if key is None and inline is None:
            # A loss noun before the count: "fatalities have now reached approximately 990,800".
            head = text[max(start, match.start() - 120) : match.start()]
            head = head.rstrip()[: len(head.rstrip()) - len(qual.group(0))] + " " if qual else head
            if _LOSS_WORD.search(head) and _BEFORE_NOUN.search(head):
                key, noun_end = "personnel", match.end()
        if key is None or not ours:
            continue
        if _RATIO.search(text, max(start, match.start() - 14), match.start()):
            continue  # "14 of 20 drones": a share, not a count of losses
        qualifier = None if qual is None else "more than" if qual.group("bound") else "about"
        if match.group("a") and (key == "personnel" or text[noun_end - 1 : noun_end] == "s"):
            continue  # "a" counts one thing: "a helicopter", never "a soldiers"
        after = _INLINE.match(text, noun_end, end) if inline is None else None
        inline = inline or after
        change: int | None = None
        role = TOTAL
        total_value = value
        if inline is not None:
            if inline.group("total"):
                role, change, total_value = CHANGE, value, parse_news_count(inline.group("total"))
            elif inline.group("zero") is not None:
                change = 0
            else:
                change = parse_news_count(inline.group("change"))
        stop = max(noun_end, after.end() if after else noun_end)
        if role == CHANGE and change is not None:
            # "2 танки (загалом 11 261)": the count is the day's, the bracket the total.
            found.append(
                Mention(key, TOTAL, total_value, match.start(), stop, sentence, change=change)
            )
        elif qualifier == "more than" and not _precise(value, match.group(0)):
            found.append(Mention(key, "bound", value, match.start(), stop, sentence, change=change))
        else:
            found.append(
                Mention(
                    key,
                    TOTAL,
                    value,
                    match.start(),
                    stop,
                    sentence,
                    qualifier=qualifier,
                    change=change,
                )
            )
        pos = stop
        # Without a bracket the sentence settles whether the count is a total or the day's,
        # unless the count is an increment ("another 1 100", "three more", "ще 1 150").
        if inline is None and found[-1].role == TOTAL:
            increment = INCREMENT.search(text, max(start, match.start() - 12), match.start())
            found[-1].role = CHANGE if increment or INCREMENT_AFTER.match(text, match.end()) else ""


_JUNK_ITEM = re.compile(
    r"(?<![^\W_])(?![0-9]+\s+(?:hours?|days?|годин|доб))[0-9](?:[^\W_]|[.,'’](?=[0-9]))*\s+[^\W\d_][^,;.\n]{0,60}?(?=\s*(?:[,;.]|\band\b|$))",
    re.IGNORECASE,
)


def _junk_items(text: str, found: list[Mention]) -> list[str]:
    """What stands between a list's items without being one (shown, never guessed at)."""
    junk: list[str] = []
    for before, after in itertools.pairwise(found):
        gap = text[before.end : after.start]
        for match in _JUNK_ITEM.finditer(gap):
            junk.append(" ".join(match.group(0).split()))
    return junk


def _precise(value: int, written: str) -> bool:
    """A bound word before an exact count ("nearly 374,520") still states the count."""
    return value % 1000 != 0 and not re.search(r"[^\W\d_]", written)


def _attached_changes(
    text: str, start: int, end: int, found: list[Mention], sentence: int
) -> tuple[list[Mention], list[tuple[int, int]]]:
    """Changes attached to a mention: "including 960 in the past day", "з них 1250 — за добу"."""
    attached: list[Mention] = []
    consumed: list[tuple[int, int]] = []
    dropped: set[int] = set()
    for i, mention in enumerate(found):
        if i in dropped:
            continue  # read as the change of the mention before it
        match = _ATTACHED.match(text, mention.end, end)
        if match is None:
            continue
        if i + 1 < len(found) and found[i + 1].start < match.start("count"):
            continue  # the change belongs to a later mention
        # "з них близько 200 людей – за попередню добу": the count read as a mention of its own
        # is this change.
        j = i + 1
        while j < len(found) and found[j].start < match.end():
            dropped.add(j)
            j += 1
        try:
            value = parse_news_count(match.group("count"))
        except ValueError:
            continue
        rest_key, _, _ = _noun_after(text, match.end("count"), match.end("cue"))
        if rest_key is not None and rest_key != mention.key:
            continue
        attached.append(
            Mention(mention.key, CHANGE, value, match.start("count"), match.end(), sentence)
        )
        consumed.append((match.start("count"), match.end()))
        if mention.role == "":
            mention.role = TOTAL
    found[:] = [m for i, m in enumerate(found) if i not in dropped]
    return attached, consumed


def _settle(reading: NewsReading, date: dt.date | None) -> None:
    """Vehicles by date, plausibility by role, bounds dropped."""
    personnel = [m.value for m in reading.mentions if m.key == "personnel" and m.role == TOTAL]
    legacy = (date is not None and date < MERGED_VEHICLES_FROM) or (
        date is None and bool(personnel) and max(personnel) <= _LEGACY_PERSONNEL_MAX
    )
    kept: list[Mention] = []
    for mention in reading.mentions:
        if mention.key == VEHICLES:
            mention.key = "military_vehicles" if legacy else "vehicles_fuel_tanks"
        if mention.role == "bound":
            if mention.change is not None and loss_outline.plausible_change(
                mention.key, mention.change
            ):
                kept.append(
                    Mention(
                        mention.key,
                        CHANGE,
                        mention.change,
                        mention.start,
                        mention.end,
                        mention.sentence,
                        score=mention.score,
                    )
                )
            continue
        if mention.role == CHANGE:
            if loss_outline.plausible_change(mention.key, mention.value):
                kept.append(mention)
                continue
            if not mention.inherited:
                continue
            mention.role = TOTAL  # "also lost 6,922 tanks" after a day's sentence
        if not loss_outline.plausible_total(mention.key, mention.value, date):
            continue
        if mention.change is not None and not loss_outline.plausible_change(
            mention.key, mention.change
        ):
            mention.change = None
        kept.append(mention)
    reading.mentions = kept
