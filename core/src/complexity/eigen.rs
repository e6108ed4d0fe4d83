//! The second eigenvector of the country-product random walk, by a symmetric formulation.
//!
//! `Mpp = U^-1 M' D^-1 M` (activities) and `Mcc = D^-1 M U^-1 M'` (regions) are similar to
//! the symmetric positive semi-definite matrices `Sp = U^-1/2 M' D^-1 M U^-1/2` and
//! `Sc = D^-1/2 M U^-1 M' D^-1/2`, whose top eigenvalue is 1 with the known eigenvectors
//! `sqrt(u)` and `sqrt(d)`. We work on the smaller side without forming the matrix (each
//! product costs two passes over the present cells), project the known eigenvector out and
//! find the largest remaining eigenpair by Lanczos with full re-orthogonalisation and
//! explicit restarts (the small tridiagonal problems are solved by nalgebra's
//! `SymmetricEigen`). Below [`DENSE_LIMIT`] the symmetric matrix is formed and solved densely.

use nalgebra::{DMatrix, DVector, SymmetricEigen};

use super::sparse::Bipartite;
use crate::error::{Error, Result};

/// Sides up to this size are solved with a dense symmetric eigendecomposition.
const DENSE_LIMIT: usize = 40;
/// Lanczos converges when the residual norm of the Ritz pair is below this.
const TOL: f64 = 1e-14;

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

fn norm(a: &[f64]) -> f64 {
    dot(a, a).sqrt()
}

fn axpy(alpha: f64, x: &[f64], y: &mut [f64]) {
    for (yi, xi) in y.iter_mut().zip(x) {
        *yi += alpha * xi;
    }
}

/// A deterministic start vector with no special structure.
fn start_vector(n: usize) -> Vec<f64> {
    let mut s: u64 = 0x9E37_79B9_7F4A_7C15;
    (0..n)
        .map(|_| {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            (s >> 11) as f64 / (1u64 << 53) as f64 + 0.5
        })
        .collect()
}

/// The largest eigenpair of the symmetric operator `op` restricted to the complement of the
/// unit vector `known` (an eigenvector of `op`). Returns `(eigenvalue, unit eigenvector)`.
pub(crate) fn top_deflated(n: usize, op: &dyn Fn(&[f64], &mut [f64]), known: &[f64]) -> Result<(f64, Vec<f64>)> {
    if n < 2 {
        return Err(Error::Empty { what: "complexity: at least two regions and two activities are needed".into() });
    }
    if n <= DENSE_LIMIT {
        return Ok(dense_deflated(n, op, known));
    }
    let max_dim = n - 1;
    let mut m = 40.min(max_dim);
    let mut q0 = start_vector(n);
    let mut w = vec![0.0; n];
    for _restart in 0..60 {
        // Orthogonalise the start vector against the known eigenvector.
        let c = dot(&q0, known);
        axpy(-c, known, &mut q0);
        let nq = norm(&q0);
        if nq == 0.0 {
            q0 = start_vector(n);
            continue;
        }
        q0.iter_mut().for_each(|x| *x /= nq);
        let mut basis: Vec<Vec<f64>> = vec![q0.clone()];
        let mut alpha: Vec<f64> = Vec::with_capacity(m);
        let mut beta: Vec<f64> = Vec::with_capacity(m);
        let mut invariant = false;
        for j in 0..m {
            op(&basis[j], &mut w);
            let a = dot(&basis[j], &w);
            alpha.push(a);
            // Full re-orthogonalisation, twice ("twice is enough"), including the known vector.
            for _ in 0..2 {
                let c = dot(known, &w);
                axpy(-c, known, &mut w);
                for q in &basis {
                    let c = dot(q, &w);
                    axpy(-c, q, &mut w);
                }
            }
            let b = norm(&w);
            if j + 1 == m {
                beta.push(b);
                break;
            }
            if b <= 1e-13 * (a.abs() + alpha.iter().map(|x| x.abs()).fold(0.0, f64::max)).max(1e-300) {
                beta.push(0.0);
                invariant = true;
                break;
            }
            beta.push(b);
            basis.push(w.iter().map(|x| x / b).collect());
        }
        let k = alpha.len();
        let mut t = DMatrix::<f64>::zeros(k, k);
        for i in 0..k {
            t[(i, i)] = alpha[i];
            if i + 1 < k {
                t[(i, i + 1)] = beta[i];
                t[(i + 1, i)] = beta[i];
            }
        }
        let eig = SymmetricEigen::new(t);
        let (top, theta) = eig
            .eigenvalues
            .iter()
            .copied()
            .enumerate()
            .fold((0, f64::NEG_INFINITY), |acc, (i, v)| if v > acc.1 { (i, v) } else { acc });
        let y = eig.eigenvectors.column(top);
        let mut x = vec![0.0; n];
        for (i, q) in basis.iter().enumerate() {
            axpy(y[i], q, &mut x);
        }
        let nx = norm(&x);
        x.iter_mut().for_each(|v| *v /= nx);
        let residual = if invariant { 0.0 } else { beta[k - 1] * y[k - 1].abs() };
        if invariant || residual <= TOL * theta.abs().max(1.0) || k >= max_dim {
            return Ok((theta, x));
        }
        q0 = x;
        m = (m * 2).min(max_dim);
    }
    Err(Error::param("complexity", "the second eigenvector did not converge in 60 Lanczos restarts"))
}

