"""Small builders for view, selector and admin tests: rows made directly with the ORM.

They bypass services on purpose, so that read-side tests do not depend on the engine;
each builder fills only what the constraints require and takes the rest as keywords.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib
import itertools
from dataclasses import replace

from django.contrib.auth.models import Group, Permission, User
from django.utils import timezone

from newsdiff import services
from newsdiff.models import Article, Claim, ClaimLink, Language, Outlet, Relation, Story
from newsdiff.pipeline.normalize import normalize_text
from newsdiff.pipeline.types import FactDifference, FactValue, Reason, RelationDetails

_counter = itertools.count(1)


def outlet_create_for_test(
    *, name: str | None = None, language: str = Language.ARABIC, native_name: str = ""
) -> Outlet:
    n = next(_counter)
    return Outlet.objects.create(
        name=name or f"Outlet {n}",
        native_name=native_name,
        domain=f"outlet{n}.example",
        language=language,
    )


def story_create_for_test(*, title: str = "صفقة أسلحة جديدة", slug: str | None = None) -> Story:
    return Story.objects.create(title=title, slug=slug or f"story-{next(_counter)}")


def article_with_claims(
    *,
    story: Story,
    outlet: Outlet | None = None,
    claims: list[str]
    | list[tuple[str, list[dict[str, str]]]]
    | list[tuple[str, list[dict[str, str]], str]],
    title: str = "",
    language: str | None = None,
    published_at: dt.datetime | None = None,
    copy_of: Article | None = None,
) -> tuple[Article, list[Claim]]:
    """An article whose clean text is its claims joined by spaces, one claim per item.

    An item is the claim text, or (text, facts) where facts are Fact.as_dict() shapes, or
    (text, facts, attribution) with whom the claim quotes, as written.
    """
    outlet = outlet or outlet_create_for_test()
    items = [((c, [], "") if isinstance(c, str) else (*c, "")[:3]) for c in claims]
    clean_text = " ".join(item[0] for item in items)
    # Tests reuse sentences across articles; the counter keeps the hash unique.
    salt = f"\n#{next(_counter)}"
    article = Article.objects.create(
        outlet=outlet,
        story=story,
        title=title,
        language=language or outlet.language,
        published_at=published_at or timezone.now(),
        raw_text=clean_text,
        clean_text=clean_text,
        content_hash=hashlib.sha256(normalize_text(clean_text + salt).encode()).hexdigest(),
        copy_of=copy_of,
    )
    rows = []
    offset = 0
    for position, (text, facts, attribution) in enumerate(items):
        rows.append(
            Claim(
                article=article,
                position=position,
                text=text,
                normalized=normalize_text(text),
                start=offset,
                end=offset + len(text),
                facts=facts,
                attribution=normalize_text(attribution),
                attribution_text=attribution,
            )
        )
        offset += len(text) + 1
    return article, Claim.objects.bulk_create(rows)


# The reason a hand-made link gives when the test names none: one per relation.
DEFAULT_REASONS = {
    Relation.AGREEMENT: Reason.PARAPHRASE,
    Relation.CONTRADICTION: Reason.VALUE_MISMATCH,
    Relation.DISPUTED: Reason.VALUE_MISMATCH,
    Relation.UPDATED: Reason.FIGURE_UPDATED,
}


def link(
    first: Claim,
    second: Claim,
    *,
    relation: str = Relation.AGREEMENT,
    similarity: float = 0.8,
    score: float = 0.7,
    reason: Reason | str = "",
    details: RelationDetails | None = None,
) -> ClaimLink:
    """A link between two claims, stored in the model's order (claim_a in the older article).

    details are given from first's side (a = first) and swapped with the claims when first
    is stored as claim b. The reason defaults to the details' own, else to one that fits
    the relation. Statuses and counts are not decided here: call verdicts_store(story).
    """
    reason = (
        Reason(reason) if reason else (details.reason if details else DEFAULT_REASONS[relation])
    )
    details = replace(details, reason=reason) if details else RelationDetails(reason=reason)
    if first.article_id > second.article_id:
        first, second = second, first
        details = details.swapped()
    return ClaimLink.objects.create(
        story_id=first.article.story_id,
        article_a_id=first.article_id,
        article_b_id=second.article_id,
        claim_a=first,
        claim_b=second,
        relation=relation,
        similarity=similarity,
        score=score,
        reason=reason.value,
        details=details.to_json(),
        engine_version="test",
    )


def differing(kind: str, a: str, b: str, *, unit: str = "", text_a: str = "", text_b: str = ""):
    """One FactDifference: the two values (canonical) and, optionally, the words as written."""
    return FactDifference(
        kind=kind,
        a=FactValue(kind=kind, value=a, unit=unit, text=text_a or a),
        b=FactValue(kind=kind, value=b, unit=unit, text=text_b or b),
    )


def verdicts_store(story: Story) -> Story:
    """Decide and store the story's claim statuses and counts, as services do after every
    realignment and review (rows built by hand have none until then); story is refreshed."""
    services.story_verdicts_store(story=story)
    story.refresh_from_db()
    return story


def role_group(name: str) -> Group:
    """The role group (Editor, Researcher, Admin) that migration 0002_roles creates.

    Re-created from the migration's own list when missing: tests on transactional_db
    (the browser tests) flush every table, groups included, after each test.
    """
    codenames = list(importlib.import_module("newsdiff.migrations.0002_roles").ROLES[name])
    # Permissions later migrations give to roles (0012: managing stories).
    story_edit = importlib.import_module("newsdiff.migrations.0012_story_edit")
    if name in story_edit.ROLES:
        codenames.append(story_edit.PERMISSION)
    group, created = Group.objects.get_or_create(name=name)
    if created or not group.permissions.exists():
        group.permissions.set(
            Permission.objects.filter(content_type__app_label="newsdiff", codename__in=codenames)
        )
    return group


def user_create_for_test(
    *, username: str | None = None, password: str = "pw-for-tests", role: str | None = "Editor"
) -> User:
    """A user in the given role's group; role=None makes a user with no permission."""
    user = User.objects.create_user(username=username or f"user{next(_counter)}", password=password)
    if role:
        user.groups.add(role_group(role))
    return user


