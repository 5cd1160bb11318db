"""Queue the share cards of published stories: those without cards, or all with --all."""

from django.core.management.base import BaseCommand
from django.db.models import Q

from news.models import State, Story
from news.tasks import make_share_cards


class Command(BaseCommand):
    help = (
        "Queue the share cards of published stories that have none (after an upgrade, or when "
        "the broker was down); --all redraws every story's cards."
    )

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="Redraw the cards of every story.")

    def handle(self, *args, **options):
        stories = Story.objects.filter(state=State.PUBLISHED)
        if not options["all"]:
            stories = stories.filter(Q(share_kit__isnull=True) | Q(share_kit__fingerprint=""))
        count = 0
        for story_id in stories.values_list("pk", flat=True).iterator():
            make_share_cards.delay(story_id, bool(options["all"]))
            count += 1
        self.stdout.write(f"Queued the cards of {count} stories.")
