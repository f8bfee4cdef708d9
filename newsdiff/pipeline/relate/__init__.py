"""Relate two aligned claims: agreement, contradiction, dispute, update, or unrelated.

Two layers decide, in this order:

1. **Rules over facts** (rules.py): the same quantity with two values (amounts converted
   between currencies, the dead never counted against the missing: quantities.py), the same
   event with two dates or places, one claim negating or denying what the other says
   (polarity.py), opposite directions, another name in the same slot.
2. **A learned model** (model.py) where the rules run out, trusted between articles only on
   near-rewrites, and never where the rules explain every difference (two denials, another
   name of one actor, one day said two ways: rules.equivalent).

Pairs that only look alike are unrelated. A contradiction then becomes:

- a **dispute** when the two claims quote different sources (one_source: one actor may go
  by two names, one person be named in two scripts): the outlets do not contradict each
  other, their sources do (the reason stays the contradiction's). A report against the
  denial of it is a dispute whoever quotes them, unless one source both says and denies it;
- an **update** when the claims give two values of one count (a toll, a number of people) in
  articles published on two different dates: the figure changed, nobody got it wrong.

The stage returns reason codes and typed values (types.RelationDetails); the sentences
people read are rendered from them by newsdiff/explanations.py.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from contextlib import suppress
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import lru_cache
from itertools import repeat

from newsdiff.pipeline import lang
from newsdiff.pipeline.align import MEANING_QUANTITY_COSINE, share_a_fact
from newsdiff.pipeline.attribution import (
    NAME_PARTICLES,
    names_as_reporter,
    reporter_key,
    same_source,
)
from newsdiff.pipeline.dates import weekdays_named
from newsdiff.pipeline.facts import casualty_counts, claim_from_text
from newsdiff.pipeline.normalize import (
    alternation,
    country_of,
    light_stem,
    name_key,
    normalize_text,
    tokens,
    word_forms,
)
from newsdiff.pipeline.numbers import MAGNITUDE
from newsdiff.pipeline.relate.metrics import format_scores, relation_scores
from newsdiff.pipeline.relate.model import (
    MODEL_PATH,
    contradiction_probability,
    load_model,
    pair_features,
)
from newsdiff.pipeline.relate.polarity import denial_against_plain, polarity
from newsdiff.pipeline.relate.quantities import (
    ABOVE,
    PROJECTION,
    bound_of,
    count_place,
    hedge_of,
    told_of_several_places,
)
from newsdiff.pipeline.relate.rules import (
    RULE_MIN_SIMILARITY,
    FactComparison,
    Finding,
    compare_facts,
    contradiction_rule,
    equivalent,
    only_opposite_bounds,
    word_swap,
)
from newsdiff.pipeline.relate.words import (
    VIEW_CACHE_LIMIT,
    ClaimView,
    containment,
    diff,
    similarity,
    view,
)
from newsdiff.pipeline.types import (
    DATE_KINDS,
    NAME_KINDS,
    ClaimDraft,
    Fact,
    FactDifference,
    Reason,
    Relation,
    RelationDetails,
    RelationKind,
)
from newsdiff.pipeline.units import decimal_value, length_unit

__all__ = [
    "ENGINE_VERSION",
    "MODEL_PATH",
    "claim_from_text",
    "contradiction_probability",
    "denies",
    "format_scores",
    "model_overruled",
    "pair_features",
    "relate_claims",
    "relate_texts",
    "relation_scores",
    "similarity",
    "worded_as_rise",
]

# relate-4: polarity (negating phrases, denials), disputes between a report and its denial,
# aliases, weekdays, counts of the dead and the missing, cities in their countries and
# amounts converted between currencies; the learned model's weights are relate-2's.
# relate-5: pairs found by meaning across languages (no contradiction from them, no link where
# an unexplained figure differs); a figure worded as a rise is an update; the learned model is
# consulted between articles only on near-rewrites (same weights).
# relate-6: a count in round thousands agrees with the count it rounds; a noun of rising
# ("ارتفاع") makes an update; a negation needs half the content shared; between articles the
# learned model judges only one or two swapped words, never who says it.
# relate-7: a count of people takes the state beside it ("مقتل 3 آلاف شخص" counts the dead);
# two counts of the same casualties that share nothing else are compared: a dispute between two
# sources, an update between two dates, else no link.
# relate-8: the learned model knows a swapped country (by name, capital or nationality) as a
# feature of its own (bench/calibrate_relate.py).
# relate-9: disputes inside one article between two sources it quotes (pipeline.inner_disputes);
# a forecast ("could reach") or a count of other places never conflicts with a count;
# "أشارت"/"لفتت"/"حددت" name a figure's source.
# relate-10: a month named alone ("في أغسطس", "in August") is a date; figures of one kind that
# the words cannot tell to be one measure make a weak agreement (DISTINCT_QUANTITIES_SCORE),
# which joins no agreement group, also between claims paired by meaning.
# relate-11: a seismic magnitude is read as such (numbers.MAGNITUDE, an aftershock's apart);
# two magnitudes of one quake conflict wherever the aligner pairs them, unless a claim names
# another year (another quake); "أودى بحياة", "أرواح" count the dead; times of day of one event
# in one zone (TIME_MISMATCH); claims of two languages that share a quantity are one report
# from a cosine of 0.4 (align.MEANING_QUANTITY_COSINE).
# relate-12: directions from one place at one distance ("72 km south-west of Marrakesh")
# conflict when 90 degrees or more apart (PLACE_MISMATCH); a source's words match in two
# spellings ("الامريكيه" / "الاميركيه"); "gh", "kh", "dh" in Latin names; بلدة, قرية and ولاية
# introduce names; each magnitude meets the nearest claim of every other magnitude; a hedge
# whose first word carries a proclitic ("بنحو", "بأكثر من") hedges its figure; times of day
# in Arabic words; two amounts that are rates over two periods ("a day", "كل ساعة") are two
# quantities, and a unit of time swapped for another substitutes no name; a part of the day
# named with its weekday ("Thursday afternoon ET", "مساء يوم الأحد") conflicts with a time of
# that weekday in its zone that it cannot hold; "Eastern Time" is ET; two times named beside
# two weekdays are never compared.
# relate-13: a length meets the nearest claim of each other length it may be ("a 21-foot
# vessel", "22 feet long"); pairs kept for their figures take no other pair's place, and a
# new article meets the figure pairs the whole story gives it, whatever the order; two
# lengths are one measure only within a ratio of three, in one unit as in two (a depth of
# 10 km is no distance of 72 km); a length in whole units agrees with the one it rounds
# ("18 km", "18.5 km"); "... and said" names no source; the lower end of a range takes the
# scale of its upper end ("بين 18 و20 ألفا"), and a range's ends are a floor and a ceiling: an
# exact figure between them agrees, a bound beyond them ("قد يزيد على 20 ألفا") conflicts; a
# figure far from its word of state counts what its clause tallies ("عدد القتلى ..."); a count
# and an amount of one value are no shared figure.
# relate-14: between articles, claims that share no figure or date agree only if their
# sentence vectors also mean alike (ARTICLE_MIN_COSINE); "رئيس بلدية مدينة X" and "رئيس بلدية
# X" are one source; figures whose nouns name two measures (a weight, a capacity) are two
# quantities; a quotation is not split into clauses; two lengths differ as lengths. Grouping:
# two articles published more than half a year apart tell of two events.
# relate-15: between articles, claims that share no figure or date need a cosine of 0.38 (was
# 0.35), and claims whose only common facts are names the cosine of pairs found by meaning;
# one figure bounded from two sides, one strictly ("more than 300,000" / "up to 300,000"), is
# a mismatch; a hedge swapped for another ("more than" / "about") substitutes no name.
# relate-16: between articles, claims that share no figure, date or name and no word but the
# story's own (STORY_WORD_SHARE) are no link; a count or a duration that differs between two
# claims that each name the day they tell of, two different days, is an update
# (DAY_UPDATABLE_KINDS).
# relate-17: two values of a count that both claims quote from one source, in articles not
# known to be of one day, are the source's revision (FIGURE_REVISED), not a contradiction;
# a verbal noun after a verb of announcing ("أعلنت الوزارة مقتل ...") ends the source's name.
# relate-18: words that say when or how a source spoke ("later", "had earlier", "on Tuesday",
# "لاحقا", "أيضا"), whom or through what it spoke ("لوكالة", "عبر") and what it announced
# ("تعاقده") are no part of its name; "وفق ما أفاد الجيش" is the army. A count told as said
# before ("في وقت سابق", "had earlier") against one that is not is an update (the other is the
# later).
# relate-19: a claim that says what its subject is not ("a submersible, not a submarine")
# negates nothing of another claim about that other thing ("whereas a submarine has ...").
# How much a figure changed ("rose by 9", "بنحو 9 ... عن") is compared with changes only.
# One source's two forecasts that cannot both hold are a contradiction, not its revision.
# relate-20: an approximate figure not close to the end of a range it lies beyond conflicts
# with the range ("about 90,000" / "between 60,000 and 75,000"); a name of two words or
# more is the same source with its title before it ("Lena Ward" / "director Lena Ward");
# counts of the displaced read "lost their homes" (reading 10).
# relate-21: one person named in two scripts is one source (one_source: "محافظ بيروت مروان
# عبود" / "city governor Marwan Abboud"), and two counts of the same casualties that one
# named source gave on one day contradict each other, however few words the claims share.
# relate-22: the agencies world news quotes most are one source under their Arabic and
# English names (attribution.ACTOR_ALIASES: "هيئة المسح الجيولوجي الأميركية" / "the US
# Geological Survey").
# relate-23: a verb of exceeding shortly before a figure makes it a floor ("تخطى عدد الجرحى 5
# آلاف", "the toll exceeded 5,000"), and a "previous toll" ("آخر حصيلة سابقة") is an earlier
# figure.
# relate-24: lengths taken to two points, from two places or from one in two directions
# with two figures, are two distances ("60 كم غرب أغادير" / "72 km north-east of Marrakesh");
# one place's spellings are one place (name keys one letter apart: mrkh / mrksh).
# relate-25: a minister speaks for the ministry of the portfolio ("وزير الصحة اللبناني" /
# "وزارة الصحة اللبنانية", "the health minister" / "the health ministry": one source).
# relate-26: a ministry named by its portfolio alone is one source in every language ("the
# country's interior ministry" / "وزارة الداخلية"); a country named on either side keeps two.
# relate-27: one source written out further inside is that source ("وزير الصحة اللبناني حمد"
# / "وزير الصحة اللبناني حسن حمد": the same first word, the shorter's words in order).
# relate-28: a ministry that names its country is one source in every language when the
# country is one ("Lebanon's health minister" / "وزارة الصحة اللبنانية"; normalize.country_of).
# relate-29: two magnitudes of quakes of two years with nothing else given alike are no link,
# not even a weak agreement (rules.FactComparison.another_event: the 1960 quake recalled).
# relate-30: a forecast's bound is read ("might claim as much as $2 billion":
# quantities.forecast_bound), so two forecasts bounded from two sides conflict; Arabic
# ceilings "ما يصل إلى", "لا يزيد على" and the feminine "تزيد على", "لا تقل عن", "تقل عن".
# relate-31: two claims quoting two different sources, with no figure or date in common, are
# one report only from TWO_SOURCES_MIN_COSINE.
# relate-32: two claims that both negate or deny never conflict by polarity, however their
# negations fall ("nothing agreed with any club" / "neither signed nor agreed"); "without",
# "دون", "بدون" negate the one word after them; "nothing", "neither", "reject", "refuse"
# negate; a verb before a word of reports denies ("shut down claims", "كذّب التقارير",
# "debunked"); a run of lower-case English words in place of another is no name swapped but
# an uncertain pair (a weak agreement: "ends the league" / "finished the league"); between
# articles the learned model judges Arabic pairs only.
# relate-33: claims of two articles that count one named thing with no figure in common
# ("185 سفينة" / "369 سفينة" waiting) are paired by meaning, as casualties are
# (align.COUNTED_MIN_COSINE); a claim of an undated article tells of the weekdays it names
# ("يوم الأربعاء"), so two counts told of two weekdays are an update.
# relate-34: between articles, a denial and a claim that neither denies nor negates are no
# agreement (no link, unless the rules set them against each other); "ما تم نشره" (what was
# published) and its kin are words of reports before a verdict ("... أخبار مزيفة"), which
# they may precede by 10 tokens (was 8).
# relate-35: quoted lines are no wire copy: two outlets quoting one statement word for word
# have not copied each other (align.quoted_lines).
# relate-36: one place told on two opposite sides of one country ("شمال شرق البلاد",
# "شمالي غربي إيران") is a place mismatch (rules._compare_regions).
# relate-37: a round amount of money agrees with a precise one it rounds ("$900 million" and a
# claim of 916 million), as a round count does (quantities._rounds_to).
# relate-38: a country's state television is one source in either language ("State
# television", "التلفزيون الرسمي": lang ACTOR_ALIASES), which does not dispute itself.
# relate-39: claims of two articles that price one thing by name (a contract, a salary:
# numbers.priced) at different sums are paired by meaning, as counts of one named thing are
# (align._counted_candidates).
# relate-40: a figure in the clause a verb of expecting governs through its complement is a
# forecast, however far after the verb ("توقع ... أن تصل التعويضات ... بأكثر من مليار دولار",
# "predicted ... that Egypt would ask for more than $1 billion": quantities._expected).
# relate-41: "قد" before a feminine imperfect verb of figures ("قد تصل", "قد ترتفع") makes a
# forecast (lang PROJECTION_PARTICLE_VERBS); between articles, the learned model calls no
# forecast and a count of its figure a contradiction: no link.
# relate-42: in a story of six articles or more, two claims of two articles that share no
# figure, date or name and whose common words weigh little beside the rest of each, by how
# few of the story's articles use them, are no link (STORY_WEIGHTED_MIN_SHARE).
# relate-43: a floor keeps a figure only just above it, within the floor's own rounding
# ("more than 60 missing" keeps 64, not 80; "more than 100 dead" keeps 135), and two floors
# of one figure ("more than 400 ships", "more than 450") are two figures unless one rounds
# the other (quantities.values_agree).
# relate-44: counts whose clauses name two countries and none in common ("14 Jordanian
# pilgrims", "9 Egyptians") or that two claims tell of two years (each by the years it names,
# else its publication's: "Last year, at least 240 died") are two counts
# (rules._compare_quantities, quantities.count_countries); a count told on a later day at
# less than a third of the earlier is no update of it but a part or another count: no link
# (UPDATE_MIN_SHARE); a relative year that owns a noun ("last year's pilgrimage") dates
# another event and differs from no date (rules._year_of_another). Found by a 14-page audit
# of the 2024 Hajj heat deaths, whose 30 flagged links were mostly such.
# relate-45: a date right after a verb of saying, nothing opening what is said between, dates
# the statement: the days of two statements are no date mismatch (rules._statement_date).
# relate-46: two temperatures that differ are two readings (types.READING_KINDS), never a
# conflict; a figure with its unit written onto it ("44C") is no name swapped for another;
# two sources' counts of two full dates, the later worded as a rise and higher, are an
# update, not a dispute (_rose_between_days).
# relate-47: a count of a part of a whole ("320 of the dead", "منهم 320", "من بين المتوفين":
# quantities.is_part) is no measure of a count that is none.
# relate-48: two counts of the dead (or of one other state) whose clauses name the same
# countries are one country's toll, however each names its people ("6 Jordanian fans", "14
# Jordanians": rules._Quantity._one_country_toll).
# relate-49: a count's own nationality right after it is its country alone (a list of
# countries' tolls), a figure with "و" written onto it finds its clause, and a count of
# what was added ("58 additional deaths", "12 more bodies") is a change, not a toll
# (quantities.count_countries, _in_clause, is_change).
# relate-50: a count of one country's nationals ("144 Indonesians", "144 deaths among its
# citizens": quantities.counts_nationals), its country named, is no measure of a count whose
# clause names no country.
# relate-51: two claims of two articles whose only common figures are dates or years must
# mean alike (DATES_ONLY_MIN_COSINE) to be one report.
# relate-52: a count of the rest of a group ("the other two boats": quantities.counts_rest) is
# no measure of a count of the group.
# relate-53: a claim telling of an answer to reports ("broke his silence over reports that
# ...", "ردّ على الأنباء") is no statement of what they say: it disputes no denial of them.
# relate-54: words that only name the story's cast (a title, a country or its people, a name's
# particle and the word after it) make no two claims one report beside the story's own words.
# relate-55: one figure bounded from both sides ("more than 300,000", "up to 300,000") is no
# revision of its source nor an update; two languages paired by meaning that differ by such a
# figure alone conflict.
# relate-56: two sources' counts that rose between two articles' dates from a floor or a
# provisional toll, or that each source tells as a rise or the latest, are an update, not a
# dispute (_rose_between_articles, _both_running); a toll told as provisional or as the
# latest is updated by another figure (_told_as_running); one body's name with and without
# its article or plural ending is one source (attribution._singular); a denial conceded
# ("despite denials", "رغم نفي") is not the claim's own (polarity); "رفعت", "raised" word a
# rise (lang RISE_WORDS); "60 of the wounded", "60 جريحا من إجمالي المصابين" count a part
# (lang PART_AFTER).
# relate-57: a figure of one claim that an equal figure of the other meets is not also
# contradicted by that claim's other figure ("12 on Tuesday and 25 on Wednesday" against "25
# on Wednesday": rules._compare_quantities); a count of one of a story's events told apart
# ("a new series of blasts", "الموجة الثانية", "هجوم مماثل": quantities.event_told, lang
# EVENT_NOUNS, EVENT_QUALIFIERS) is no measure of the story's count nor of another event's; a
# negation's words that the claim also says unnegated (all but the first negated) are not
# what it negates (polarity); "من بين المصابين 75" counts a part (lang PART_BEFORE); a name
# written in Arabic and in Latin letters by sources of one office is one source ("وزير الصحة
# كريم" / "Health Minister Kareem Haddad": attribution._one_name_across_scripts), as is the
# office named alone in one script and with its holder's name in the other; a denial
# pointed back at ("this denial comes after ...", "هذا النفي": lang POINTING_WORDS) is named,
# not made: it tells of an answer (polarity).
# relate-58: a count told of a place below a country ("5,200 in the city of Derna", "في بلدة
# ...", "in Al Haouz province": quantities.count_place, lang COUNT_PLACE_NOUNS) is no measure
# of another such place's count, nor of a count its clause gives a country and not this
# place (rules._Quantity._of_another_place).
# relate-59: a toll its source tells as provisional ("متوقعا ارتفاع العدد", "expected to
# rise": lang PROVISIONAL_TOLL_PHRASES) against another source's higher one is the count
# risen, an update, not a dispute (_rose_past_provisional).
# relate-60: a pair is related alike whichever claim is a: a figure of either claim that
# measures none of the other's is "distinct quantities" only where no figure of its kind is
# one both give (rules._compare_quantities, _unpaired_of_b); before, only a's were looked at.
# relate-61: between articles, the learned model reads a pair both ways and the lower
# probability of a conflict counts, so no score depends on which claim is a.
# relate-62: an update its publication dates cannot order (one day, or a date unknown)
# records which figure its claims' wording tells as the earlier (RelationDetails.first:
# _told_first): a provisional toll before a higher one, a figure before a rise to a higher
# one, a figure said before; the explanation and the story page list the figures in that
# order, and say so when nothing orders them. Kinds and scores unchanged.
# relate-63: a count told of a place below a country at less than UPDATE_MIN_SHARE of a count
# told of no place ("14 wounded in two provinces" / "2,800 wounded") is a part of them, or
# others: no link (_placed_part), not a dispute or a contradiction.
# relate-64: a claim that tells of a wish, an effort or an aim ("hopes to persuade him",
# "تسعى إلى": lang WISH_WORDS) says no more that a thing is so than that it is not: a
# negation or a denial of it is no contradiction or dispute with that claim (polarity).
# relate-65: the quake's magnitude and an aftershock's, with no figure or date in common, are
# two events: no link (FactComparison.another_event), where they were a weak possible match.
# relate-66: a denial that names, beside its own source, the source another claim quotes
# ("denied what the agency published") is a dispute with that claim, whatever words they
# share (_denies_a_report_of), where it was no link.
# relate-67: a word of lacking that reads a state ("باتوا من دون منازل", "left without
# homes": the displaced, numbers.lost_state) negates nothing: no contradiction by polarity
# with a claim of damaged homes. Counts of who lost their lives are counts of the dead.
# relate-68: claims of two articles that give one figure of the same casualties are paired
# by their vectors' cosine too (align._same_casualty_candidates): once a common source's name
# is set aside, "more than 40,000 made homeless" and "up to 40,000 lost their houses" share
# too few words to be paired, and their hedges conflict.
# relate-69: a reprint that cuts its sentences elsewhere is still a copy: a claim whose words
# stand near-verbatim inside another's counts toward a wire copy (align._near_verbatim).
# Links unchanged; the articles marked as copies change.
ENGINE_VERSION = "relate-69"

# Confidence of "agreement" for claims whose numbers of one kind differ but, by the words
# around them, measure different things (a sentence and the time served): the facts rule out
# a conflict, and nothing more; the pair is a possible match, below the story page's weak-link
# line (comparison.WEAK_LINK_SCORE), so it joins no agreement group. Hand-set.
DISTINCT_QUANTITIES_SCORE = 0.45
# Confidence of "agreement" for two sentences equal but for a run of lower-case English words
# ("approved the budget" / "rejected the budget"; "ends the season" / "finishes the season"):
# no names, so no substitution (rules.word_swap), and the learned model does not read English
# between articles; the pair is a possible match, below the weak-link line. Hand-set.
UNCERTAIN_SWAP_SCORE = DISTINCT_QUANTITIES_SCORE
# An update is a value_mismatch on these fact kinds only, between articles published on two
# different dates: counts of people or things (a toll, the missing, the displaced) are
# revised as a story unfolds. Money, ages, durations, percentages, years and dates stay
# contradictions: a deal's value or a man's age does not change from one day's report to the
# next. Conservative by design: a wrong "update" would hide a real contradiction.
UPDATABLE_KINDS = frozenset({"count"})
# ... and two values told of two different days by the claims themselves ("30 hours of fuel
# left ... at 5 p.m. on Monday", "10 hours left ... on Tuesday at 3 a.m.") are one figure
# revised from one day to the next, if it is of these kinds: a count, or a time left or
# taken so far.
DAY_UPDATABLE_KINDS = frozenset({"count", "duration"})
# A count revised from one day's report to a later one grows, or shrinks by the people found
# or counted twice: told later at less than this share of the earlier, it counts a part of
# them or others (577 pilgrims dead, then 21 buried; 1.8 million pilgrims, then Egypt's
# 50,000), and the pair is no link (hajj audit, 2026-12-04). Hand-set.
UPDATE_MIN_SHARE = Decimal("0.33")
# A pair the aligner found by meaning (align.MEANING_MIN_COSINE: a translation, a paraphrase)
# shares too few words for the overlap cut; it is related when its vectors say so. Being
# found by meaning, not by words, it is never called a contradiction by the learned model,
# and differing facts that no rule explains make it no link rather than an agreement.
MEANING_RELATED_COSINE = 0.5
# ... or from align.MEANING_QUANTITY_COSINE when the two give one quantity, year or date
# (align.share_a_fact).
RISE_WORDS = lang.merged_set("RISE_WORDS")
_EARLIER_RE = re.compile(
    rf"(?<!\w)[وف]?(?:{alternation(lang.merged_tuple('EARLIER_PHRASES'))})(?!\w)"
)


def _toll_phrases_re(phrases: Sequence[str]) -> re.Pattern[str]:
    """Any of the folded phrases as whole words, with a leading و/ف/ب."""
    return re.compile(rf"(?<!\w)[وفب]?(?:{alternation(phrases)})(?!\w)")


_PROVISIONAL_TOLL_PHRASES = lang.merged_tuple("PROVISIONAL_TOLL_PHRASES")
_LATEST_TOLL_PHRASES = lang.merged_tuple("LATEST_TOLL_PHRASES")
_RUNNING_TOLL_RE = _toll_phrases_re(_PROVISIONAL_TOLL_PHRASES + _LATEST_TOLL_PHRASES)
_PROVISIONAL_TOLL_RE = _toll_phrases_re(_PROVISIONAL_TOLL_PHRASES)
_LATEST_TOLL_RE = _toll_phrases_re(_LATEST_TOLL_PHRASES)
# Between articles, the learned model may call a contradiction only where each claim has at
# most this many words (stems) the other lacks: its training pairs are headlines with one
# or two words corrupted; claims of two articles that differ more are two sentences, where
# its probability is no evidence of a conflict (corpus: every such call was false).
# It speaks only on two Arabic claims, the language of its training pairs: it reads stems,
# and an English one-word rewrite ("before Lionel ends the league" / "finished the league")
# is outside what it learnt (a synonym swapped reads to it as ANS's swapped word).
MAX_LEARNED_SWAP = 2
# Between articles, two claims that share no fact are one report only if they share at least
# this much of their content (ANS's low-overlap cut, 0.2, is for rewrites of one headline).
ARTICLE_MIN_SIMILARITY = 0.3
# ... and, when the aligner gives their vectors' cosine, must mean alike by it too: the words
# two claims share may be the story's own ("the floods that swept Derna"), said of two
# different things. On both development sets, 31 agreements of this kind had a cosine under
# 0.35: 27 told two different things (a council's disaster areas and the Red Crescent's
# toll; a list of dams and the fall of bridges), 4 named one man aboard, which other pairs
# of the same reports link. Raised to 0.38 in relate-15: of the 7 corpus agreements from 0.35
# to 0.38, 5 told two things (a council's disaster areas and a toll; Stockton Rush and the
# Dawoods), 2 one (contact lost with the Polar Prince; Derna hard to reach), each of their
# facts linked by other pairs.
ARTICLE_MIN_COSINE = 0.38
# ... and so must two claims whose only common figures are dates or years: the story's day
# ("Saturday 15 June", "the 2024 season") is told of every moment of it. On the Hajj audit
# story (14 pages) this took 13 agreements away, 12 of two things (a country's toll and the
# pilgrims at Arafat on the same day; "the Hajj was held in Mecca in 2024" and four tolls;
# last year's toll and this year's), one of one (a ministry's six dead on Saturday, told with
# the date and with the figure in words); on the corpus one (the epicentre's place and the
# toll, both of Friday); on the devset none.
DATES_ONLY_MIN_COSINE = ARTICLE_MIN_COSINE
# ... and two claims whose only common facts are names ("the U.S. Coast Guard", "OceanGate":
# every claim of the story may name them) must mean alike as much as a pair the aligner found
# by meaning alone (MEANING_RELATED_COSINE): on the corpus, 9 of the 11 such agreements under
# it told two things (the coastguard told of the missing craft at dusk, and the coastguard
# giving some hope), and no shared fact rests on one of them. Not a model's
# designation, whose number makes it as precise as a figure ("بنادق AK-74": the seeds' "AK-74
# rifles", at 0.49).
NAMES_ONLY_MIN_COSINE = MEANING_RELATED_COSINE
# ... and so must two claims that quote two different sources (one_source): two voices that
# share no figure or date say two things unless they say nearly the same. Hand-set to the
# meaning floor; on both development sets it took 5 weak agreements away: 4 told two things
# (the UN's toll of at least 5,000 and the eastern spokesman's 2,000 in Derna; the mayor on the
# destruction and the IOM on the displaced; a paper on the deal and the PSG president's
# farewell; the ministry's toll and the damage by the geophysical centre's account), one set
# two figures of one speaker whose two sources were not told as one (Beirut's governor: "مروان
# عبود محافظ العاصمة", "محافظ بيروت مروان عبود"). No scored figure moved.
TWO_SOURCES_MIN_COSINE = MEANING_RELATED_COSINE
# ... and two claims that share no figure, date or name must share a word that is not the
# story's own: a word in at least STORY_WORD_SHARE of the story's articles ("نيمار", "الهلال",
# "باريس سان جيرمان") is said of everything that happens in it. On the corpus, the 9
# agreements of this kind told two different things 8 times ("the Hilal completed its deal
# with PSG" / "the Hilal cleared the last hurdle" / "Neymar joined PSG in 2017"; Derna's
# missing / the storm's damage; 24 hours of oxygen left / 70 to 96), one thing once (a
# billionaire aboard the missing submersible), and no shared fact rested on them; the devset
# has none. Only in stories of at least STORY_WORD_MIN_ARTICLES articles: in fewer, a pair's two
# claims alone put the words they share in more than a third of the articles. A new article's
# pairs are related with the story's words of that moment, the pairs already there keep
# theirs until a realignment.
STORY_WORD_SHARE = 0.5
STORY_WORD_MIN_ARTICLES = 6
# ... and, in such a story, what two claims that share no figure, date or name have in common
# must weigh at least this share of the lighter claim, each stem weighed by how few of the
# story's articles use it (the log of the articles over those that use it, as in tf-idf): a
# word in common beside the story's names ("توقيع": signing) makes no two claims one report
# when the rest of each is its own ("the Hilal president arrived in Paris to get Neymar's
# signature" / "the signing was announced on Tuesday, after the negotiations succeeded"). On
# both development sets, at ingest, it took 21 agreements away:
# 18 told two things (a report that the Hilal neared the deal and PSG's farewell; the Red
# Crescent's toll and the IOM's displaced; a search under way and the five aboard; attempts to
# refloat the ship and its refloating), 3 one thing in two wordings (a forced landing; fog
# keeping the rescuers back). At 0.15 it took 7 away, 5 of them of two things.
STORY_WEIGHTED_MIN_SHARE = 0.2
# ... nor do words that only say who or where someone is: a title or role (lang ROLE_WORDS:
# "رئيس", "نجم"), a country, its capital or its people (normalize.country_of), a name's
# particle and the word after it ("منساه دا سيلفو"). Two claims that share only these beside
# the story's own words describe the story's cast alike and say two things (one club's
# president arriving to sign the striker da Silvo, "the Paris star" / the other club's
# president, of the French champions, bidding him farewell). On the corpus this took 3
# agreements away, each of two things (two of them a president's arrival beside the deal's
# last hurdle and beside a farewell; five people aboard beside the Canadian ship losing
# contact); on the devset none in the default order. In its second shuffled order it took 6
# away, 4 of two things and 2 of one (the president's death told by two outlets, whose words
# beyond the story's own were the foreign minister's name): a report of the story's main event
# in the story's own words rests on the other pairs that tell it.
ROLE_WORDS = lang.merged_set("ROLE_WORDS")
# A name in two claims' sources makes them one source when it has at least this many words
# ("Marwan Abboud" / "مروان عبود"): one word ("Beirut", "Hilal") may name a city and its
# governor, a club and its president.
SOURCE_NAME_MIN_WORDS = 2
# Clitics an Arabic verb or noun of rising may carry ("وارتفعت", "بارتفاع").
RISE_PROCLITICS = ("و", "ف", "ب")


def _claim_view(claim: ClaimDraft) -> ClaimView:
    """The words view of a claim (words.view of its normal form, cached)."""
    return view(claim.normalized or normalize_text(claim.text))


@dataclass(frozen=True, slots=True)
class _Pair:
    """Two claims as the decision reads them: their views, and what they share."""

    va: ClaimView
    vb: ClaimView
    removed: tuple[str, ...]
    added: tuple[str, ...]
    similarity: float  # soft stem containment of the two claims

    @classmethod
    def of(cls, a: ClaimDraft, b: ClaimDraft) -> _Pair:
        va, vb = _claim_view(a), _claim_view(b)
        removed, added = diff(va, vb)
        return cls(va, vb, tuple(removed), tuple(added), containment(va, vb, removed, added))

    @property
    def small_swap(self) -> bool:
        """One or two words of each claim replaced, the rest the same."""
        return 0 < len(self.removed) <= MAX_LEARNED_SWAP and 0 < len(self.added) <= MAX_LEARNED_SWAP

    def facts(
        self,
        a: ClaimDraft,
        b: ClaimDraft,
        published_a: dt.date | None,
        published_b: dt.date | None,
    ) -> FactComparison:
        """What the two claims' facts say of each other (rules.compare_facts)."""
        return compare_facts(
            a.facts,
            b.facts,
            published_a=published_a,
            published_b=published_b,
            a_normalized=self.va.normalized,
            b_normalized=self.vb.normalized,
        )

    def rest_similarity(self, set_aside: Sequence[str]) -> float:
        """Content overlap once the differing facts are set aside: their words should not
        make two reports of one event look unrelated."""
        words = {light_stem(t) for value in set_aside for t in tokens(normalize_text(value))}
        na = len(set(self.va.stems) - words) or 1
        nb = len(set(self.vb.stems) - words) or 1
        rest = max(
            (na - len(set(self.removed) - words)) / na,
            (nb - len(set(self.added) - words)) / nb,
        )
        return max(self.similarity, min(1.0, rest))


