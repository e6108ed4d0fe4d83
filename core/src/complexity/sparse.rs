//! Input checks and the sparse form of a binary presence matrix shared by every model of the
//! module.

use ndarray::{Array2, ArrayView2};

use crate::error::{Error, Result};

/// Labels used to name offending cells in errors; `None` names them by position only.
#[derive(Clone, Copy)]
pub(crate) struct Names<'a> {
    pub(crate) rows: Option<&'a [String]>,
    pub(crate) cols: Option<&'a [String]>,
}

impl<'a> Names<'a> {
    pub(crate) fn none() -> Self {
        Self { rows: None, cols: None }
    }

    pub(crate) fn of(rows: &'a [String], cols: &'a [String]) -> Self {
        Self { rows: Some(rows), cols: Some(cols) }
    }

    pub(crate) fn cell(&self, i: usize, j: usize) -> String {
        let r = match self.rows.and_then(|r| r.get(i)) {
            Some(l) => format!("row {i} (`{l}`)"),
            None => format!("row {i}"),
        };
        let c = match self.cols.and_then(|c| c.get(j)) {
            Some(l) => format!("column {j} (`{l}`)"),
            None => format!("column {j}"),
        };
        format!("{r}, {c}")
    }
}

/// Fails unless every value is finite.
pub(crate) fn check_finite(what: &str, values: ArrayView2<'_, f64>, names: Names<'_>) -> Result<()> {
    for ((i, j), v) in values.indexed_iter() {
        if !v.is_finite() {
            return Err(Error::NonFinite { what: what.to_owned(), at: names.cell(i, j) });
        }
    }
    Ok(())
}

/// Fails unless the matrix is non-empty and holds only 0 and 1.
pub(crate) fn check_presence(values: ArrayView2<'_, f64>, names: Names<'_>) -> Result<()> {
    if values.is_empty() {
        return Err(Error::Empty { what: "presence matrix".into() });
    }
    for ((i, j), &v) in values.indexed_iter() {
        if v.is_nan() || v.is_infinite() {
            return Err(Error::NonFinite { what: "presence matrix".into(), at: names.cell(i, j) });
        }
        if v != 0.0 && v != 1.0 {
            return Err(Error::param(
                "presence",
                format!(
                    "must hold only 0 and 1 (binary presence, e.g. specialisation::presence), found {v} at {}",
                    names.cell(i, j)
                ),
            ));
        }
    }
    Ok(())
}

/// A binary region x activity matrix stored twice, by rows (the activities of each region)
/// and by columns (the regions of each activity), with its degrees.
#[derive(Debug, Clone)]
pub(crate) struct Bipartite {
    pub(crate) n_rows: usize,
    pub(crate) n_cols: usize,
    row_ptr: Vec<usize>,
    col_idx: Vec<usize>,
    col_ptr: Vec<usize>,
    row_idx: Vec<usize>,
    /// Diversity: number of activities present in each region.
    pub(crate) diversity: Vec<f64>,
    /// Ubiquity: number of regions where each activity is present.
    pub(crate) ubiquity: Vec<f64>,
}

impl Bipartite {
    /// From a checked 0/1 matrix (any non-zero counts as present).
    pub(crate) fn new(m: ArrayView2<'_, f64>) -> Self {
        let (n_rows, n_cols) = m.dim();
        let mut row_ptr = Vec::with_capacity(n_rows + 1);
        let mut col_idx = Vec::new();
        let mut col_count = vec![0usize; n_cols];
        row_ptr.push(0);
        for row in m.outer_iter() {
            for (j, &v) in row.iter().enumerate() {
                if v != 0.0 {
                    col_idx.push(j);
                    col_count[j] += 1;
                }
            }
            row_ptr.push(col_idx.len());
        }
        let mut col_ptr = Vec::with_capacity(n_cols + 1);
        col_ptr.push(0);
        for c in &col_count {
            col_ptr.push(col_ptr.last().copied().unwrap_or(0) + c);
        }
        let mut fill = col_ptr.clone();
        let mut row_idx = vec![0usize; col_idx.len()];
        for i in 0..n_rows {
            for &j in &col_idx[row_ptr[i]..row_ptr[i + 1]] {
                row_idx[fill[j]] = i;
                fill[j] += 1;
            }
        }
        let diversity = (0..n_rows).map(|i| (row_ptr[i + 1] - row_ptr[i]) as f64).collect();
        let ubiquity = col_count.iter().map(|&c| c as f64).collect();
        Self { n_rows, n_cols, row_ptr, col_idx, col_ptr, row_idx, diversity, ubiquity }
    }

    /// Activities present in region `i`, increasing.
    pub(crate) fn row(&self, i: usize) -> &[usize] {
        &self.col_idx[self.row_ptr[i]..self.row_ptr[i + 1]]
    }

    /// Regions where activity `j` is present, increasing.
    pub(crate) fn col(&self, j: usize) -> &[usize] {
        &self.row_idx[self.col_ptr[j]..self.col_ptr[j + 1]]
    }

