"""The title and author sort key: Ukrainian alphabet order, Latin before Cyrillic, digits
first, case and leading quotes left out."""

from __future__ import annotations

import random

from desktop_app.core.sort_key import CYRILLIC_ORDER, sort_key


def test_ukrainian_alphabet_in_order_whatever_the_case() -> None:
    letters = list("абвгґдеєжзиіїйклмнопрстуфхцчшщьюя")
    words = [letter + "ар" for letter in letters] + [letter.upper() + "ор" for letter in letters]
    shuffled = words[:]
    random.Random(7).shuffle(shuffled)
    got = sorted(shuffled, key=sort_key)
    firsts = [w[0].lower() for w in got]
    assert firsts == sorted(firsts, key=CYRILLIC_ORDER.index)
    assert [w[0].lower() for w in got[::2]] == letters


def test_a_list_of_titles_sorts_as_a_reader_expects() -> None:
    titles = [
        "Юнаки з Ірпеня",
        "«Ґанок» у Львові",
        "яблука з Херсонщини",
        "Їжак на блокпосту",
        "Євген повернувся додому",
        "Армія дронів",
        "'Drones' over Kharkiv",
        "2024: a year of shelling",
        "бійці відпочивають",
        "Іван вдома",
        "Житомир без світла",
        "Zaporizhzhia update",
    ]
    assert sorted(titles, key=sort_key) == [
        "2024: a year of shelling",
        "'Drones' over Kharkiv",
        "Zaporizhzhia update",
        "Армія дронів",
        "бійці відпочивають",
        "«Ґанок» у Львові",
        "Євген повернувся додому",
        "Житомир без світла",
        "Іван вдома",
        "Їжак на блокпосту",
        "Юнаки з Ірпеня",
        "яблука з Херсонщини",
    ]


def test_russian_letters_are_slotted_beside_their_neighbours() -> None:
    keys = [sort_key(w) for w in ("есть", "ёж", "єнот", "щука", "ъ", "ыр", "ьо", "эх", "юг")]
    assert keys == sorted(keys)


def test_case_punctuation_and_composed_letters() -> None:
    assert sort_key("«Київ»") == sort_key("київ") == sort_key('"КИЇВ"'.lower())
    assert sort_key("Йорданія") == sort_key("И\u0306орданія")  # й typed as и + breve
    assert sort_key("Café") == sort_key("cafe")
    assert sort_key("a -- b") == sort_key("A b")
    assert sort_key("") == sort_key(" «» ") == ""


def test_marks_other_scripts_and_other_cyrillic_letters() -> None:
    assert sort_key("то\u0301му") == sort_key("тому")  # a stress mark
    assert sort_key("Ärger_und") == sort_key("arger und")
    assert sort_key("zebra") < sort_key("ђак") and sort_key("яма") < sort_key("ђак")
    assert sort_key("x²") == sort_key("x2")
