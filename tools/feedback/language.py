"""Which language a customer text is in, well enough to know when English models do not apply.

The offline sentiment model reads English only; scoring Portuguese with it gives numbers that
look fine and mean nothing. This detector counts common function words (and a few review
words) of English, Portuguese, Spanish, French, German, Italian and Dutch, vectorised over a
column. Texts with no such word (one-word answers, emoji) come back as "und", undetermined,
and are treated as English by callers, which is what a short English answer needs; if they
hold accented letters they come back as "xx", another language.
"""

from __future__ import annotations

import pandas as pd

# Words frequent in one or a few of the languages and rare in English text (and vice versa).
# Ambiguous short tokens ("a", "in", "no", "me") are left out on purpose.
_WORDS: dict[str, str] = {
    "en": "the and was is were it this that with for not but very have has had my you they "
          "what would could should been are of from our your just about too really after "
          "again never didn't don't can't wasn't it's i'm great good bad terrible love",
    "pt": "não nao muito com uma um para que produto entrega chegou prazo recebi ótimo otimo "
          "bom boa péssimo pessimo ainda até ate mas está esta foi são sao meu minha "
          "recomendo comprei veio antes dentro loja qualidade obrigado obrigada também tambem "
          "nada pedido bem você voce isso quando estou então tudo nem compra perfeita perfeito "
          "ótima otima maravilhoso gostei adorei amei satisfeita satisfeito excelente atendimento "
          "parabéns parabens demorou correios péssima pessima lindo linda lindas fantástico "
          "aguardando aguardo entregue dias já sempre pelo dos das pra pro preço serviço fiquei "
          "produtos mercadoria decepcionado comprarei recomendado é",
    "es": "el los las del que con una para por pero muy está fue son mi producto llegó "
          "bueno buena malo también nada pedido gracias recomiendo tienda calidad cuando",
    "fr": "le les des une est pas très tres avec pour mais sur dans produit livraison "
          "reçu recu bien merci commande qualité vraiment aussi",
    "de": "der die das und ist nicht sehr mit für fur aber auch ein eine war sind "
          "produkt lieferung bestellung danke gut schlecht qualität",
    "it": "il che non con una per sono molto della prodotto consegna grazie buono "
          "ottimo anche ma qualità ordine",
    "nl": "het een niet met voor maar zijn ook heel erg goed slecht bestelling levering "
          "product bedankt",
}
LANGUAGES: tuple[str, ...] = tuple(_WORDS)
# Words of those lists that are English words too ("Poor product.", "Con: spotty service." are
# English reviews, not Dutch and Spanish ones): they count for English as well, so only the
# words English does not have tell another language apart (English wins ties).
_ALSO_ENGLISH = "product con son die war gut fur"
# With no known word at all, accented letters still say "not English" ("Ótima", "Péssimo").
_ACCENTED = r"[àáâãäçèéêëìíîïñòóôõöùúûüß]"
_LOOKUP = pd.DataFrame(
    [(w, lang) for lang, words in _WORDS.items() for w in words.split()]
    + [(w, "en") for w in _ALSO_ENGLISH.split()], columns=["word", "lang"]
)
LANGUAGE_NAMES = {
    "en": "English", "pt": "Portuguese", "es": "Spanish", "fr": "French", "de": "German",
    "it": "Italian", "nl": "Dutch", "und": "undetermined", "xx": "another language",
}


def detect_languages(texts: pd.Series) -> pd.Series:
    """ISO 639-1 code per text ("en", "pt", ...); "xx" when no known word appears but accented
    letters do; "und" when neither."""
    texts = pd.Series(texts, dtype="string").reset_index(drop=True)
    out = pd.Series("und", index=texts.index, dtype=object)
    if texts.empty:
        return out
    out[texts.str.lower().str.contains(_ACCENTED, regex=True, na=False).to_numpy()] = "xx"
    words = texts.str.lower().str.findall(r"[^\W\d_]+(?:'[^\W\d_]+)?").explode().dropna()
    if words.empty:
        return out
    hits = words.rename("word").reset_index().merge(_LOOKUP, on="word")
    if hits.empty:
        return out
    counts = hits.groupby(["index", "lang"]).size().unstack(fill_value=0)
    counts = counts.reindex(columns=list(LANGUAGES), fill_value=0)
    # English wins ties: a stray "que" in an English sentence should not flip it.
    best = counts.idxmax(axis=1)
    tie_en = counts["en"] >= counts.max(axis=1)
    best[tie_en] = "en"
    out.loc[best.index] = best.to_numpy()
    return out


