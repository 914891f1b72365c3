"""Pick the lines of held-out set 13 and the documents of session 18's read
check (session 18; run once, kept for the record).

Set 13 is the session's honest held-out figure: labelled by reading before any
change to the detector and scored once with v13 first. Set 12's rule
(:mod:`furniture_fresh12`) with PolNeAR added and SemEval in en, de, es, fr
(the brief's strata): outside every earlier read check (sessions 9-17,
re-drawn by their rules) and outside this session's read check
(``s18read``, drawn first: 10 SemEval texts in en, de, es, fr, it and 10
PolNeAR texts, never labelled), in salted hash order (``s18fresh13``):

- news-clusters: the articles sets 6 and 8-12 did not draw from, of at most
  :data:`NC_MOST` segments, every segment no label names, up to
  :data:`NC_LINES`;
- PolNeAR dev and train: texts no labels file names, of at most
  :data:`POL_MOST` segments, every segment, up to :data:`POL_LINES`;
- SemEval: texts no labels file names, of at most :data:`SEM_MOST` segments
  in en, de, es, fr (a language in turn), every segment, up to
  :data:`SEM_LINES`.

The loop is :mod:`furniture_draw`'s (session 19); this file keeps the draw's
parameters. Writes the candidates (JSONL, the whole line in ``text``, ``part:
fresh13-held-out``) to stdout; ``--read`` lists the read-check documents.
"""

from __future__ import annotations

import sys

from furniture_draw import Draw, main  # type: ignore[import-not-found]
from furniture_fresh8 import LANGS4  # type: ignore[import-not-found]

NC_LINES = 90
NC_MOST = 60
POL_LINES = 70
POL_MOST = 30
SEM_LINES = 110
SEM_MOST = 25
DRAW = Draw(name="fresh13", round=18, read_salt="s18read", salt="s18fresh13",
            nc_lines=NC_LINES, nc_most=NC_MOST,
            nc_drawn_from=("fresh6", "fresh8", "fresh9", "fresh10", "fresh11", "fresh12"),
            pol_lines=POL_LINES, pol_most=POL_MOST, sem_lines=SEM_LINES, sem_most=SEM_MOST,
            sem_langs=LANGS4)

if __name__ == "__main__":
    main(DRAW, sys.argv[1:])
