from django.urls import path

from claims.exports import views

app_name = "reports"
urlpatterns = [
    path("articles/<int:article_id>/", views.article_report, name="article"),
    path("articles/<int:article_id>.pdf", views.article_report_pdf, name="article_pdf"),
]
