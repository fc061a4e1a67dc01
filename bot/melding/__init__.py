"""Melding (application for bijstand) and wijziging (change report): plain domain logic."""