/// Dense version of [`top_deflated`] for small sides.
fn dense_deflated(n: usize, op: &dyn Fn(&[f64], &mut [f64]), known: &[f64]) -> (f64, Vec<f64>) {
    let mut s = DMatrix::<f64>::zeros(n, n);
    let mut e = vec![0.0; n];
    let mut col = vec![0.0; n];
    for j in 0..n {
        e.iter_mut().for_each(|x| *x = 0.0);
        e[j] = 1.0;
        op(&e, &mut col);
        for i in 0..n {
            s[(i, j)] = col[i];
        }
    }
    // Deflate: S - lambda1 v v' with lambda1 = v'Sv, then symmetrise.
    let v = DVector::from_column_slice(known);
    let l1 = (v.transpose() * &s * &v)[(0, 0)];
    let mut s = s - (&v * v.transpose()) * l1;
    s = (&s + s.transpose()) * 0.5;
    let eig = SymmetricEigen::new(s);
    let (top, theta) = eig
        .eigenvalues
        .iter()
        .copied()
        .enumerate()
        .fold((0, f64::NEG_INFINITY), |acc, (i, v)| if v > acc.1 { (i, v) } else { acc });
    let x: Vec<f64> = eig.eigenvectors.column(top).iter().copied().collect();
    (theta, x)
}

/// The eigenvector of `Mpp = U^-1 M' D^-1 M` for its second largest eigenvalue (the raw
/// product complexity, up to scale and sign) and that eigenvalue. Every region and activity
/// of `b` must have a positive degree.
pub(crate) fn second_product_eigenvector(b: &Bipartite) -> Result<(f64, Vec<f64>)> {
    let (nr, nc) = (b.n_rows, b.n_cols);
    let d = &b.diversity;
    let u = &b.ubiquity;
    if nc <= nr {
        // Sp z = U^-1/2 M' D^-1 M U^-1/2 z; known eigenvector sqrt(u).
        let su: Vec<f64> = u.iter().map(|x| x.sqrt()).collect();
        let op = |z: &[f64], out: &mut [f64]| {
            let x: Vec<f64> = z.iter().zip(&su).map(|(a, s)| a / s).collect();
            let mut y = vec![0.0; nr];
            b.mul(&x, &mut y);
            y.iter_mut().zip(d).for_each(|(a, di)| *a /= di);
            b.tmul(&y, out);
            out.iter_mut().zip(&su).for_each(|(a, s)| *a /= s);
        };
        let nk = norm(&su);
        let known: Vec<f64> = su.iter().map(|x| x / nk).collect();
        let (lambda, z) = top_deflated(nc, &op, &known)?;
        Ok((lambda, z.iter().zip(&su).map(|(a, s)| a / s).collect()))
    } else {
        // Sc y = D^-1/2 M U^-1 M' D^-1/2 y; known eigenvector sqrt(d); kp = U^-1 M' D^-1/2 y.
        let sd: Vec<f64> = d.iter().map(|x| x.sqrt()).collect();
        let op = |z: &[f64], out: &mut [f64]| {
            let x: Vec<f64> = z.iter().zip(&sd).map(|(a, s)| a / s).collect();
            let mut y = vec![0.0; nc];
            b.tmul(&x, &mut y);
            y.iter_mut().zip(u).for_each(|(a, ui)| *a /= ui);
            b.mul(&y, out);
            out.iter_mut().zip(&sd).for_each(|(a, s)| *a /= s);
        };
        let nk = norm(&sd);
        let known: Vec<f64> = sd.iter().map(|x| x / nk).collect();
        let (lambda, y) = top_deflated(nr, &op, &known)?;
        let kc: Vec<f64> = y.iter().zip(&sd).map(|(a, s)| a / s).collect();
        let mut kp = vec![0.0; nc];
        b.tmul(&kc, &mut kp);
        kp.iter_mut().zip(u).for_each(|(a, ui)| *a /= ui);
        Ok((lambda, kp))
    }
}

/// The right eigenvector of the (non-symmetric) matrix `a` whose eigenvalue is nearest
/// `shift`, by inverse iteration from `start`. Returned with unit norm.
pub(crate) fn inverse_iteration(a: &DMatrix<f64>, shift: f64, start: &[f64]) -> Result<Vec<f64>> {
    let n = a.nrows();
    let mut shifted = a.clone();
    // A shift exactly on an eigenvalue makes the matrix singular: nudge it.
    let nudge = 1e-10 * (1.0 + shift.abs());
    for i in 0..n {
        shifted[(i, i)] -= shift + nudge;
    }
    let lu = shifted.lu();
    let mut x = DVector::from_column_slice(start);
    let nx = x.norm();
    x /= nx;
    for _ in 0..100 {
        let mut y =
            lu.solve(&x).ok_or_else(|| Error::param("complexity", "singular matrix in the eigenvector refinement"))?;
        let ny = y.norm();
        y /= ny;
        if y.dot(&x) < 0.0 {
            y = -y;
        }
        let change = (&y - &x).amax();
        x = y;
        if change < 1e-15 {
            break;
        }
    }
    Ok(x.iter().copied().collect())
}
