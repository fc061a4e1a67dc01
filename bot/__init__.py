"""Baken: a multilingual assistant for bijstand clients, their helpers and consultants."""
