"""sanctions-check: an advisory checklist for targeted sanctions aimed at preventing mass atrocities."""

__version__ = "0.1.0"