@dataclass(frozen=True, slots=True)
class _Verdict:
    kind: RelationKind
    score: float
    reason: Reason
    differing: tuple[FactDifference, ...] = ()
    # The contradiction sets a denial against what it denies.
    denial: bool = False


def _decide(
    pair: _Pair,
    facts: FactComparison,
    finding: Finding | None,
    rest_similarity: float,
    consulted: float | None,
    learned_min_similarity: float,
    meaning: float,
    cosine: float | None = None,
    story_words: StoryWords | None = None,
    two_sources: bool = False,
) -> _Verdict:
    """Rules first, then low overlap, then the learned model (unless the rules explain every
    difference: rules.equivalent), else agreement. consulted: the model's probability, None
    when it was not asked (the pair is no near-rewrite)."""
    model = load_model()
    probability = consulted or 0.0
    if finding is not None:
        # A rule is sure of the conflict; how sure of the pairing is the overlap, hence a
        # score of at least 0.5, and 1 for claims that differ only by the facts (hand-set).
        score = max(probability, 0.5 + 0.5 * rest_similarity)
        return _Verdict(
            "contradiction", score, finding.reason, finding.differing, denial=finding.denial
        )
    differing = tuple(facts.differing)
    by_meaning = pair.similarity < model.unrelated_similarity and meaning > 0
    if by_meaning and differing and not facts.distinct:
        # Paired by meaning, with a figure that differs and no rule to say how: uncertain.
        return _Verdict("unrelated", 1.0 - meaning, Reason.LOW_OVERLAP, differing)
    if by_meaning and facts.distinct:
        # Paired by meaning, with figures of one kind that the words around them cannot tell
        # to be one measure (two languages name a subject differently): a possible match,
        # weak, never one account of a figure.
        score = min(meaning, DISTINCT_QUANTITIES_SCORE)
        return _Verdict("agreement", score, Reason.DISTINCT_QUANTITIES, differing)
    if by_meaning:
        reason = Reason.SAME_FACTS if facts.matched else Reason.PARAPHRASE
        return _Verdict("agreement", meaning, reason, differing)
    # Between articles (learned_min_similarity set), sentences that share no figure or date
    # (a name is shared by the whole story) must share more words than ANS's rewrites of one
    # headline to be one report.
    shared = bool(facts.matched)
    cut = model.unrelated_similarity
    if learned_min_similarity > 0:
        cut = max(cut, ARTICLE_MIN_SIMILARITY)
        # The story's day or year in common, and the vectors saying little alike: judged as
        # claims that share no figure (_weak_between_articles).
        shared = facts.shares_figure_or_date and not _only_a_day(facts, cosine)
    if pair.similarity < cut and not shared:
        return _Verdict("unrelated", 1.0 - pair.similarity, Reason.LOW_OVERLAP, differing)
    if learned_min_similarity > 0 and not shared:
        weak = _weak_between_articles(pair, facts, cosine, story_words, differing, two_sources)
        if weak is not None:
            return weak
    if (
        probability >= model.threshold
        and not facts.distinct
        and pair.similarity >= learned_min_similarity
        # Between articles (learned_min_similarity set), only a rewrite of one or two words
        # is the model's kind of pair (an ANS headline and its corruption): a claim that only
        # leaves words out of the other, or only adds some, is a shorter or fuller report
        # of it, and a claim that differs in more words is another sentence.
        and (learned_min_similarity <= 0 or pair.small_swap)
        and not equivalent(pair.va, pair.vb, facts)
    ):
        return _Verdict("contradiction", probability, Reason.LEARNED, differing)
    # Where the model leaned to contradiction but was not trusted (article mode), its
    # probability says little about agreement: the overlap of the two claims does.
    if consulted is None or probability >= model.threshold:
        score = pair.similarity
    else:
        score = 1.0 - probability
    if facts.distinct:
        # Numbers of one kind that measure different things: the reason this is no conflict.
        score = min(score, DISTINCT_QUANTITIES_SCORE)
        return _Verdict("agreement", score, Reason.DISTINCT_QUANTITIES, differing)
    reason = Reason.SAME_FACTS if facts.matched else Reason.PARAPHRASE
    return _Verdict("agreement", score, reason, differing)


