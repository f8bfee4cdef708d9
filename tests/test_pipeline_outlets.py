"""Reading a page's outlet: from its URL, from what the page says of itself, from the file name.

The texts are short pages written for these tests.
"""

from __future__ import annotations

import re

import pytest

from newsdiff.pipeline.outlets import (
    EVIDENCES,
    OutletReading,
    outlet_by_host,
    outlet_read,
    registry,
)

LEAD_AR = "ارتفع منسوب النهر خلال الليل وغمرت المياه ثلاث قرى قرب العاصمة بحسب مسؤولين محليين."
LEAD_EN = "The river rose overnight and flooded three villages near the capital, officials said."
SECOND_AR = "وقال رئيس البلدية إن فرق الإنقاذ تعمل منذ الفجر على إجلاء السكان إلى مدارس المدينة."
SECOND_EN = (
    "The mayor said rescue teams had been working since dawn to move people to city schools."
)


def page(*lines: str) -> str:
    return "\n".join(lines)


def read(text: str, **kwargs: str) -> tuple[str, str, bool, bool]:
    reading = outlet_read(text, **kwargs)
    return reading.name, reading.evidence, reading.known, reading.provisional


# --- the URL ---------------------------------------------------------------------------------


def test_the_url_names_the_outlet() -> None:
    reading = outlet_read(page(LEAD_AR), url="https://www.hespress.com/politique/12345.html")
    assert reading == OutletReading(
        name="Hespress",
        native_name="هسبريس",
        domain="hespress.com",
        aliases=reading.aliases,
        country="MA",
        language="ar",
        evidence="url",
        known=True,
        provisional=False,
    )


@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("https://arabic.cnn.com/middle-east/article/2023/09/12/x", "CNN Arabic"),
        ("https://edition.cnn.com/2023/09/12/africa/x/index.html", "CNN"),
        ("https://www.bbc.com/arabic/articles/c0000", "BBC Arabic"),
        ("https://www.bbc.com/news/world-africa-66000000", "BBC News"),
        ("https://m.aljazeera.net/news/2023/9/12/x", "Al Jazeera"),
        ("https://amp.theguardian.com/world/2023/sep/12/x", "The Guardian"),
        ("https://ca.sports.yahoo.com/news/x-123.html?src=rss", "Yahoo News"),
        ("https://english.alarabiya.net/News/x", "Al Arabiya English"),
    ],
)
def test_a_subdomain_or_section_is_the_edition_registered_for_it(url: str, name: str) -> None:
    assert outlet_read(LEAD_EN, url=url).name == name


def test_an_unknown_host_makes_a_provisional_name_when_the_text_shows_nothing() -> None:
    assert read(LEAD_AR, url="https://www.wadi-example.org/news/1") == (
        "wadi-example.org",
        "url",
        False,
        True,
    )


def test_an_address_that_is_no_url_is_ignored() -> None:
    assert read(LEAD_AR, url="not an address") == ("", "", False, False)
    assert read(LEAD_AR, url="http://[::1") == ("", "", False, False)


def test_the_text_names_the_outlet_when_the_url_is_a_reprint_site() -> None:
    text = page("LONDON (Reuters) - " + LEAD_EN, SECOND_EN)
    assert read(text, url="https://reprints.example.org/a/1") == (
        "Reuters",
        "wire credit",
        True,
        False,
    )


# --- what the page says of itself -----------------------------------------------------------


def test_a_short_link_in_the_text() -> None:
    text = page(LEAD_EN, SECOND_EN, "Short link: https://nyti.ms/3xYz")
    assert read(text) == ("The New York Times", "short link", True, False)
    text = page(LEAD_AR, SECOND_AR, "الرابط المختصر: https://www.hespress.com/?p=1234")
    assert read(text) == ("Hespress", "short link", True, False)


def test_a_link_to_the_original_in_a_short_line() -> None:
    text = page(LEAD_AR, SECOND_AR, "ظهر المنشور في الأصل على arabic.cnn.com")
    assert read(text) == ("CNN Arabic", "url", True, False)


def test_a_link_inside_a_sentence_is_a_source_cited() -> None:
    text = page(
        "ونقلت الصحيفة عن تقرير نشره موقع hespress.com أن المياه غمرت ثلاث قرى قرب العاصمة.",
        SECOND_AR,
    )
    assert outlet_read(text).name == ""


def test_an_arabic_copyright_line() -> None:
    text = page(LEAD_AR, SECOND_AR, "جميع الحقوق محفوظة لصحيفة الوطن البحرينية © 2024")
    assert read(text) == ("Al Watan News", "copyright", True, False)


