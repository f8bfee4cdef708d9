"""The text pipeline, stage by stage: pure Python, never imports Django.

    raw text --clean--> CleanedArticle --segment--> claims --facts--> ClaimDrafts  (analyse_article)
    articles of a story --align--> Matches --relate--> LinkDrafts         (compare_articles)

Claims that end up in no link are the details only one outlet reports.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from itertools import combinations

from newsdiff.pipeline.align import align_claims
from newsdiff.pipeline.attribution import same_source
from newsdiff.pipeline.clean import clean_article
from newsdiff.pipeline.encode import Vectors
from newsdiff.pipeline.facts import claims_with_facts
from newsdiff.pipeline.parallel import PARALLEL_MIN_CLAIMS, relate_all, side_by_side
from newsdiff.pipeline.relate import ENGINE_VERSION as RELATE_VERSION
from newsdiff.pipeline.relate import denies, relate_claims, story_words, worded_as_rise
from newsdiff.pipeline.segment import segment_claims
from newsdiff.pipeline.types import (
    AnalysedArticle,
    ClaimDraft,
    LinkDraft,
    Match,
    Reason,
    Relation,
)

ENGINE_VERSION = f"newsdiff-1/{RELATE_VERSION}"
# How claims' facts and sources are read (facts.claims_with_facts): claims stored under an
# older reading are read again, from their stored text, when their story is next aligned or
# realigned (reread_claims). 2: when or how a source spoke is no part of its name ("the
# ministry later said", "وقالت الوزارة لاحقا"). 3: the source after "وفق ما أفاد", whom or
# through what it spoke ("لوكالة", "عبر"), and what it announced ("تعاقده") are no part of it.
# 4: "had earlier" between a figure and its word of state leaves the state read ("the death
# toll had earlier reached 870": the dead). 5: an object right after the verb ("وأعلن مقتل 30
# شخصا") or a quotation ('وأضاف "..."') names no source. 6: a medium without the article is
# named by the next word ("صحيفة اليوم", "وكالة الأنباء الليبية"). 7: a clause takes no source
# from a later clause that says its own ("...، حيث أوضح المركز أن ..."). 8: what a figure
# rests on is no source ("حسب التقديرات"), and a verb of saying repeated is no part of one; a
# quotation open across a sentence break, and "وتحدث عن", go on being the speaker's. 9: a
# place, a time or a document is no source ("near the epicenter", "a statement from the
# army": the army), "officials in the town" are the officials, and a name ends on no
# particle ("... عبد"). 10: a title and a name set apart by commas before the verb name one
# source ("the port's director, Lena Ward, said"), and people who lost their homes or are
# left without them are counted as the displaced ("lost their homes", "باتوا من دون منازل").
# 11: a name or a title set apart by commas right after a source is part of it ("أعلن وزير
# الصحة، حسن حمد، أن", "according to the minister, Hamad Hassan, ..."). 12: a place or a date
# set apart by commas before the verb is no source ("residents of Derna, Libya, said"). 13: a
# source that points back ("وفق المصدر ذاته", "the same source") is the one named before, and
# a name made definite ("وأضافت الهيئة", "the agency said") the one named before whose head
# it is. 14: "تقتل" and "قتلت" count the dead (also Maghrebi "لي تقتل فيه 100 شخص"), and
# "أزيد من" is "more than". 15: one word of a name named before is that source ("وأوضح حمد"
# after "وزير الصحة اللبناني حمد حسن", "Abboud said" after "governor Marwan Abboud").
# 16: what a source had said names it ("وكانت السلطات الليبية ذكرت", "وكان الجيش قد أعلن").
# 17: a two-digit age in brackets after a name ("سامي (24 عامًا)", "Ward (61)").
# 18: ... or between commas after a word ("the former Talbara striker, 29, is").
# 19: a source put before its verb after a word of contrast ("بينما الوزارة أشارت إلى أن").
# 20: those ages are whole numbers of two digits ("(3.5 years)" is a duration again).
# 21: the Persian forms of Arabic letters are the Arabic letters ("الرئیس" is "الرئيس"), and a
# claim's normalised text is read again with its facts.
# 22: an English count names its thing by the second of two nouns when that one is a plural
# ("3 police officers" and "5 police cars" count two things; "40 ground teams" counts teams).
# 23: a part of a country is a fact ("شمال شرق البلاد", "north-western Iran": facts "region").
# 24: an amount of money names what it pays for by a money noun after or just before it ("a
# £522million contract", "عقدا بقيمة 522 مليون جنيه": "contract" in either language).
# 25: a counted noun of lang COUNT_NOUNS is its key in every language ("185 سفينة", "200
# ships": "ship"; "40 ground teams", "46 rescue crews": "team").
# 26: a part of a country told with another beside it ("في شرق البلاد وغربها", "the north
# and east of the country") is no one place.
# 27: an amount paid each period, or over several years, with a salary noun or a verb of
# being paid before it, is a salary, counted a year at a time ("paid 150m euros a year",
# "تقاضي 160 مليون يورو خلال موسمين": 80 million a year); a weekly or monthly wage is its own
# quantity, and a bracketed conversion inside a salary's span is no second sum.
# 28: a source's name ends at a clause about it: a relative pronoun ("المصدر الذي فضل عدم
# ذكر اسمه", "an aide who asked to stay unnamed") or a verb of asking or refusing
# before what it withheld ("مصدر رفض الكشف عن هويته").
# 29: nor do what it said of it or in ("ما صرح به مصدر", "قالت فيه"), since when ("منذ
# قليل"), whose body it is ("التابع"), a verb after it ("قام", "يعد", "قد"), or how it spoke
# ("as officials said", "has angrily denied", "reports earlier that day said": reports). A source
# as written keeps an apostrophe inside a word ("Messi's") and drops a clitic in front of it
# ("لتقارير سعودية": "تقارير سعودية", not the folded "تقارير سعوديه").
# 30: a relative clause set apart by commas before the verb says of the source, which is the
# name before it ("the source, who asked not to be named, said": the source; "the ministry,
# which oversees the port, said": the ministry); a hedge behind a proclitic ("بأكثر من مليار")
# is no subject of its figure; an amount takes the money noun of its clause however far back,
# no other figure between ("قدر الرئيس الخسائر الناجمة عن ... بأكثر من 15 مليار دولار":
# losses), and damage is told as losses ("أضرار مادية", "damage put at $3 billion").
# 31: in a long sentence, "with a(n) <noun> that ..." opens a clause of its own when the
# clause gives a figure: a second event with its own figures ("... with a surge that flooded
# 300 homes an hour later", segment._CLAUSE_JOINT_RE).
# 32: the buried are a state of their own ("جرى دفن 17 شخصا", "17 were buried"), some
# of the dead counted apart (lang COUNT_STATES).
# 33: Maghrebi month names ("18 جوان 2024", "جويلية", "أوت", "أفريل", "فيفري", "جانفي",
# "ماي") date a day; "18 جوان" was a count of 18.
# 34: a temperature is read as one ("49 درجة مئوية", "51.8 degrees Celsius", "47C", "125°F"
# in Celsius; "درجة" alone after a word of heat), no count of degrees; pilgrims are one
# counted noun in every form ("577 حاجا", "1301 حاج", "pilgrims"); a source's name does not
# start with "but", "and" ("But the cabinet said").
# 35: a source kept anonymous is named by the words before the clause that says so ("an
# aide who asked to stay unnamed said", "وقال المسؤول شرط عدم ذكر اسمه").
# 36: a verb of estimating before its subject names it as the source when what it estimates
# follows the name ("قدّر الوزير الخسائر بأكثر من 2 مليار", "تقدر شركات التأمين خسائر
# الحريق بنحو 3 مليارات"): two such estimates are two sources' figures.
# 37: English verbs of stating name the source before them where a statement follows
# ("the agency reported that", ", the agency reported.", "confirmed on radio that"), not as a
# participle ("deaths reported at the camp"); a passive verb of saying names nobody ("were said
# to be", "it has been reported that").
# 38: a duration joined to its unit as an adjective lasts what the word after it names ("signed
# a two-year contract", "was offered a two-year contract": both the contract's), not the verb
# before it.
# 39: a title of up to 8 words set apart by commas between a name and its verb ("Lena Ward,
# an adviser to the port authority, said") leaves the name the source (a longer title than a
# name is none of it).
# 40: "دا" is a name's particle ("نيمار دا سيلفا"): a source's name cut after it ends before it.
# 41: a bare figure that "the number" names ("إن العدد لا يقل عن ثلاثة آلاف") counts what the
# claim before it counted (facts._number_referred).
# 42: the toll counts the dead ("the death toll of the collapse now stands at 57", "حصيلة
# الانهيار ... 57": lang TALLY_WORDS, COUNT_STATES, numbers._tallied_state); a preposition
# with a pronoun between a verb and its subject is no part of the source ("أعلنت عنه
# الوزارة": lang SOURCE_LEADING_JOINERS), nor is what a denial denies ("نفت الشركة أي
# علاقة": "أي" in lang SOURCE_STOPS).
# 43: martyrs count the dead ("سقوط 12 شهيدا", "استشهاد 8 أشخاص": lang COUNT_STATES); a
# count takes no state from the clause coordinated after it ("استشهاد 6 أشخاص وإصابة 140",
# "reached 41 and several hundred were wounded": numbers._own_clause_after); "صادرة عن"
# (issued by) names the source after it ("حصيلة صادرة عن وزارة الصحة": lang ACCORDING_TO); "سقوط"
# and "استشهاد" after a verb of announcing are what it announced, no source (lang
# EVENT_OBJECTS); "خلال" ends a source's name ("وأضاف الوزير خلال مؤتمر صحفي": SOURCE_STOPS).
# 44: a source named after its verb runs to the word that opens what it said ("إن", "أن",
# "بأن") or to a comma that sets an aside apart, up to attribution.APPOSITION_MAX_WORDS: a
# title and a name are one subject ("قال الأمين العام للحزب سامر الخوري، في كلمة، إن"), not
# the title's first four words; a quotation opened after the name ('وقال المكتب "ارتفع عدد
# المصابين ..."') is what it said, not more of its name.
# 45: a verb of saying and its subject before a comma are no claim of their own: the sentence
# is not cut there ("نفى فلان، ووكيل أعماله، المعلومات ...", after a dateline too), so the
# statement after the comma keeps its verb (a denial stays one) and its speaker
# (segment._speaker_only).
# 46: an English verb of saying after a quotation it closes names the source after it ('"...,"
# said Lena Ward', and her next '"...," she added' goes on quoting her); the full stop of an
# initial or an abbreviation ("U.S.", "Rear Adm.": lang ABBREVIATIONS, now with military
# titles) ends no source's name, nor the sentence; a second verb of saying ends a name.
# 47: a word of losing counts by what is lost (numbers.lost_state): "فقدوا حياتهم" and "فقد
# 30 شخصا أرواحهم" count the dead, where "فقد" read the missing; what another clause names
# ("فقد 30 شخصا وتضررت منازل") is not what was lost.
# 48: a noun that owns by a pronoun suffix right after a definite source is the verb's object,
# not more of the name ("حددت الهيئة مركزها": the authority; attribution._owned_after_definite).
# 49: a word of losing right after a figure is no noun counted ("40 ألفا فقدوا منازلهم" counted
# "قدوا"): what it loses says the state (numbers.lost_state).
# 50: "others" counts nobody in particular ("وإصابة 152 آخرين", lang GENERIC_PEOPLE_NOUNS): the
# word of state says who they are (the injured), where "اخر" was the noun counted.
READING_VERSION = 50
# Between articles, the learned contradiction model (trained on ANS headline rewrites) speaks
# only for near-rewrites; the fact rules speak for everything aligned. On the seed pair every
# learned "contradiction" had similarity <= 0.67, and none was one.
ARTICLE_LEARNED_MIN_SIMILARITY = 0.8
# At most this many pairs of a claim are related: its best-aligned ones (a pair is kept when
# it is among the best of either of its claims). In a story of many articles a fact's claims
# are each aligned with dozens of others that retell it; relating every pair made the
# 101st article of a story cost 6 s and a 500 x 40 story 815,000 relations. Agreement groups
# are connected groups, so a claim linked to a few of its group's claims joins the group.
MAX_PAIRS_PER_CLAIM = 4


def analyse_article(raw: str, *, published: dt.date | None = None) -> AnalysedArticle:
    """Clean raw page text and split it into claims with their facts.

    An explicit publication date wins over one read from the text; either resolves the
    relative dates (أمس, last August ...) of the claims.
    """
    clean = clean_article(raw)
    claims = claims_with_facts(
        clean.text, segment_claims(clean.text), published=published or clean.meta.published
    )
    return AnalysedArticle(clean=clean, claims=claims)


def reread_claims(
    clean_text: str, claims: Sequence[ClaimDraft], *, published: dt.date | None = None
) -> tuple[ClaimDraft, ...]:
    """Stored claims with their facts and sources read again by the current reading, their
    text, positions and spans kept (links and editors' decisions refer to them).

    A claim split from a longer sentence reads its source from that sentence, as at ingest:
    the clean text is segmented again for the sentence spans, and a claim whose span the
    current segmentation no longer cuts is read alone."""
    sentences = {
        (s.claim.start, s.claim.end): (s.sentence_start, s.sentence_end)
        for s in segment_claims(clean_text)
    }
    # The facts stage writes each claim's facts and source afresh.
    segments = [(c, *sentences.get((c.start, c.end), (c.start, c.end))) for c in claims]
    return claims_with_facts(clean_text, segments, published=published)


def compare_articles(
    articles: Sequence[Sequence[ClaimDraft]],
    published: Sequence[dt.date | None],
    *,
    only: int | None = None,
    vectors: Sequence[Vectors] | None = None,
    languages: Sequence[str] | None = None,
) -> list[LinkDraft]:
    """Align the claims of a story's articles and relate every aligned pair.

    Pairs the relate stage finds unrelated (they only look alike) are dropped; every other
    kind (agreement, contradiction, dispute, update) is a link. only: the index of a new
    article, whose pairs with the others are all that is compared (align_claims); vectors
    and languages pair claims across languages by meaning (align_claims).
    """
    links = []
    # A whole story is aligned beside the reading of its words (story_words, which leaves
    # each claim's words in this process for relate to find).
    matches, own_words = side_by_side(
        lambda: align_claims(
            articles,
            only=only,
            vectors=vectors,
            languages=languages,
            limit=MAX_PAIRS_PER_CLAIM,
            denies=denies,
        ),
        lambda: story_words(articles),
        large=only is None and sum(map(len, articles)) >= PARALLEL_MIN_CLAIMS,
    )

    def relate(match: Match) -> Relation:
        return relate_claims(
            articles[match.article_a][match.claim_a],
            articles[match.article_b][match.claim_b],
            published_a=published[match.article_a],
            published_b=published[match.article_b],
            learned_min_similarity=ARTICLE_LEARNED_MIN_SIMILARITY,
            meaning=match.meaning,
            cosine=match.cosine,
            story_words=own_words,
        )

    for match, relation in zip(matches, relate_all(matches, relate), strict=True):
        if relation.kind != "unrelated":
            links.append(LinkDraft(match=match, relation=relation))
    articles_compared = range(len(articles)) if only is None else [only]
    for index in articles_compared:
        links.extend(inner_disputes(articles[index], published[index], article=index))
    return links


def inner_disputes(
    claims: Sequence[ClaimDraft], published: dt.date | None, *, article: int
) -> list[LinkDraft]:
    """The disputes one article reports: two of its claims that quote two different sources
    ("USGS put the depth at 18.5 km" / "GFZ said 10 km") giving two values of one fact, or
    one denying what the other reports. An outlet that quotes both does not contradict
    itself, so nothing else is drawn inside one article: only a dispute the rules find
    (never the learned model's guess), between two named sources, neither of them telling
    how a figure rose."""
    links = []
    quoted = [k for k, claim in enumerate(claims) if claim.attribution]
    for x, y in combinations(quoted, 2):
        a, b = claims[x], claims[y]
        if same_source(a.attribution, b.attribution) or not (a.facts and b.facts):
            continue
        if worded_as_rise(a) or worded_as_rise(b):
            # An article telling how a figure rose ("the toll rose to 135") gives its
            # earlier value as history, not as another source's claim.
            continue
        relation = relate_claims(
            a,
            b,
            published_a=published,
            published_b=published,
            learned_min_similarity=ARTICLE_LEARNED_MIN_SIMILARITY,
        )
        if relation.kind == "disputed" and relation.reason is not Reason.LEARNED:
            match = Match(
                article_a=article,
                claim_a=x,
                article_b=article,
                claim_b=y,
                similarity=relation.details.similarity,
            )
            links.append(LinkDraft(match=match, relation=relation))
    return links
