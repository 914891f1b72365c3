"""The versioned clustering configuration (weights, threshold, index sizes).

``params.json`` next to this module is produced by ``veille.cluster.train``
(see docs/measured/quality-clustering.md); its ``version`` is stored with every story
state so a store clustered with older weights can be told apart.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from veille.cluster.merge import MergeModel
from veille.cluster.similarity import Model
from veille.core.settings import Settings

PARAMS_PATH = Path(__file__).with_name("params.json")


@dataclass
class Params:
    version: str = "0-untrained"
    weights: dict[str, float] = field(
        default_factory=lambda: {
            "text": 9.0,
            "title": 2.0,
            "ent": 3.0,
            "num": 1.0,
            "gap": -0.4,
            "size": 0.2,
            "cross": 0.0,
            "emb": 0.0,
            "noemb": 0.0,
        }
    )
    bias: float = -4.0
    threshold: float = 0.5
    merge_threshold: float = 0.5
    max_candidates: int = 10
    posting_cap: int = 40
    index_terms: int = 12
    index_keys: int = 8
    index_nums: int = 4
    query_terms: int = 15
    query_keys: int = 10
    query_nums: int = 5
    # Title words query the index too: a page whose body is mostly site
    # boilerplate still names its event in the title.
    query_title: int = 6
    merge_every: int = 200
    # Stories in no language of the article, nearest by encoder centroid,
    # added to the keyword candidates (the only way to a story told in other
    # languages), above this cosine (below it the cross-language model needs
    # more shared names than such pairs have: see params.json's cross_*).
    vector_candidates: int = 5
    vector_floor: float = 0.4
    # Split pass: a member whose probability of belonging to the rest of its
    # story has fallen below this is moved out (hysteresis: far below the
    # joining threshold, so a split is never undone by the next merge pass).
    split_threshold: float = 0.1
    split_min_size: int = 3
    split_max_size: int = 60
    trained_on: str = ""
    # The model of a cross-language pair with both vectors (encoder cosine,
    # entities, figures; gap and size as in ``weights``). Empty: ``weights``.
    cross_weights: dict[str, float] = field(default_factory=dict)
    cross_bias: float = 0.0
    # The model of a pair sharing a language with both vectors (word signals
    # plus the encoder's). Empty: ``weights``, as for a pair missing a vector.
    vector_weights: dict[str, float] = field(default_factory=dict)
    vector_bias: float = 0.0
    # Merge right after a join (``cluster/merge.py``): the joined story is
    # compared with its ``merge_k`` nearest other stories (word index and
    # encoder centroid, any language) by its own model; 0 turns it off.
    merge_k: int = 0
    merge_weights: dict[str, float] = field(default_factory=dict)
    merge_bias: float = 0.0
    merge_join_threshold: float = 0.5
    notes: dict[str, Any] = field(default_factory=dict)

    def model(self) -> Model:
        cm = (dict(self.cross_weights), self.cross_bias) if self.cross_weights else None
        vm = (dict(self.vector_weights), self.vector_bias) if self.vector_weights else None
        return Model(dict(self.weights), self.bias, self.threshold, cm, vm)

    def merge_model(self) -> MergeModel | None:
        if self.merge_k <= 0 or not self.merge_weights:
            return None
        return MergeModel(dict(self.merge_weights), self.merge_bias, self.merge_join_threshold)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def load_params(path: str | Path | None = None) -> Params:
    path = Path(path or Settings().cluster_params or PARAMS_PATH)
    if not path.exists():
        return Params()
    data = json.loads(path.read_text(encoding="utf-8"))
    known = set(Params.__dataclass_fields__)
    return Params(**{k: v for k, v in data.items() if k in known})


def save_params(params: Params, path: str | Path | None = None) -> Path:
    path = Path(path or PARAMS_PATH)
    path.write_text(json.dumps(params.to_dict(), indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return path