def test_an_english_copyright_line() -> None:
    text = page(LEAD_EN, SECOND_EN, "Copyright © 2024 The Associated Press. All rights reserved.")
    assert read(text) == ("Associated Press", "copyright", True, False)


def test_a_copyright_holder_the_registry_lacks_is_provisional() -> None:
    text = page(LEAD_EN, SECOND_EN, "© 2024 Wadi Times. All rights reserved.")
    assert read(text) == ("Wadi Times", "copyright", False, True)


@pytest.mark.parametrize(
    ("opening", "name"),
    [
        ("إيلاف من لندن: ", "Elaph"),
        ("كريتر سكاي/خاص: ", "Crater Sky"),
        ("طرابلس – الناس نيوز :: ", "Annas News"),
        ("الرياض - المغرب اليوم - ", "Almaghrib Today"),
        ("وكالات - النجاح - ", "An-Najah News"),
    ],
)
def test_an_arabic_dateline_names_the_outlet(opening: str, name: str) -> None:
    assert read(page(opening + LEAD_AR, SECOND_AR)) == (name, "dateline", True, False)


def test_an_english_dateline_names_the_outlet() -> None:
    assert read(page("(Newser) – " + LEAD_EN, SECOND_EN)) == ("Newser", "dateline", True, False)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (page("LONDON (Reuters) - " + LEAD_EN, SECOND_EN), "Reuters"),
        (page("BEIRUT, Lebanon (AP) — " + LEAD_EN, SECOND_EN), "Associated Press"),
        (page("القاهرة - سبوتنيك. " + LEAD_AR, SECOND_AR), "Sputnik Arabic"),
        (page("عمان 5 آب (بترا) - " + LEAD_AR, SECOND_AR), "Petra"),
        (
            page("الرياض 3 رجب 1445 هـ الموافق 15 يناير 2024 م واس " + LEAD_AR),
            "Saudi Press Agency",
        ),
    ],
)
def test_an_agency_in_the_dateline_is_a_wire_credit(text: str, name: str) -> None:
    assert read(text) == (name, "wire credit", True, False)


def test_one_name_in_two_languages_is_read_in_the_page_language() -> None:
    assert outlet_read(page("(CNN) — " + LEAD_AR, SECOND_AR)).name == "CNN Arabic"
    assert outlet_read(page("(CNN) — " + LEAD_EN, SECOND_EN)).name == "CNN"


def test_the_url_wins_over_a_wire_credit() -> None:
    text = page("BEIRUT (AP) — " + LEAD_EN, SECOND_EN)
    reading = outlet_read(text, url="https://www.thenationalnews.com/mena/2024/x")
    assert (reading.name, reading.evidence) == ("The National", "url")


def test_the_page_own_name_wins_over_a_wire_credit() -> None:
    text = page("Hespress", "الرباط (رويترز) - " + LEAD_AR, SECOND_AR)
    assert read(text) == ("Hespress", "page name", True, False)


def test_a_byline() -> None:
    text = page("River floods three villages", "By Jane Doe, Newser Staff", LEAD_EN, SECOND_EN)
    assert read(text) == ("Newser", "byline", True, False)


def test_the_outlet_name_alone_on_a_header_line() -> None:
    text = page("CBS News", "River floods three villages", LEAD_EN, SECOND_EN)
    assert read(text) == ("CBS News", "page name", True, False)


def test_a_follow_prompt_names_the_outlet() -> None:
    text = page("اشترك مجانا بقناة الديار على يوتيوب", LEAD_AR, SECOND_AR)
    assert read(text) == ("Ad-Diyar", "page name", True, False)


def test_a_common_word_alone_on_a_line_is_not_an_outlet() -> None:
    # "People" is a magazine and "الرياض" a paper, but here a section label and a place.
    assert outlet_read(page("People", "River floods", LEAD_EN, SECOND_EN)).name == ""
    assert outlet_read(page("الرياض", LEAD_AR, SECOND_AR)).name == ""


def test_a_breadcrumb_names_sections_not_the_site() -> None:
    assert outlet_read(page("الرئيسية » عربي ودولي » الشرق الأوسط", LEAD_AR)).name == ""


def test_a_closing_credit() -> None:
    assert read(page(LEAD_AR, SECOND_AR, "المصدر: الجزيرة")) == (
        "Al Jazeera",
        "credit",
        True,
        False,
    )
    assert read(page(LEAD_EN, SECOND_EN, "Source: AFP")) == (
        "Agence France-Presse",
        "wire credit",
        True,
        False,
    )
    assert read(page(LEAD_AR, SECOND_AR + " (رويترز)")) == ("Reuters", "wire credit", True, False)


