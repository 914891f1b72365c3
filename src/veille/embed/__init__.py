"""Multilingual text embeddings: one vector per article, comparable across languages.

A layer of its own, below the stages and beside ``search/``: the analysis,
the clusterer (stories across languages), the explain stage (facts across
languages) and semantic search all need the same vectors, and stages do not
import each other.  See :mod:`veille.embed.encoder` for the model choice.
"""

from veille.embed.encoder import (
    DIM,
    MODEL,
    ArticleVector,
    article_chunks,
    embed_articles,
    embed_query,
    model_name,
    pack,
    unpack,
)

__all__ = ["DIM", "MODEL", "ArticleVector", "article_chunks", "embed_articles", "embed_query",
           "model_name", "pack", "unpack"]
