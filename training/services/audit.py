"""The training audit trail."""

from accounts.models import User

from ..models import AuditEntry, TrainingSession


def record(
    *, session: TrainingSession | None, actor: User | None, action: str, **detail
) -> AuditEntry:
    """Append one audit row about a session."""
    return AuditEntry.objects.create(session=session, actor=actor, action=action, detail=detail)
