"""Erasure's matcher: an identifier counts only as a whole token, in text and in raw bytes, so
erasing one customer never touches another whose id, address or name holds theirs."""

from __future__ import annotations

import pytest

from tools.privacy.needles import Needles

C100 = Needles("C100", (("id", "C100"), ("email", "a@x.com"), ("name", "Ann Lee")), ("C1000", "aa@x.com"))


@pytest.mark.parametrize("text", [
    "what did C100 buy?", "(C100)", "customer_id=C100,", "mail A@X.com!", "to a@x.com.", "ANN LEE said",
    "orders for a@x.com.csv", '{"customer": "C100"}',
])
def test_their_identifiers_are_found_and_scrubbed(text):
    assert C100.in_text(text)
    assert not C100.in_text(C100.scrub(text))


@pytest.mark.parametrize("text", [
    "what did C1000 buy?", "C100A", "xC100", "aa@x.com", "ba@x.com", "a@x.com.au", "a@x.comm", "Joann Leeds",
    "Ann Leeds", "the last 100 days",
])
def test_longer_identifiers_that_hold_theirs_are_left_alone(text):
    assert not C100.in_text(text)
    assert C100.scrub(text) == text


def test_a_short_id_counts_only_in_quotes():
    seven = Needles("7", (("id", "7"),))
    assert not seven.in_text("the last 7 days") and seven.in_text('{"customer_id": "7"}')


def test_raw_bytes_ignore_another_customers_longer_identifiers(tmp_path):
    path = tmp_path / "store.bin"
    # Values back to back, as stores write them: C1000's id and address are not residue.
    path.write_bytes(b"\x00customer_idC1000\x08emailaa@x.com\x00")
    assert C100.find_in_file(path) == set()
    path.write_bytes(b"\x00customer_idC1000\x08emailaa@x.com\x00customer_idC100\x00")
    assert C100.find_in_file(path) == {"id"}
    path.write_bytes(b"\x00emaila@x.com\x00")  # their address right after a key name
    assert C100.find_in_file(path) == {"email"}


def test_a_longer_id_across_a_read_block_is_not_residue(tmp_path, monkeypatch):
    import tools.privacy.needles as needles

    monkeypatch.setattr(needles, "_CHUNK", 256)  # the file is read in small blocks
    path = tmp_path / "store.bin"
    for at in range(0, 1200, 7):  # C1000 placed across every block boundary in turn
        path.write_bytes(b"x" * at + b"C1000" + b"y" * 900)
        assert C100.find_in_file(path) == set(), at
        path.write_bytes(b"x" * at + b"C100" + b"y" * 900)
        assert C100.find_in_file(path) == {"id"}, at


def test_stray_copies_in_a_vector_index_file_are_zeroed_in_place(tmp_path):
    import numpy as np

    path = tmp_path / "data_level0.bin"
    vectors = np.random.default_rng(1).random((4, 8), dtype=np.float32).tobytes()
    # Unused space the index library reserved without clearing: heap leftovers of texts.
    path.write_bytes(vectors + b"\x00\x07C100 said Ann Lee wrote\x00C1000\x00" + vectors)
    size = path.stat().st_size
    assert C100.blank_in_file(path) == 2
    data = path.read_bytes()
    assert len(data) == size and data.startswith(vectors) and data.endswith(vectors)
    assert C100.find_in_file(path) == set() and b"C1000" in data
    assert C100.blank_in_file(path) == 0
