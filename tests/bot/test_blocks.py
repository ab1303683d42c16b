from bot.render.blocks import (
    MAX_BLOCKS,
    MAX_SECTION_CHARS,
    code_sections,
    fit,
    header,
    sections,
    split_text,
)


def test_long_text_is_split_at_line_breaks_without_losing_characters():
    text = "\n".join(f"line {i} " + "x" * 90 for i in range(100))
    pieces = split_text(text, MAX_SECTION_CHARS)
    assert all(len(p) <= MAX_SECTION_CHARS for p in pieces)
    assert "\n".join(pieces) == text


def test_a_single_huge_line_is_split_too():
    pieces = split_text("word " * 2000, 3000)
    assert all(len(p) <= 3000 for p in pieces) and len(pieces) == 4


def test_sections_and_code_sections_respect_the_limit():
    text = "\n".join(f"row {i:04d} | {i * 1.5:8.2f}" for i in range(600))
    for block in sections(text) + code_sections(text):
        assert len(block["text"]["text"]) <= MAX_SECTION_CHARS
    assert all(b["text"]["text"].startswith("```") for b in code_sections(text))


def test_fit_caps_blocks_and_says_so():
    blocks, cut = fit([header(str(i)) for i in range(80)])
    assert len(blocks) == MAX_BLOCKS and cut
    assert blocks[-1]["type"] == "context"
    assert fit([header("a")]) == ([header("a")], False)
