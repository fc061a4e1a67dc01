"""Recognising and masking personal data (BSN, IBAN, phone numbers)."""
