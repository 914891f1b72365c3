"""Time expressions in news text, resolved against the article date.

Why a grammar of our own: the libraries at hand either parse one string that
is already known to be a date (``dateparser.parse``) or search free text
with far too many false hits and no notion of an imprecise reference
(``dateparser.search.search_dates`` turns "mai" in "Mai 68" or "été" in
"a été" into dates and always needs a single reference *day*). News articles
are often dated to the month only (the seeds: ``2023-06``), so every relative
expression must be resolved against a *range* of possible reference days and
keep that uncertainty. The modules, in the order a text goes through them:

- :mod:`.fold`: an accent-folded, lower-case copy of the text (same length,
  so offsets carry over), which the grammar scans;
- :mod:`.lexicon`: the words, from the language packs (``veille.lang``);
- :mod:`.rules`: one regex rule per form ("day_month", "relative_day", ...);
- :mod:`.accept`: filters a regex cannot express cheaply (names, ages, counts);
- :mod:`.candidates`: scan, keep the longest non-overlapping candidates;
- :mod:`.tense`: the tense of the governing verb (past/future cues);
- :mod:`.resolve` and :mod:`.calendar`: a candidate against one reference day;
- :mod:`.merge`: the per-day resolutions merged, uncertainty kept;
- :mod:`.extract`: :func:`extract_times`, the entry point.

``dateparser`` is used where it is good: to parse fully specified numeric
dates (12/05/2023, 2023-05-12) with the language's day/month order.

A language veille has no time words for gets numeric dates only, never
another language's words. Other rules worth knowing are in :mod:`.resolve`
and docs/measured/quality-time.md; "N ans" after a name and a comma ("Poutine, 70
ans,") or after "âgé de" is an age, not a time expression (it is kept as a
quantity instead); "depuis <event>" is not a date: only calendar words make
a time expression.
"""

from __future__ import annotations

from veille.analyze.temporal.extract import extract_times, sentence_index
from veille.analyze.temporal.fold import fold_same_length

__all__ = ["extract_times", "fold_same_length", "sentence_index"]