def harbour_story_create_for_test(*, weak_match: bool = False) -> Story:
    """A story with every kind of verdict, written for the browser tests: three outlets that
    agree, a contradiction, a dispute between quoted sources, a figure updated the next day, a
    wire copy and a detail only one outlet reports; weak_match adds a weak agreement."""
    day = timezone.make_aware(dt.datetime(2024, 10, 7, 9, 0))
    story = story_create_for_test(title="قصف على ميناء المدينة", slug="harbour")
    wire, daily, herald, courier = (
        outlet_create_for_test(name=name, native_name=native)
        for name, native in (
            ("Wire", "الوكالة"),
            ("Daily", "اليومية"),
            ("Herald", "المبشر"),
            ("Courier", "Courier"),
        )
    )
    _, (a1, a2, a3, a4) = article_with_claims(
        story=story,
        outlet=wire,
        published_at=day,
        claims=[
            "قصفت طائرات ميناء المدينة فجر الاثنين.",
            ("قال الجيش إن خمسة أشخاص قتلوا في القصف.", [], "الجيش"),
            "أصيب 12 شخصا بجروح.",
            "اشتعلت النيران في مخزن للوقود.",
        ],
    )
    copy, (c1, c2, c3, c4) = article_with_claims(
        story=story,
        outlet=courier,
        published_at=day + dt.timedelta(hours=1),
        claims=[a1.text, a2.text, a3.text, a4.text],
    )
    Article.objects.filter(pk=copy.pk).update(copy_of=a1.article)
    _, (b1, b2, b3) = article_with_claims(
        story=story,
        outlet=daily,
        published_at=day + dt.timedelta(hours=3),
        claims=[
            "استهدف قصف جوي ميناء المدينة صباح الاثنين.",
            ("قالت وزارة الصحة إن سبعة أشخاص قتلوا.", [], "وزارة الصحة"),
            "وقع القصف مساء الأحد.",
        ],
    )
    _, (d1, d2) = article_with_claims(
        story=story,
        outlet=herald,
        published_at=day + dt.timedelta(days=1),
        claims=["قُصف ميناء المدينة يوم الاثنين.", "ارتفع عدد الجرحى إلى 30 شخصا."],
    )
    for x, y in ((a1, c1), (a2, c2), (a3, c3), (a4, c4), (a1, b1), (b1, d1)):
        link(x, y)
    if weak_match:
        link(a4, d1, similarity=0.23, score=0.4)  # noise, folded away as a weak match
    link(
        a2,
        b2,
        relation=Relation.DISPUTED,
        details=RelationDetails(
            reason=Reason.VALUE_MISMATCH,
            differing=(differing("count", "5", "7", text_a="خمسة أشخاص", text_b="سبعة أشخاص"),),
            source_a="الجيش",
            source_b="وزارة الصحة",
        ),
    )
    link(
        a1,
        b3,
        relation=Relation.CONTRADICTION,
        details=RelationDetails(
            reason=Reason.DATE_MISMATCH,
            differing=(
                differing(
                    "date", "2024-10-07", "2024-10-06", text_a="فجر الاثنين", text_b="مساء الأحد"
                ),
            ),
        ),
    )
    link(
        a3,
        d2,
        relation=Relation.UPDATED,
        details=RelationDetails(
            reason=Reason.FIGURE_UPDATED,
            differing=(differing("count", "12", "30", text_a="12 شخصا", text_b="30 شخصا"),),
            published_a=dt.date(2024, 10, 7),
            published_b=dt.date(2024, 10, 8),
        ),
    )
    return verdicts_store(story)
