"""The web layer: a FastAPI app serving the JSON API and the HTML pages.

Build it with :func:`veille.web.app.create_app`. This package module imports
nothing, so importing one of its modules (say ``veille.web.deps``) does not
load the whole app.
"""
