"""Who said what, measured against an attribution gold in brat standoff.

The corpus layout is PolNeAR's (``text/NAME.txt`` + ``attributions/NAME.ann``
with ``Source`` / ``Cue`` / ``Content`` spans tied by an ``E`` event line);
a French gold written in the same format is scored the same way.

Scoring (the overlap measure of the PARC/citron literature, made explicit):

- a gold content is **found** when one system quote covers at least half of
  its characters (several adjacent system quotes do not add up);
- a system quote is **correct** when it covers half of a gold content or lies
  for at least half of its own length inside one (a partial quote of an
  attributed statement is no false claim);
- **speaker accuracy** is counted on found contents whose gold has a source.
  The system's speaker is right when its mention overlaps the gold source span,
  or when their head words agree (last word, case-folded). A pronoun source
  ("he said") has no antecedent in PolNeAR; the gold's own nearest preceding
  named source stands in for it (an approximation of coreference, said so in
  the report). A definite role noun ("the president") also accepts the one
  name the article itself ties to that role ("President Barack Obama",
  "Obama, the president": :mod:`veille.analyze.evaluate_quotes_roles`); the
  literal figure, which wants the role's words, is reported beside it.

Quotes of a non-speech kind (``title``, ``term``) are left out: they are not
in "who said what". Figures are split by quote-marked / unmarked content and
by named / pronoun source.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from veille.analyze import components, registry
from veille.analyze.evaluate_quotes_roles import tied_by_role
from veille.analyze.pipeline import analyze_batch
from veille.analyze.timebank import read_timeml
from veille.core.model import DateRange, Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: Kinds of quote that are no statement of anyone (kept out of the scoring).
NOT_SPEECH = frozenset({"title", "term"})
#: Source words that are pronouns (English and French): scored through the
#: nearest preceding named gold source.
PRONOUNS = frozenset({
    "he", "she", "they", "i", "we", "it", "you", "him", "her", "them", "us", "me",
    "il", "elle", "ils", "elles", "je", "nous", "vous", "on",
})
#: Relative pronouns as gold sources: scored against the words just before them.
RELATIVES = frozenset({"who", "which", "qui"})
_QUOTE_CHARS = "\"“”«»"
_WORD = re.compile(r"\w+", re.U)
_DETS = frozenset({"the", "a", "an", "le", "la", "les", "l", "un", "une", "des", "de", "du"})


@dataclass
class GoldAttribution:
    content: list[tuple[int, int]]
    source: tuple[int, int] | None
    source_text: str | None
    cue: tuple[int, int] | None
    #: who the source refers to, when the gold says so (a pronoun's or a role
    #: noun's person, or the speaker of a quote with no source in its sentence)
    speaker_name: str | None = None

    @property
    def start(self) -> int:
        return self.content[0][0]

    @property
    def end(self) -> int:
        return self.content[-1][1]

    def length(self) -> int:
        return sum(b - a for a, b in self.content)


@dataclass
class GoldDoc:
    name: str
    text: str
    attributions: list[GoldAttribution]


def _spans(field_: str) -> list[tuple[int, int]]:
    out = []
    for part in field_.split(";"):
        a, b = part.split()
        out.append((int(a), int(b)))
    return out


def read_ann(text: str, ann: str) -> list[GoldAttribution]:
    """The attributions of one brat file; an attribution without content is skipped."""
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    events: list[dict[str, str]] = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        if parts[0].startswith("T"):
            head = parts[1].split(" ", 1)
            if len(head) < 2:
                continue
            try:
                spans[parts[0]] = (head[0], _spans(head[1]))
            except ValueError:
                continue
        elif parts[0].startswith("E"):
            roles = {}
            for arg in parts[1].split():
                if ":" in arg:
                    role, tid = arg.split(":", 1)
                    roles[role] = tid
            events.append(roles)
    out: list[GoldAttribution] = []
    for ev in events:
        c = spans.get(ev.get("Content", ""))
        if c is None:
            continue
        s = spans.get(ev.get("Source", ""))
        cue = spans.get(ev.get("Cue", ""))
        src = (s[1][0][0], s[1][-1][1]) if s else None
        out.append(GoldAttribution(
            content=sorted(c[1]), source=src,
            source_text=text[src[0]:src[1]] if src else None,
            cue=(cue[1][0][0], cue[1][-1][1]) if cue else None))
    return out


def read_corpus(directory: Path, limit: int | None = None) -> list[GoldDoc]:
    """``text/*.txt`` with ``attributions/*.ann`` (or ``.ann`` next to the ``.txt``)."""
    text_dir = directory / "text" if (directory / "text").is_dir() else directory
    ann_dir = directory / "attributions" if (directory / "attributions").is_dir() else directory
    docs = []
    for txt in sorted(text_dir.glob("*.txt")):
        # PolNeAR names an annotation NAME_<annotator>.ann; an article annotated
        # twice is scored against the first annotator (sorted), deterministically.
        anns = sorted(p for p in ann_dir.glob(txt.stem + "*.ann")
                      if p.stem == txt.stem or p.stem.rsplit("_", 1)[0] == txt.stem)
        if not anns:
            continue
        ann = anns[0]
        text = txt.read_text(encoding="utf-8")
        docs.append(GoldDoc(txt.stem, text, read_ann(text, ann.read_text(encoding="utf-8"))))
        if limit is not None and len(docs) >= limit:
            break
    return docs


def _nearest(text: str, needle: str | None, around: int) -> tuple[int, int] | None:
    """The occurrence of ``needle`` closest to char ``around``."""
    if not needle:
        return None
    best, k = None, text.find(needle)
    while k >= 0:
        if best is None or abs(k - around) < abs(best - around):
            best = k
        k = text.find(needle, k + 1)
    return (best, best + len(needle)) if best is not None else None


def read_semeval_texts(path: Path) -> dict[str, str]:
    """The texts of a SemEval-2022 task 8 CSV by article id (``semeval-<id>``): the first
    text of each id in the file, as the other SemEval scorers read it."""
    import csv  # stdlib, only this reader needs it

    csv.field_size_limit(1 << 30)
    out: dict[str, str] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            ids = str(row.get("pair_id") or "").split("_")
            for k, art in enumerate(ids[:2], 1):
                out.setdefault("semeval-" + art, str(row.get(f"text{k}") or ""))
    return out


def read_hipe_texts(path: Path) -> dict[str, str]:
    """The articles of a HIPE-2022 token file (``hipe-<document_id>``), rebuilt as a
    reader sees them: tokens joined by the file's ``NoSpaceAfter`` marks, a line end a
    space, and a word hyphenated at a line end (OCR ``¬`` or ``-``) joined again, so
    that the text is prose, not the scan's layout; OCR errors are kept."""
    out: dict[str, str] = {}
    name, parts = "", list[str]()

    def flush() -> None:
        if name:
            out["hipe-" + name] = "".join(parts).strip()

    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line.startswith("# hipe2022:document_id"):
                flush()
                name, parts = line.split("=", 1)[1].strip(), []
                continue
            if not line or line.startswith("#") or line.startswith("TOKEN\t"):
                continue
            cols = line.split("\t")
            tok, misc = cols[0], (cols[-1] if len(cols) > 1 else "")
            eol = "EndOfLine" in misc
            if eol and tok.endswith(("¬", "-")) and len(tok) > 1:
                parts.append(tok[:-1])
                continue
            parts.append(tok)
            if "NoSpaceAfter" not in misc or eol:
                parts.append(" ")
    flush()
    return out


def _gold_text(name: str, texts: Sequence[Path], csv_cache: dict[Path, dict[str, str]]) -> str:
    for src in texts:
        if src.is_file() and src.suffix in (".csv", ".tsv"):
            if src not in csv_cache:
                csv_cache[src] = (read_semeval_texts(src) if src.suffix == ".csv"
                                  else read_hipe_texts(src))
            if name in csv_cache[src]:
                return csv_cache[src][name]
        elif (src / (name + ".txt")).exists():
            return (src / (name + ".txt")).read_text(encoding="utf-8")
        elif (src / (name + ".tml")).exists():
            return read_timeml(src / (name + ".tml")).text
    raise FileNotFoundError(f"no text for {name} in {', '.join(map(str, texts))}")


def read_string_gold(directory: Path, texts: Path | Sequence[Path],
                     only: Iterable[str] | None = None) -> list[GoldDoc]:
    """A gold written as strings of the text (``gold.json``, see
    docs/measured/quality-quotes.md#french-gold); the texts are read from ``texts``
    (folders of ``NAME.txt`` or TimeBank ``NAME.tml``, or a SemEval CSV for
    ``semeval-<id>`` documents), never stored with it. A document whose text is in
    none of them is an error naming it (a gold scored on part of its texts would
    report a figure on another set). ``only``: read just these documents."""

    sources = [texts] if isinstance(texts, Path) else list(texts)
    gold = json.loads((directory / "gold.json").read_text(encoding="utf-8"))
    wanted = set(only) if only is not None else None
    cache: dict[Path, dict[str, str]] = {}
    docs = []
    for name, items in sorted(gold["documents"].items()):
        if wanted is not None and name not in wanted:
            continue
        text = _gold_text(name, sources, cache)
        out = []
        for it in items:
            pos = text.find(it["after"]) if it.get("after") else 0
            a = text.find(it["content"], max(pos, 0))
            if a < 0:
                raise ValueError(f"{name}: content not in the text: {it['content'][:60]!r}")
            src = _nearest(text, it.get("source"), a)
            out.append(GoldAttribution(
                content=[(a, a + len(it["content"]))], source=src,
                source_text=it.get("source"), cue=_nearest(text, it.get("cue"), a),
                speaker_name=it.get("speaker")))
        docs.append(GoldDoc(name, text, out))
    return docs


def gold_parts(directory: Path) -> dict[str, str]:
    """``tune`` / ``check`` per document of a ``gold.json`` that lists its held-out
    documents (``check``): the split was decided when the gold was written."""
    gold = json.loads((directory / "gold.json").read_text(encoding="utf-8"))
    held = set(gold.get("check") or [])
    return {name: ("check" if name in held else "tune") for name in gold["documents"]}


def split_docs(docs: Sequence[GoldDoc], part: str,
               parts: dict[str, str] | None = None) -> list[GoldDoc]:
    """Deterministic split by document: ``tune`` = names whose CRC32 is even, ``check`` = odd,
    or the gold's own list of held-out documents (``parts``) when it has one.

    How a dev set's own held-out part is made (no randomness, no look at the content).
    """
    import zlib

    if part == "all":
        return list(docs)
    if parts is not None:
        return [d for d in docs if parts.get(d.name, "tune") == part]
    want = 0 if part == "tune" else 1
    return [d for d in docs if zlib.crc32(d.name.encode()) % 2 == want]


def is_quote_marked(text: str, g: GoldAttribution) -> bool:
    """Is the gold content (mostly) inside quote marks? Half its characters or more."""
    inside = 0
    for a, b in g.content:
        # French spacing: « word »; two apostrophes '' are one mark (NYT copy)
        seg = text[max(0, a - 3):b + 3].replace("''", '"')
        depth = False
        for ch in seg:
            if ch in _QUOTE_CHARS:
                depth = not depth
            elif depth:
                inside += 1
    return inside >= 0.5 * g.length()


def _head(s: str | None) -> str | None:
    if not s:
        return None
    words = [w.lower() for w in _WORD.findall(s) if w.lower() not in _DETS and w.lower() != "s"]
    return words[-1] if words else None


def _overlap(a: int, b: int, spans: Iterable[tuple[int, int]]) -> int:
    return sum(max(0, min(b, y) - max(a, x)) for x, y in spans)


@dataclass
class Tally:
    gold: int = 0
    found: int = 0
    with_source: int = 0
    speaker_ok: int = 0
    #: right under the strict pronoun stand-in (the nearest earlier gold source,
    #: whatever it is: the figure of sessions before 8, kept comparable)
    speaker_ok_nearest: int = 0
    #: right under the literal role scorer (sessions up to 14: a role-noun source
    #: wants its own words, "the president", not the name the article gives it)
    speaker_ok_literal_roles: int = 0
    #: found with the right speaker, or with none where the gold has none (a document)
    found_right: int = 0

    def as_dict(self) -> dict[str, float | int]:
        return {"gold": self.gold, "found": self.found,
                "recall": round(self.found / self.gold, 3) if self.gold else 0.0,
                "found_right_speaker": self.found_right,
                "recall_right_speaker": round(self.found_right / self.gold, 3) if self.gold else 0.0,
                "with_source": self.with_source, "speaker_ok": self.speaker_ok,
                "speaker_accuracy": round(self.speaker_ok / self.with_source, 3)
                if self.with_source else 0.0,
                "speaker_ok_literal_roles": self.speaker_ok_literal_roles,
                "speaker_accuracy_literal_roles": round(
                    self.speaker_ok_literal_roles / self.with_source, 3) if self.with_source else 0.0,
                "speaker_ok_nearest": self.speaker_ok_nearest,
                "speaker_accuracy_nearest": round(self.speaker_ok_nearest / self.with_source, 3)
                if self.with_source else 0.0}


@dataclass
class Report:
    documents: int = 0
    system: int = 0
    system_correct: int = 0
    total: Tally = field(default_factory=Tally)
    by_marks: dict[str, Tally] = field(default_factory=dict)
    by_source: dict[str, Tally] = field(default_factory=dict)
    by_method: dict[str, list[int]] = field(default_factory=dict)
    errors: list[dict[str, str]] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        p = self.system_correct / self.system if self.system else 0.0
        r = self.total.found / self.total.gold if self.total.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {
            "documents": self.documents, "system": self.system,
            "precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3),
            "total": self.total.as_dict(),
            "by_marks": {k: v.as_dict() for k, v in sorted(self.by_marks.items())},
            "by_source": {k: v.as_dict() for k, v in sorted(self.by_source.items())},
            "by_method": {k: {"system": v[0], "correct": v[1],
                              "precision": round(v[1] / v[0], 3) if v[0] else 0.0}
                          for k, v in sorted(self.by_method.items(), key=lambda kv: -kv[1][0])},
        }


def _speaker_ok(doc: GoldDoc, g: GoldAttribution, q: Quote, proxy: str | None = None,
                roles: bool = True) -> bool:
    """``proxy``: how a pronoun source's stand-in is chosen (default
    :data:`PRONOUN_PROXY`; ``"nearest"``: the strict stand-in). ``roles``: a
    role-noun source ("the president") also accepts the one name the article
    ties to that role (:mod:`veille.analyze.evaluate_quotes_roles`; False: the
    literal scorer of sessions up to 14, which wanted the role's own words)."""
    proxy = PRONOUN_PROXY if proxy is None else proxy
    if q.speaker is None or (g.source is None and g.speaker_name is None):
        return False
    if g.speaker_name:
        # the gold names the person: compare with it (a pronoun, a role noun)
        names = {w.lower() for w in _WORD.findall(g.speaker_name)}
        sh = _head(q.speaker)
        return sh is not None and (sh == _head(g.speaker_name) or sh in names)
    assert g.source is not None
    if (q.speaker_start is not None and q.speaker_end is not None
            and min(q.speaker_end, g.source[1]) > max(q.speaker_start, g.source[0])):
        return True
    gold_text, gold_at = g.source_text, g.source[0]
    if _head(gold_text) in RELATIVES:
        # "Trump, who said …": the relative's antecedent is the noun phrase
        # just before it in the text (PolNeAR marks the relative as the source)
        sh = _head(q.speaker)
        before = {w.lower() for w in _WORD.findall(doc.text[max(0, g.source[0] - 80):g.source[0]])}
        return sh is not None and sh in before
    if _head(gold_text) in PRONOUNS:
        # PolNeAR has no coreference: the nearest named source before stands in.
        prev = [x for x in doc.attributions if x.source and x.source[1] <= g.source[0]
                and _head(x.source_text) not in PRONOUNS]
        if not prev:
            return False
        prev.sort(key=lambda x: x.source[1] if x.source else 0)
        gold_text = prev[-1].source_text
        gold_at = prev[-1].source[0] if prev[-1].source else gold_at
        if proxy == "named" and _proxy_named(doc, g, q, prev):
            return True
    gh, sh = _head(gold_text), _head(q.speaker)
    if gh is None or sh is None:
        return False
    gold_words = {w.lower() for w in _WORD.findall(gold_text or "")}
    if gh == sh or sh in gold_words:
        return True
    return roles and tied_by_role(doc.text, gold_text, sh, gold_at)


#: How a pronoun source's stand-in antecedent is chosen: "nearest" (the nearest
#: non-pronoun gold source before it, the scorer of sessions 4-7) or "named"
#: (session 8: that one, or else the nearest *named* person before it whose
#: given name does not contradict the pronoun's gender: the nearest source is
#: often a role noun for the same person, "the Florida senator" for Rubio, or
#: no person at all, "the polls", "his speech").
PRONOUN_PROXY = "named"
_GENDER_OF = {"he": "Masc", "him": "Masc", "his": "Masc", "she": "Fem", "her": "Fem"}


def _proxy_named(doc: GoldDoc, g: GoldAttribution, q: Quote,
                 prev: Sequence[GoldAttribution]) -> bool:
    """Is the system's speaker the nearest named gold source before the pronoun
    (a capitalised head word, not a relative), its gender agreeing?"""
    from veille.analyze.quotes.gender import given_name_gender

    want = _GENDER_OF.get((g.source_text or "").strip().lower())
    sh = _head(q.speaker)
    if sh is None:
        return False
    for x in reversed(prev):
        text = x.source_text or ""
        head = _head(text)
        if head is None or head in RELATIVES:
            continue
        words = _WORD.findall(text)
        caps = [w for w in words if w[:1].isupper() and w.lower() not in _DETS]
        if not caps or not words[-1][:1].isupper():
            continue  # a role noun or a thing: look further back for the name
        gender = given_name_gender(text) if want else None
        if want and gender and gender != want:
            continue
        return sh == head or sh in {w.lower() for w in words}
    return False


def anonymous_document(source: str | None, document_nouns: frozenset[str]) -> bool:
    """Is a gold source an unnamed document ("selon un sondage", "les
    statistiques officielles", "Un télégramme")? The French guide gives it no
    speaker (null), so a system quote with none is right. A document whose
    issuer is named ("une enquête du MDR") is the issuer's: not anonymous."""
    words = _WORD.findall(source or "")
    if not words or any(w[:1].isupper() for w in words[1:]):
        return False
    return any(w.lower() in document_nouns or w.lower().rstrip("sx") in document_nouns
               for w in words[1:3])


def score_doc(doc: GoldDoc, quotes: Sequence[Quote], rep: Report,
              document_nouns: frozenset[str] = frozenset()) -> None:
    """``document_nouns``: a string gold's language pack's document nouns (see
    :func:`anonymous_document`); empty for brat golds (PolNeAR names sources)."""
    qs = [q for q in quotes if q.kind not in NOT_SPEECH]
    rep.documents += 1
    for q in qs:
        rep.system += 1
        ok = any(_overlap(q.start, q.end, g.content) >= 0.5 * g.length()
                 or _overlap(q.start, q.end, g.content) >= 0.5 * max(1, q.end - q.start)
                 for g in doc.attributions)
        rep.system_correct += ok
        m = rep.by_method.setdefault(q.method or "?", [0, 0])
        m[0] += 1
        m[1] += ok
        if not ok:
            rep.errors.append({"type": "spurious", "doc": doc.name, "system": q.text[:160],
                               "speaker": str(q.speaker), "method": str(q.method)})
    for g in doc.attributions:
        marks = "quote-marked" if is_quote_marked(doc.text, g) else "unmarked"
        src = ("none" if g.source is None and g.speaker_name is None
               else "pronoun" if _head(g.source_text) in PRONOUNS
               else "unnamed" if g.source is None else "named")
        tallies = [rep.total, rep.by_marks.setdefault(marks, Tally()),
                   rep.by_source.setdefault(src, Tally())]
        best = max(qs, key=lambda q: _overlap(q.start, q.end, g.content), default=None)
        found = best is not None and _overlap(best.start, best.end, g.content) >= 0.5 * g.length()
        content = " … ".join(doc.text[a:b] for a, b in g.content)[:160]
        for t in tallies:
            t.gold += 1
            t.found += found
        if not found:
            rep.errors.append({"type": "missed", "doc": doc.name, "gold": content,
                               "source": str(g.source_text), "marks": marks,
                               "cue": doc.text[g.cue[0]:g.cue[1]] if g.cue else "",
                               "partial": str(round(_overlap(best.start, best.end, g.content)
                                                    / g.length(), 2)) if best else "0"})
            continue
        assert best is not None
        if g.source is None and g.speaker_name is None:
            for t in tallies:
                t.found_right += best.speaker is None
            continue
        ok = _speaker_ok(doc, g, best)
        literal = _speaker_ok(doc, g, best, roles=False)
        strict = _speaker_ok(doc, g, best, proxy="nearest", roles=False)
        if best.speaker is None and g.speaker_name is None \
                and anonymous_document(g.source_text, document_nouns):
            ok = literal = strict = True
        for t in tallies:
            t.with_source += 1
            t.speaker_ok += ok
            t.speaker_ok_literal_roles += literal
            t.speaker_ok_nearest += strict
            t.found_right += ok
        if not ok:
            rep.errors.append({"type": "speaker", "doc": doc.name, "gold": content,
                               "source": str(g.source_text), "speaker": str(best.speaker),
                               "method": str(best.method), "resolution": str(best.resolution)})


_COMPONENTS = registry.build((components.SENTENCES, components.ENTITIES, components.QUOTES))


#: Environment variable naming a folder where the scorer keeps the parses it
#: made (one spaCy DocBin per text and model): re-scoring after a change to
#: the quote steps then costs the steps only, not the parser. Off by default
#: (a stale cache after a model change is keyed away by the model's name and
#: version, but the folder grows without bound).
PARSE_CACHE_ENV = "VEILLE_EVAL_PARSE_CACHE"


def _cached_pipe(folder: Path, pipe: Callable[..., Iterator[Doc]]) -> Callable[..., Iterator[Doc]]:
    """``nlp.pipe`` with its Docs kept in ``folder`` (see :data:`PARSE_CACHE_ENV`)."""
    import hashlib

    from spacy.tokens import DocBin

    from veille.analyze import nlp as nlpmod

    glued_quote = re.compile(nlpmod.GLUED_QUOTE_INFIXES)

    def cached(language: str, texts: Iterable[str], batch_size: int = 32) -> Iterator[Doc]:
        model = nlpmod.get_nlp(language)
        tag = f"{model.meta.get('name')}-{model.meta.get('version')}"
        if nlpmod.GLUE_COMPONENT in model.pipe_names:
            tag += "\0glued-words"  # its tokens are not the model's tokenizer's alone
        folder.mkdir(parents=True, exist_ok=True)
        for text in texts:
            # a text the glued-quote infix splits is parsed anew once: its
            # parse cached before that rule holds other tokens (other texts
            # keep their keys, so the caches already made stay good)
            glued = "\0glued-quotes" if glued_quote.search(text) else ""
            key = hashlib.sha1(f"{tag}{glued}\0{text}".encode()).hexdigest()
            path = folder / f"{key}.spacy"
            if path.exists():
                doc = next(iter(DocBin().from_bytes(path.read_bytes()).get_docs(model.vocab)))
                doc.user_data[nlpmod._TEXT] = text
            else:
                doc = next(pipe(language, [text], batch_size=1))
                path.write_bytes(DocBin(docs=[doc]).to_bytes())
            yield doc

    return cached


def system_quotes(docs: Sequence[GoldDoc], language: str) -> list[list[Quote]]:
    """The quotes veille finds in each document (sentences, entities and quotes only)."""
    import os

    from veille.analyze import nlp as nlpmod

    items = [(d.name, d.text, language, DateRange.unknown()) for d in docs]
    folder = os.environ.get(PARSE_CACHE_ENV)
    if not folder:
        return [an.quotes for an in analyze_batch(items, comps=_COMPONENTS)]
    original = nlpmod.pipe
    nlpmod.pipe = _cached_pipe(Path(folder), original)
    try:
        return [an.quotes for an in analyze_batch(items, comps=_COMPONENTS)]
    finally:
        nlpmod.pipe = original


def evaluate(directory: Path, language: str = "en", part: str = "all",
             limit: int | None = None, texts: Path | Sequence[Path] | None = None) -> Report:
    """Score veille's quotes on the brat corpus in ``directory`` (see module doc),
    or on the string gold ``directory/gold.json`` whose texts are in ``texts``."""
    if (directory / "gold.json").exists():
        if not texts:
            raise ValueError(f"{directory}/gold.json needs --texts (the folders of its texts)")
        parts = gold_parts(directory)
        wanted = [n for n, p in parts.items() if part in ("all", p)]
        docs = split_docs(read_string_gold(directory, texts, wanted), part, parts)
        from veille.lang import language_data

        pack = language_data(language).quotes
        nouns = pack.document_nouns if pack is not None else frozenset()
    else:
        docs = split_docs(read_corpus(directory, limit), part)
        nouns = frozenset()
    rep = Report()
    for doc, quotes in zip(docs, system_quotes(docs, language), strict=True):
        score_doc(doc, quotes, rep, nouns)
    return rep


def learn_cue_frames(directory: Path, language: str = "en", part: str = "tune",
                     limit: int | None = None, min_cues: int = 2, min_precision: float = 0.5,
                     ) -> dict[str, list[tuple[str, int, int, int]]]:
    """The cue frames of a brat gold's ``part`` (see :mod:`veille.analyze.quotes.frames`):
    how ``QuoteWords.cue_frames`` of a language pack is made (``veille eval quotes DIR
    --learn-frames``), on the tuning part only."""
    import os

    from veille.analyze import nlp as nlpmod
    from veille.analyze.nlp import get_nlp
    from veille.analyze.quotes.frames import learn_frames

    docs = split_docs(read_corpus(directory, limit), part)
    folder = os.environ.get(PARSE_CACHE_ENV)
    if folder:
        parsed: Iterable[Doc] = _cached_pipe(Path(folder), nlpmod.pipe)(
            language, [d.text for d in docs])
    else:
        parsed = get_nlp(language).pipe([d.text for d in docs], batch_size=8)
    pairs = ((sd, [(g.content, g.cue) for g in d.attributions]) for d, sd in zip(docs, parsed, strict=True))
    return learn_frames(pairs, min_cues, min_precision)
