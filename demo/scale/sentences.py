"""Dutch prose for the scale data set, made from vocabulary.py with a seeded generator.

Building a fresh sentence word by word for each of millions of rows would cost minutes, so `Prose` first
makes pools of a few thousand sentences, comments and titles and then draws texts from them: the words stay
as varied as the vocabulary (what search needs), and the same seed gives the same texts.
"""

from random import Random

from .vocabulary import (
    ADJECTIVES,
    FRAMES,
    GROUPS,
    LOG_TITLES,
    NOUNS,
    OBSTACLE_WORDS,
    STREETS,
    VERBS,
)

SENTENCE_POOL = 5000
COMMENT_POOL = 3000

COMMENT_FRAMES = [
    "Mooi initiatief! Ik help graag mee met {noun}.",
    "Wanneer is de volgende bijeenkomst over {noun}?",
    "Bij ons in {place} hebben we ook {nouns}, neem gerust contact op.",
    "Goed dat {group} dit oppakken.",
    "Ik woon aan de {street} en mis {noun} al jaren.",
    "Hebben jullie al gedacht aan {adj} {nouns}?",
    "Succes! Ik kom zeker kijken.",
    "Kan ik ook helpen met {noun} {verb}?",
    "Wat een werk, en wat mooi geworden.",
    "Misschien kan de gemeente helpen met {noun}.",
    "Wij hebben nog {nouns} over, wie wil ze hebben?",
    "Jammer dat {noun} zo lang duurt. Houd vol!",
]

RESPONSE_FRAMES = [
    "Dank voor jullie initiatief. De wijkregisseur neemt deze week contact op over {noun}.",
    "We denken graag mee over {noun}. Voor de vergunning kunnen jullie bij ons terecht.",
    "De gemeente kan helpen met {nouns}; we plannen een gesprek in {place}.",
    "Goed om te lezen hoe {group} dit aanpakken. We kijken of het past in het wijkplan.",
    "Voor {noun} is een kleine subsidie mogelijk. We sturen de voorwaarden toe.",
    "We hebben jullie vraag over {noun} doorgezet naar de collega's van openbare ruimte.",
]

TITLE_FRAMES = [
    "{Adj} {bare} voor {place}",
    "{Nouns} aan de {street}",
    "Samen {noun} {verb} in {place}",
    "{Bare} {place}",
    "Meer {nouns} in {place}",
    "Een {adj} {bare} bij de {street}",
    "{Place} krijgt {adj} {nouns}",
    "Werk aan {noun} in {place}",
]


def _bare(noun: str) -> str:
    """The noun without its article: "de speeltuin" -> "speeltuin"."""
    return noun.split(" ", 1)[1] if noun.startswith(("de ", "het ")) else noun


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


class Prose:
    def __init__(self, rng: Random, places: list[str]):
        self.rng = rng
        self.places = places
        self.sentences = [self.fill(rng.choice(FRAMES)) for _ in range(SENTENCE_POOL)]
        self.comments = [self.fill(rng.choice(COMMENT_FRAMES)) for _ in range(COMMENT_POOL)]
        self.responses = [self.fill(rng.choice(RESPONSE_FRAMES)) for _ in range(COMMENT_POOL // 3)]

    def fill(self, frame: str) -> str:
        """One frame with random words in its slots; a capitalised slot gives a capitalised word."""
        rng = self.rng
        noun, plural = rng.choice(NOUNS)
        words = {
            "noun": noun,
            "nouns": plural,
            "bare": _bare(noun),
            "verb": rng.choice(VERBS),
            "adj": rng.choice(ADJECTIVES),
            "group": rng.choice(GROUPS),
            "place": rng.choice(self.places),
            "street": rng.choice(STREETS),
        }
        words |= {_capital(key): _capital(value) for key, value in words.items()}
        words["Noun_plural"] = _capital(plural)
        return frame.format(**words)

    def sentences_of(self, count: int) -> str:
        return " ".join(self.rng.choices(self.sentences, k=count))

    # Initiatives -------------------------------------------------------------------------------------

    def title(self) -> str:
        return self.fill(self.rng.choice(TITLE_FRAMES))[:120]

    def summary(self) -> str:
        return self.sentences_of(2)[:300]

    def story(self) -> str:
        """Three to five paragraphs of Markdown, sometimes with a list and a bold phrase."""
        rng = self.rng
        paragraphs = [self.sentences_of(rng.randint(2, 4)) for _ in range(rng.randint(3, 5))]
        if rng.random() < 0.3:
            paragraphs.insert(1, "\n".join(f"- {_capital(_bare(rng.choice(NOUNS)[0]))}" for _ in range(3)))
        if rng.random() < 0.3:
            noun = rng.choice(NOUNS)[0]
            paragraphs[0] = paragraphs[0].replace(noun, f"**{noun}**", 1)
        return "\n\n".join(paragraphs)

    def log_title(self, kind: str) -> str:
        return self.fill(self.rng.choice(LOG_TITLES[kind]))[:120]

    def log_text(self, category: str = "") -> str:
        text = self.sentences_of(self.rng.randint(2, 4))
        if category:
            text = f"We liepen vast op {self.rng.choice(OBSTACLE_WORDS[category])}. {text}"
        return text

    def comment(self) -> str:
        return self.rng.choice(self.comments)

    def response(self) -> str:
        return f"{self.rng.choice(self.responses)} {self.sentences_of(1)}"

    def help_title(self) -> str:
        return _capital(f"hulp gezocht bij {self.rng.choice(NOUNS)[0]}")[:120]

    def paragraph(self, low: int = 2, high: int = 4) -> str:
        return self.sentences_of(self.rng.randint(low, high))

    def reason(self) -> str:
        return self.rng.choice(
            [
                "Dit initiatief gaat niet over Doetinchem.",
                "Er staan persoonlijke gegevens van anderen in.",
                "Dit is reclame voor een bedrijf.",
                "Het initiatief staat er al twee keer op.",
            ]
        )
