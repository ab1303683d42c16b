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
# With no known word at all, accented letters still say "not English" ("Ótima", "Péssimo").
_ACCENTED = r"[àáâãäçèéêëìíîïñòóôõöùúûüß]"
_LOOKUP = pd.DataFrame(
    [(w, lang) for lang, words in _WORDS.items() for w in words.split()], columns=["word", "lang"]
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
