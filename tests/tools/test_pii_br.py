"""Brazilian CPFs, Brazilian-written phone numbers and Portuguese sign-offs in customer text
(Olist's reviews hold each): replaced whole; order numbers, tracking codes, dates, prices and
"Att, Equipe" (the team) stay."""

from __future__ import annotations

import pytest

from tools.core.pii import redact


@pytest.mark.parametrize("text, expected", [
    ("Olá meu CPF 818.942.526-91 e adquiri", "Olá meu CPF [id] e adquiri"),
    ("meu cpf é 81894252691, obrigado", "meu cpf é [id], obrigado"),
    ("SP CEL (11) 999929867", "SP CEL [phone]"),
    ("a entrega! (11) 98687-8025", "a entrega! [phone]"),
    ("URGENTE (71) 98500-7952", "URGENTE [phone]"),
    ("fixo (21)3456-7890.", "fixo [phone]."),
    ("whatsapp 98500-7952", "whatsapp [phone]"),
    ("tel: 11 3456-7890", "tel: [phone]"),
    ("Não foi entregue.\r\nAtt,\r\nAdnailde", "Não foi entregue.\r\nAtt,\r\n[name]"),
    ("Estou no aguardo.\r\n\r\nAtt\r\nAlexander", "Estou no aguardo.\r\n\r\nAtt\r\n[name]"),
    ("Obrigada pela atenção. Atenciosamente, Ana Paula Souza", "Obrigada pela atenção. Atenciosamente, [name]"),
])
def test_brazilian_ids_phones_and_signed_names_are_replaced(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize("text", [
    "protocolo 2517102738811 obrigada",
    "rastreio PO794782342BR recebi em 20/10 às 15 h",
    "chegou dia 20/10/2018, pagto R$ 104,63",
    "Desde já agradeço,\r\n\r\nAtt.,\r\n\r\n",
    "Att, Equipe",
    "Matt said it was fine",
])
def test_portuguese_text_without_personal_data_is_left_alone(text):
    assert redact(text) == text
