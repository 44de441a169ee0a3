"""sanctions-check: an advisory checklist for targeted sanctions against mass atrocities."""

__version__ = "0.1.0"
