"""The desk board: the stories a user may read, by stage, in a fixed number of queries.

A story's stage is worked out in SQL (a CASE over its workflow step, schedule, embargo and live
state) so that the counts per stage and the newest rows of each stage are one query each,
whatever the number of stories: the counts, the rows (a window function keeps the newest
`per_stage` of each stage), the bylines, the sections and desks they sit in.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import (
    BooleanField,
    Case,
    CharField,
    Count,
    Exists,
    F,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Value,
    When,
    Window,
)
from django.db.models.functions import Cast, RowNumber
from django.utils import timezone
from wagtail.models import Page, Revision, WorkflowState

from masthead.articles.models import ArticleByline, ArticlePage
from masthead.core.dates import in_newsroom
from masthead.publishing.models import Desk
from masthead.publishing.visibility import editable_pages, readable_q

DRAFT, COPY_EDIT, PUBLISH = "draft", "copy_edit", "publish"
SCHEDULED, EMBARGOED, PUBLISHED_TODAY, PULLED = "scheduled", "embargoed", "today", "pulled"
# The pipeline, in the order a story moves through it, with the words the newsroom uses.
STAGES = [
    (DRAFT, "Draft"),
    (COPY_EDIT, "Copy edit"),
    (PUBLISH, "Publish"),
    (SCHEDULED, "Scheduled"),
    (EMBARGOED, "Embargoed"),
    (PUBLISHED_TODAY, "Published today"),
    (PULLED, "Pulled"),
]
STAGE_LABELS = dict(STAGES)
PER_STAGE = 10
SECTION_PATH_LENGTH = 12  # root (4) > site home (8) > top-level section (12): the desk


def start_of_today(now: datetime) -> datetime:
    """Midnight in the newsroom's zone, today."""
    return in_newsroom(now).replace(hour=0, minute=0, second=0, microsecond=0)


def _in_progress_step():
    """The permission of the story's current desk review step: change (copy edit) or publish."""
    states = WorkflowState.objects.filter(
        object_id=Cast(OuterRef("pk"), CharField()),
        status=WorkflowState.STATUS_IN_PROGRESS,
        base_content_type__model="page",
    )
    return Subquery(
        states.values("current_task_state__task__deskapprovaltask__permission")[:1]
    ), Exists(states)


def _scheduled_at():
    scheduled = Revision.page_revisions.filter(
        object_id=Cast(OuterRef("pk"), CharField()), approved_go_live_at__isnull=False
    ).order_by("approved_go_live_at")
    return Subquery(scheduled.values("approved_go_live_at")[:1])


def _their_own_q(user) -> Q:
    """The stories `user` sent to review, wrote the latest revision of or is bylined on: on their
    board even when they may no longer edit them (a story in copy edit, a colleague's draft)."""
    page_id = Cast(OuterRef("pk"), CharField())
    sent = WorkflowState.objects.filter(
        object_id=page_id, base_content_type__model="page", requested_by=user
    )
    bylined = ArticleByline.objects.filter(page=OuterRef("pk"), person__user=user)
    return Q(Exists(sent)) | Q(latest_revision__user=user) | Q(Exists(bylined))