def _another_event(pair: _Pair, facts: FactComparison) -> _Verdict | None:
    """No link for two claims of two quakes of two years that give nothing else alike,
    however alike their words (the 1960 Agadir quake recalled beside this year's); None
    otherwise."""
    if facts.another_event and not facts.shares_figure_or_date:
        return _Verdict(
            "unrelated", 1.0 - pair.similarity, Reason.LOW_OVERLAP, tuple(facts.differing)
        )
    return None


def _only_a_day(facts: FactComparison, cosine: float | None) -> bool:
    """Whether the only figures the two claims have in common are dates or years, and their
    vectors mean less alike than DATES_ONLY_MIN_COSINE."""
    return (
        cosine is not None
        and cosine < DATES_ONLY_MIN_COSINE
        and all(m.kind in DATE_KINDS or m.kind in NAME_KINDS for m in facts.matched)
    )


def _weak_between_articles(
    pair: _Pair,
    facts: FactComparison,
    cosine: float | None,
    story_words: StoryWords | None,
    differing: tuple[FactDifference, ...],
    two_sources: bool = False,
) -> _Verdict | None:
    """No link for two claims of two articles that share no figure or date and mean too
    little alike (ARTICLE_MIN_COSINE, NAMES_ONLY_MIN_COSINE) or share only the story's own
    words (STORY_WORD_SHARE), or words too light beside their own (STORY_WEIGHTED_MIN_SHARE);
    None when they may be one report."""
    if cosine is not None:
        # Names shared (facts.matched holds only names here) or nothing shared at all. A
        # designation with a number in it ("AK-74", "P-3") is as precise as a figure.
        story_names = facts.matched and not any(
            char.isdigit() for m in facts.matched for char in m.value
        )
        floor = NAMES_ONLY_MIN_COSINE if story_names else ARTICLE_MIN_COSINE
        if two_sources:
            floor = max(floor, TWO_SOURCES_MIN_COSINE)
        if cosine < floor:
            return _Verdict("unrelated", 1.0 - cosine, Reason.LOW_OVERLAP, differing)
    if story_words and not facts.matched:
        shared = set(pair.va.stems) - set(pair.removed)
        # Only the story's own words in common, and words naming its cast: said of two
        # different moments of it.
        rest = shared - story_words.own
        if rest:
            rest -= _referring(pair.va.normalized) | _referring(pair.vb.normalized)
        if not rest:
            return _Verdict("unrelated", 1.0 - pair.similarity, Reason.LOW_OVERLAP, differing)
        # A rare word or two in common, and the rest of each claim its own.
        lighter = min(story_words.weight(pair.va.stems), story_words.weight(pair.vb.stems))
        if lighter > 0 and story_words.weight(shared) < STORY_WEIGHTED_MIN_SHARE * lighter:
            return _Verdict("unrelated", 1.0 - pair.similarity, Reason.LOW_OVERLAP, differing)
    return None


