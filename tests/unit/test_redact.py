import pytest

from bot.privacy.redact import (
    BSN_MASK,
    IBAN_MASK,
    PHONE_MASK,
    is_valid_bsn,
    is_valid_iban,
    mask,
    redact,
)


@pytest.mark.parametrize("bsn", ["111222333", "123456782", "1234.56.782", "123 456 782"])
def test_valid_bsn_is_masked(bsn: str) -> None:
    result = redact(f"mijn bsn is {bsn} ok")
    assert result.text == f"mijn bsn is {BSN_MASK} ok"
    assert result.found_bsn


@pytest.mark.parametrize("number", ["123456789", "111111111", "000000000"])
def test_nine_digits_that_fail_the_11_proef_stay(number: str) -> None:
    assert redact(f"klantnummer {number}").text == f"klantnummer {number}"


def test_eleven_proof() -> None:
    assert is_valid_bsn("111222333")
    assert not is_valid_bsn("111222334")
    assert not is_valid_bsn("12345678")


def test_iban_is_masked_with_or_without_spaces() -> None:
    assert is_valid_iban("NL91ABNA0417164300")
    assert not is_valid_iban("NL91ABNA0417164301")
    text = "rekening NL91 ABNA 0417 1643 00 en nl91abna0417164300"
    assert mask(text) == f"rekening {IBAN_MASK} en {IBAN_MASK}"


def test_invalid_iban_is_left_alone() -> None:
    assert mask("code NL91ABNA0417164301") == "code NL91ABNA0417164301"


@pytest.mark.parametrize("phone", ["0612345678", "06-12345678", "+31 6 12345678", "0570 679500"])
def test_phone_numbers_are_masked_in_transcripts(phone: str) -> None:
    assert mask(f"bel {phone} aub") == f"bel {PHONE_MASK} aub"


def test_phones_can_be_kept_for_the_nlu() -> None:
    assert redact("bel 0612345678", phones=False).text == "bel 0612345678"


def test_dates_amounts_and_references_stay_readable() -> None:
    text = "op 12-03-2026 kreeg ik 1052,32 euro, zaak T-2026-000123"
    assert mask(text) == text
