"""Bank accounts, street addresses and postcodes in customer text (used by tools/core/pii.py).

What counts:
- iban: two letters, two check digits and 11 to 30 letters or digits, optionally in groups of
  four, passing the ISO 13616 mod-97 check (so "GB82 WEST 1234 5698 7654 32" is one, and a
  product code that merely looks like it is not).
- address: a house number with a street: "221B Baker Street", "12a High St", "1600
  Pennsylvania Ave NW", "Flat 3, 12 Mill Lane"; the German and Portuguese order with the
  number after the street: "Schönhauser Allee 95", "Hauptstraße 5", "Rua das Flores, 123",
  "Av. Paulista 1578"; in small letters with a street abbreviation, as tweets write them: "3238
  w. columbine dr". A street named without a number ("on the high street") is not an address.
- postcode: a full UK postcode (SW1A 1AA, BS3 4HG), a US ZIP code after a state
  ("Springfield, IL 62704") or with its +4 part (62704-1234), a Canadian postal code with its
  space (M5V 2T6), a Brazilian CEP (01310-100, or eight digits after "CEP" or a state, "SP
  01310100"), and five digits a few words after a street address, however the town and state
  are written between ("3238 w. columbine dr, phx,85029", "blue ridge blvd, grandview mo 64030":
  twcs tweets).

Words are joined by single spaces only: nothing matches across a line break, a tab, a table
cell ("|") or the two-space gap between the columns of an aligned table.
"""

from __future__ import annotations

import re

IBAN_TOKEN = "[iban]"
ADDRESS_TOKEN = "[address]"
POSTCODE_TOKEN = "[postcode]"

# -- IBAN -----------------------------------------------------------------------------------------

_IBAN = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]){11,30}(?![A-Za-z0-9])")


def _mod97_ok(compact: str) -> bool:
    text = compact[4:] + compact[:4]
    digits = "".join(str(int(ch, 36)) for ch in text)
    return int(digits) % 97 == 1


def _iban_or_keep(match: re.Match[str]) -> str:
    """The IBAN inside the match: groups are tried longest first, because the pattern can run
    on into the next word ("GB82 WEST 1234 5698 7654 32 thanks")."""
    text = match.group(0)
    parts = text.split(" ")
    for n in range(len(parts), 0, -1):
        compact = "".join(parts[:n]).upper()
        if 15 <= len(compact) <= 34 and compact[:2].isalpha() and compact[2:4].isdigit() and _mod97_ok(compact):
            rest = " ".join(parts[n:])
            return IBAN_TOKEN + (" " + rest if rest else "")
    return text


def redact_ibans(text: str) -> str:
    return _IBAN.sub(_iban_or_keep, text)


# -- street addresses ----------------------------------------------------------------------------

_SUFFIXES = (
    "street|st|road|rd|lane|ln|avenue|ave|av|close|drive|dr|way|place|pl|court|ct|crescent|cres|"
    "terrace|terr|gardens|gdns|grove|gr|hill|square|sq|row|mews|walk|parade|boulevard|blvd|"
    "highway|hwy|parkway|pkwy|circle|cir|trail|broadway|wharf|embankment"
)
_WORD = r"[A-ZÀ-Þ][\w'’.-]*"  # a capitalised word, letters of any language after the first
_DIRECTION = r"(?: (?:NE|NW|SE|SW|North|South|East|West|N|S|E|W)(?![\w-]))?"
# "221B Baker Street", "12 High St.", "1600 Pennsylvania Ave NW", "Flat 3, 12 Mill Lane"
_NUMBER_FIRST = (
    r"(?:(?:Flat|Apt|Apartment|Unit|Suite) \d+[A-Za-z]?,? )?"
    r"\d{1,5}[A-Za-z]?,? (?:" + _WORD + r" ){1,3}(?i:" + _SUFFIXES + r")(?![\w-])\.?" + _DIRECTION
)
# "Schönhauser Allee 95", "Hauptstraße 5", "Kastanienallee 28", "Rua das Flores, 123"
_GERMAN = (
    r"(?:(?:" + _WORD + r" )?[A-ZÄÖÜ][\wäöüß-]*(?:straße|strasse|str\.|weg|allee|platz|gasse|ring|damm|ufer)"
    r"|" + _WORD + r" (?:Straße|Strasse|Str\.|Weg|Allee|Platz|Gasse|Ring|Damm|Ufer))"
    r" \d{1,4}[a-z]?(?![\w-])"
)
_PORTUGUESE = (
    r"(?i:rua|r\.|avenida|av\.|alameda|al\.|travessa|tv\.|praça|rodovia|estrada) "
    r"(?:(?:d[aeo]s?|" + _WORD + r") ){0,4}" + _WORD + r",? (?:n[º°o]\.? ?)?\d{1,5}\b"
)
# All in small letters, as tweets write them: "3238 w. columbine dr", "12008 blue ridge blvd".
# Only with a street abbreviation, which a sentence does not end on ("17 to drive" stays), and
# never through the small words of a sentence ("2 hours at the st").
_SMALL_WORDS = (r"(?:a|an|and|at|by|for|from|in|into|my|of|on|or|our|the|their|to|with|your|"
                r"days?|hours?|hrs?|mins?|minutes?|months?|times?|weeks?|years?|more|than|items?)(?![\w'’-])")
