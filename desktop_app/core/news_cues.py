"""The words that tell what a sentence of news prose is about (news_reader reads by them).

A sentence about the day ("over the past day", "за добу"), about the war so far ("since",
"з початку"), one to skip (a week's, a month's, the other side's, a previous report's), one
about one sector (its whole paragraph is skipped), a loss sentence at all, one that continues
the sentence before ("also", "також"), and one that names the General Staff.
"""

from __future__ import annotations

import re

_DAYS = r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
CHANGE_CUE = re.compile(
    r"(?:(?:over|in|during|for|within)\s+(?:just\s+)?the\s+(?:past|last|previous)\s+"
    r"(?:day|24\s+hours)(?!\s+of\s+(?!fighting))|(?:past|last)\s+24\s+hours|in\s+(?:just\s+)?"
    r"(?:a|one)\s+(?:single\s+)?day|in\s+just\s+24\s+hours|\bper\s+day|\bdaily\b"
    r"|(?:over|during|within)\s+the\s+same\s+(?:time\s+)?(?:period|timeframe|time)"
    r"|in\s+the\s+latest\s+update|within\s+(?:a|one)\s+(?:single\s+)?day"
    r"|\byesterday\b|during\s+the\s+day\b|on\s+(?:" + _DAYS + r")\s+alone"
    r"|(?<![^\W_])(?:за\s+(?:минулу\s+|останню\s+|попередню\s+)?добу|протягом\s+"
    r"(?:минулої\s+|останньої\s+|попередньої\s+)?доби|минулої\s+доби|попередньої\s+доби"
    r"|за\s+(?:один\s+|минулий\s+|вчорашній\s+)?день|вчора|за\s+останні\s+24\s+годин[иу]"
    r"|добу,?\s+що\s+минула)(?![^\W_]))",
    re.IGNORECASE,
)
TOTAL_CUE = re.compile(
    r"\bsince\b|\bso\s+far\b|\bto\s+date\b|\bin\s+total\b|\boverall\b|\btotal\b|\boverall\b"
    r"|(?<![^\W_])(?:з\s+початку|від\s+початку|за\s+час|загальн[^\W\d_]*|загалом|всього"
    r"|з\s+24\s+лютого|від\s+24\s+лютого|сукупн[^\W\d_]*|тиждень\s+війни)(?![^\W_])",
    re.IGNORECASE,
)
MONTH_NAMES = (
    r"January|February|March|April|May|June|July|August|September|October|November|December"
)
_UK_MONTHS_LOC = (
    r"січні|лютому|березні|квітні|травні|червні|липні|серпні|вересні|жовтні|листопаді|грудні"
)
# "during the same period" refers back to whatever period the text named last: a count that
# cannot be one day's change is then the total it goes on about.
WEAK_CHANGE_CUE = re.compile(
    r"(?:over|during|within)\s+the\s+same\s+(?:time\s+)?(?:period|timeframe|time)", re.I
)
# "lost another 1 100 soldiers", "three more tanks", "ще 1 150": an increment, the day's.
INCREMENT = re.compile(r"(?:\banother\s+|(?<![^\W_])ще\s+)$", re.IGNORECASE)
INCREMENT_AFTER = re.compile(r"\s+more\b", re.IGNORECASE)
# A previous report retold beside the current one ("In its previous casualty report ...").
PREVIOUS_REPORT = re.compile(
    r"previous\s+(?:casualty\s+)?(?:report|update|figures)|a\s+day\s+earlier"
    r"|(?<![^\W_])(?:попередньому\s+зведенні|напередодні)(?![^\W_])",
    re.IGNORECASE,
)
# A week's, a month's or a year's figures.
SKIP_CUE = re.compile(
    r"\b(?:per|a|each|every|this|last|one|a\s+single)\s+(?:month|week)\b|\bmonthly\b|\bweekly\b"
    r"|\b(?:over|during|in|for)\s+the\s+(?:past\s+|last\s+|previous\s+)?(?:week|month)\b"
    r"|\bwithin\s+(?:just\s+)?(?:one|a)\s+week\b"
    r"|\b(?:in|during|by)\s+(?:" + MONTH_NAMES + r")\s+(?:alone|and\s+(?:" + MONTH_NAMES + r"))\b"
    r"|^\s*In\s+(?:" + MONTH_NAMES + r"),"
    r"|(?<![^\W_])(?:за\s+тиждень(?!\s+війни)|тижн[яі]|щомісяця|на\s+місяць|за\s+місяць"
    r"|у\s+(?:" + _UK_MONTHS_LOC + r"))(?![^\W_])",
    re.IGNORECASE,
)
# Another story (a link to one, another source's figures): never read, whatever it says.
OTHER_STORY = re.compile(
    r"\bBBC\b|Mediazona|\bTASS\b|Russian\s+Defen[cs]e\s+Ministry|^\s*Read\s+(?:also|more)\b"
    r"|(?<![^\W_])(?:Медіазона|ТАСС|Читайте\s+також)(?![^\W_])",
    re.IGNORECASE,
)
# One sector's or grouping's figures: the whole paragraph is theirs.
REGIONAL = re.compile(
    r"\bsector\b|Tavria|operational[-\s]+strategic|Tarnavsk|(?<![^\W_])(?:Таврі[^\W\d_]*"
    r"|Тарнавськ[^\W\d_]*|оперативно-стратегічн[^\W\d_]*)",
    re.IGNORECASE,
)
LOSS_CUE = re.compile(
    r"\blost\b|\blos(?:s|ses|ing|e)\b|destroy|eliminat|\bkill|casualt|suffer|fatalit|shot\s+down"
    r"|(?<![^\W_])(?:втрат|знищ|ліквід|уражен|збил|знешкод)",
    re.IGNORECASE,
)
ALSO_CUE = re.compile(
    r"\balso\b|\bin\s+addition\b|\bother\b|\bbesides\b|\bfurther\b|\bbeyond\b|\blikewise\b"
    r"|\bin\s+particular\b|(?<![^\W_])(?:також|крім\s+того|окрім\s+цього|інші|серед\s+втрат"
    r"|зокрема|так,)(?![^\W_])",
    re.IGNORECASE,
)
GS_CUE = re.compile(
    r"General\s+Staff|according\s+to\s+the\s+(?:report|update)|Генштаб|Генеральн\w*\s+штаб",
    re.IGNORECASE,
)
HEADLINE_MAX = 160
# "This number includes 480 casualties ...": a part of the sentence before, not a new lead.
PART_OF = re.compile(
    r"\s*(?:(?:this|the|that)\s+(?:number|figure|total)\s+|this\s+)includ|\s*з\s+них",
    re.IGNORECASE,
)
