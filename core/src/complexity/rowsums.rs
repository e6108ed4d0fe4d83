//! The density and outlook-gain kernel: for every region, the sums of the rows of the
//! proximity matrix `R` and of `W = diag(scale) R` at the region's present activities.
//!
//! Presence is binary, so the sums run over the present activities only and need no
//! weights. The columns are processed in blocks of [`LANES`]: the accumulators stay in
//! vector registers while the rows of `R` stream through, and the block of `R` stays in
//! cache across regions. Every output value is the sum over the present activities in
//! increasing order, starting from 0, of `R[k, j]` (or of the product `scale_k R[k, j]`),
//! lane by lane: the same operations in the same order whatever the instruction set, the
//! thread count or the block, so the results are bit-identical across machines and runs.
//! On x86-64 the loop is also compiled for AVX2 (without FMA, which would round
//! differently) and chosen at run time. With the `parallel` feature, blocks of regions run
//! on rayon's threads.

use ndarray::ArrayView2;

use super::sparse::Bipartite;

/// Width of a column block.
const LANES: usize = 16;
/// Regions per parallel task.
#[cfg(feature = "parallel")]
const REGIONS_PER_TASK: usize = 8;

/// Present activities of each region in compressed rows (`idx[ptr[i]..ptr[i + 1]]`, increasing).
pub(crate) struct PresentRows {
    ptr: Vec<usize>,
    idx: Vec<u32>,
}

impl PresentRows {
    /// The non-zero columns of each row of `m`.
    pub(crate) fn new(m: ArrayView2<'_, f64>) -> Self {
        let mut ptr = Vec::with_capacity(m.nrows() + 1);
        let mut idx = Vec::new();
        ptr.push(0);
        for row in m.outer_iter() {
            idx.extend(row.iter().enumerate().filter(|(_, x)| **x != 0.0).map(|(k, _)| k as u32));
            ptr.push(idx.len());
        }
        Self { ptr, idx }
    }

    /// The rows of a [`Bipartite`] (no pass over the dense matrix).
    pub(crate) fn of(b: &Bipartite) -> Self {
        let mut ptr = Vec::with_capacity(b.n_rows + 1);
        let mut idx = Vec::new();
        ptr.push(0);
        for i in 0..b.n_rows {
            idx.extend(b.row(i).iter().map(|&k| k as u32));
            ptr.push(idx.len());
        }
        Self { ptr, idx }
    }

    fn rows(&self) -> usize {
        self.ptr.len() - 1
    }

    fn row(&self, i: usize) -> &[u32] {
        &self.idx[self.ptr[i]..self.ptr[i + 1]]
    }
}

/// `(M R, M diag(scale) R)` for the binary `M` given by `present` (regions x activities)
/// and the square `r`, written to `a` and `b` (regions x activities, row-major).
pub(crate) fn present_row_sums(
    present: &PresentRows,
    r: ArrayView2<'_, f64>,
    scale: &[f64],
    a: &mut [f64],
    b: &mut [f64],
) {
    let r = r.as_standard_layout();
    let rs = r.as_slice().expect("standard layout");
    let (n, p) = (present.rows(), r.ncols());
    assert!(a.len() == n * p && b.len() == n * p, "one output value per region and activity");
    if p == 0 {
        return;
    }
    let job = Job { present, rs, p, scale };
    #[cfg(feature = "parallel")]
    {
        use rayon::prelude::*;
        a.par_chunks_mut(REGIONS_PER_TASK * p)
            .zip(b.par_chunks_mut(REGIONS_PER_TASK * p))
            .enumerate()
            .for_each(|(t, (a, b))| job.regions(t * REGIONS_PER_TASK, a, b));
    }
    #[cfg(not(feature = "parallel"))]
    job.regions(0, a, b);
}

/// The inputs of the kernel: `rs` is `R` (rows `k`, `p` columns) in row-major order.
struct Job<'a> {
    present: &'a PresentRows,
    rs: &'a [f64],
    p: usize,
    scale: &'a [f64],
}

