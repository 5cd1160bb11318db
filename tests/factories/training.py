"""Factories for training records that need no service logic (speakers and their aliases)."""

import factory
from factory.django import DjangoModelFactory

from training.models import Speaker, SpeakerAlias


class SpeakerFactory(DjangoModelFactory):
    """A speaker with a current position, as a directorate official."""

    class Meta:
        model = Speaker

    full_name = factory.Sequence(lambda n: f"Narasumber Uji {n:03d}")
    current_position = "Direktur Teknologi Informasi dan Kerja Sama"
    current_organisation = "Direktorat Jenderal Pemasyarakatan"


class SpeakerAliasFactory(DjangoModelFactory):
    """Another way a speaker's name is written."""

    class Meta:
        model = SpeakerAlias

    speaker = factory.SubFactory(SpeakerFactory)
    alias = factory.Sequence(lambda n: f"N. Uji {n:03d}")
