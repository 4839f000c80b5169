"""Guided lessons: lesson files (Markdown with JSON blocks, read as data and checked) and the
lessons shipped with logreg-gui (``resources/lessons/``)."""

from .lesson_file import (
    LANGUAGES,
    MAX_FILE_BYTES,
    MAX_STEPS,
    Lesson,
    Question,
    Setup,
    Step,
    lesson_name,
    parse_lesson,
    read_lesson,
    shipped_lesson,
    shipped_lessons,
    shipped_titles,
)

__all__ = [
    "LANGUAGES",
    "MAX_FILE_BYTES",
    "MAX_STEPS",
    "Lesson",
    "Question",
    "Setup",
    "Step",
    "lesson_name",
    "parse_lesson",
    "read_lesson",
    "shipped_lesson",
    "shipped_lessons",
    "shipped_titles",
]
