"""Watching feeds and pages: polite polling, story updates, watchlists and alerts."""
