from django.urls import path

from . import views

app_name = "dashboard"

urlpatterns = [
    path("", views.index, name="index"),
    path("cijfers.csv", views.numbers_csv, name="figure_export"),
]
