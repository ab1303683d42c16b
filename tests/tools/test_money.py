"""Money and numbers are written the way the business writes them, by one formatter."""

from __future__ import annotations

import pytest

from tools.analytics.kpi_catalog import SPECS, format_change, format_value
from tools.core.money import NumberFormat, format_money, money_format, money_unit, unit_label


@pytest.mark.parametrize(("currency", "locale", "amount", "shown"), [
    ("GBP", None, 1234.5, "£1,234.50"),
    ("USD", None, 1234.5, "$1,234.50"),
    ("BRL", None, 1234.5, "R$ 1.234,50"),
    ("BRL", None, -3, "-R$ 3,00"),
    ("EUR", "de_DE", 1234.5, "1.234,50 €"),
    ("EUR", None, 0.5, "€0.50"),
    ("JPY", None, 1234, "¥1,234"),
    ("CHF", None, 12.5, "CHF 12.50"),
    ("XAF", None, 12.5, "XAF 12.50"),  # no symbol known: the code, never a bare number
])
def test_amounts_in_the_business_currency_and_locale(currency, locale, amount, shown):
    assert format_money(amount, currency, locale) == shown


def test_numbers_and_shares_follow_the_locale():
    br, us = NumberFormat.of("BRL"), NumberFormat.of("USD")
    assert (br.number(5172), us.number(5172)) == ("5.172", "5,172")
    assert (br.percent(0.438), us.percent(0.438)) == ("43,8%", "43.8%")
    assert br.money(None) == "-"


def test_kpi_values_and_changes_use_the_formatter():
    brl = NumberFormat.of("BRL")
    assert format_value(SPECS["aov"], 1234.5, brl) == "R$ 1.234,50"
    assert format_value(SPECS["aov"], 12.0, "USD") == "$12.00"
    assert format_change(SPECS["revenue"], -10.0, brl) == "-R$ 10,00"
    assert format_value(SPECS["csat"], 0.5, brl) == "50,0%"


def test_wrong_codes_are_refused_with_the_form_expected():
    with pytest.raises(ValueError, match="three letters"):
        NumberFormat.of("POUNDS")
    with pytest.raises(ValueError, match="unknown locale"):
        NumberFormat.of("GBP", "xx_YY")


def test_a_stored_money_unit_says_how_to_write_amounts():
    assert money_unit(NumberFormat.of("BRL")) == "BRL"
    assert money_unit(NumberFormat.of("EUR", "de_DE")) == "EUR/de_DE"
    assert money_format("EUR/de_DE").money(5) == "5,00 €"  # type: ignore[union-attr]
    assert money_format("£").money(5) == "£5.00"  # type: ignore[union-attr]  # findings stored before
    assert money_format("%") is None and unit_label("BRL") == "R$" and unit_label("h") == "h"


def test_spreadsheet_number_formats_carry_the_symbol():
    assert NumberFormat.of("BRL").excel_format() == '"R$ "#,##0.00'
    assert NumberFormat.of("EUR", "de_DE").excel_format() == '#,##0.00" €"'


def test_the_feedback_coverage_line_writes_counts_the_business_way():
    from tools.feedback.status import IndexStatus

    status = IndexStatus(texts=4190, indexed=1200, stored=1200)
    assert status.note(False, NumberFormat.of("BRL", "pt_BR")) == (
        "1.200 of 4.190 texts are indexed so far; run `journeybot feedback index` to read the rest.")
    assert status.note(True).startswith("1,200 of 4,190 texts")  # English marks by default
    assert IndexStatus(texts=4190, indexed=0, stored=0).nothing_indexed(
        False, NumberFormat.of("BRL", "pt_BR")).startswith("None of the 4.190 survey and ticket texts")
