"""Progress reporting of long computations: a callable, a tqdm bar, or nothing.

The long functions that report progress (`strategy.smaa`, `network.robustness`)
take ``progress``:

* ``None`` (default): a tqdm bar when tqdm is installed (``tqdm.auto``, so a widget in
  Jupyter), shown only when the computation takes longer than half a second; nothing
  otherwise. ``TQDM_DISABLE=1`` in the environment turns the bars off.
* ``False``: no progress at all.
* ``True``: a tqdm bar from the start (tqdm must be installed).
* a callable ``progress(done, total)``: called with the units of work done (samples,
  steps, years), from 0 to ``total``; never concurrently, possibly from a worker thread.
  An exception it raises (``KeyboardInterrupt`` too) stops the reports and is raised when
  the computation returns.

>>> from clusterpolicy._progress import reporter
>>> seen = []
>>> with reporter(lambda done, total: seen.append((done, total)), "demo") as cb:
...     for i in range(3):
...         cb(i + 1, 3)
>>> seen
[(1, 3), (2, 3), (3, 3)]
>>> with reporter(False, "demo") as cb:
...     print(cb)
None
"""

from __future__ import annotations

import contextlib
import importlib
from typing import Any, Callable, Iterator, Optional, Union

__all__ = ["Progress", "ProgressCallback", "reporter"]

#: ``progress(done, total)``.
ProgressCallback = Callable[[int, int], Any]

#: What the ``progress`` argument of a long computation accepts.
Progress = Union[None, bool, ProgressCallback]

#: Seconds before the default bar appears.
DELAY = 0.5


def _tqdm() -> Any:
    try:
        return importlib.import_module("tqdm.auto").tqdm
    except ImportError:
        return None


@contextlib.contextmanager
def reporter(progress: Progress, desc: str) -> Iterator[Optional[ProgressCallback]]:
    """The callback to hand to the native function for ``progress`` (see the module doc);
    closes the tqdm bar, if one was opened, on exit."""
    if progress is False:
        yield None
        return
    if callable(progress):
        yield progress
        return
    tqdm = _tqdm()
    if tqdm is None:
        if progress is True:
            raise ImportError("progress=True needs tqdm (pip install tqdm)")
        yield None
        return
    bar: Any = None
    delay = 0.0 if progress is True else DELAY

    def update(done: int, total: int) -> None:
        nonlocal bar
        if bar is None:
            bar = tqdm(total=total, desc=desc, delay=delay, leave=False)
        bar.update(done - bar.n)

    try:
        yield update
    finally:
        if bar is not None:
            bar.close()
