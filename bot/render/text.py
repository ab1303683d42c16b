"""Plain-text rendering of agent answers for the terminal."""

from __future__ import annotations

from bot.answer import Answer


def answer_text(answer: Answer) -> str:
    return "\n".join([*reading_line(answer), answer.text.rstrip(), *trailer_lines(answer)])


def reading_line(answer: Answer) -> list[str]:
    """How the question was read, for an answer whose text does not start with it (a model's:
    the tools it called); an offline answer's first line is its reading already."""
    if answer.understood and not answer.text.startswith((answer.understood, "I read this as")):
        return [f"(read as: {answer.understood})"]
    return []


def trailer_lines(answer: Answer) -> list[str]:
    """What follows the answer's text: suggestions, where its numbers came from, notes."""
    lines: list[str] = []
    if answer.suggestions:
        lines += [f"  • {s}" for s in answer.suggestions]
    context = answer.context_line()
    if context:
        lines += ["", f"— from {context}"]
    for note in answer.notes:
        lines.append(f"note: {note}")
    return lines


def mode_line(mode: str, label: str) -> str:
    if mode == "model":
        return f"(answering with the {label})"
    return "(answering offline: no language model is configured, the offline planner answers)"
