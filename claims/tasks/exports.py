"""Big exports, written by a worker (claims.exports.jobs)."""

from celery import shared_task


@shared_task(acks_late=True)
def run_export_job(job_id: int) -> None:
    # Imported here: claims.exports.jobs queues this task (a module-level import would be a circle).
    from claims.exports.jobs import export_job_run

    export_job_run(job_id)
