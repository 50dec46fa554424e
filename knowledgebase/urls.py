from django.urls import path

from .views import analyses, articles, concepts, overview

app_name = "knowledgebase"

urlpatterns = [
    path("", overview.index, name="index"),
    path("begrippen/<slug:slug>/", concepts.detail, name="concept_detail"),
    path("begrippen/<slug:slug>/casussen/", concepts.findings, name="concept_finding_list"),
    path("begrippen/<slug:slug>/lessen/", concepts.lessons, name="concept_lesson_list"),
    path("artikelen/", articles.index, name="article_list"),
    path("artikelen/<slug:slug>/", articles.detail, name="article_detail"),
    path("artikelen/<slug:slug>/bestand/", articles.download, name="article_download"),
    path("voorbeeld-voorstellen/", articles.suggest, name="example_suggest"),
    path("analyses/", analyses.index, name="analysis_list"),
    path("analyses/<slug:slug>/", analyses.detail, name="analysis_detail"),
]