@lru_cache(maxsize=VIEW_CACHE_LIMIT)
def _referring(normalized: str) -> frozenset[str]:
    """The stems of the normalised claim's words that only say who or where someone is
    (ROLE_WORDS, normalize.country_of, NAME_PARTICLES and the word after one); once per
    claim, however many pairs it is in."""
    claim = view(normalized)
    stems = set()
    for i, (token, stem) in enumerate(zip(claim.content, claim.stems, strict=True)):
        at = claim.content_at[i]
        if (
            _is_role_word(token)
            or token in NAME_PARTICLES
            or country_of(token)
            or (at > 0 and claim.tokens[at - 1] in NAME_PARTICLES)
        ):
            stems.add(stem)
    return frozenset(stems)


@lru_cache(maxsize=VIEW_CACHE_LIMIT)
def _is_role_word(token: str) -> bool:
    """Whether the normalised token, or the token without a clitic or article, is a word of
    a role (ROLE_WORDS): asked for every word of every claim, of a vocabulary far smaller."""
    return any(form in ROLE_WORDS for form in word_forms(token))


def _casualties_differ(a: ClaimDraft, b: ClaimDraft) -> frozenset[str]:
    """What the two claims both count ("#dead" ..., the quake's magnitude), with no figure in
    common."""
    counts_a, counts_b = casualty_counts(a.facts), casualty_counts(b.facts)
    return frozenset(
        subject
        for subject, values in counts_a.items()
        if subject in counts_b and not values & counts_b[subject]
    )


