extension Network {
    /// Values one sample holds in a forward pass's trace: its inputs, then z and the activation of every neuron.
    public var traceWidth: Int { inputCount + 2 * layers.reduce(0) { $0 + $1.fanOut } }

    /// Refuses, before it is generated or run, a batch of `samples` whose trace would hold more than
    /// `limits.maxTraceValues` values; `source` names where the samples come from (`--random`, a file).
    public func checkTrace(samples: Int, source: String, limits: LoadLimits) throws(NNVizError) {
        let (values, overflow) = samples.multipliedReportingOverflow(by: traceWidth)
        guard overflow || values > limits.maxTraceValues else { return }
        throw NNVizError(source, "", "\(samples) samples × \(traceWidth) values each in the forward pass (inputs, z and activations) is more than the limit of \(limits.maxTraceValues); use fewer samples")
    }
}
