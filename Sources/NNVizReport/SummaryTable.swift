import NNVizEngine
import NNVizRender

/// The report's summary table: the input layer and every dense layer with its width, neuron labels, activation,
/// weight shape and parameter count, then the total with its formula (`2·2+2 + 2·1+1 = 9`).
public struct SummaryTable: Sendable {
    /// One layer; every field is display text.
    public struct Row: Sendable {
        public let layer: String
        public let neurons: String
        public let labels: String
        public let activation: String
        public let weights: String
        public let biases: String
        public let parameters: String
    }

    public let rows: [Row]
    /// Total weights and biases, e.g. `9`.
    public let total: String
    /// The sum written out, e.g. `2·2+2 + 2·1+1 = 9`.
    public let formula: String

    public init(network: Network) {
        var rows = [Row(layer: "input", neurons: LabelFormat.count(network.inputCount),
                        labels: SummaryTable.list(network.inputLabels), activation: "—", weights: "—", biases: "—",
                        parameters: "—")]
        for layer in network.layers {
            rows.append(Row(layer: layer.name, neurons: LabelFormat.count(layer.fanOut),
                            labels: SummaryTable.list(layer.neuronLabels), activation: layer.activation.label,
                            weights: "\(LabelFormat.count(layer.fanIn)) × \(LabelFormat.count(layer.fanOut))",
                            biases: LabelFormat.count(layer.fanOut),
                            parameters: "\(layer.fanIn)·\(layer.fanOut)+\(layer.fanOut) = \(LabelFormat.count(layer.parameterCount))"))
        }
        self.rows = rows
        self.total = LabelFormat.count(network.parameterCount)
        self.formula = network.parameterFormula
    }

    /// Labels joined with commas; long layers show the first three and the last two around `…`.
    static func list(_ labels: [String]) -> String {
        guard labels.count > 8 else { return labels.joined(separator: ", ") }
        return (labels.prefix(3) + ["…"] + labels.suffix(2)).joined(separator: ", ")
    }
}
