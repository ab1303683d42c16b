"""Rendering results and answers for people: terminal text here, Block Kit in render/slack."""
