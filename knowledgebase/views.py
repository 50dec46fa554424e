from django.shortcuts import render
from django.views.decorators.http import require_safe

from .models import Flywheel


@require_safe
def index(request):
    return render(request, "knowledgebase/index.html", {"flywheels": Flywheel.objects.with_concepts()})
