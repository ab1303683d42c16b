"""Money and numbers written the way the business writes them: one formatter for every amount
journeybot shows (terminal, Slack, digest, journey map, personas, predictions, alerts,
spreadsheets).

    fmt = NumberFormat.of("BRL", "pt_BR")
    fmt.money(1234.5)      -> 'R$ 1.234,50'
    fmt.money(-3)          -> '-R$ 3,00'
    fmt.number(5172)       -> '5.172'
    fmt.percent(0.438)     -> '43,8%'

The currency is an ISO 4217 code; the locale decides the decimal and grouping marks and where
the symbol goes. A currency without a known symbol is written with its code ("CHF 12.50"), so
an amount is never shown without saying which money it is. `excel_format` gives the number
format a spreadsheet cell needs to show the same thing.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

# Symbols people recognise; anything else is written with its ISO code.
CURRENCY_SYMBOLS: dict[str, str] = {
    "GBP": "£", "EUR": "€", "USD": "$", "BRL": "R$", "JPY": "¥", "INR": "₹", "CNY": "¥",
    "AUD": "A$", "CAD": "C$", "NZD": "NZ$", "MXN": "MX$", "KRW": "₩", "TRY": "₺", "ILS": "₪",
    "PLN": "zł", "ZAR": "R", "CHF": "CHF", "SEK": "kr", "NOK": "kr", "DKK": "kr",
}
# Currencies with no minor unit in everyday use.
NO_DECIMALS = frozenset({"JPY", "KRW", "CLP", "ISK", "VND"})


@dataclass(frozen=True)
class Locale:
    decimal: str
    group: str
    symbol_first: bool  # R$ 10,00 / £10.00 against 10,00 € / 10,00 kr
    space: bool  # a space between symbol and amount
    date: str  # strftime pattern of a day written for people


LOCALES: dict[str, Locale] = {
    "en_GB": Locale(".", ",", True, False, "%d/%m/%Y"),
    "en_IE": Locale(".", ",", True, False, "%d/%m/%Y"),
    "en_US": Locale(".", ",", True, False, "%m/%d/%Y"),
    "en_CA": Locale(".", ",", True, False, "%Y-%m-%d"),
    "en_AU": Locale(".", ",", True, False, "%d/%m/%Y"),
    "en_NZ": Locale(".", ",", True, False, "%d/%m/%Y"),
    "en_IN": Locale(".", ",", True, False, "%d/%m/%Y"),
    "en_ZA": Locale(".", ",", True, True, "%Y/%m/%d"),
    "pt_BR": Locale(",", ".", True, True, "%d/%m/%Y"),
    "pt_PT": Locale(",", ".", False, True, "%d/%m/%Y"),
    "es_ES": Locale(",", ".", False, True, "%d/%m/%Y"),
    "es_MX": Locale(".", ",", True, False, "%d/%m/%Y"),
    "de_DE": Locale(",", ".", False, True, "%d.%m.%Y"),
    "de_AT": Locale(",", ".", True, True, "%d.%m.%Y"),
    "de_CH": Locale(".", "'", True, True, "%d.%m.%Y"),
    "fr_FR": Locale(",", " ", False, True, "%d/%m/%Y"),
    "it_IT": Locale(",", ".", False, True, "%d/%m/%Y"),
    "nl_NL": Locale(",", ".", True, True, "%d-%m-%Y"),
    "sv_SE": Locale(",", " ", False, True, "%Y-%m-%d"),
    "da_DK": Locale(",", ".", False, True, "%d.%m.%Y"),
    "nb_NO": Locale(",", " ", False, True, "%d.%m.%Y"),
    "pl_PL": Locale(",", " ", False, True, "%d.%m.%Y"),
    "ja_JP": Locale(".", ",", True, False, "%Y/%m/%d"),
}
# The locale a currency is usually written in, when the profile names none.
CURRENCY_LOCALES: dict[str, str] = {
    "GBP": "en_GB", "USD": "en_US", "BRL": "pt_BR", "EUR": "en_IE", "JPY": "ja_JP", "INR": "en_IN",
    "AUD": "en_AU", "CAD": "en_CA", "NZD": "en_NZ", "MXN": "es_MX", "ZAR": "en_ZA", "CHF": "de_CH",
    "SEK": "sv_SE", "DKK": "da_DK", "NOK": "nb_NO", "PLN": "pl_PL",
}


def normalize_locale(name: str) -> str:
    """'pt-BR', 'pt_br' -> 'pt_BR'."""
    lang, _, region = name.strip().replace("-", "_").partition("_")
    return f"{lang.lower()}_{region.upper()}" if region else lang.lower()


def check_currency(code: str) -> str:
    """An ISO 4217 code, upper case; ValueError naming the expected form otherwise."""
    c = code.strip().upper()
    if len(c) != 3 or not c.isalpha():
        raise ValueError(f"currency {code!r} is not an ISO 4217 code; write it as three letters, "
                         "e.g. GBP, USD, EUR or BRL")
    return c


def check_locale(name: str) -> str:
    loc = normalize_locale(name)
    if loc not in LOCALES:
        raise ValueError(f"unknown locale {name!r}; known locales: {', '.join(sorted(LOCALES))}")
    return loc


def currency_symbol(code: str) -> str:
    code = code.upper()
    return CURRENCY_SYMBOLS.get(code, code)


def _missing(value: float | None) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


@dataclass(frozen=True)
class NumberFormat:
    """How one business writes money and numbers."""

    currency: str = "GBP"
    locale: str = "en_GB"

    @classmethod
    def of(cls, currency: str = "GBP", locale: str | None = None) -> NumberFormat:
        code = check_currency(currency)
        loc = check_locale(locale) if locale else CURRENCY_LOCALES.get(code, "en_GB")
        return cls(code, loc)

    @property
    def marks(self) -> Locale:
        return LOCALES.get(self.locale, LOCALES["en_GB"])

    @property
    def symbol(self) -> str:
        return currency_symbol(self.currency)

    @property
    def decimals(self) -> int:
        return 0 if self.currency in NO_DECIMALS else 2

    # -- plain numbers --------------------------------------------------------------------
    def number(self, value: float | None, decimals: int = 0) -> str:
        """1,234.5 / 1.234,5 with the locale's marks; '-' when unknown."""
        if _missing(value):
            return "-"
        assert value is not None
        text = f"{abs(value):,.{decimals}f}"
        m = self.marks
        text = text.replace(",", "\0").replace(".", m.decimal).replace("\0", m.group)
        return ("-" if value < 0 and float(f"{abs(value):.{decimals}f}") else "") + text

    def percent(self, share: float | None, decimals: int = 1) -> str:
        """A share 0-1 as a percentage: 12.3% / 12,3%."""
        if _missing(share):
            return "-"
        assert share is not None
        return self.number(share * 100, decimals) + "%"

    # -- money ----------------------------------------------------------------------------
    def money(self, value: float | None, *, decimals: int | None = None, sign: bool = False) -> str:
        """£1,234.50, R$ 1.234,50, 12,50 €, CHF 12.50; '-' when unknown. `sign` writes '+'
        before gains (changes); losses always carry '-'."""
        if _missing(value):
            return "-"
        assert value is not None
        places = self.decimals if decimals is None else decimals
        body = self.number(abs(value), places)
        m = self.marks
        sym = self.symbol
        gap = " " if m.space or (sym.isalpha() and len(sym) > 1) else ""
        shown = f"{sym}{gap}{body}" if m.symbol_first else f"{body}{' ' if m.space or sym.isalpha() else ''}{sym}"
        rounded_zero = float(f"{abs(value):.{places}f}") == 0
        if value < 0 and not rounded_zero:
            return "-" + shown
        if sign:
            return ("+" if not rounded_zero else "±") + shown
        return shown

    def money_short(self, value: float | None) -> str:
        """Whole units for large amounts (£1,235), two decimals below 100 (£12.50)."""
        if _missing(value):
            return "-"
        assert value is not None
        return self.money(value, decimals=0 if abs(value) >= 100 else None)

    # -- spreadsheets ---------------------------------------------------------------------
    def excel_format(self) -> str:
        """A spreadsheet number format that shows amounts with this currency's symbol.
        Spreadsheets apply the reader's own decimal marks, so the pattern is written in the
        spreadsheet's neutral notation (',' groups, '.' decimals)."""
        places = "0." + "0" * self.decimals if self.decimals else "0"
        body = f"#,##{places}"
        sym = self.symbol.replace('"', "")
        gap = " " if self.marks.space or sym.isalpha() else ""
        return f'"{sym}{gap}"{body}' if self.marks.symbol_first else f'{body}"{gap}{sym}"'