def _source(claim: ClaimDraft) -> str:
    return claim.attribution_text or claim.attribution


def one_source(a: ClaimDraft, b: ClaimDraft) -> bool:
    """Whether the two claims quote one source: attribution.same_source, or one claim gives as
    a name, in its source, words of two or more that the other's source holds in any script
    (normalize.name_key: "city governor Marwan Abboud" and "محافظ بيروت مروان عبود")."""
    if same_source(a.attribution, b.attribution):
        return True
    if not (a.attribution and b.attribution):
        return False
    return any(
        _holds(_source_keys(y), name) for x, y in ((a, b), (b, a)) for name in _names_in_source(x)
    )


def _source_keys(claim: ClaimDraft) -> tuple[str, ...]:
    return tuple(name_key(word) for word in tokens(claim.attribution))


def _names_in_source(claim: ClaimDraft) -> list[tuple[str, ...]]:
    """The names of at least SOURCE_NAME_MIN_WORDS words that the claim gives and its source
    holds, as the name keys of their words."""
    source = _source_keys(claim)
    names = []
    for fact in claim.facts:
        if fact.kind not in NAME_KINDS:
            continue
        name = tuple(name_key(word) for word in tokens(normalize_text(fact.text)))
        if len(name) >= SOURCE_NAME_MIN_WORDS and all(name) and _holds(source, name):
            names.append(name)
    return names


def _holds(words: Sequence[str], name: Sequence[str]) -> bool:
    """Whether words hold name, word after word."""
    n = len(name)
    return any(tuple(words[i : i + n]) == tuple(name) for i in range(len(words) - n + 1))


def denies(claim: ClaimDraft) -> bool:
    """Whether the claim denies (polarity: "نفى", "denied", "dismissed the report as fake")."""
    return polarity(_claim_view(claim)).denies


