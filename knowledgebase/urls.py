from django.urls import path

from .views import analyses, articles, concepts, overview

app_name = "knowledgebase"

urlpatterns = [
    path("", overview.index, name="index"),
    path("begrippen/<slug:slug>/", concepts.detail, name="concept"),
    path("artikelen/", articles.index, name="articles"),
    path("artikelen/<slug:slug>/", articles.detail, name="article"),
    path("artikelen/<slug:slug>/bestand/", articles.download, name="download"),
    path("voorbeeld-voorstellen/", articles.suggest, name="suggest"),
    path("analyses/", analyses.index, name="analyses"),
    path("analyses/<slug:slug>/", analyses.detail, name="analysis"),
]
