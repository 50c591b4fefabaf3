/// Rows of inputs with their training targets, in the flat layout the training loop reads.
struct TrainingRows: Sendable {
    /// `count × inputs`, row after row.
    var inputs: [Double]
    /// `count × outputs`: the 0/1 label for one output, one-hot rows for several.
    var targets: [Double]
    var labels: [Int]
    let inputCount: Int
    let outputCount: Int

    var count: Int { labels.count }

    init(_ data: Dataset, outputs: Int) {
        inputCount = data.points.cols
        outputCount = outputs
        inputs = data.points.data
        labels = data.labels
        targets = [Double](repeating: 0, count: data.count * outputs)
        for (r, label) in data.labels.enumerated() {
            if outputs == 1 { targets[r] = Double(label) } else { targets[r * outputs + label] = 1 }
        }
    }

    private init(inputs: [Double], targets: [Double], labels: [Int], inputCount: Int, outputCount: Int) {
        self.inputs = inputs
        self.targets = targets
        self.labels = labels
        self.inputCount = inputCount
        self.outputCount = outputCount
    }

    /// The rows at `indices`, in that order.
    func selecting(_ indices: [Int]) -> TrainingRows {
        var x: [Double] = [], y: [Double] = []
        x.reserveCapacity(indices.count * inputCount)
        y.reserveCapacity(indices.count * outputCount)
        for r in indices {
            x.append(contentsOf: inputs[(r * inputCount)..<((r + 1) * inputCount)])
            y.append(contentsOf: targets[(r * outputCount)..<((r + 1) * outputCount)])
        }
        return TrainingRows(inputs: x, targets: y, labels: indices.map { labels[$0] }, inputCount: inputCount, outputCount: outputCount)
    }
}