def _denies_a_report_of(denial: ClaimDraft, plain: ClaimDraft) -> bool:
    """Whether the denying claim names, beside its own source, the source the plain claim
    quotes (attribution.reporter_key, names_as_reporter): "نفى ... ما نشرته صحيفة الساحل"
    against "وبحسب صحيفة الساحل ..."; "the mayor dismissed the Coast Daily Herald's report"
    against "the Coast Daily Herald reported that ..."."""
    key = reporter_key(plain.attribution)
    if not key or one_source(denial, plain):
        return False
    text = denial.normalized or normalize_text(denial.text)
    return names_as_reporter(text, denial.attribution, key)


def _is_dispute(a: ClaimDraft, b: ClaimDraft, verdict: _Verdict) -> bool:
    """Both claims quote a source, and not the same one; or one denies what the other says,
    and they do not quote one source (a report and its denial are two voices, even when
    the outlet reports one of them in its own words)."""
    if verdict.denial:
        return not (a.attribution and one_source(a, b))
    return bool(a.attribution and b.attribution and not one_source(a, b))


def worded_as_rise(claim: ClaimDraft) -> bool:
    """Whether the claim words its figure as a rise ("ارتفعت الحصيلة إلى", "بارتفاع")."""
    for token in tokens(claim.normalized or normalize_text(claim.text)):
        if token in RISE_WORDS or (token[:1] in RISE_PROCLITICS and token[1:] in RISE_WORDS):
            return True
    return False


def worded_as_earlier(claim: ClaimDraft) -> bool:
    """Whether the claim tells its figure as one said before ("ذكرت في وقت سابق", "had
    earlier said")."""
    return bool(_EARLIER_RE.search(claim.normalized or normalize_text(claim.text)))


def _told_as_running(claim: ClaimDraft) -> bool:
    """Whether the claim tells its toll as provisional or as the latest of a running count
    ("حصيلة غير نهائية", "مرشحة للارتفاع", "the latest toll"), not as one said before ("آخر
    حصيلة سابقة": worded_as_earlier)."""
    return _toll_told(claim, _RUNNING_TOLL_RE)


def _toll_told(claim: ClaimDraft, phrases: re.Pattern[str]) -> bool:
    """Whether the claim says one of the phrases and tells no figure as one said before."""
    normalized = claim.normalized or normalize_text(claim.text)
    return bool(phrases.search(normalized)) and not worded_as_earlier(claim)


def _update_reason(
    verdict: _Verdict,
    a: ClaimDraft,
    b: ClaimDraft,
    published_a: dt.date | None,
    published_b: dt.date | None,
) -> Reason | None:
    """Why a contradiction is an update, if it is one: two values of one count in articles
    published on two different dates, or where one claim words its figure as a rise ("the
    toll rose to ...") or tells it as provisional or the latest (_told_as_running)
    (FIGURE_UPDATED); or of a count or a duration in claims that say they tell of two
    different days (FIGURE_UPDATED_DAYS, DAY_UPDATABLE_KINDS); or of a count that
    both claims quote from one source, in articles not known to be of one day
    (FIGURE_REVISED)."""
    if verdict.reason is not Reason.VALUE_MISMATCH or not verdict.differing:
        return None
    if only_opposite_bounds(verdict.differing):
        # "More than 300,000" and "up to 300,000": a count revised or updated changes its
        # figure; one figure told with opposite bounds is two accounts of one statement.
        return None
    lengths = {f.value for f in (*a.facts, *b.facts) if length_unit(f)}
    # A length ("ارتفاعه 40م": its height) is measured, not counted: it is not revised from
    # one day's report to the next.
    if any({d.a.value, d.b.value} & lengths for d in verdict.differing):
        return None
    kinds = {d.kind for d in verdict.differing}
    if _two_days(a, b):
        return Reason.FIGURE_UPDATED_DAYS if kinds <= DAY_UPDATABLE_KINDS else None
    if not kinds <= UPDATABLE_KINDS:
        return None
    if (
        (published_a is not None and published_b is not None and published_a != published_b)
        or worded_as_rise(a)
        or worded_as_rise(b)
        # A toll told as provisional or as the latest is one of a running count.
        or _told_as_running(a)
        or _told_as_running(b)
        # One figure told as said before, the other not: the other is the later. Both told
        # so give no order.
        or worded_as_earlier(a) != worded_as_earlier(b)
    ):
        return Reason.FIGURE_UPDATED
    if (
        a.attribution
        and one_source(a, b)
        and not (published_a is not None and published_a == published_b)
        and not (_forecasts(a) or _forecasts(b))
    ):
        # The International Organization for Migration's 36,000 displaced and its 43,000: a
        # source that counts the same people twice revised its count; the outlets that
        # quote it do not contradict each other. On one day's pages, they do. Two forecasts
        # that cannot both hold ("may reach 18 to 20 thousand", "may exceed 20 thousand")
        # are no count revised: the source's two estimates conflict.
        return Reason.FIGURE_REVISED
    return None


def _kind_of(
    verdict: _Verdict,
    a: ClaimDraft,
    b: ClaimDraft,
    published: tuple[dt.date | None, dt.date | None],
    casualties: frozenset[str] | None,
) -> tuple[RelationKind, Reason, tuple[dt.date | None, dt.date | None]]:
    """What a verdict's contradiction is: a dispute, an update (with the dates it shows), no
    link, or a contradiction; other verdicts as they are. casualties: what the claims both
    count, when a rule set the counts of casualties alone against each other."""
    kind, reason = verdict.kind, verdict.reason
    if kind != "contradiction":
        return kind, reason, (None, None)
    if _placed_part(a, b, verdict):
        # A count told of a town or a province, a small share of a count told of no place
        # ("12 dead in the city of Talbara" / a ministry's 300 dead): a part of them, or
        # others, whoever told each. Uncertain: no link.
        return "unrelated", reason, (None, None)
    dispute = _is_dispute(a, b, verdict)
    if dispute and not (
        _rose_between_days(a, b, verdict)
        or _rose_between_articles(a, b, verdict, *published)
        or _both_running(a, b, verdict)
        or _rose_past_provisional(a, b, verdict)
    ):
        # Sources before time: two sources giving two figures is a dispute between them,
        # whenever it was reported, unless the count rose from one day to a later one.
        return "disputed", reason, (None, None)
    if _shrunk_to_a_part(verdict, *published):
        # Not the same people counted again: a part of them (one country's pilgrims, those
        # buried) or another count. Uncertain: no link.
        return "unrelated", reason, (None, None)
    if update := _update_reason(verdict, a, b, *published):
        # FIGURE_UPDATED_DAYS: the claims say when each value held, not the dates.
        shown = published if update is Reason.FIGURE_UPDATED else (None, None)
        return "updated", update, shown
    if dispute:
        # A rise between two days that no update explains: still two sources' figures.
        return "disputed", reason, (None, None)
    if casualties is not None and (
        MAGNITUDE not in casualties and not (a.attribution and one_source(a, b))
    ):
        # Two counts of the same casualties in sentences that share nothing else: two
        # sources (a dispute) or two dates (an update) explain them; without either, one may
        # count a city and the other a country. Uncertain: no link. A quake has one
        # magnitude, though (a quake of another year is another quake: rules): two are a
        # contradiction. So are two counts that one named source gave on one day (a dispute
        # or an update would have explained them otherwise): one governor counts one city.
        return "unrelated", reason, (None, None)
    return kind, reason, (None, None)


def _rose_between_days(a: ClaimDraft, b: ClaimDraft, verdict: _Verdict) -> bool:
    """Whether two sources' counts are one count that rose: each claim dates what it tells
    to a full date, the later claim words its figure as a rise ("ارتفاع عدد ... إلى 33")
    and gives the higher figure (20 on 15 June by a ministry, "rose to 33" on 21 June by an
    embassy). Time explains them, not a dispute."""
    days_a, days_b = _dates_told(a), _dates_told(b)
    if verdict.denial or not (days_a and days_b):
        return False
    if min(days_b) > max(days_a):
        later, b_later = b, True
    elif min(days_a) > max(days_b):
        later, b_later = a, False
    else:
        return False
    return worded_as_rise(later) and _higher_later(verdict, b_later=b_later)


def _rose_between_articles(
    a: ClaimDraft,
    b: ClaimDraft,
    verdict: _Verdict,
    published_a: dt.date | None,
    published_b: dt.date | None,
) -> bool:
    """Whether two sources' counts are one count that rose between the dates their articles
    were published: the later article gives the higher figure of every count the two differ
    on, neither is a denial or a forecast, and the earlier figure was left open (a floor, "at
    least 40"; a provisional or latest toll) or the later one is worded as a rise or as the
    latest (a ministry's "at least 40" dead of Saturday, a court's "at least 57" of
    Monday). A toll grows as it is counted, whoever tells it. An exact figure against a
    higher one from another source on a later day stays a dispute (an army's 12 dead, the
    rebels' 40), as does a later, lower figure."""
    if (
        verdict.denial
        or published_a is None
        or published_b is None
        or published_a == published_b
        or _forecasts(a)
        or _forecasts(b)
    ):
        return False
    b_later = published_b > published_a
    earlier, later = (a, b) if b_later else (b, a)
    return _higher_later(verdict, b_later=b_later) and (
        _told_as_floor(earlier, verdict, earlier_is_a=b_later)
        or _told_as_running(earlier)
        or worded_as_rise(later)
        or _told_as_running(later)
    )


