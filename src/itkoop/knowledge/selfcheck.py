"""The self-check on digital maturity and cooperation readiness: questionnaire, validation and scoring.

The questions live in content/selfcheck.json so the center can revise them; a new wording that changes meaning
gets a new `version`. Answers are Likert values 0-4; a dimension scores 0-100 (the mean answer scaled), the
overall value is the mean of the dimensions. Plain Python: no database, so it is easy to test and reuse."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from itkoop.core.i18n import in_page_language

QUESTIONNAIRE_FILE = Path(__file__).resolve().parent / "content" / "selfcheck.json"
MAX_ANSWER = 4


class InvalidAnswers(ValueError):
    """Answers missing, unknown or out of range; `missing` lists the unanswered question ids."""

    def __init__(self, message: str, missing: list[str] | None = None):
        super().__init__(message)
        self.missing = missing or []


def _pick(entry: dict, key: str) -> str:
    english = entry.get(f"{key}_en", "")
    return in_page_language(entry.get(f"{key}_de", ""), english)


@dataclass(frozen=True)
class Question:
    id: str
    text_de: str
    text_en: str

    @property
    def text(self) -> str:
        return in_page_language(self.text_de, self.text_en)


@dataclass(frozen=True)
class Dimension:
    id: str
    raw: dict
    questions: tuple[Question, ...]

    @property
    def label(self) -> str:
        return _pick(self.raw, "label")

    @property
    def short_label(self) -> str:
        return _pick(self.raw, "short") or self.label

    @property
    def description(self) -> str:
        return _pick(self.raw, "description")

    @property
    def advice(self) -> str:
        return _pick(self.raw, "advice")

    @property
    def tags(self) -> list[str]:
        return list(self.raw.get("tags", []))

    @property
    def catalog_query(self) -> str:
        return _pick(self.raw, "catalog_query")

    @property
    def links(self) -> list[str]:
        return list(self.raw.get("links", []))


@dataclass(frozen=True)
class Scores:
    by_dimension: dict[str, int]
    overall: int


@dataclass(frozen=True)
class Questionnaire:
    version: int
    scale: tuple[dict, ...]
    dimensions: tuple[Dimension, ...]

    @property
    def questions(self) -> list[Question]:
        return [q for d in self.dimensions for q in d.questions]

    def scale_label(self, value: int) -> str:
        return _pick(self.scale[value], "label")

    def dimension(self, dimension_id: str) -> Dimension:
        for dimension in self.dimensions:
            if dimension.id == dimension_id:
                return dimension
        raise KeyError(dimension_id)

    def validate_answers(self, answers: dict) -> dict[str, int]:
        """Complete, known, in range: returns the answers as {question id: int}, or raises InvalidAnswers."""
        known = {q.id for q in self.questions}
        unknown = sorted(set(answers) - known)
        if unknown:
            raise InvalidAnswers(f"unknown questions: {', '.join(unknown)}")
        clean: dict[str, int] = {}
        missing = []
        for question in self.questions:
            value = answers.get(question.id)
            if value is None or value == "":
                missing.append(question.id)
                continue
            try:
                number = int(value)
            except (TypeError, ValueError):
                raise InvalidAnswers(f"answer to {question.id} is not a number") from None
            if isinstance(value, bool) or not 0 <= number <= MAX_ANSWER or str(number) != str(value).strip():
                raise InvalidAnswers(f"answer to {question.id} is outside 0-{MAX_ANSWER}")
            clean[question.id] = number
        if missing:
            raise InvalidAnswers(f"{len(missing)} questions unanswered", missing=missing)
        return clean

    def score(self, answers: dict[str, int]) -> Scores:
        by_dimension = {}
        for dimension in self.dimensions:
            values = [answers[q.id] for q in dimension.questions]
            by_dimension[dimension.id] = round(100 * sum(values) / (MAX_ANSWER * len(values)))
        overall = round(sum(by_dimension.values()) / len(by_dimension)) if by_dimension else 0
        return Scores(by_dimension=by_dimension, overall=overall)


def parse_questionnaire(data: dict) -> Questionnaire:
    """Build and check a questionnaire; each structural mistake in the data file is a specific ValueError."""
    scale = tuple(data.get("scale", []))
    if len(scale) != MAX_ANSWER + 1:
        raise ValueError(f"the scale needs {MAX_ANSWER + 1} steps")
    dimensions = []
    seen: set[str] = set()
    for entry in data.get("dimensions", []):
        questions = []
        for q in entry.get("questions", []):
            if q["id"] in seen:
                raise ValueError(f"duplicate question id {q['id']}")
            seen.add(q["id"])
            questions.append(Question(id=q["id"], text_de=q["de"], text_en=q.get("en", "")))
        if not questions:
            raise ValueError(f"dimension {entry['id']} has no questions")
        raw = {k: v for k, v in entry.items() if k != "questions"}
        dimensions.append(Dimension(id=entry["id"], raw=raw, questions=tuple(questions)))
    if len({d.id for d in dimensions}) != len(dimensions):
        raise ValueError("duplicate dimension id")
    return Questionnaire(version=int(data.get("version", 1)), scale=scale, dimensions=tuple(dimensions))


@cache
def load_questionnaire() -> Questionnaire:
    return parse_questionnaire(json.loads(QUESTIONNAIRE_FILE.read_text(encoding="utf-8")))
