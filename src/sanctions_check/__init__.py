"""sanctions-check: an advisory structure for judging targeted sanctions against mass atrocities."""

__version__ = "0.2.0"
