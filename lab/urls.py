from django.urls import path

from . import views

app_name = "lab"

urlpatterns = [
    path("", views.index, name="index"),
    path("sessies/<slug:slug>/", views.session, name="session_detail"),
    path("sessies/<slug:slug>/aanmelden/", views.signup, name="session_signup"),
    path("sessies/<slug:slug>/afmelden/", views.cancel, name="session_cancel"),
    path("sessies/<slug:slug>/agenda.ics", views.ics, name="session_calendar"),
    path("signalen/", views.signals, name="signal_list"),
    path("signalen/nieuw/", views.signal_new, name="signal_create"),
    path("signalen/<int:pk>/", views.signal_detail, name="signal_detail"),
    path("signalen/<int:pk>/intrekken/", views.signal_withdraw, name="signal_withdraw"),
]
