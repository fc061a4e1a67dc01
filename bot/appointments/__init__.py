"""Appointments with the municipality: import, reminders, replies."""
