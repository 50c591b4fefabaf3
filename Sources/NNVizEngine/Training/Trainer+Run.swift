#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NNVizSystem

extension Trainer {
    /// Trains for `options.epochs` epochs from `network`, calling `progress` with each epoch's record (epoch 0
    /// first). A loss that becomes NaN or infinite stops training with the epoch it happened at.
    public func run(progress: (EpochRecord) -> Void = { _ in }) throws(NNVizError) -> TrainingResult {
        var params = DenseParameters(network)
        let n = train.count
        let batch = min(options.batchSize ?? n, n)
        let shuffled = batch < n
        let step = BackpropWorkspace(params, rows: batch)
        let evaluator = TrainingEvaluator(params, rows: max(n, validation?.count ?? 0), loss: loss)
        var update = ParameterUpdate(params, options: options)
        var rng = self.rng
        let wanted = Set(options.snapshots)
        var snapshots: [TrainingSnapshot] = []
        var history: [EpochRecord] = []
        history.reserveCapacity(options.epochs + 1)
        let inX = train.inputCount, outY = train.outputCount
        var batchX = [Double](repeating: 0, count: batch * inX)
        var batchY = [Double](repeating: 0, count: batch * outY)

        func record(_ epoch: Int) throws(NNVizError) {
            var r = evaluator.measure(params, train)
            if let validation {
                let v = evaluator.measure(params, validation)
                r.validationLoss = v.loss
                r.validationAccuracy = v.accuracy
            }
            r.epoch = epoch
            for value in [r.loss, r.validationLoss ?? 0] where !value.isFinite {
                let what = value.isNaN ? "NaN" : "infinite"
                guard epoch > 0 else {
                    throw NNVizError(source, "epoch 0", "the untrained network's loss is \(what); its outputs overflow on this data (scale the inputs down)")
                }
                throw NNVizError(source, "epoch \(epoch)",
                                 "the loss became \(what) and training stopped; lower \(Setting.learningRate) (now \(options.learningRate))")
            }
            history.append(r)
            if wanted.contains(epoch) { snapshots.append(TrainingSnapshot(epoch: epoch, network: params.network())) }
            progress(r)
        }

        try record(0)
        guard options.epochs > 0 else { return TrainingResult(network: params.network(), history: history, snapshots: snapshots, loss: loss) }
        for epoch in 1...options.epochs {
            if shuffled {
                let order = rng.permutation(n)
                var start = 0
                while start < n {
                    let m = min(batch, n - start)
                    for (j, r) in order[start..<(start + m)].enumerated() {
                        for c in 0..<inX { batchX[j * inX + c] = train.inputs[r * inX + c] }
                        for c in 0..<outY { batchY[j * outY + c] = train.targets[r * outY + c] }
                    }
                    batchX.withUnsafeBufferPointer { x in
                        batchY.withUnsafeBufferPointer { y in
                            step.forward(params, input: x.baseAddress!, rows: m)
                            step.backward(params, input: x.baseAddress!, targets: y.baseAddress!, rows: m, loss: loss)
                        }
                    }
                    update.apply(step, to: &params)
                    start += m
                }
            } else {
                train.inputs.withUnsafeBufferPointer { x in
                    train.targets.withUnsafeBufferPointer { y in
                        step.forward(params, input: x.baseAddress!, rows: n)
                        step.backward(params, input: x.baseAddress!, targets: y.baseAddress!, rows: n, loss: loss)
                    }
                }
                update.apply(step, to: &params)
            }
            try record(epoch)
        }
        return TrainingResult(network: params.network(), history: history, snapshots: snapshots, loss: loss)
    }
}
