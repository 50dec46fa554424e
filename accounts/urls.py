from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("", views.profile, name="profile_edit"),
    path("mijn-gegevens.json", views.export, name="data_export"),
    path("verwijderen/", views.delete, name="account_delete"),
]
