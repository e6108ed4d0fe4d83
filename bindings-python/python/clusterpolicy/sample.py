"""The embedded synthetic dataset of the South-East Europe programme area (core
``clusterpolicy::sample``): real NUTS 2021 geography and NACE Rev. 2 activities, seeded
synthetic actors, clusters, projects, strategies, observations, evidence and scenarios.

:func:`sample_dataset` without arguments is the default dataset, the same on every call and
on every platform; keyword arguments (``seed``, ``years``, ``concentration``, ``clusters``,
``other_actors``, ``projects``, ``danube_programme``, ``cluster_strategies``, ``evidence``,
``scenarios``) generate a variant.

>>> from clusterpolicy.sample import sample_dataset
>>> ds = sample_dataset()
>>> ds.synthetic, ds.validate().is_valid
(True, True)
>>> sample_dataset(seed=3) == sample_dataset(seed=3)
True
"""

from clusterpolicy._native import sample_dataset

__all__ = ["sample_dataset"]
