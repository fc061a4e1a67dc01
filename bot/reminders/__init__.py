"""Outgoing messages that wait for their time: the outbox, senders and the worker."""
