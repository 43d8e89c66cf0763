"""The printable article report: HTML for the browser, PDF for filing and sharing."""

from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404

from claims.exports.report import render_article_pdf, render_article_report
from claims.models import Article

REPORT_PERMISSION = "claims.view_claim"


@login_required
@permission_required(REPORT_PERMISSION, raise_exception=True)
def article_report(request, article_id: int):
    article = get_object_or_404(Article, pk=article_id)
    return HttpResponse(render_article_report(article))


@login_required
@permission_required(REPORT_PERMISSION, raise_exception=True)
def article_report_pdf(request, article_id: int):
    article = get_object_or_404(Article, pk=article_id)
    response = HttpResponse(render_article_pdf(article), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="article-{article.pk}-report.pdf"'
    return response
