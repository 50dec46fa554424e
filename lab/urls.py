from django.urls import path

from . import views

app_name = "lab"

urlpatterns = [
    path("", views.index, name="index"),
    path("sessies/<slug:slug>/", views.session, name="session"),
    path("sessies/<slug:slug>/aanmelden/", views.signup, name="signup"),
    path("sessies/<slug:slug>/afmelden/", views.cancel, name="cancel"),
    path("sessies/<slug:slug>/agenda.ics", views.ics, name="ics"),
    path("signalen/", views.signals, name="signals"),
    path("signalen/nieuw/", views.signal_new, name="signal_new"),
    path("signalen/<int:pk>/", views.signal_detail, name="signal"),
    path("signalen/<int:pk>/intrekken/", views.signal_withdraw_view, name="signal_withdraw"),
]
