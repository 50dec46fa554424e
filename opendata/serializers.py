"""What the open data shows of each thing: public fields of published content, never an email address or
the name of a private person. The API, the exports and the feeds use these."""

from rest_framework import serializers

from core.mail import site_url
from flywheels.models import Concept
from initiatives.models import Initiative, LogEntry
from knowledgebase.models import Article
from places.models import Area


class AreaSerializer(serializers.ModelSerializer):
    class Meta:
        model = Area
        fields = ["slug", "name", "kind"]


class ConceptSerializer(serializers.ModelSerializer):
    flywheel = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = Concept
        fields = [
            "slug",
            "flywheel",
            "order",
            "label_nl",
            "label_en",
            "description_nl",
            "description_en",
            "status",
        ]


class _Public(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()
    themes = serializers.SerializerMethodField()
    concepts = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)

    def get_url(self, obj) -> str:
        return site_url(obj.get_absolute_url())

    def get_themes(self, obj) -> list[str]:
        return [tag.name for tag in obj.tags.all()]


class InitiativeSerializer(_Public):
    area = AreaSerializer(read_only=True)
    support_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Initiative
        fields = [
            "slug",
            "title",
            "summary",
            "url",
            "area",
            "origin",
            "stage",
            "government_role",
            "participation_step",
            "themes",
            "concepts",
            "support_count",
            "published_at",
            "last_activity_at",
        ]


class InitiativeDetailSerializer(InitiativeSerializer):
    links = serializers.ListField(source="link_list", child=serializers.URLField(), read_only=True)

    class Meta(InitiativeSerializer.Meta):
        fields = [*InitiativeSerializer.Meta.fields, "story", "links"]


class LogEntrySerializer(serializers.ModelSerializer):
    initiative = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    url = serializers.SerializerMethodField()

    class Meta:
        model = LogEntry
        fields = ["id", "initiative", "kind", "obstacle_category", "happened_on", "title", "text", "url"]

    def get_url(self, obj) -> str:
        return site_url(obj.get_absolute_url())


class ArticleSerializer(_Public):
    area = AreaSerializer(read_only=True, allow_null=True)
    initiative = serializers.SerializerMethodField()
    file = serializers.SerializerMethodField()

    class Meta:
        model = Article
        fields = [
            "slug",
            "title",
            "summary",
            "kind",
            "url",
            "area",
            "place",
            "themes",
            "concepts",
            "initiative",
            "source_url",
            "file",
            "published_at",
        ]

    def get_initiative(self, obj) -> str | None:
        """The initiative's slug while it is published: one taken back or hidden is not named."""
        initiative = obj.initiative
        return initiative.slug if initiative is not None and initiative.is_published else None

    def get_file(self, obj) -> str | None:
        return site_url(obj.attachment.url) if obj.attachment else None


class ArticleDetailSerializer(ArticleSerializer):
    class Meta(ArticleSerializer.Meta):
        fields = [*ArticleSerializer.Meta.fields, "body"]
