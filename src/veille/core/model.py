"""Plain data that flows between stages.

Every stage takes and returns these dataclasses (or their ``to_dict`` form,
which is what the store keeps as JSON), so a local loop, a process pool and
Dask can all carry them without knowing the stage that made them.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields, is_dataclass
from datetime import date
from typing import Any, Literal

Precision = Literal["day", "month", "year", "unknown"]


@dataclass(frozen=True)
class DateRange:
    """A date known to some precision, kept as the range it covers.

    A seed dated ``2023-06`` is June 1..30, never a made-up June 1st.
    ``start``/``end`` are inclusive; both ``None`` when the date is unknown.
    """

    start: date | None
    end: date | None
    precision: Precision

    @classmethod
    def unknown(cls) -> DateRange:
        return cls(None, None, "unknown")

    @property
    def known(self) -> bool:
        return self.start is not None

    def label(self) -> str | None:
        """The ISO form at its own precision: 2023-06-09, 2023-06 or 2023."""
        if self.start is None:
            return None
        if self.precision == "year":
            return f"{self.start.year:04d}"
        if self.precision == "month":
            return f"{self.start.year:04d}-{self.start.month:02d}"
        return self.start.isoformat()


@dataclass
class RawRecord:
    """One record as a reader found it, before normalisation.

    ``origin`` names the file (and ``line`` the line or entry) so that any
    error about it can say where it came from.
    """

    text: str
    origin: str
    line: int | None = None
    uid: str | None = None
    url: str | None = None
    source: str | None = None
    title: str | None = None
    published: DateRange = field(default_factory=DateRange.unknown)
    language: str | None = None
    fmt: str = "text"


@dataclass
class Reject:
    """A record that could not be ingested, kept with its reason."""

    origin: str
    reason: str
    code: str
    line: int | None = None
    raw: str | None = None

    def message(self) -> str:
        where = f"{self.origin}:{self.line}" if self.line is not None else self.origin
        return f"{self.code}: {where}: {self.reason}"


@dataclass
class Article:
    """A normalised article, ready to store."""

    uid: str
    text: str
    title: str | None
    source: str | None
    url: str | None
    published: DateRange
    language: str | None
    content_hash: str
    origin: str
    fmt: str
    duplicate_of: str | None = None

    @property
    def n_chars(self) -> int:
        return len(self.text)


# --- analysis ---------------------------------------------------------------
# These are what `veille.analyze` produces per article and what the store keeps
# (as JSON) under the article. Offsets are character offsets into Article.text.


@dataclass
class Sentence:
    index: int
    start: int
    end: int
    text: str
    # Page furniture (caption, credit, share box, embedded post...: see
    # veille.analyze.furniture): kept in the analysis so offsets stay valid,
    # left out of quotes and story views.
    furniture: bool = False
    # The detector's probability of furniture for the line(s) holding the
    # sentence (None: not scored): a consumer that must be stricter than the
    # verdict (a summary sentence) can avoid a near-furniture line.
    furniture_score: float | None = None
    # The sentence opens on an imperative ("Take us through what happened that
    # night.", "Get more information at ..."): it tells the reader to do
    # something and reports no event (veille.analyze.mood, from the parse the
    # analysis runs; False for a sentence nobody parsed).
    imperative: bool = False


@dataclass
class Mention:
    text: str
    label: str  # PER / ORG / LOC / MISC
    start: int
    end: int
    sentence: int
    entity_id: str | None = None
    canonical: str | None = None
    # Label evidence for the linker: the model's own label, and the context cue
    # (title, place noun, credit, source noun) that overrode it, if any.
    model_label: str | None = None
    label_cue: str | None = None
    # A place named inside a longer name ("Genève" of "Banque de Genève"), a
    # mention of its own, which overlaps the longer one: added by the linker
    # (``analyze.entities_nested``), after the steps that read one mention per name.
    nested: bool = False


@dataclass
class Quote:
    text: str  # the quoted words, without the quote marks
    start: int
    end: int
    sentence: int
    # "title" / "term": quote marks around a name, a title or a scare-quoted
    # word, said by nobody (not listed under "who said what"). "partial": a
    # speaker's words quoted inside the journalist's sentence ("X est
    # « heureux d'annoncer … »"): in "who said what" like "direct".
    kind: Literal["direct", "partial", "indirect", "title", "term"] = "direct"
    speaker: str | None = None  # surface form naming the speaker
    speaker_entity_id: str | None = None
    speaker_canonical: str | None = None
    verb: str | None = None
    cue: str | None = None  # the attribution pattern that matched
    source: str | None = None  # "selon une transcription du Kremlin"
    method: str | None = None
    confidence: float | None = None
    # Char span of the entity mention naming the speaker (the antecedent when
    # the cue was a pronoun), so linking can give the quote its entity.
    speaker_start: int | None = None
    speaker_end: int | None = None
    # Char span of the cue (the reporting verb) when there is one, and how the
    # speaker was found: "named" (in the sentence), "pronoun", "continued" (from
    # the previous quote), "narrated" (partial quote inside narration), "embedded".
    cue_start: int | None = None
    cue_end: int | None = None
    resolution: str | None = None


@dataclass
class TimeRef:
    text: str
    start: int
    end: int
    sentence: int
    type: Literal["DATE", "TIME", "DURATION", "SET"] = "DATE"
    value: str | None = None  # TimeML-style value: 2023-07-07, 2023-06, P15M, 1945
    range_start: str | None = None  # ISO date, inclusive
    range_end: str | None = None  # ISO date, inclusive
    granularity: str | None = None  # day / week / month / year / duration ...
    method: str | None = None
    mod: str | None = None  # TimeML mod: START / END / MID / APPROX / MORE_THAN ...


@dataclass
class Quantity:
    text: str
    start: int
    end: int
    sentence: int
    value: float | None = None
    value_max: float | None = None  # ranges: 50 000 à 60 000
    unit: str | None = None
    noun: str | None = None  # what is counted: brigades, hommes, missiles
    of_total: float | None = None  # "quatre des six missiles" -> 6
    # issue #17: what a story compares across articles, languages and units
    low: float | None = None  # the interval stated, None = open: "plus de 15" -> (15, None)
    high: float | None = None  # "up to 3,000" -> (None, 3000); exact and ranges fill both
    modifier: str | None = None  # more_than, at_least, less_than, at_most, up_to, approx
    approximate: bool = False  # "environ", "about", "près de", "some"
    kind: str = "count"  # count, age, measure, money, percent, fraction
    si_unit: str | None = None  # comparable unit: SI base (m, kg, m**2...) or currency code
    si_factor: float | None = None  # value * si_factor is in si_unit: 3 mile -> 1609.344
    noun_lemma: str | None = None  # lemma of the counted noun's head (from the parse)
    note: str | None = None  # why a number was not resolved (too large, malformed)
    #: the place a distance is counted from ("730 miles east of Hokkaido" -> "east of
    #: Hokkaido"): a position, compared only with distances from the same place
    anchor: str | None = None


@dataclass
class Analysis:
    article_uid: str
    language: str | None
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    times: list[TimeRef] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = plain(self)
        return out


def plain(obj: Any) -> Any:
    """``dataclasses.asdict`` without its deep copy of every leaf.

    asdict deep-copies each string and number it meets; for an analysis (a few
    thousand leaves) that was the largest single cost of saving it.  Leaves
    here are immutable (str, int, float, bool, None, date), so sharing them is
    safe; containers are rebuilt, as asdict does.
    """
    if type(obj) in _LEAVES:
        return obj
    names = _FIELDS.get(type(obj))
    if names is None and is_dataclass(obj) and not isinstance(obj, type):
        names = _FIELDS[type(obj)] = tuple(f.name for f in fields(obj))
    if names is not None:
        return {n: plain(getattr(obj, n)) for n in names}
    if isinstance(obj, list):
        return [plain(v) for v in obj]
    if isinstance(obj, tuple):
        return tuple(plain(v) for v in obj)
    if isinstance(obj, dict):
        return {k: plain(v) for k, v in obj.items()}
    return obj


_FIELDS: dict[type, tuple[str, ...]] = {}
_LEAVES = frozenset({str, int, float, bool, type(None)})


@dataclass
class EntityRecord:
    """One canonical entity, shared by all articles that mention it."""

    entity_id: str
    canonical: str
    label: str
    aliases: list[str] = field(default_factory=list)
    n_mentions: int = 0
    languages: list[str] = field(default_factory=list)
    # Evidence kept so that incremental linking can revise canonical and label
    # as more articles arrive: surface form -> count, label -> weighted votes.
    alias_counts: dict[str, int] = field(default_factory=dict)
    label_votes: dict[str, float] = field(default_factory=dict)
    # Why each surface form joined this entity ("same name", "surname of Vladimir
    # Putin in the same article", "country US (gazetteer)"...): what a user sees
    # asking "why is this the same?". Kept by the linker; surface form -> reason.
    evidence: dict[str, str] = field(default_factory=dict)
    # The entities named in the same articles as this person's full name, with
    # the number of such articles (the most frequent kept, see
    # ``veille.core.entity_context``): how a lone surname elsewhere
    # ("Bryant" in an article about the Cubs and Wrigley Field) is told to be
    # this person rather than guessed. entity_id -> articles.
    context: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


CorrectionAction = Literal["merge", "split", "detach", "rename"]


@dataclass
class EntityCorrection:
    """A user's correction of the entity linking (issue #15).

    Stored and replayed on every later linking, so that re-analysis (and
    ``analyze --outdated``) never undoes what a person decided:
    - ``merge``: ``entity_id`` is absorbed into ``target_id``; the row keeps
      the names the absorbed record brought (``aliases``) and the target's
      name (``name``), so re-analysis can tell them from stale names and
      prune only the latter (rows stored before session 13 have neither and
      keep every name);
    - ``split``: the mentions of ``entity_id`` written as one of ``aliases``
      become the entity ``target_id`` (new, named ``name``);
    - ``detach``: the mention ``article_uid[start:end]`` is not ``entity_id``,
      nor any record a later linker files it under (keyed by the mention,
      not the retired id);
    - ``rename``: ``entity_id``'s canonical name is ``name`` from now on.
    """

    action: CorrectionAction
    entity_id: str
    target_id: str | None = None
    name: str | None = None
    aliases: list[str] = field(default_factory=list)
    article_uid: str | None = None
    start: int | None = None
    end: int | None = None
    author: str = ""
    note: str = ""
    created_at: str = ""
    id: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
