"""Stories: online, incremental clustering of articles (issue #4).

Public entry points:

* :func:`veille.cluster.service.cluster_pending` -- assign unassigned articles in the store
  (called by ``veille ingest``; ``rebuild=True`` reclusters everything).
* :class:`veille.cluster.online.OnlineClusterer` -- the store-free streaming assigner.
* :func:`veille.cluster.features.build_features` -- what clustering knows of an article.
* :func:`veille.cluster.bcubed.bcubed` -- B-cubed precision / recall / F1.
* :func:`veille.cluster.evaluate.evaluate_rows` -- in-memory evaluation on labelled rows.
* :func:`veille.cluster.semeval.evaluate_pairs` -- SemEval-2022 Task 8 pair correlation.
* ``python -m veille.cluster.train FILE.jsonl [--save|--sensitivity]`` -- learn the weights.
* :mod:`veille.cluster.repository` -- the store queries (stories listing for the CLI).
"""
