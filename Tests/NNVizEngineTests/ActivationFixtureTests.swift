import Testing
@testable import NNVizEngine

@Suite struct ActivationFixtureTests {
    /// Forward passes through two layers of each activation (and leaky_relu with slope 0.2), against NumPy (`a @ W + b`, then the activation).
    /// Tolerance 1e-12 relative: NumPy's BLAS may sum the dot products in another order than our k-ascending loop.
    @Test func everyActivationMatchesNumPy() throws {
        let cases = try Fixture.json("forward.json")["cases"] as? [[String: Any]] ?? []
        #expect(cases.count == 16)
        for c in cases {
            let specs = c["layers"] as? [[String: Any]] ?? []
            var layers: [Layer] = []
            for (i, s) in specs.enumerated() {
                let w = try Matrix(Fixture.matrix(s["weights"]))
                let act = try Activation(named: s["activation"] as? String ?? "", source: "forward.json", location: "activation")
                layers.append(try Layer(name: "l\(i)", activation: act, weights: w, bias: Fixture.doubles(s["bias"]),
                                    neuronLabels: (0..<w.cols).map { "n\($0)" }))
            }
            let net = try Network(name: "case", inputLabels: ["a", "b", "c"], layers: layers)
            let x = try Matrix(Fixture.matrix(c["input"]))
            let trace = try net.forward(x)
            let pre = c["pre"] as? [Any] ?? [], post = c["post"] as? [Any] ?? []
            for k in 0..<layers.count {
                let label = "\(c["activation"] ?? "") scale \(c["scale"] ?? "") layer \(k)"
                expectClose(trace.pre[k].data, Fixture.matrix(pre[k]).flatMap { $0 }, label + " pre")
                expectClose(trace.post[k].data, Fixture.matrix(post[k]).flatMap { $0 }, label + " post")
            }
        }
    }
}

/// Checks two equally long lists agree to 1e-12, relative to the larger magnitude (absolute below 1).
func expectClose(_ got: [Double], _ want: [Double], _ label: String, tolerance: Double = 1e-12,
                 sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(got.count == want.count, "\(label): count", sourceLocation: sourceLocation)
    for (i, (g, w)) in zip(got, want).enumerated() {
        let scale = max(1, abs(w))
        #expect(abs(g - w) <= tolerance * scale, "\(label)[\(i)]: \(g) vs \(w)", sourceLocation: sourceLocation)
    }
}