def _both_running(a: ClaimDraft, b: ClaimDraft, verdict: _Verdict) -> bool:
    """Whether each claim words its count as a rise or tells it as the latest or provisional
    ("ارتفاع عدد القتلى إلى 57", "the toll rose to 60 on Wednesday"): two moments of one
    running count, whoever told each, not two sources disputing it. A count given as a
    forecast ("قد ترتفع الحصيلة إلى") or as said before is no moment of it."""
    return not verdict.denial and all(
        (worded_as_rise(claim) or _told_as_running(claim))
        and not (worded_as_earlier(claim) or _forecasts(claim))
        for claim in (a, b)
    )


def _rose_past_provisional(a: ClaimDraft, b: ClaimDraft, verdict: _Verdict) -> bool:
    """Whether one claim tells its toll as provisional ("مقتل 3 آلاف ... متوقعا ارتفاع
    العدد", "the toll is expected to rise") and the other gives a higher figure of each count
    the two differ on: the count rose as its source said it would. Time explains them, not a
    dispute, whatever the two sources and the dates (a lower figure than the provisional one
    stays a dispute)."""
    if verdict.denial:
        return False
    return any(
        _told_as_provisional(earlier) and _higher_later(verdict, b_later=b_later)
        for earlier, b_later in ((a, True), (b, False))
    )


def _undated_update(
    reason: Reason, published_a: dt.date | None, published_b: dt.date | None
) -> bool:
    """Whether an update is one its publication dates do not order (FIGURE_UPDATED on one
    day, or with a date unknown)."""
    return reason is Reason.FIGURE_UPDATED and (
        published_a is None or published_b is None or published_a == published_b
    )


def _told_first(a: ClaimDraft, b: ClaimDraft, verdict: _Verdict) -> str:
    """Which claim's figure the wording tells as the earlier one ("a" or "b"), "" when it
    tells no order. A count grows as it is counted, so only the lower figure is ever told
    first: when it is told as provisional or as said before, or the higher one is worded as
    a rise or told as the latest ("rose to 60", "the latest toll"); and not when the higher
    one is told as said before ("the previous toll was 182" is earlier than its own
    article's new toll, not than another article's lower one). An update's publication
    dates order its figures; this orders them where the dates cannot (one day, or a date
    unknown)."""
    if _higher_later(verdict, b_later=True):
        lower, higher, name = a, b, "a"
    elif _higher_later(verdict, b_later=False):
        lower, higher, name = b, a, "b"
    else:
        return ""
    lower_first = (
        (worded_as_earlier(lower) and not worded_as_earlier(higher))
        or _told_as_provisional(lower)
        or worded_as_rise(higher)
        or _told_as_latest(higher)
    )
    higher_said_before = worded_as_earlier(higher) and not worded_as_earlier(lower)
    return name if lower_first and not higher_said_before else ""


def _told_as_latest(claim: ClaimDraft) -> bool:
    """Whether the claim tells its toll as the latest ("آخر حصيلة", "the latest toll"), not
    as one said before."""
    return _toll_told(claim, _LATEST_TOLL_RE)


def _told_as_provisional(claim: ClaimDraft) -> bool:
    """Whether the claim tells its toll as provisional, not as one said before."""
    return _toll_told(claim, _PROVISIONAL_TOLL_RE)


def _told_as_floor(claim: ClaimDraft, verdict: _Verdict, *, earlier_is_a: bool) -> bool:
    """Whether the claim tells each count the verdict differs on as a floor ("at least 40",
    "أكثر من 60"): a higher figure later passes it."""
    values = {(d.a if earlier_is_a else d.b).value for d in verdict.differing if d.kind == "count"}
    normalized = claim.normalized or normalize_text(claim.text)
    floors = {
        fact.value
        for fact in claim.facts
        if fact.kind == "count"
        and fact.value in values
        and (bound := bound_of(normalized, fact, hedge_of(normalized, fact))) is not None
        and bound[0] == ABOVE
    }
    return bool(values) and floors == values


def _higher_later(verdict: _Verdict, *, b_later: bool) -> bool:
    """Whether the verdict differs on a count, each count it differs on higher in the later
    claim (b's when b_later)."""
    counts = [d for d in verdict.differing if d.kind == "count"]
    values = [(decimal_value(d.a.value), decimal_value(d.b.value)) for d in counts]
    return bool(values) and all(
        x is not None and y is not None and (y > x) == b_later for x, y in values
    )


def _shrunk_to_a_part(
    verdict: _Verdict, published_a: dt.date | None, published_b: dt.date | None
) -> bool:
    """Whether a count told on a later day is below UPDATE_MIN_SHARE of the count told
    earlier: 577 dead on one day, 21 buried a few days on; 144 Indonesian pilgrims, then 28
    of Egypt's registered ones."""
    if published_a is None or published_b is None or published_a == published_b:
        return False
    for difference in verdict.differing:
        if difference.kind != "count":
            continue
        x, y = decimal_value(difference.a.value), decimal_value(difference.b.value)
        if x is None or y is None:
            continue
        earlier, later = (x, y) if published_a < published_b else (y, x)
        if later < UPDATE_MIN_SHARE * earlier:
            return True
    return False


def _placed_part(a: ClaimDraft, b: ClaimDraft, verdict: _Verdict) -> bool:
    """Whether every fact the verdict differs on is a count that one claim tells of a named
    place below a country, or of several (quantities.count_place, told_of_several_places),
    and the other of no place, at less than UPDATE_MIN_SHARE of the other's: the part of a
    whole, not another figure of it (two provinces' 14 wounded against a country's 2,800).
    A city's count near the other's (5,300 in Derna against 11,300) stays comparable, and
    so does "the city" alone: the story's own."""
    if not verdict.differing or verdict.denial:
        return False
    for difference in verdict.differing:
        if difference.kind != "count":
            return False
        x, y = decimal_value(difference.a.value), decimal_value(difference.b.value)
        if x is None or y is None:
            return False
        (small, small_claim, small_value), (large, large_claim, large_value) = sorted(
            ((x, a, difference.a.value), (y, b, difference.b.value)), key=lambda side: side[0]
        )
        if not small < UPDATE_MIN_SHARE * large:
            return False
        if not _told_of_a_part(small_claim, small_value):
            return False
        if _count_place(large_claim, large_value) is not None:
            return False
    return True


def _count_fact(claim: ClaimDraft, value: str) -> Fact | None:
    """The claim's count of that value."""
    return next((f for f in claim.facts if f.kind == "count" and str(f.value) == value), None)


def _count_place(claim: ClaimDraft, value: str) -> str | None:
    """The place below a country the claim tells its count of that value of
    (quantities.count_place), None for none."""
    fact = _count_fact(claim, value)
    return (
        None if fact is None else count_place(claim.normalized or normalize_text(claim.text), fact)
    )


def _told_of_a_part(claim: ClaimDraft, value: str) -> bool:
    """Whether the claim tells its count of that value of a named place below a country, or
    of several such places."""
    fact = _count_fact(claim, value)
    if fact is None:
        return False
    normalized = claim.normalized or normalize_text(claim.text)
    return bool(count_place(normalized, fact)) or told_of_several_places(normalized, fact)


def _forecasts(claim: ClaimDraft) -> bool:
    """Whether the claim gives a count as a forecast ("قد يصل إلى", "could exceed")."""
    normalized = claim.normalized or normalize_text(claim.text)
    return any(
        fact.kind in UPDATABLE_KINDS and hedge_of(normalized, fact) == PROJECTION
        for fact in claim.facts
    )


def _two_days(a: ClaimDraft, b: ClaimDraft) -> bool:
    """Whether each claim names the day it tells of, and the two days differ (by their dates
    when both give one, else by their weekdays)."""
    dates_a, dates_b = _dates_told(a), _dates_told(b)
    if dates_a and dates_b:
        return not dates_a & dates_b
    days_a, days_b = _weekdays_told(a), _weekdays_told(b)
    return bool(days_a and days_b) and not days_a & days_b


def _dates_told(claim: ClaimDraft) -> frozenset[str]:
    return frozenset(f.value for f in claim.facts if f.kind == "date" and len(f.value) == 10)


