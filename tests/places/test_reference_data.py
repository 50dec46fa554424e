import pytest

from places.models import Area
from places.reference_data import load_areas

pytestmark = pytest.mark.django_db


def test_migrations_load_the_16_areas_of_doetinchem():
    assert Area.objects.count() == 16
    names = set(Area.objects.values_list("name", flat=True))
    assert {"Gaanderen", "Wehl", "Buitengebied", "Centrum", "Schöneveld"} <= names


def test_areas_are_ordered_as_in_the_data_file_with_the_rural_area_last():
    areas = list(Area.objects.all())

    assert areas[0].slug == "centrum"
    assert areas[-1].slug == "buitengebied"
    assert areas[-1].kind == Area.Kind.RURAL


def test_villages_and_hamlets_have_their_kind():
    kinds = dict(Area.objects.values_list("slug", "kind"))

    assert kinds["gaanderen"] == Area.Kind.VILLAGE
    assert kinds["wehl"] == Area.Kind.VILLAGE
    assert kinds["langerak"] == Area.Kind.HAMLET
    assert kinds["de-huet"] == Area.Kind.DISTRICT


def test_all_seeded_areas_can_be_chosen():
    assert not Area.objects.filter(is_active=False).exists()


def test_reloading_keeps_what_staff_edited():
    Area.objects.filter(slug="wehl").update(name="Wehl (dorp)", order=1, is_active=False)

    load_areas()

    wehl = Area.objects.get(slug="wehl")
    assert (wehl.name, wehl.order, wehl.is_active) == ("Wehl (dorp)", 1, False)
    assert Area.objects.count() == 16


def test_reloading_restores_a_deleted_area_and_keeps_staff_additions():
    Area.objects.filter(slug="ijzevoorde").delete()
    Area.objects.create(name="Keppelseweg", slug="keppelseweg", kind=Area.Kind.HAMLET)

    load_areas()

    assert Area.objects.filter(slug="ijzevoorde", name="IJzevoorde").exists()
    assert Area.objects.filter(slug="keppelseweg").exists()
    assert Area.objects.count() == 17


def test_area_shows_its_name():
    assert str(Area.objects.get(slug="nieuw-wehl")) == "Nieuw-Wehl"
