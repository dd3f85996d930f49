"""A rough outline of the official series, to tell a plausible figure from a misread one.

The General Staff's cumulative totals on the first day of each month from March 2022 to August
2026 (public figures, as the General Staff published them), and the largest change it ever
reported for a day. The parser uses them for three things, never to fill in a figure:

* a number read as a total must be near the series for the report's date ("4 tanks" in 2024 is a
  daily or a regional count, not the total);
* a number read as a daily change must not exceed the largest day ever, with room to spare;
* a date given without a year ("reported on Sept. 28") gets the one year whose totals match the
  figures the text states, and only when exactly one year does.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

FIRST_MONTH = dt.date(2022, 3, 1)

_TOTALS_TEXT: dict[str, str] = {
    "personnel": (
        "5710 17700 23500 30700 35750 41030 48350 59610 72470 89440 106720 128420 149890 173990 "
        "190960 208370 228870 246690 263490 278570 301490 330040 360010 386230 414680 442880 "
        "469840 508780 543810 579490 616300 654430 696410 742130 790800 839040 875610 916770 "
        "953190 988560 1020980 1054200 1082990 1111480 1142730 1173920 1208970 1240680 1266770 "
        "1298730 1331710 1365470 1404760 1447620"
    ),
    "tanks": (
        "198 625 1026 1361 1577 1768 1997 2354 2698 2915 3031 3209 3395 3616 3700 3804 4042 4216 "
        "4459 4702 5223 5564 5983 6322 6610 6986 7312 7740 8099 8399 8592 8883 9162 9469 9672 "
        "9902 10233 10505 10732 10872 10983 11068 11155 11223 11316 11387 11488 11625 11709 11828 "
        "11903 11966 12069 12231"
    ),
    "armored_vehicles": (
        "846 1751 2471 3343 3736 4011 4345 4949 5501 5877 6084 6382 6638 6981 7192 7478 7868 8205 "
        "8613 8991 9834 10372 11087 11773 12582 13321 14067 14947 15550 16203 16760 17547 18470 "
        "19369 20043 20653 21249 21856 22364 22656 22928 23068 23229 23294 23521 23678 23849 "
        "23980 24108 24327 24496 24659 24856 25060"
    ),
    "artillery": (
        "77 316 451 659 796 932 1115 1397 1730 1904 2021 2207 2393 2683 2921 3474 4162 4839 5530 "
        "6477 7250 7931 8482 9228 10106 11082 12024 13184 14599 16119 17636 18855 20039 20923 "
        "21532 22493 23908 25552 27136 28527 29754 30944 32248 33324 34137 34754 35678 36777 "
        "37721 39169 41044 43037 45111 47127"
    ),
    "mlrs": (
        "24 96 151 207 246 259 287 336 383 395 423 458 479 527 544 575 632 699 735 798 846 912 "
        "943 976 1000 1023 1053 1088 1111 1132 1176 1204 1244 1253 1256 1266 1304 1347 1375 1401 "
        "1427 1451 1476 1505 1534 1552 1587 1632 1662 1712 1757 1820 1903 1980"
    ),
    "air_defense": (
        "7 54 80 94 105 117 153 176 197 210 213 221 247 279 295 333 389 462 500 537 563 602 625 "
        "663 691 744 780 815 874 907 940 963 994 1019 1032 1050 1088 1123 1148 1173 1190 1203 "
        "1213 1224 1235 1253 1266 1290 1308 1338 1357 1399 1459 1527"
    ),
    "aircraft": (
        "29 143 192 208 217 223 234 264 276 280 283 293 300 306 308 313 315 315 315 316 321 323 "
        "329 332 345 347 348 357 360 363 368 369 369 369 369 369 370 370 370 372 420 421 422 427 "
        "428 430 434 435 435 435 435 436 436 439"
    ),
    "helicopters": (
        "29 131 155 175 186 190 205 226 257 261 269 284 288 291 294 298 308 311 316 316 324 324 "
        "324 324 325 325 325 326 326 326 328 328 329 329 330 331 331 335 335 336 340 340 341 346 "
        "346 347 347 347 348 351 352 353 353 354"
    ),
    "drones": (
        "3 85 245 519 645 736 851 1009 1415 1562 1792 1951 2055 2248 2476 3131 3545 4027 4421 "
        "5043 5468 5976 6657 7136 7794 8757 9538 10617 11620 12968 14507 16322 18088 19803 21131 "
        "23694 27402 31462 34401 38366 42940 49057 55276 65552 76704 86090 98453 120134 151359 "
        "210896 265284 322179 383067 437503"
    ),
    "cruise_missiles": (
        "0 0 84 120 143 174 196 246 397 531 723 796 873 911 932 1107 1261 1347 1445 1529 1547 "
        "1567 1709 1847 1912 2057 2126 2230 2333 2407 2557 2613 2628 2852 3003 3054 3085 3123 "
        "3196 3268 3436 3551 3664 3790 3917 4024 4136 4205 4384 4491 4579 4693 4797 5005"
    ),
    "ships": (
        "2 7 8 13 15 15 15 15 16 16 16 18 18 18 18 18 18 18 18 20 20 22 23 23 25 26 26 27 28 28 "
        "28 28 28 28 28 28 28 28 28 28 28 28 28 28 28 28 28 28 29 33 33 33 33 34"
    ),
    "submarines": (
        "0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 "
        "1 1 2 2 2 2 2 2 2 2"
    ),
    "vehicles_fuel_tanks": (
        "0 0 1796 2290 2610 2912 3239 3786 4143 4441 4720 5061 5257 5528 5845 6239 6794 7324 8009 "
        "8883 9624 10399 11330 12267 13206 14752 16175 18006 19713 21816 23881 25621 28028 30507 "
        "32675 35629 39101 42646 46750 50325 53696 56894 60399 63274 66169 68583 72418 76439 "
        "80510 86578 93009 101621 114499 128497"
    ),
    "special_equipment": (
        "0 24 32 49 61 82 104 131 154 163 181 200 230 296 359 458 580 718 831 933 1019 1137 1277 "
        "1462 1611 1826 1980 2181 2448 2713 2991 3314 3579 3619 3672 3727 3763 3787 3869 3903 "
        "3921 3935 3952 3979 3987 4010 4035 4055 4075 4107 4150 4239 4369 4484"
    ),
}

_MONTHLY: dict[str, tuple[int, ...]] = {
    key: tuple(int(v) for v in text.split()) for key, text in _TOTALS_TEXT.items()
}

# Half of what the first report (25 Feb 2022) stated: no total of the war is ever below it.
_FLOOR: dict[str, int] = {"personnel": 1400, "tanks": 40, "armored_vehicles": 258, "artillery": 24}

# The largest one-day change in each category up to August 2026.
LARGEST_DAY: dict[str, int] = {
    "personnel": 3160,
    "tanks": 66,
    "armored_vehicles": 190,
    "artillery": 122,
    "mlrs": 17,
    "air_defense": 13,
    "aircraft": 41,
    "helicopters": 20,
    "drones": 2719,
    "ships": 2,
    "special_equipment": 99,
    "cruise_missiles": 112,
    "vehicles_fuel_tanks": 626,
    "submarines": 1,
}


def _month(index: int) -> dt.date:
    months = FIRST_MONTH.month - 1 + index
    return dt.date(FIRST_MONTH.year + months // 12, months % 12 + 1, 1)


_MONTHS = len(_MONTHLY["personnel"])
LAST_MONTH = _month(_MONTHS - 1)
WAR_START = dt.date(2022, 2, 24)
# A daily change may exceed the largest day on record by this factor before it is doubted.
_DAY_ROOM = 2
# How far a stated total may stand from the outline for the report's own date (a misread or
# a regional count is off by a factor of ten or more; a retelling's rounding by a few percent)...
_NEAR = 0.6
# ...and, when it has to settle a year, from the outline for that year's same day.
_TIGHT = 0.08
_SLACK = 3  # counts this small are always within reach (ships, submarines, aircraft)


def expected_total(key: str, date: dt.date) -> float | None:
    """The outline's total for a day: linear between month starts, extended after the last."""
    series = _MONTHLY.get(key)
    if series is None or date < WAR_START:
        return None
    if date < FIRST_MONTH:
        span = (FIRST_MONTH - WAR_START).days
        return series[0] * (date - WAR_START).days / span
    index = (date.year - FIRST_MONTH.year) * 12 + date.month - FIRST_MONTH.month
    if index >= _MONTHS - 1:
        # After the outline: the last three months' pace, carried on.
        per_day = (series[-1] - series[-4]) / (LAST_MONTH - _month(_MONTHS - 4)).days
        return series[-1] + per_day * (date - LAST_MONTH).days
    start, end = _month(index), _month(index + 1)
    share = (date - start).days / (end - start).days
    return series[index] + (series[index + 1] - series[index]) * share