    /// The sub-matrix of the given rows and columns (indices increasing).
    pub(crate) fn select(&self, rows: &[usize], cols: &[usize]) -> Self {
        let mut col_map = vec![usize::MAX; self.n_cols];
        for (k, &j) in cols.iter().enumerate() {
            col_map[j] = k;
        }
        let mut dense = Array2::<f64>::zeros((rows.len(), cols.len()));
        for (k, &i) in rows.iter().enumerate() {
            for &j in self.row(i) {
                if col_map[j] != usize::MAX {
                    dense[[k, col_map[j]]] = 1.0;
                }
            }
        }
        Self::new(dense.view())
    }

    /// `out = M x` (one value per region).
    pub(crate) fn mul(&self, x: &[f64], out: &mut [f64]) {
        for (i, o) in out.iter_mut().enumerate() {
            *o = self.row(i).iter().map(|&j| x[j]).sum();
        }
    }

    /// `out = M' y` (one value per activity).
    pub(crate) fn tmul(&self, y: &[f64], out: &mut [f64]) {
        for (j, o) in out.iter_mut().enumerate() {
            *o = self.col(j).iter().map(|&i| y[i]).sum();
        }
    }

    /// Co-occurrence counts `C = M'M` (activities x activities, diagonal = ubiquity),
    /// counted with bit sets: exact integers.
    pub(crate) fn cooccurrence(&self) -> Array2<f64> {
        let words = self.n_rows.div_ceil(64);
        let mut bits = vec![0u64; words * self.n_cols];
        for j in 0..self.n_cols {
            for &i in self.col(j) {
                bits[j * words + i / 64] |= 1u64 << (i % 64);
            }
        }
        let n = self.n_cols;
        let mut c = Array2::<f64>::zeros((n, n));
        let cs = c.as_slice_mut().expect("fresh arrays are contiguous");
        // The upper triangle row by row (sequential writes; rows in parallel under the
        // `parallel` feature: exact counts, the same in any order), then mirrored.
        if n > 0 {
            let counts = Counts { bits: &bits, words, n };
            #[cfg(feature = "parallel")]
            {
                use rayon::prelude::*;
                cs.par_chunks_mut(n).enumerate().for_each(|(a, row)| counts.row(a, row));
            }
            #[cfg(not(feature = "parallel"))]
            cs.chunks_mut(n).enumerate().for_each(|(a, row)| counts.row(a, row));
        }
        for a in 1..n {
            for b in 0..a {
                cs[a * n + b] = cs[b * n + a];
            }
        }
        c
    }
}

/// The bit sets of [`Bipartite::cooccurrence`]: `words` words per activity.
struct Counts<'a> {
    bits: &'a [u64],
    words: usize,
    n: usize,
}

impl Counts<'_> {
    /// Row `a` of the co-occurrence matrix from the diagonal on (`out` holds the whole row).
    fn row(&self, a: usize, out: &mut [f64]) {
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("popcnt") {
            // SAFETY: `row_popcnt` only requires the POPCNT instruction, which the CPU has
            // (checked just above).
            #[allow(unsafe_code)]
            unsafe {
                self.row_popcnt(a, out);
            }
            return;
        }
        self.row_body(a, out);
    }

    /// [`Counts::row_body`] with the POPCNT instruction (the baseline x86-64 counts bits with
    /// a dozen shifts and masks).
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "popcnt")]
    fn row_popcnt(&self, a: usize, out: &mut [f64]) {
        self.row_body(a, out);
    }

    #[allow(clippy::inline_always)] // compiled into each variant with its target features
    #[inline(always)]
    fn row_body(&self, a: usize, out: &mut [f64]) {
        let w = self.words;
        let ba = &self.bits[a * w..(a + 1) * w];
        for (b, o) in out.iter_mut().enumerate().take(self.n).skip(a) {
            let bb = &self.bits[b * w..(b + 1) * w];
            let k: u32 = ba.iter().zip(bb).map(|(x, y)| (x & y).count_ones()).sum();
            *o = f64::from(k);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// POPCNT and the baseline bit count give the same co-occurrence, which is `M'M`.
    #[test]
    fn cooccurrence_is_mtm_with_any_bit_count() {
        let m = Array2::from_shape_fn((150, 23), |(i, j)| if (i * 7 + j * 13) % 5 < 2 { 1.0 } else { 0.0 });
        let b = Bipartite::new(m.view());
        let c = b.cooccurrence();
        assert_eq!(c, m.t().dot(&m));
        let words = b.n_rows.div_ceil(64);
        let mut bits = vec![0u64; words * b.n_cols];
        for j in 0..b.n_cols {
            for &i in b.col(j) {
                bits[j * words + i / 64] |= 1u64 << (i % 64);
            }
        }
        let counts = Counts { bits: &bits, words, n: b.n_cols };
        for a in 0..b.n_cols {
            let (mut x, mut y) = (vec![0.0; b.n_cols], vec![0.0; b.n_cols]);
            counts.row_body(a, &mut x);
            counts.row(a, &mut y);
            assert_eq!(x[a..], c.row(a).as_slice().unwrap()[a..]);
            assert_eq!(x, y);
        }
    }
}