def _weekdays_told(claim: ClaimDraft) -> frozenset[str]:
    """The weekdays (Monday "0") a claim's times of day and full dates are told of, or, in a
    claim that gives no full date (its article's date unknown), the weekdays it names ("يوم
    الخميس، كانت 90 سفينة تنتظر")."""
    days = {f.subject for f in claim.facts if f.kind in ("time", "daypart") and f.subject}
    dates = _dates_told(claim)
    for value in dates:
        with suppress(ValueError):
            days.add(str(dt.date.fromisoformat(value).weekday()))
    if not dates:
        normalized = claim.normalized or normalize_text(claim.text)
        days |= {str(day) for day in weekdays_named(normalized)}
    return frozenset(days)


def relate_claims(
    a: ClaimDraft,
    b: ClaimDraft,
    *,
    published_a: dt.date | None = None,
    published_b: dt.date | None = None,
    learned_min_similarity: float = 0.0,
    meaning: float = 0.0,
    cosine: float | None = None,
    story_words: StoryWords | None = None,
) -> Relation:
    """How claim b stands to claim a (see the module docstring for the decision order).

    learned_min_similarity: the learned model may call a contradiction only for pairs at
    least this similar. Its training pairs (ANS) are rewrites of one headline; two claims of
    two articles are separate sentences, where it is only trusted on near-rewrites (and
    never when one claim's words are a subset of the other's). meaning: the cosine of the two
    claims' vectors when the aligner paired them by meaning (MEANING_RELATED_COSINE).
    cosine: their vectors' cosine however they were paired (ARTICLE_MIN_COSINE), None when
    unknown. story_words: how many of the story's articles use each stem (story_words): its
    own words alone make no two claims one report (STORY_WORD_SHARE), nor do rare ones
    that weigh little beside the rest of each claim (STORY_WEIGHTED_MIN_SHARE).
    """
    pair = _Pair.of(a, b)
    facts = pair.facts(a, b, published_a, published_b)
    rest_similarity = pair.rest_similarity(facts.set_aside)
    if meaning < MEANING_RELATED_COSINE and not (
        meaning >= MEANING_QUANTITY_COSINE and share_a_fact(a, b, quantity=True)
    ):
        meaning = 0.0  # not close enough in meaning to say they are one report
    finding = None
    # The rules need the claims to share their words, or a figure or a date, or to count
    # the same casualties (the dead, the missing ...) of the story's event; or, paired by
    # meaning (two languages), to differ only by one figure that one bounds from below and
    # the other from above ("more than a billion dollars", "up to $1 billion").
    by_words = (
        rest_similarity >= RULE_MIN_SIMILARITY
        or facts.shares_figure_or_date
        or (meaning > 0 and only_opposite_bounds(facts.differing) and not facts.distinct)
    )
    differ = frozenset[str]() if by_words else _casualties_differ(a, b)
    by_casualties = bool(differ)
    if by_words or by_casualties:
        finding = contradiction_rule(a, b, pair.va, pair.vb, facts, pair.similarity)
    # Between articles the model speaks only on near-rewrites of one or two words: elsewhere
    # its probability (half the cost of a pair) would decide nothing, and is not computed.
    probability: float | None = None
    if learned_min_similarity <= 0 or (
        pair.similarity >= learned_min_similarity
        and pair.small_swap
        and pair.va.arabic
        and pair.vb.arabic
    ):
        # Between articles, which claim is a follows the order the articles came in, and
        # the model reads a pair one way (ANS: a headline, then its rewrite). Both ways, and
        # the lower: a conflict only one reading sees is uncertain.
        probability = contradiction_probability(
            pair.va.normalized, pair.vb.normalized, either_order=learned_min_similarity > 0
        )
    verdict = _another_event(pair, facts) or _decide(
        pair,
        facts,
        finding,
        rest_similarity,
        probability,
        learned_min_similarity,
        meaning,
        cosine,
        story_words,
        bool(a.attribution and b.attribution and not one_source(a, b)),
    )
    if (
        verdict.reason is Reason.LEARNED
        and learned_min_similarity > 0
        and _forecasts(a) != _forecasts(b)
    ):
        # One claim forecasts the figure the other counts ("قد ترتفع الحصيلة إلى 20 ألفا",
        # "بلغت الحصيلة 11300"): the words differ by the forecast, which conflicts with no
        # count (quantities.PROJECTION). Two statements, not one told two ways: no link.
        verdict = _Verdict("unrelated", 1.0 - verdict.score, Reason.LOW_OVERLAP, verdict.differing)
    if (
        verdict.kind in ("agreement", "unrelated")
        and learned_min_similarity > 0
        and denial_against_plain(pair.va, pair.vb)
    ):
        denial, plain = (a, b) if polarity(pair.va).denies else (b, a)
        if _denies_a_report_of(denial, plain):
            # The denial names whose report it denies ("denied the information the agency
            # published"), and the other claim is that source's report: a report and its
            # denial, whatever words they share.
            score = max(0.5 + 0.5 * rest_similarity, cosine or 0.0)
            verdict = _Verdict("contradiction", score, Reason.NEGATION, (), denial=True)
        elif verdict.kind == "agreement":
            # A denial and a claim that says its thing plainly, which the rules could not
            # set against each other (too few words in common): the report it denies, or
            # another thing; never one account of it. Uncertain: no link.
            verdict = _Verdict(
                "unrelated", 1.0 - verdict.score, Reason.LOW_OVERLAP, verdict.differing
            )
    if verdict.kind == "agreement" and word_swap(a, b, pair.va, pair.vb):
        # A word for another, no name: a synonym or an opposite, which no rule tells apart.
        verdict = replace(verdict, score=min(verdict.score, UNCERTAIN_SWAP_SCORE))

    kind, reason, published = _kind_of(
        verdict,
        a,
        b,
        (published_a, published_b),
        differ if by_casualties and finding is not None else None,
    )
    details = RelationDetails(
        reason=reason,
        matched=tuple(facts.matched),
        differing=verdict.differing,
        distinct=tuple(facts.distinct),
        source_a=_source(a),
        source_b=_source(b),
        published_a=published[0],
        published_b=published[1],
        similarity=round(pair.similarity, 4),
        model_probability=round(probability or 0.0, 4),
        first=_told_first(a, b, verdict) if _undated_update(reason, *published) else "",
    )
    return Relation(kind=kind, score=round(min(1.0, max(0.0, verdict.score)), 4), details=details)


@dataclass(frozen=True, slots=True)
class StoryWords:
    """How many of a story's articles use each stem, and its own words: those used by at
    least STORY_WORD_SHARE of them. Empty (false) in a story of fewer than
    STORY_WORD_MIN_ARTICLES articles."""

    articles: int = 0
    used: Mapping[str, int] = field(default_factory=dict)
    own: frozenset[str] = field(init=False)
    # Each used stem's weight (weight), computed once: pairs ask for them tens of thousands
    # of times in a large story.
    _weights: Mapping[str, float] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        own = frozenset(s for s, n in self.used.items() if n >= STORY_WORD_SHARE * self.articles)
        object.__setattr__(self, "own", own)
        weights = {stem: math.log(self.articles / max(1, n)) for stem, n in self.used.items()}
        object.__setattr__(self, "_weights", weights)

    def __bool__(self) -> bool:
        return self.articles > 0

    def weight(self, stems: Iterable[str]) -> float:
        """What the distinct stems weigh: each the log of the story's articles over those that
        use it (a stem no article uses yet counts as used by one)."""
        unused = math.log(self.articles) if self.articles else 0.0
        distinct = set(stems)
        return sum(map(self._weights.get, distinct, repeat(unused, len(distinct))))


def story_words(articles: Sequence[Sequence[ClaimDraft]]) -> StoryWords:
    """How many of a story's articles use each stem, and its own words (StoryWords)."""
    if len(articles) < STORY_WORD_MIN_ARTICLES:
        return StoryWords()
    used: Counter[str] = Counter()
    for claims in articles:
        used.update(frozenset().union(*(_claim_view(claim).stem_set for claim in claims)))
    return StoryWords(articles=len(articles), used=used)


def model_overruled(
    a: ClaimDraft,
    b: ClaimDraft,
    *,
    published_a: dt.date | None = None,
    published_b: dt.date | None = None,
) -> bool:
    """Whether the rules explain every difference between the two claims (rules.equivalent),
    so that relate_claims never lets the learned model call them a contradiction. For
    bench/calibrate_relate.py, whose replay of the decision must score what the product
    decides."""
    pair = _Pair.of(a, b)
    return equivalent(pair.va, pair.vb, pair.facts(a, b, published_a, published_b))


def relate_texts(s1: str, s2: str, *, published: dt.date | None = None) -> Relation:
    """Relate two raw sentences (both published on the same day, if given)."""
    return relate_claims(
        claim_from_text(s1, published=published),
        claim_from_text(s2, published=published, position=1),
        published_a=published,
        published_b=published,
    )
