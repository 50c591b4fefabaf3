import ArgumentParser
import NNVizEngine

/// `nnviz forward NET (--sample … | --batch F | --random N)`: every layer's activations for every sample.
///
/// The trace (the batch, every layer's z and activations) is computed in full first, so an overflow is reported
/// before a line is printed; the tables or JSON are then formatted row by row straight into `StandardOutput`, so
/// the text is never held whole and memory stays at the trace that `LoadLimits.maxTraceValues` bounds.
struct Forward: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run samples through a network and print every layer's activations.")

    @OptionGroup var network: NetworkOptions
    @OptionGroup var samples: SampleOptions

    @Flag(help: "Also show each layer's pre-activations z = a·W + b.")
    var pre = false

    @Option(help: "Decimals shown in the tables (0…17).")
    var precision = 4

    @Flag(help: "Print full-precision JSON (shortest round-trip doubles) instead of tables.")
    var json = false

    func validate() throws {
        guard (0...17).contains(precision) else { throw ValidationError("--precision must be between 0 and 17, got \(precision)") }
    }

    func run() throws {
        try CommandError.reporting {
            let net = try network.load()
            let (batch, source) = try samples.require(for: net, command: "forward", limits: network.limits)
            let trace = try net.forward(batch, source: source)
            var out = StandardOutput()
            if json {
                try Self.writeJSON(net, trace, source: source, to: &out)
            } else {
                try writeTables(net, trace, source: source, to: &out)
            }
            try out.flush()
        }
    }

    /// The tables: a heading line, then one table per block (the input, each layer's z with `--pre`, each layer's
    /// activations), names escaped for the terminal.
    func writeTables(_ net: Network, _ trace: Trace, source: String, to out: inout StandardOutput) throws(NNVizError) {
        let n = trace.batchSize, show = DisplayText.escaped
        try out.write("\(show(net.name)): \(n) sample\(n == 1 ? "" : "s") from \(show(source))\n")
        try writeBlock(show("input"), net.inputLabels.map(show), trace.input, to: &out)
        for (k, layer) in net.layers.enumerated() {
            let labels = layer.neuronLabels.map(show)
            if pre { try writeBlock(show("\(layer.name) z"), labels, trace.pre[k], to: &out) }
            try writeBlock(show("\(layer.name) \(layer.activation.label)"), labels, trace.post[k], to: &out)
        }
    }

    /// One table, as `TextTable.render` lays it out, written row by row: the widths come from each column's
    /// extremes (see `fixedWidth`) instead of from every formatted value held at once.
    func writeBlock(_ title: String, _ labels: [String], _ m: Matrix, to out: inout StandardOutput) throws(NNVizError) {
        let align: [TextTable.Align] = [.left] + labels.map { _ in .right }
        var widths = [max(title.count, "sample \(m.rows - 1)".count)] + labels.map(\.count)
        for c in 0..<m.cols { widths[c + 1] = max(widths[c + 1], Self.fixedWidth(m, column: c, decimals: precision)) }
        try out.write("\n")
        try out.write(TextTable.line([title] + labels, widths: widths, align: align))
        for r in 0..<m.rows {
            let cells = ["sample \(r)"] + m.row(r).map { NumberFormat.fixed($0, decimals: precision) }
            try out.write(TextTable.line(cells, widths: widths, align: align))
        }
    }

    /// The widest `NumberFormat.fixed` text in column `c` of `m`, from two formatted values rather than all of them:
    /// for values ≥ 0 the text only grows with the value, for values < 0 only with |value| (the sign appears once
    /// it no longer rounds to zero, and digits only add), so the largest and the smallest value are the widest.
    /// Values that are not finite (never in a trace, which is checked) are measured one by one.
    static func fixedWidth(_ m: Matrix, column c: Int, decimals: Int) -> Int {
        guard m.rows > 0 else { return 0 }
        var lo = Double.infinity, hi = -Double.infinity, width = 0
        for r in 0..<m.rows {
            let v = m.data[r * m.cols + c]
            if v.isFinite {
                lo = min(lo, v)
                hi = max(hi, v)
            } else {
                width = max(width, NumberFormat.fixed(v, decimals: decimals).count)
            }
        }
        for v in [lo, hi] where v.isFinite { width = max(width, NumberFormat.fixed(v, decimals: decimals).count) }
        return width
    }

    /// The trace as JSON (full precision), written a row at a time.
    static func writeJSON(_ net: Network, _ trace: Trace, source: String, to out: inout StandardOutput) throws(NNVizError) {
        try out.write("{\n  \"network\": \(JSONText.string(net.name)),\n  \"source\": \(JSONText.string(source)),\n")
        try out.write("  \"inputs\": \(JSONText.strings(net.inputLabels)),\n  \"samples\": ")
        try writeRows(trace.input, indent: "  ", to: &out)
        try out.write(",\n  \"layers\": [\n")
        for (k, layer) in net.layers.enumerated() {
            let pad = "      "
            try out.write("    {\n\(pad)\"name\": \(JSONText.string(layer.name)),\n")
            try out.write("\(pad)\"activation\": \(JSONText.string(layer.activation.token)),\n")
            try out.write("\(pad)\"neurons\": \(JSONText.strings(layer.neuronLabels)),\n\(pad)\"pre\": ")
            try writeRows(trace.pre[k], indent: pad, to: &out)
            try out.write(",\n\(pad)\"post\": ")
            try writeRows(trace.post[k], indent: pad, to: &out)
            try out.write(k == net.layers.count - 1 ? "\n    }\n" : "\n    },\n")
        }
        try out.write("  ]\n}\n")
    }

    /// `JSONText.rows(m, indent:)`, written a row at a time.
    static func writeRows(_ m: Matrix, indent: String, to out: inout StandardOutput) throws(NNVizError) {
        guard m.rows > 0 else { return try out.write("[]") }
        try out.write("[\n")
        for r in 0..<m.rows {
            try out.write(indent + "  " + JSONText.numbers(m.row(r)) + (r == m.rows - 1 ? "\n" : ",\n"))
        }
        try out.write(indent + "]")
    }
}
