from django.urls import path

from . import views

app_name = "moderation"

urlpatterns = [
    path("melden/<slug:kind>/<int:pk>/", views.report, name="report_create"),
    path("bezwaar/<int:pk>/", views.appeal, name="appeal_create"),
]
