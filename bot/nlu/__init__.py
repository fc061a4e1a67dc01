"""Rasa NLU components of our own."""