impl Job<'_> {
    /// The sums of the regions `first..` whose output rows are `a` and `b` (`p` values each).
    fn regions(&self, first: usize, a: &mut [f64], b: &mut [f64]) {
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: `regions_avx2` only requires AVX2, which the CPU has (checked just above).
            #[allow(unsafe_code)]
            unsafe {
                self.regions_avx2(first, a, b);
            }
            return;
        }
        self.regions_body(first, a, b);
    }

    /// [`Job::regions_body`] compiled for AVX2 (not FMA: products and sums stay separate).
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    fn regions_avx2(&self, first: usize, a: &mut [f64], b: &mut [f64]) {
        self.regions_body(first, a, b);
    }

    // Inlined into each instruction-set variant, so that each compiles the loop for its own
    // target features.
    #[allow(clippy::inline_always)]
    #[inline(always)]
    fn regions_body(&self, first: usize, a: &mut [f64], b: &mut [f64]) {
        let p = self.p;
        for start in (0..p).step_by(LANES) {
            let width = LANES.min(p - start);
            for (t, (ra, rb)) in a.chunks_exact_mut(p).zip(b.chunks_exact_mut(p)).enumerate() {
                let ks = self.present.row(first + t);
                if width == LANES {
                    // Groups of 4 lanes, which the compiler keeps in vector registers.
                    let mut acc = [[0.0f64; 4]; LANES / 4];
                    let mut acc_w = [[0.0f64; 4]; LANES / 4];
                    for &k in ks {
                        let k = k as usize;
                        let at = k * p + start;
                        let (src, _) = self.rs[at..at + LANES].as_chunks::<4>();
                        let s = self.scale[k];
                        for ((x, w), y) in acc.iter_mut().zip(acc_w.iter_mut()).zip(src) {
                            for l in 0..4 {
                                x[l] += y[l];
                                w[l] += s * y[l];
                            }
                        }
                    }
                    ra[start..start + LANES].copy_from_slice(acc.as_flattened());
                    rb[start..start + LANES].copy_from_slice(acc_w.as_flattened());
                } else {
                    let (ra, rb) = (&mut ra[start..start + width], &mut rb[start..start + width]);
                    ra.fill(0.0);
                    rb.fill(0.0);
                    for &k in ks {
                        let k = k as usize;
                        let s = self.scale[k];
                        for ((x, w), y) in
                            ra.iter_mut().zip(rb.iter_mut()).zip(&self.rs[k * p + start..k * p + start + width])
                        {
                            *x += y;
                            *w += s * y;
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::Array2;

    /// The loop as compiled for the baseline target and the one chosen at run time (AVX2 on
    /// most x86-64 machines) give the same bits, and so do both against a plain double loop.
    #[test]
    fn every_build_of_the_loop_gives_the_same_bits() {
        let mut s: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = || {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            (s >> 11) as f64 / (1u64 << 53) as f64
        };
        for (n, m) in [(13, 37), (9, 16), (20, 5), (7, 64)] {
            let presence = Array2::from_shape_fn((n, m), |_| if next() < 0.4 { 1.0 } else { 0.0 });
            let r = Array2::from_shape_fn((m, m), |_| next());
            let scale: Vec<f64> = (0..m).map(|_| next() - 0.5).collect();
            let present = PresentRows::new(presence.view());
            let (mut a, mut b) = (vec![f64::NAN; n * m], vec![f64::NAN; n * m]);
            present_row_sums(&present, r.view(), &scale, &mut a, &mut b);
            let rs = r.as_slice().unwrap();
            let job = Job { present: &present, rs, p: m, scale: &scale };
            let (mut a0, mut b0) = (vec![f64::NAN; n * m], vec![f64::NAN; n * m]);
            job.regions_body(0, &mut a0, &mut b0);
            let (mut a1, mut b1) = (vec![f64::NAN; n * m], vec![f64::NAN; n * m]);
            job.regions(0, &mut a1, &mut b1);
            for i in 0..n {
                for j in 0..m {
                    let (mut x, mut y) = (0.0f64, 0.0f64);
                    for k in (0..m).filter(|&k| presence[[i, k]] == 1.0) {
                        x += r[[k, j]];
                        y += scale[k] * r[[k, j]];
                    }
                    let at = i * m + j;
                    for (got, want) in [(a[at], x), (a0[at], x), (a1[at], x), (b[at], y), (b0[at], y), (b1[at], y)] {
                        assert_eq!(got.to_bits(), want.to_bits(), "{n} x {m}, cell {i}, {j}");
                    }
                }
            }
        }
    }
}
