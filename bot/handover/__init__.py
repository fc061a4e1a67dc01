"""Handing a conversation to a person: references, transcripts, tickets."""
