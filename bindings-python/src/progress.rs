//! A Python progress callback as a core [`Progress`] (see `clusterpolicy::progress`).
//!
//! The long computations take `progress`: `None` or a callable `progress(done, total)`. The
//! facade passes a tqdm bar's updater here when tqdm is installed. The callback runs with
//! the GIL taken for the call only (the computation itself runs without it), possibly on a
//! worker thread, never concurrently. When it raises (a `KeyboardInterrupt` too, checked at
//! each report), later reports are skipped and the exception is raised when the
//! computation returns.

use std::sync::Mutex;

use clusterpolicy::progress::Progress;
use pyo3::prelude::*;

/// A Python callable `(done, total) -> None` as a [`Progress`], remembering its first error.
pub(crate) struct PyProgress {
    callback: Option<Py<PyAny>>,
    error: Mutex<Option<PyErr>>,
}

impl PyProgress {
    /// Wraps `callback` (`None` reports nothing).
    pub(crate) fn new(callback: Option<Py<PyAny>>) -> Self {
        Self { callback: callback.filter(|c| Python::attach(|py| !c.is_none(py))), error: Mutex::new(None) }
    }

    /// Returns `value`, or the first exception raised by the callback.
    pub(crate) fn finish<T>(self, value: T) -> PyResult<T> {
        match self.error.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner) {
            Some(e) => Err(e),
            None => Ok(value),
        }
    }
}

impl Progress for PyProgress {
    fn report(&self, done: usize, total: usize) {
        let Some(callback) = &self.callback else { return };
        let mut error = self.error.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if error.is_some() {
            return;
        }
        if let Err(e) = Python::attach(|py| callback.call1(py, (done, total)).and_then(|_| py.check_signals())) {
            *error = Some(e);
        }
    }
}