def _within(value: int, expected: float, share: float) -> bool:
    return expected * (1 - share) - _SLACK <= value <= expected * (1 + share) + _SLACK


def plausible_total(key: str, value: int, date: dt.date | None) -> bool:
    """Whether `value` can be the cumulative total of `key` on `date` (any date when None)."""
    series = _MONTHLY.get(key)
    if series is None:
        return value >= 0
    if date is None:
        latest = expected_total(key, dt.date.today()) or series[-1]
        return _FLOOR.get(key, 0) <= value <= latest * (1 + _NEAR) + _SLACK
    expected = expected_total(key, date)
    return expected is not None and _within(value, expected, _NEAR)


def plausible_change(key: str, value: int) -> bool:
    """Whether `value` can be one day's change of `key`."""
    largest = LARGEST_DAY.get(key)
    return 0 <= value <= (largest * _DAY_ROOM + _SLACK if largest is not None else 100)


def years_matching(month: int, day: int, totals: Mapping[str, int], latest: dt.date) -> list[int]:
    """The years whose `month`-`day` suits every stated total closely, up to `latest`.

    A year is only offered when at least one of the totals tells the years apart (a count of
    28 ships fits every year since 2023): with none of those, no year is.
    """
    telling = {k: v for k, v in totals.items() if k in _MONTHLY and v > 100}
    if not telling:
        return []
    years = []
    for year in range(WAR_START.year, latest.year + 1):
        try:
            date = dt.date(year, month, day)
        except ValueError:
            continue
        if date < WAR_START or date > latest:
            continue
        if all(
            (expected := expected_total(key, date)) is not None and _within(value, expected, _TIGHT)
            for key, value in telling.items()
        ):
            years.append(year)
    return years
