"""The JSON API, one router per resource, mounted under ``/api``."""
