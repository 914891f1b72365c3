"""The services layer: the one pipeline (ingest -> analyse -> cluster ->
explain) and the queries the CLI, the API and the watcher share.

cli/ and web/ call these; the stages (ingest, analyze, cluster, stories,
search, store) never import them.
"""
