"""veille: news-event intelligence."""
__version__ = "0.1.0"