def test_a_photo_credit_above_the_article_is_not_the_page_credit() -> None:
    text = page("River floods", "Villagers wade through water near the capital. – Reuters", LEAD_EN)
    assert outlet_read(text).name == ""


# --- sources quoted are not the publisher ----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        page("The minister told Reuters that " + LEAD_EN, "As CNN reported, " + SECOND_EN),
        page("وقالت وكالة الأنباء الفرنسية إن " + LEAD_AR, "وذكرت قناة الجزيرة أن " + SECOND_AR),
        page(LEAD_EN, "Officials told the BBC: the water is falling."),
        page("وقال مسؤول لوكالة فرانس برس: " + LEAD_AR, SECOND_AR),
    ],
)
def test_an_outlet_quoted_in_a_sentence_is_never_taken(text: str) -> None:
    assert read(text) == ("", "", False, False)
    assert read(text, source="03_wadi-report.txt") == ("wadi report", "file name", False, True)


# --- what is left: a provisional name ---------------------------------------------------------


def test_an_unknown_name_in_a_dateline_is_provisional() -> None:
    assert read(page("(Wadi News) – " + LEAD_EN)) == ("Wadi News", "dateline", False, True)
    reading = outlet_read(page("وادي نيوز/خاص: " + LEAD_AR))
    assert (reading.name, reading.native_name, reading.provisional) == (
        "وادي نيوز",
        "وادي نيوز",
        True,
    )


def test_a_place_and_its_country_in_brackets_is_not_a_name() -> None:
    assert outlet_read(page("هرات (أفغانستان): " + LEAD_AR, SECOND_AR)).name == ""


def test_the_file_name_names_a_registry_outlet_provisionally() -> None:
    assert read(LEAD_AR, source="07_mugtama.txt") == ("Al-Mujtama", "file name", True, True)
    assert read(LEAD_EN, source="14_businessinsider_in.txt") == (
        "Business Insider India",
        "file name",
        True,
        True,
    )


def test_the_file_name_is_the_last_resort() -> None:
    assert read(LEAD_AR, source="12_wadi-online.txt") == ("wadi online", "file name", False, True)


def test_nothing_at_all_gives_an_empty_name() -> None:
    assert outlet_read("") == OutletReading(name="")
    assert outlet_read(LEAD_AR).name == ""


# --- the registry ------------------------------------------------------------------------------

DOMAIN_RE = re.compile(r"^[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:/[a-z0-9_/-]+)?$")
COUNTRY_RE = re.compile(r"^(?:[A-Z]{2})?$")


def test_the_registry_loads_with_hundreds_of_outlets() -> None:
    outlets = registry()
    assert len(outlets) >= 300
    assert sum(outlet.kind == "agency" for outlet in outlets) >= 40
    assert {outlet.language for outlet in outlets} == {"ar", "en"}
    assert registry() is outlets  # loaded once


def test_every_registry_entry_is_valid() -> None:
    for outlet in registry():
        assert outlet.name.strip() == outlet.name and outlet.name, outlet
        assert outlet.domains, outlet.name
        assert all(DOMAIN_RE.match(domain) for domain in outlet.domains), outlet.name
        assert COUNTRY_RE.match(outlet.country), outlet.name
        assert outlet.language in ("ar", "en"), outlet.name
        assert outlet.kind in ("outlet", "agency"), outlet.name
        assert all(alias.strip() == alias and alias for alias in outlet.aliases), outlet.name
        assert len(set(outlet.aliases)) == len(outlet.aliases), outlet.name


def test_no_domain_belongs_to_two_outlets_and_every_domain_finds_its_outlet() -> None:
    domains = [domain for outlet in registry() for domain in outlet.domains]
    assert len(domains) == len(set(domains))
    for outlet in registry():
        for domain in outlet.domains:
            host, _, path = domain.partition("/")
            assert outlet_by_host(host, path) == outlet, domain


def test_names_are_unique_and_evidence_labels_are_the_documented_ones() -> None:
    names = [outlet.name for outlet in registry()]
    assert len(names) == len(set(names))
    assert set(EVIDENCES) == {
        "url",
        "short link",
        "copyright",
        "credit",
        "dateline",
        "byline",
        "wire credit",
        "page name",
        "file name",
        "",
    }


def test_a_paper_quoted_in_the_lead_is_not_a_dateline() -> None:
    text = (
        'كشفت صحيفة "الشرق الأوسط" عن اتفاق جديد بين الطرفين على تبادل الأسرى قبل نهاية الشهر.\n'
        "وقال مسؤول إن المفاوضات استمرت أسبوعين في العاصمة."
    )
    reading = outlet_read(text, source="report.txt")
    assert reading.evidence == "file name" and reading.provisional
