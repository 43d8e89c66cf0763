"""Big exports, written by a worker (claims.exports.jobs)."""

from celery import shared_task

from claims.exports.jobs import export_job_run


@shared_task(acks_late=True)
def run_export_job(job_id: int) -> None:
    export_job_run(job_id)
