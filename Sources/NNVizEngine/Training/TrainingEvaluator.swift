#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Measures the loss and accuracy of the current parameters on a whole set of rows, as the NumPy reference does.
///
/// Loss: bce from the logit `mean(max(z, 0) − z·y + log1p(exp(−|z|)))`; ce `−mean(Σ y·log_softmax(z))` with
/// `log_softmax(z) = (z − max z) − log Σ exp(z − max z)`; mse `mean((a − y)²)` over all rows and outputs.
/// Accuracy: the class each row's outputs predict by the network's `DecisionRule` (one output above its activation's
/// `decisionThreshold`, else the arg-max), compared with the row's label.
struct TrainingEvaluator {
    let workspace: BackpropWorkspace
    let loss: Loss
    let rule: DecisionRule

    init(_ p: DenseParameters, rows: Int, loss: Loss) {
        workspace = BackpropWorkspace(p, rows: rows)
        self.loss = loss
        rule = p.template.decisionRule
    }

    /// The loss and accuracy on `rows` (the epoch is left 0 for the caller).
    func measure(_ p: DenseParameters, _ rows: TrainingRows) -> EpochRecord {
        let n = rows.count, k = rows.outputCount
        rows.inputs.withUnsafeBufferPointer { workspace.forward(p, input: $0.baseAddress!, rows: n) }
        let a = workspace.output, z = workspace.outputLogits
        var total = 0.0
        rows.targets.withUnsafeBufferPointer { yb in
            let y = yb.baseAddress!
            switch loss {
            case .bce:
                for r in 0..<n { total += max(z[r], 0) - z[r] * y[r] + log1p(exp(-abs(z[r]))) }
                total /= Double(n)
            case .ce:
                for r in 0..<n {
                    let row = z + r * k
                    var top = -Double.infinity
                    for c in 0..<k { top = max(top, row[c]) }
                    var s = 0.0
                    for c in 0..<k { s += exp(row[c] - top) }
                    let logS = log(s)
                    for c in 0..<k { total += y[r * k + c] * ((row[c] - top) - logS) }
                }
                total = -(total / Double(n))
            case .mse:
                for j in 0..<(n * k) { let d = a[j] - y[j]; total += d * d }
                total /= Double(n * k)
            }
        }
        var correct = 0
        for r in 0..<n where rule.predictedClass(UnsafeBufferPointer(start: a + r * k, count: k)) == rows.labels[r] {
            correct += 1
        }
        return EpochRecord(epoch: 0, loss: total, accuracy: Double(correct) / Double(n))
    }
}