def resolve_undetermined(langs: pd.Series, share: float = 0.8) -> pd.Series:
    """Short texts with no telling word ("ok", "legal", "show", "10") are undetermined. Read
    alone they pass as English; in a collection where nearly all texts that can be told (80%) are in one
    other language (Olist's reviews: 4,091 Portuguese, 1 English), they are that language too.
    Otherwise they stay undetermined."""
    langs = pd.Series(langs, dtype=object)
    known = langs[~langs.isin(["und", "xx"])]
    if known.empty:
        return langs
    counts = known.value_counts()
    top = str(counts.index[0])
    if top == "en" or counts.iloc[0] / len(known) <= share:
        return langs
    return langs.where(langs != "und", top)


def understood(embedder: object) -> frozenset[str] | None:
    """The languages an embedder's vectors mean something in: its `languages` attribute, where
    None says every language (a multilingual or remote model). An embedder that does not say
    is taken to read English only: leaving texts out, and saying so, beats themes of
    look-alike words."""
    if not hasattr(embedder, "languages"):
        return frozenset({"en"})
    langs = embedder.languages  # type: ignore[attr-defined]
    return None if langs is None else frozenset(langs)


def unreadable(langs: pd.Series, embedder: object) -> pd.Series:
    """True for the texts in a language the embedder's vectors mean nothing in. Undetermined
    texts pass as English with an English reader (a short English answer is the usual case)."""
    known = understood(embedder)
    langs = pd.Series(langs, dtype=object).fillna("und")
    if known is None:
        return pd.Series(False, index=langs.index)
    ok = langs.isin(known) | (langs.isin(("en", "und")) if "en" in known else False)
    return ~ok


def reader_note(langs: pd.Series, embedder: object, what: str) -> str:
    """A plain sentence when some of `langs` (the languages of the texts `what` names, e.g.
    "the 8 closest texts") are in a language the embedder does not understand; "" when none."""
    out = pd.Series(langs, dtype=object)[unreadable(langs, embedder).to_numpy()]
    if out.empty:
        return ""
    name = getattr(embedder, "name", "the embedding model")
    return (f"{len(out):,} of {what} are in a language the offline reader ({name}) does not understand "
            f"({language_counts(out)}): they matched by shared spelling, not by meaning, so texts saying the "
            "same in other words are missed and the order is rough. Configure a multilingual embedding "
            "([feedback] embedding = \"multilingual\", offline, or \"openai\") and run `journeybot feedback "
            "index --rebuild` to search them by meaning.")


def language_counts(langs: pd.Series) -> str:
    """'Portuguese 4,190, another language 25', most first."""
    return ", ".join(f"{LANGUAGE_NAMES.get(k, k)} {v:,}" for k, v in pd.Series(langs).value_counts().items())


# Function words of the other languages, left out of theme labels as English stop words are
# (a Portuguese theme labelled "produto / não / que" says nothing).
STOP_WORDS: dict[str, frozenset[str]] = {
    lang: frozenset(words.split()) for lang, words in {
        "pt": "a o as os de da do das dos e é em no na nos nas um uma uns umas para pra pro por "
              "com sem que não nao mas mais muito muita já ja foi ser está esta estava são sao "
              "eu me meu minha ele ela eles elas você voce isso isto esse essa este ao aos se "
              "só so ou quando como até ate tem ter tinha também tambem pelo pela bem nem",
        "es": "el la los las de del y en un una unos unas para por con sin que no pero más muy "
              "ya fue ser está es son yo mi me él ella se lo le al como cuando hasta también",
        "fr": "le la les de des du et en un une pour par avec sans que qui ne pas mais plus très "
              "tres est été être je mon ma il elle se ce au aux comme quand aussi",
        "de": "der die das den dem des und in ein eine einen für mit ohne dass nicht aber mehr "
              "sehr ist war sind ich mein meine er sie es sich zu im am als wenn auch",
        "it": "il lo la i gli le di del della e in un una per con senza che non ma più molto è "
              "era sono io mio mia lui lei si al come quando anche",
        "nl": "de het een en in van voor met zonder dat niet maar meer heel erg is was zijn ik "
              "mijn hij zij ze zich te op als ook",
    }.items()
}
