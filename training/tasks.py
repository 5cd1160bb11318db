"""Background jobs of the training app; thin wrappers around services."""

from celery import shared_task

from .services import certificates, checkin, imports, recovery


@shared_task
def process_import(import_file_id: int) -> str:
    """Apply a large attendance file."""
    return imports.process_import(import_file_id=import_file_id)


@shared_task
def build_certificate_bundle(bundle_id: int) -> str:
    """Build the ZIP of a session's certificates."""
    return certificates.build_bundle(bundle_id=bundle_id)


@shared_task
def requeue_stuck_bundles() -> int:
    """Periodic job: queue again the certificate bundles whose task was lost."""
    return certificates.requeue_stuck_bundles()


@shared_task
def sweep_staged_uploads() -> int:
    """Periodic job: remove uploads whose preview was never confirmed."""
    return imports.sweep_staged_uploads()


@shared_task
def requeue_stuck_imports() -> dict[str, int]:
    """Periodic job: queue again the imports whose worker never finished, or give them up."""
    return recovery.requeue_stuck_imports()


@shared_task
def close_ended_check_ins() -> int:
    """Periodic job: credit the open self check-ins of sessions that have ended."""
    return checkin.close_ended_check_ins()