def staged_stories(user, now: datetime, desk: Desk | None = None):
    """Every story `user` may read that is on the board, annotated with its `stage`."""
    step, in_review = _in_progress_step()
    today = start_of_today(now)
    stories = ArticlePage.objects.annotate(
        review_step=step,
        in_review=in_review,
        scheduled_at=_scheduled_at(),
    ).annotate(
        stage=Case(
            When(in_review=True, review_step="change", then=Value(COPY_EDIT)),
            When(in_review=True, then=Value(PUBLISH)),
            When(embargo_until__gt=now, then=Value(EMBARGOED)),
            When(scheduled_at__isnull=False, then=Value(SCHEDULED)),
            When(live=True, last_published_at__gte=today, then=Value(PUBLISHED_TODAY)),
            When(live=False, first_published_at__isnull=False, then=Value(PULLED)),
            When(live=False, then=Value(DRAFT)),
            default=Value(""),
            output_field=CharField(),
        )
    )
    if not (user.is_active and user.is_superuser):
        stories = stories.filter(readable_q(user) | _their_own_q(user)).annotate(
            editable=Case(
                When(pk__in=editable_pages(user).values("pk"), then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            )
        )
    else:
        stories = stories.annotate(editable=Value(True))
    if desk is not None:
        stories = stories.filter(path__startswith=desk.section.path)
    return stories.exclude(stage="")


@dataclass
class Board:
    counts: dict[str, int]
    rows: dict[str, list] = field(default_factory=dict)

    @property
    def pipeline(self) -> list[dict]:
        """Each stage with its count and its share of the widest stage, for the picture."""
        widest = max(self.counts.values(), default=0) or 1
        return [
            {
                "key": key,
                "label": label,
                "count": self.counts.get(key, 0),
                "percent": round(100 * self.counts.get(key, 0) / widest),
            }
            for key, label in STAGES
        ]

    @property
    def stages(self) -> list[dict]:
        return [
            {
                "key": key,
                "label": label,
                "count": self.counts.get(key, 0),
                "rows": self.rows.get(key, []),
            }
            for key, label in STAGES
        ]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def stage_counts(stories) -> dict[str, int]:
    rows = stories.order_by().values("stage").annotate(n=Count("pk")).values_list("stage", "n")
    return dict(rows)


def newest_rows(stories, per_stage: int = PER_STAGE) -> list[ArticlePage]:
    """The `per_stage` most recently edited stories of each stage, in one query."""
    ranked = stories.annotate(
        rank=Window(
            RowNumber(),
            partition_by=[F("stage")],
            order_by=[F("latest_revision_created_at").desc(nulls_last=True), F("pk").desc()],
        )
    ).filter(rank__lte=per_stage)
    return list(
        ranked.select_related("owner", "locked_by", "latest_revision__user")
        .prefetch_related(
            Prefetch(
                "bylines",
                queryset=ArticleByline.objects.select_related("person").order_by("sort_order"),
            )
        )
        .order_by("-latest_revision_created_at", "-pk")
    )


def desk_board(user, now: datetime | None = None, desk: Desk | None = None) -> Board:
    """The board for `user`: counts per stage and the newest rows of each, with their places."""
    now = now or timezone.now()
    stories = staged_stories(user, now, desk)
    board = Board(counts=stage_counts(stories))
    rows = newest_rows(stories)
    places = section_and_desk_titles({story.path for story in rows})
    for story in rows:
        board.rows.setdefault(story.stage, []).append(story_row(story, places, now))
    return board


def section_and_desk_titles(paths: set[str]) -> dict[str, str]:
    """{path: title} of the stories' sections and desks (their parent and top-level section)."""
    wanted = {p[:-4] for p in paths} | {p[:SECTION_PATH_LENGTH] for p in paths}
    if not wanted:
        return {}
    return dict(Page.objects.filter(path__in=wanted).values_list("path", "title"))


def clock(value: datetime | None) -> dict | None:
    """A time as the newsroom reads it: 24-hour, in its zone, with the zone's abbreviation."""
    if value is None:
        return None
    local = in_newsroom(value)
    year = "" if local.year == in_newsroom(timezone.now()).year else f" {local.year}"
    return {
        "iso": local.isoformat(timespec="minutes"),
        "text": f"{local:%a} {local.day} {local:%b}{year} {local:%H:%M} {local.tzname()}",
    }


def person_name(user) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def story_row(story, places: dict[str, str], now: datetime) -> dict:
    """What the board shows of one story."""
    go_live = story.scheduled_at
    if story.embargo_until and story.embargo_until > now:
        go_live = max(go_live or story.embargo_until, story.embargo_until)
    revision = story.latest_revision
    return {
        "id": story.pk,
        "title": story.title,
        "editable": story.editable,
        "stage": story.stage,
        "stage_label": STAGE_LABELS[story.stage],
        "section": places.get(story.path[:-4], ""),
        "desk": places.get(story.path[:SECTION_PATH_LENGTH], ""),
        "byline": ", ".join(b.person.name for b in story.bylines.all()),
        "author": person_name(story.owner),
        "last_edit": clock(story.latest_revision_created_at),
        "last_editor": person_name(revision.user) if revision else "",
        "go_live": clock(go_live),
        "locked": story.locked,
        "lock_holder": person_name(story.locked_by) if story.locked else "",
    }
