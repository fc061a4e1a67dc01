"""The consultants' desk under ``/desk/``: plain server-rendered pages in Dutch (Jinja2),
with small scripts that refresh the queue and the ticket. Every page needs a login; a
consultant sees only the tickets of their municipalities and queues, also when they guess
a URL (403). Opening a ticket, exporting numbers and every change are audit events."""

from bot.desk.ui import appointments, login, queue, team, tickets

ROUTERS = (login.router, queue.router, tickets.router, appointments.router, team.router)
