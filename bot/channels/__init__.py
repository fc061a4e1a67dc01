"""Rasa input and output channels (REST for the web chat; Twilio and Telegram follow)."""
