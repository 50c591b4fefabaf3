/// The three small matrix products of training, over raw row-major buffers, eight columns at a time in registers.
///
/// Every sum keeps the order of the plain loops it replaces (from 0, adding term after term along the summed index),
/// so vectorising across the other index changes no bit: `affine` sums over k, `gradient` over rows,
/// `backProject` over the layer's outputs. Four independent sums share each load of the other operand (four rows,
/// or four weight rows), so that their additions overlap instead of waiting on one another; columns left over from
/// the blocks of eight are summed the same way, one scalar at a time. Swift never fuses a multiply and an add.
enum DenseKernels {
    @inline(__always)
    static func load8(_ p: UnsafePointer<Double>) -> SIMD8<Double> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD8<Double>.self)
    }

    @inline(__always)
    static func store8(_ v: SIMD8<Double>, _ p: UnsafeMutablePointer<Double>) {
        UnsafeMutableRawPointer(p).storeBytes(of: v, as: SIMD8<Double>.self)
    }

    /// `out = x @ w + b` for `rows` rows: `out[r, c] = (Σ_k x[r, k]·w[k, c]) + b[c]`, x `rows × fanIn`,
    /// w `fanIn × fanOut`, out `rows × fanOut`.
    static func affine(_ x: UnsafePointer<Double>, rows: Int, fanIn: Int, _ w: UnsafePointer<Double>,
                       _ b: UnsafePointer<Double>, fanOut: Int, into out: UnsafeMutablePointer<Double>) {
        let blocks = fanOut & ~7
        var r = 0
        while r &+ 4 <= rows {
            let x0 = x + r &* fanIn, x1 = x0 + fanIn, x2 = x1 + fanIn, x3 = x2 + fanIn
            let row = out + r &* fanOut
            var c = 0
            while c < blocks {
                var a0 = SIMD8<Double>(repeating: 0), a1 = a0, a2 = a0, a3 = a0
                for k in 0..<fanIn {
                    let wk = load8(w + (k &* fanOut &+ c))
                    a0 += SIMD8(repeating: x0[k]) * wk
                    a1 += SIMD8(repeating: x1[k]) * wk
                    a2 += SIMD8(repeating: x2[k]) * wk
                    a3 += SIMD8(repeating: x3[k]) * wk
                }
                let bc = load8(b + c)
                store8(a0 + bc, row + c)
                store8(a1 + bc, row + (fanOut &+ c))
                store8(a2 + bc, row + (2 &* fanOut &+ c))
                store8(a3 + bc, row + (3 &* fanOut &+ c))
                c &+= 8
            }
            r &+= 4
        }
        while r < rows {
            let xr = x + r &* fanIn, row = out + r &* fanOut
            var c = 0
            while c < blocks {
                var acc = SIMD8<Double>(repeating: 0)
                for k in 0..<fanIn { acc += SIMD8(repeating: xr[k]) * load8(w + (k &* fanOut &+ c)) }
                store8(acc + load8(b + c), row + c)
                c &+= 8
            }
            r &+= 1
        }
        guard blocks < fanOut else { return }
        for c in blocks..<fanOut {
            var r = 0
            while r + 4 <= rows {
                let x0 = x + r * fanIn, x1 = x0 + fanIn, x2 = x1 + fanIn, x3 = x2 + fanIn
                var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
                for k in 0..<fanIn {
                    let wk = w[k * fanOut + c]
                    s0 += x0[k] * wk; s1 += x1[k] * wk; s2 += x2[k] * wk; s3 += x3[k] * wk
                }
                let o = out + r * fanOut + c
                o[0] = s0 + b[c]; o[fanOut] = s1 + b[c]; o[2 * fanOut] = s2 + b[c]; o[3 * fanOut] = s3 + b[c]
                r += 4
            }
            while r < rows {
                var s = 0.0
                for k in 0..<fanIn { s += x[r * fanIn + k] * w[k * fanOut + c] }
                out[r * fanOut + c] = s + b[c]
                r += 1
            }
        }
    }

    /// `gw = xᵀ @ d` and `gb = Σ_rows d` for `rows` rows: `gw[q, c] = Σ_r x[r, q]·d[r, c]`, x `rows × fanIn`,
    /// d `rows × fanOut`.
    static func gradient(_ x: UnsafePointer<Double>, _ d: UnsafePointer<Double>, rows: Int, fanIn: Int, fanOut: Int,
                         weights gw: UnsafeMutablePointer<Double>, biases gb: UnsafeMutablePointer<Double>) {
        let blocks = fanOut & ~7
        var c = 0
        while c < blocks {
            var q = 0
            while q &+ 4 <= fanIn {
                var a0 = SIMD8<Double>(repeating: 0), a1 = a0, a2 = a0, a3 = a0
                for r in 0..<rows {
                    let dr = load8(d + (r &* fanOut &+ c)), xr = x + (r &* fanIn &+ q)
                    a0 += SIMD8(repeating: xr[0]) * dr
                    a1 += SIMD8(repeating: xr[1]) * dr
                    a2 += SIMD8(repeating: xr[2]) * dr
                    a3 += SIMD8(repeating: xr[3]) * dr
                }
                let g = gw + (q &* fanOut &+ c)
                store8(a0, g)
                store8(a1, g + fanOut)
                store8(a2, g + 2 &* fanOut)
                store8(a3, g + 3 &* fanOut)
                q &+= 4
            }
            while q < fanIn {
                var acc = SIMD8<Double>(repeating: 0)
                for r in 0..<rows { acc += SIMD8(repeating: x[r &* fanIn &+ q]) * load8(d + (r &* fanOut &+ c)) }
                store8(acc, gw + (q &* fanOut &+ c))
                q &+= 1
            }
            var acc = SIMD8<Double>(repeating: 0)
            for r in 0..<rows { acc += load8(d + (r &* fanOut &+ c)) }
            store8(acc, gb + c)
            c &+= 8
        }
        while c < fanOut {
            var q = 0
            while q + 4 <= fanIn {
                var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
                for r in 0..<rows {
                    let dv = d[r * fanOut + c], xr = x + r * fanIn + q
                    s0 += xr[0] * dv; s1 += xr[1] * dv; s2 += xr[2] * dv; s3 += xr[3] * dv
                }
                let g = gw + q * fanOut + c
                g[0] = s0; g[fanOut] = s1; g[2 * fanOut] = s2; g[3 * fanOut] = s3
                q += 4
            }
            while q < fanIn {
                var s = 0.0
                for r in 0..<rows { s += x[r * fanIn + q] * d[r * fanOut + c] }
                gw[q * fanOut + c] = s
                q += 1
            }
            var s = 0.0
            for r in 0..<rows { s += d[r * fanOut + c] }
            gb[c] = s
            c += 1
        }
    }

    /// `out = d @ wᵀ` for `rows` rows: `out[r, q] = Σ_c d[r, c]·w[q, c]`, d `rows × fanOut`, w `fanIn × fanOut`
    /// (`wt` is scratch for its transpose, `fanOut × fanIn`), out `rows × fanIn`.
    static func backProject(_ d: UnsafePointer<Double>, rows: Int, _ w: UnsafePointer<Double>, fanIn: Int, fanOut: Int,
                            scratch wt: UnsafeMutablePointer<Double>, into out: UnsafeMutablePointer<Double>) {
        for q in 0..<fanIn {
            for c in 0..<fanOut { wt[c * fanIn + q] = w[q * fanOut + c] }
        }
        let blocks = fanIn & ~7
        var r = 0
        while r &+ 4 <= rows {
            let d0 = d + r &* fanOut, d1 = d0 + fanOut, d2 = d1 + fanOut, d3 = d2 + fanOut
            let row = out + r &* fanIn
            var q = 0
            while q < blocks {
                var a0 = SIMD8<Double>(repeating: 0), a1 = a0, a2 = a0, a3 = a0
                for c in 0..<fanOut {
                    let wc = load8(wt + (c &* fanIn &+ q))
                    a0 += SIMD8(repeating: d0[c]) * wc
                    a1 += SIMD8(repeating: d1[c]) * wc
                    a2 += SIMD8(repeating: d2[c]) * wc
                    a3 += SIMD8(repeating: d3[c]) * wc
                }
                store8(a0, row + q)
                store8(a1, row + (fanIn &+ q))
                store8(a2, row + (2 &* fanIn &+ q))
                store8(a3, row + (3 &* fanIn &+ q))
                q &+= 8
            }
            r &+= 4
        }
        while r < rows {
            let dr = d + r &* fanOut, row = out + r &* fanIn
            var q = 0
            while q < blocks {
                var acc = SIMD8<Double>(repeating: 0)
                for c in 0..<fanOut { acc += SIMD8(repeating: dr[c]) * load8(wt + (c &* fanIn &+ q)) }
                store8(acc, row + q)
                q &+= 8
            }
            r &+= 1
        }
        guard blocks < fanIn else { return }
        for r in 0..<rows {
            let dr = d + r &* fanOut, row = out + r &* fanIn
            for q in blocks..<fanIn {
                var s = 0.0
                for c in 0..<fanOut { s += dr[c] * wt[c &* fanIn &+ q] }
                row[q] = s
            }
        }
    }
}