_NUMBER_FIRST_SMALL = (
    r"\d{1,5} (?:[nsew]\.? )?(?:(?!" + _SMALL_WORDS + r")[a-z][a-z'’-]* ){1,3}(?:dr|st|rd|ave|blvd|ln|ct|pl|pkwy|hwy)"
    r"(?![\w-])\.?"
)
_ADDRESS = re.compile(r"(?<![\w-])(?:" + "|".join((_NUMBER_FIRST, _NUMBER_FIRST_SMALL, _GERMAN, _PORTUGUESE)) + r")")


def redact_addresses(text: str) -> str:
    return _ADDRESS.sub(ADDRESS_TOKEN, text)


# -- postcodes -----------------------------------------------------------------------------------

_US_STATES = (
    "AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|"
    "NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY"
)
_BR_STATES = "AC|AL|AP|AM|BA|CE|DF|ES|GO|MA|MT|MS|MG|PA|PB|PR|PE|PI|RJ|RN|RS|RO|RR|SC|SP|SE|TO"
_POSTCODE = re.compile(
    r"(?<![\w-])(?:"
    # UK: outward code (A9, A99, AA9, AA99, A9A, AA9A) and inward code (9AA)
    r"(?:[A-Z]{1,2}\d[A-Z\d]?|GIR) ?\d[ABD-HJLNP-UW-Z]{2}"
    # US: ZIP+4 anywhere, a plain ZIP only after a state code or the word ZIP
    r"|\d{5}-\d{4}"
    r"|(?<=\b(?:" + _US_STATES + r") )\d{5}"
    r"|(?<=(?i:zip) )\d{5}|(?<=(?i:zip code) )\d{5}|(?<=(?i:zip:) )\d{5}"
    # Canada: A9A 9A9 (letters D, F, I, O, Q, U never appear), with its space
    r"|[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] \d[ABCEGHJ-NPRSTV-Z]\d"
    # Brazil: 01310-100, or eight digits after CEP or a state ("São Paulo, SP 01310100")
    r"|\d{5}-\d{3}"
    r"|(?<=(?i:cep) )\d{8}|(?<=(?i:cep:) )\d{8}"
    r"|(?<=\b(?:" + _BR_STATES + r") )\d{8}|(?<=\b(?:" + _BR_STATES + r"), )\d{8}"
    r")(?![\w-])"
)
# A town and state written any way ("phx,85029", "grandview mo 64030") between a street address
# and its five digits: the address says what the number is.
_AFTER_ADDRESS = re.compile(r"(\[address\][^\d\n\t|]{1,40}?)(?<![\w-])\d{5}(?![\w-]| ?\d)")


def redact_postcodes(text: str) -> str:
    text = _POSTCODE.sub(POSTCODE_TOKEN, text)
    return _AFTER_ADDRESS.sub(lambda m: m.group(1) + POSTCODE_TOKEN, text) if ADDRESS_TOKEN in text else text


def redact_places(text: str) -> str:
    """IBANs, then addresses, then postcodes (an address line can end in its postcode)."""
    return redact_postcodes(redact_addresses(redact_ibans(text)))
