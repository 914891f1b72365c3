"""Pick the lines of held-out set 16 and the documents of session 21's read
check (session 21; run once, kept for the record).

Set 16 is the session's honest held-out figure: labelled by reading before any
change to the detector, scored once with v16 first (the untuned figure) and
once at the end. Set 15's rule (:mod:`furniture_fresh15`, the loop in
:mod:`furniture_draw`), the same strata and languages: outside every earlier
read check (sessions 9-20, re-drawn by their rules) and outside this
session's read check (``s21read``, drawn first: 10 SemEval texts in en, de,
es, fr, it and 10 PolNeAR texts, never labelled), in salted hash order
(``s21fresh16``): news-clusters pages sets 6 and 8-15 did not draw from (at
most :data:`NC_MOST` segments, every segment no label names), PolNeAR dev and
train texts no labels file names (at most :data:`POL_MOST` segments), SemEval
texts no labels file names (at most :data:`SEM_MOST` segments, a language in
turn).

``--read`` lists the read-check documents; otherwise the candidates (JSONL,
the whole line in ``text``, ``part: fresh16-held-out``) go to stdout.
"""

from __future__ import annotations

import sys

from furniture_draw import Draw, main  # type: ignore[import-not-found]

NC_LINES = 90
NC_MOST = 60
POL_LINES = 70
POL_MOST = 30
SEM_LINES = 110
SEM_MOST = 25
DRAW = Draw(name="fresh16", round=21, read_salt="s21read", salt="s21fresh16",
            nc_lines=NC_LINES, nc_most=NC_MOST,
            nc_drawn_from=("fresh6", "fresh8", "fresh9", "fresh10", "fresh11", "fresh12", "fresh13",
                           "fresh14", "fresh15"),
            pol_lines=POL_LINES, pol_most=POL_MOST, sem_lines=SEM_LINES, sem_most=SEM_MOST,
            sem_langs=("en", "de", "es", "fr", "it", "pl"))

if __name__ == "__main__":
    main(DRAW, sys.argv[1:])
