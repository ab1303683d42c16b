"""Redaction: contact and payment details never survive, ordinary numbers do."""

from __future__ import annotations

import pandas as pd
import pytest

from tools.core.pii import contains_pii, redact, redact_series


@pytest.mark.parametrize("text, expected", [
    ("Email me at jane.doe+cakes@example.co.uk please", "Email me at [email] please"),
    ("JANE@Example.COM wrote", "[email] wrote"),
    ("Call 07700 900123 after six", "Call [phone] after six"),
    ("my mobile is 07700900123", "my mobile is [phone]"),
    ("+44 7700 900123 or +44 (0)20 7946 0958", "[phone] or [phone]"),
    ("office (020) 7946 0018, shop 0117 496 0123.", "office [phone], shop [phone]."),
    ("ring 0044 20 7946 0958", "ring [phone]"),
    ("US: (415) 555-0132 / 415.555.0132 / +1 415 555 0132", "US: [phone] / [phone] / [phone]"),
    ("Paris +33 1 23 45 67 89", "Paris [phone]"),
    ("card 4111 1111 1111 1111 was charged twice", "card [card] was charged twice"),
    ("card 4111-1111-1111-1111", "card [card]"),
    ("amex 378282246310005", "amex [card]"),
])
def test_contact_and_card_details_are_replaced(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize("text", [
    "Order #100234 placed 2026-05-01 14:30 for £1,234.50",
    "delivered 05/06/2026, tracking 123456789",
    "reference 1234567890123456 (not a card: fails the Luhn check)",
    "12.50 for 2 loaves at 09:15",
    "the 2026-05-01 order",
])
def test_dates_prices_and_order_numbers_are_left_alone(text):
    assert redact(text) == text
    assert not contains_pii(text)


def test_redaction_is_idempotent_so_reingest_compares_equal():
    text = "jane@example.com 07700 900123 4111 1111 1111 1111"
    once = redact(text)
    assert once == "[email] [phone] [card]"
    assert redact(once) == once


def test_series_matches_the_scalar_function_and_keeps_missing_values():
    s = pd.Series(["Call 07700 900123", None, "no digits here", "x@y.io", "4111111111111111"], index=[5, 6, 7, 8, 9])
    out = redact_series(s)
    assert list(out.index) == [5, 6, 7, 8, 9]
    assert out.tolist()[0] == "Call [phone]"
    assert out.iloc[1] is None or pd.isna(out.iloc[1])
    assert out.tolist()[2:] == ["no digits here", "[email]", "[card]"]
    assert redact_series(pd.Series([], dtype=object)).empty


@pytest.mark.parametrize("text, expected", [
    ("IBAN DE89 3704 0044 0532 0130 00.", "IBAN [iban]."),
    ("iban gb82west12345698765432 thanks", "iban [iban] thanks"),
    ("Flat 3, 12 Mill Lane, Bristol BS3 4HG", "[address], Bristol [postcode]"),
    ("at 12a High St. by the church", "at [address] by the church"),
    ("1600 Pennsylvania Ave NW, Washington, DC 20500", "[address], Washington, DC [postcode]"),
    ("Springfield, IL 62704-1234", "Springfield, IL [postcode]"),
    ("Schönhauser Allee 95 and Hauptstraße 5", "[address] and [address]"),
    ("Av. Paulista 1578, 01310-200", "[address], [postcode]"),
    ("Rua das Flores, 123 - CEP 01310100", "[address] - CEP [postcode]"),
])
def test_bank_accounts_addresses_and_postcodes_are_replaced(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize("text", [
    "code AB12CD34EF56GH78 on the box",  # shaped like an IBAN, fails mod-97
    "we were on the high street", "a 20 minute wait", "12 Cinnamon Buns", "2 Drive-thru orders",
    "order 12345 arrived", "Table 4 Court", "batch 01310-10",
])
def test_things_that_only_look_like_places_are_left_alone(text):
    assert redact(text) == text


def test_known_names_are_redacted_full_with_a_title_or_in_their_own_text():
    from tools.core.pii_names import KnownNames

    names = KnownNames.from_people([("C1", "Marta", "Krüger", None), ("C2", None, None, "Rose Baker")])
    assert redact("Marta Krüger wrote in", names) == "[name] wrote in"
    assert redact("ask Mrs Krüger", names) == "ask Mrs [name]"
    assert redact("Thanks, Marta", names, "C1") == "Thanks, [name]"
    assert redact("Thanks, Marta", names, "C9") == "Thanks, Marta"  # someone else's Marta
    assert redact("the rose cake from the Baker", names, "C2") == "the rose cake from the [name]"
    assert redact("Marta\nKrüger", names) == "Marta\nKrüger"  # never across a line
    s = redact_series(pd.Series(["Thanks, Rose", "Rose Baker here"]), names, pd.Series(["C2", None]))
    assert s.tolist() == ["Thanks, [name]", "[name] here"]


@pytest.mark.parametrize("text, expected", [
    # an Olist review and a twcs tweet, word for word: no name column, the cue says it is a name
    ("gostei muito tenho uma retficação meu nome correto é Maria Faraildes Santos",
     "gostei muito tenho uma retficação meu nome correto é [name]"),
    ("my name is charles martin and I need help", "my name is [name] and I need help"),
    ("My name is Gemma O'Connor, order 1234", "My name is [name], order 1234"),
    ("Je m'appelle Marie de la Tour.", "Je m'appelle [name]."),
    ("mein Name ist Jens und ich warte", "mein Name ist [name] und ich warte"),
    ("my name is Al", "my name is [name]"),
    # the sentence goes on: nothing is a name
    ("meu nome e no meu endereço estão errados", "meu nome e no meu endereço estão errados"),
    ("my name is on the order", "my name is on the order"),
    ("my name is spelt wrong on the box", "my name is spelt wrong on the box"),
    ("My name is The best", "My name is The best"),
    ("My name is [name]", "My name is [name]"),
])
def test_a_name_the_writer_introduces_is_redacted_without_a_list_of_names(text, expected):
    assert redact(text) == expected
    assert redact_series(pd.Series([text, None])).tolist()[0] == expected
    assert redact(expected) == expected  # idempotent


def test_a_name_said_as_whose_something_is_is_redacted():
    # an Olist review, word for word
    text = ("Mandaram um outro produto em nome de Vinicius Silva pela loja Techno Gadget (Mega TG) uma "
            "barra de exercicios.")
    assert redact(text) == ("Mandaram um outro produto em nome de [name] pela loja Techno Gadget (Mega TG) "
                            "uma barra de exercicios.")
    assert redact("A nota veio com o nome de outra empresa") == "A nota veio com o nome de outra empresa"
    assert redact("please invoice in the name of the company") == "please invoice in the name of the company"


@pytest.mark.parametrize("text, expected", [
    # twcs tweets, word for word: addresses in small letters, a phone as ten digits after "phone"
    ("@CoxHelp my name is charles martin, 3238 w. columbine dr, phx,85029. my bill has almost doubled",
     "@CoxHelp my name is [name], [address], phx,[postcode]. my bill has almost doubled"),
    ("The store address is 12008 blue ridge blvd, grandview mo 64030. My phone number is 8106028994",
     "The store address is [address], grandview mo [postcode]. My phone number is [phone]"),
    ("call me on 8106028994", "call me on [phone]"),
    # sentences that only look like them
    ("@Tesco yea n u gotta be 17 to drive", "@Tesco yea n u gotta be 17 to drive"),
    ("I waited 2 hours at the st", "I waited 2 hours at the st"),
    ("order 8106028994 is late", "order 8106028994 is late"),
    ("my order number is 1234567890 and my phone broke", "my order number is 1234567890 and my phone broke"),
])
def test_small_letter_addresses_and_phones_said_as_phones_are_replaced(text, expected):
    assert redact(text) == expected
    assert redact(expected) == expected


@pytest.mark.parametrize("text, expected", [
    ("Springfield IL 62704", "Springfield IL [postcode]"),
    ("Leeds LS1 4AP", "Leeds [postcode]"),
    ("Toronto, ON M5V 2T6", "Toronto, ON [postcode]"),
    ("Vancouver BC V6B 1A1, near the bridge", "Vancouver BC [postcode], near the bridge"),
    ("São Paulo 01310-100", "São Paulo [postcode]"),
    ("São Paulo, SP 01310100", "São Paulo, SP [postcode]"),
    ("São Paulo SP 01310100", "São Paulo SP [postcode]"),
])
def test_a_postcode_written_after_its_town_is_replaced(text, expected):
    assert redact(text) == expected
    assert redact(expected) == expected


@pytest.mark.parametrize("text", [
    "order 12345678 from SP", "code M5V2T6 on the lid", "we sold 62704 units in IL",
    "batch 12345 shipped, 3 boxes",
])
def test_numbers_near_towns_that_are_not_postcodes_stay(text):
    assert redact(text) == text


@pytest.mark.parametrize("text, expected", [
    ("this is Maria from the bakery", "this is [name] from the bakery"),
    ("Hi, this is Maria Santos from Leeds, my cake was late", "Hi, this is [name] from Leeds, my cake was late"),
    ("This is Maria de Souza from the café", "This is [name] from the café"),
    ("I'm Tom Reed here, order 55", "I'm [name] here, order 55"),
    ("this is Emily, from the cafe", "this is [name], from the cafe"),
    ("I am Mohammed from flat 2", "I am [name] from flat 2"),
    ("this is Clive speaking", "this is [name] speaking"),
])
def test_a_name_after_this_is_or_i_am_is_redacted_when_a_person_is_speaking(text, expected):
    assert redact(text) == expected
    assert redact_series(pd.Series([text, None])).tolist()[0] == expected
    assert redact(expected) == expected


@pytest.mark.parametrize("text", [
    "I am Very unhappy", "this is Terrible", "this is Terrible from start to finish",
    "I am Disappointed from the start", "I AM ANGRY from the way you treat people",
    "this is Absolutely ridiculous", "It is Outrageous from a shop like yours",
    "this is the best cake from any shop", "I'm So glad here",
])
def test_what_follows_this_is_or_i_am_stays_when_it_describes(text):
    assert redact(text) == text
    assert redact_series(pd.Series([text])).tolist() == [text]


@pytest.mark.parametrize("text, expected", [
    ("I am Maria", "I am [name]"),
    ("I'm Maria", "I'm [name]"),
    ("hi, I’m Maria Santos :)", "hi, I’m [name] :)"),
    ("thanks for the cake. I am Maria de la Cruz.", "thanks for the cake. I am [name]."),
    ("signed, Tom", "signed, [name]"),
    ("Regards, Priya S.", "Regards, [name]."),
    ("The bread was stale.\n\nKind regards,\nTom Reed-Smith", "The bread was stale.\n\nKind regards,\n[name]"),
    ("Yours sincerely, J. Smith", "Yours sincerely, [name]"),
    ("great service, thank you -- Ahmed", "great service, thank you -- [name]"),
    ("lovely bread\n- Ahmed", "lovely bread\n- [name]"),
    ("the loaf was flat — Ahmed", "the loaf was flat — [name]"),
])
def test_a_name_the_message_ends_on_is_redacted(text, expected):
    assert redact(text) == expected
    assert redact_series(pd.Series([text, None])).tolist()[0] == expected
    assert redact(expected) == expected


@pytest.mark.parametrize("text", [
    "I am Very unhappy", "I am done", "I am Done", "I'm Gutted", "I am Disappointed", "I am Furious",
    "I'm Back", "I am English", "i'm maria", "regards, the team", "Regards, The Team",
    "Best regards, Customer Services", "Regards, Tom\nPS: the bread was stale", "regards from Leeds",
    "great - Would Recommend", "great -- Five Stars", "sent -- Sent from my iPhone", "The bread — Amazing",
])
def test_what_ends_a_message_stays_when_it_is_no_name(text):
    assert redact(text) == text
    assert redact_series(pd.Series([text])).tolist() == [text]
