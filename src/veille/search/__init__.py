"""Full-text search over articles: language-aware stemming, ranking, snippets, facets.

SQLite keeps a stemmed copy of each article in an FTS5 table ranked by BM25;
PostgreSQL keeps a ``tsvector`` built with the article's own text-search
configuration (french / english / simple) behind a GIN index. Both are filled
by :func:`veille.search.index.index_articles`, which ingest calls per batch.
"""
