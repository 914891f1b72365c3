"""Read queries behind the API, the pages and the exports (one module per resource).

They take a connection and return plain JSON-ready dicts; routes and
``veille export`` are thin wrappers around them.
"""
