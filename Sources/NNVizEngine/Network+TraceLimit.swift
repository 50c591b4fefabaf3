extension Network {
    /// Values one sample holds in a forward pass's trace: its inputs, then z and the activation of every neuron.
    var traceWidth: Int { inputCount + 2 * layers.reduce(0) { $0 + $1.fanOut } }

    /// Refuses, before it is generated or run, a batch of `samples` whose trace would hold more than
    /// `limits.maxTraceValues` values; `source` names where the samples come from (`--random`, a file).
    ///
    /// The trace is what a forward pass keeps: the batch (`samples × inputs`) and every layer's z and activations
    /// (`samples × neurons` each), 8 bytes a value. `forward` holds nothing else of that size (it formats its
    /// tables and JSON a row at a time into a 64 KiB buffer), so this bounds its memory.
    public func checkTrace(samples: Int, source: String, limits: LoadLimits) throws(NNVizError) {
        let (values, overflow) = samples.multipliedReportingOverflow(by: traceWidth)
        guard overflow || values > limits.maxTraceValues else { return }
        throw NNVizError(source, "", "\(samples) samples × \(traceWidth) values each in the forward pass (inputs, z and activations) is more than the limit of \(limits.maxTraceValues) values (\(Self.megabytes(limits.maxTraceValues)) MB); use fewer samples")
    }

    /// `values` doubles in megabytes (10⁶ bytes), rounded down.
    static func megabytes(_ values: Int) -> Int {
        values.multipliedReportingOverflow(by: 8).overflow ? Int.max / 1_000_000 : values * 8 / 1_000_000
    }
}