class Priced:
    """For results that show money: `numbers` writes it in their currency and locale."""

    currency: str
    locale: str | None

    @property
    def numbers(self) -> NumberFormat:
        return NumberFormat.of(self.currency, getattr(self, "locale", None))


class Localised:
    """For results that show counts and shares but no money: `numbers` writes them the way the
    business does (its profile's locale; None: the English default)."""

    locale: str | None

    @property
    def numbers(self) -> NumberFormat:
        loc = getattr(self, "locale", None)
        return NumberFormat("GBP", check_locale(loc)) if loc else NumberFormat()


# Findings stored before money units named their currency wrote its symbol.
_OLD_SYMBOLS = {"£": "GBP", "$": "USD", "€": "EUR"}


def money_unit(numbers: NumberFormat) -> str:
    """The unit string of a money metric: its currency, and the locale when it is not the
    currency's usual one (findings are stored, so the unit must say how to write amounts)."""
    usual = NumberFormat.of(numbers.currency)
    return numbers.currency if usual.locale == numbers.locale else f"{numbers.currency}/{numbers.locale}"


def money_format(unit: str) -> NumberFormat | None:
    """How to write amounts of a money unit; None for other units."""
    if unit in _OLD_SYMBOLS:
        return NumberFormat.of(_OLD_SYMBOLS[unit])
    code, _, locale = unit.partition("/")
    if len(code) == 3 and code.isalpha() and code.isupper():
        return NumberFormat.of(code, locale or None)
    return None


def unit_label(unit: str) -> str:
    """The unit as a chart axis shows it: a currency's symbol, other units as they are."""
    money = money_format(unit)
    return money.symbol if money is not None else unit


def format_money(value: float | None, currency: str = "GBP", locale: str | None = None) -> str:
    """One amount in a currency (and its usual locale unless one is given)."""
    return NumberFormat.of(currency, locale).money(value)
