//! Progress reporting for long computations (SMAA, robustness curves, ...).
//!
//! A long computation has a `..._with_progress` variant that takes a `&dyn` [`Progress`]
//! and reports `(done, total)` in its own units of work (samples, steps, years); the plain
//! function is the same computation with [`Silent`]. Reports are serialised and `done` never
//! decreases, even when the work runs on several threads; the first report is `(0, total)`
//! and the last `(total, total)` when the computation succeeds. Reporting never changes a
//! result. The bindings turn a Python callable (or a tqdm bar) into a [`Progress`].
//!
//! Any `Fn(usize, usize) + Sync` closure is a [`Progress`]:
//!
//! ```
//! use std::sync::Mutex;
//! use clusterpolicy::ndarray::array;
//! use clusterpolicy::strategy::{CriterionType::Benefit, SmaaParams, smaa, smaa_with_progress};
//!
//! let x = array![[1.0, 0.0], [0.0, 1.0], [0.6, 0.6]];
//! let p = SmaaParams { samples: 5000, ..SmaaParams::default() };
//! let seen = Mutex::new(Vec::new());
//! let r = smaa_with_progress(x.view(), &[Benefit, Benefit], &p, &|done, total| {
//!     seen.lock().unwrap().push((done, total));
//! })?;
//! assert_eq!(r, smaa(x.view(), &[Benefit, Benefit], &p)?); // the same result
//! let seen = seen.into_inner().unwrap();
//! assert_eq!((seen[0], *seen.last().unwrap()), ((0, 5000), (5000, 5000)));
//! assert!(seen.windows(2).all(|w| w[0].0 <= w[1].0));
//! # Ok::<(), clusterpolicy::Error>(())
//! ```

use std::sync::Mutex;

/// Receives the progress of a long computation: `done` of `total` units of work.
///
/// Implemented for every `Fn(usize, usize) + Sync` closure. Calls are serialised (never
/// concurrent) and `done` never decreases, but they may come from a worker thread.
pub trait Progress: Sync {
    /// `done` of `total` units of work are complete.
    fn report(&self, done: usize, total: usize);
}

impl<F: Fn(usize, usize) + Sync> Progress for F {
    fn report(&self, done: usize, total: usize) {
        self(done, total);
    }
}

/// Reports nothing: what the functions without `_with_progress` use.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Silent;

impl Progress for Silent {
    fn report(&self, _done: usize, _total: usize) {}
}

/// A thread-safe running count over a [`Progress`]: reports `(0, total)` when created and
/// the running total on each [`Counter::add`], serialised by a lock.
pub(crate) struct Counter<'a> {
    progress: &'a dyn Progress,
    total: usize,
    done: Mutex<usize>,
}

impl<'a> Counter<'a> {
    /// Starts counting `total` units, reporting `(0, total)`.
    pub(crate) fn new(progress: &'a dyn Progress, total: usize) -> Self {
        progress.report(0, total);
        Self { progress, total, done: Mutex::new(0) }
    }

    /// Adds `k` units done and reports the running total (at most `total`).
    pub(crate) fn add(&self, k: usize) {
        let mut done = self.done.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        *done = (*done + k).min(self.total);
        self.progress.report(*done, self.total);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counter_reports_a_nondecreasing_running_total_capped_at_total() {
        let seen = Mutex::new(Vec::new());
        let record = |d: usize, t: usize| seen.lock().unwrap().push((d, t));
        let c = Counter::new(&record, 10);
        std::thread::scope(|s| {
            for _ in 0..4 {
                s.spawn(|| {
                    for _ in 0..3 {
                        c.add(1);
                    }
                });
            }
        });
        let seen = seen.into_inner().unwrap();
        assert_eq!(seen.len(), 13);
        assert_eq!(seen[0], (0, 10));
        assert!(seen.windows(2).all(|w| w[0].0 <= w[1].0));
        assert_eq!(*seen.last().unwrap(), (10, 10));
        Silent.report(1, 2);
    }
}
