"""Erasure reaches the exports an owner keeps in the data folder: persona cards written with
`journeybot personas export --output` and saved search results quote a customer's review
without holding their id. On Olist, `forget` stopped with "erasure is NOT complete" over
exports/personas.md and personas.json, and running it again could not finish it. Checked on
the raw bytes, independently of journeybot's matcher."""

from __future__ import annotations

import json

from tools.privacy.files import erase_in_files, residue
from tools.privacy.needles import Needles

THEIRS = "Ruim, até o momento o produto não chegou"
OTHERS = "Mercadoria já passou o prazo de entrega."
CID = "6a6f22ad7d0ef9a767fce278780c91cd"


def test_persona_cards_and_saved_results_lose_their_quote_and_keep_everyone_elses(tmp_path):
    home = tmp_path / "home"
    (home / "exports").mkdir(parents=True)
    md = home / "exports" / "personas.md"
    md.write_text(f"## The Let-Down Orderer\n\n**Pain points**\n- Late deliveries\n"
                  f"  > \"{THEIRS}\" (survey af33c418:5cdad959)\n  > \"{OTHERS}\" (survey 2518ac1e:7b2224d2)\n",
                  encoding="utf-8")
    js = home / "exports" / "personas.json"
    js.write_text(json.dumps([{"name": "The Let-Down Orderer", "quotes": [THEIRS, OTHERS]}], ensure_ascii=False),
                  encoding="utf-8")
    found = home / "exports" / "search.csv"  # results saved without the customer column
    found.write_text(f"survey,text\naf33c418,{THEIRS}\n2518ac1e,{OTHERS}\n", encoding="utf-8")
    needles = Needles(CID, (("id", CID), ("text", THEIRS)))

    done = erase_in_files(home, [], needles)

    for f in (md, js, found):
        raw = f.read_bytes()
        assert THEIRS.encode() not in raw and OTHERS.encode() in raw, f.name
    assert json.loads(js.read_text(encoding="utf-8"))[0]["quotes"][1] == OTHERS  # still valid JSON
    assert "The Let-Down Orderer" in md.read_text(encoding="utf-8")
    assert set(done.notes) == {str(md), str(js), str(found)} and not done.deleted
    assert residue([home], needles) == []


def test_a_spreadsheet_quoting_them_is_shredded(tmp_path):
    import zipfile

    home = tmp_path / "home"
    home.mkdir()
    book = home / "answers.xlsx"
    with zipfile.ZipFile(book, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/sharedStrings.xml", f"<sst><si><t>{THEIRS}</t></si></sst>")
    done = erase_in_files(home, [], Needles(CID, (("id", CID), ("text", THEIRS))))
    assert not book.exists() and done.deleted == (str(book),)


def test_a_persona_card_loses_the_survey_id_beside_their_erased_quote(tmp_path):
    from tools.data.people import Identifiers

    home = tmp_path / "home"
    (home / "exports").mkdir(parents=True)
    md = home / "exports" / "personas.md"
    md.write_text(f"## The Let-Down Orderer\n\n**Pain points**\n"
                  f"  > \"{THEIRS}\" (survey af33c418:5cdad959)\n  > \"{OTHERS}\" (survey 2518ac1e:7b2224d2)\n",
                  encoding="utf-8")
    js = home / "exports" / "personas.json"  # indented: the source on its own line
    js.write_text(json.dumps({"quotes": [{"text": THEIRS, "source": "survey af33c418:5cdad959"},
                                         {"text": OTHERS, "source": "survey 2518ac1e:7b2224d2"}]},
                             ensure_ascii=False, indent=2), encoding="utf-8")
    ident = Identifiers(CID, (), (), (THEIRS,), (("survey", "af33c418:5cdad959"),))

    erase_in_files(home, [], Needles.of(ident))

    for f in (md, js):
        text = f.read_text(encoding="utf-8")
        assert "af33c418" not in text and THEIRS not in text, f.name
        assert "survey 2518ac1e:7b2224d2" in text and OTHERS in text, f.name
    assert '"[erased]" ([erased])' in md.read_text(encoding="utf-8")
