import NNVizEngine
import NNVizRender

extension FigureText {
    /// One neuron's anatomy: the products, the sum, the bias, z and the output, in words.
    public static func neuron(_ figure: NeuronFigure) -> FigureText {
        let a = figure.anatomy
        let n = figure.network
        let f = { (v: Double) in (LabelFormat.trimmed(v, figure.precision)) }
        let shown = Array(a.inputs.indices.prefix(6))
        let products = shown.map { "\(a.inputLabels[$0]) = \(f(a.inputs[$0])) times \(f(a.weights[$0])) gives \(f(a.products[$0]))" }
        let more = a.inputs.count > shown.count ? " and \(a.inputs.count - shown.count) more" : ""
        let caption = "Neuron \(a.neuronLabel) of \(n.name) (layer \(a.layerName), \(a.activation.label)) for one sample: "
            + "each input times its weight, summed to \(f(a.sum)); with the bias \(f(a.bias)), z = \(f(a.z)) "
            + "and the output \((figure.outputText))."
        let alt = "Table of neuron \(a.neuronLabel)'s computation: " + and(products) + more
            + "; the sum is \(f(a.sum)), plus the bias \(f(a.bias)) makes z = \(f(a.z)). Beside it the \(a.activation.label) curve "
            + "with z marked at output \(f(a.output))."
        return FigureText(title: "Neuron \(a.neuronLabel)", caption: caption, alt: alt)
    }

    /// Activation functions as curves.
    public static func activationCurves(_ figure: ActivationCurves) -> FigureText {
        let names = figure.functions.map { ActivationCurves.name($0) }
        let formulas = figure.functions.map { ActivationFormula.formula($0) }
        let range = "z from \((LabelFormat.trimmed(figure.range.lowerBound, 3))) to \((LabelFormat.trimmed(figure.range.upperBound, 3)))"
        var caption = "The activation function\(names.count == 1 ? "" : "s") " + and(names) + " over " + range
            + (figure.derivatives ? (names.count == 1 ? ", with its derivative dashed" : ", each with its derivative dashed") : "") + "."
        if !figure.marks.isEmpty {
            caption += " \(plural(figure.marks.count, "point")) marked"
                + (figure.marks.contains { !$0.label.isEmpty } ? " at the neurons' z values of one forward pass." : ".")
        }
        let alt = (figure.shared ? "One plot of " : "Small multiples of ") + and(formulas) + ", over " + range
            + (figure.derivatives ? "; derivatives: " + and(figure.functions.map { (ActivationFormula.derivative($0)) }) : "")
            + (figure.marks.isEmpty ? "." : "; marked: " + figure.marks.prefix(8).map { m in
                (m.label.isEmpty ? "" : m.label + " ") + "at z = " + (LabelFormat.trimmed(m.z, 3))
            }.joined(separator: ", ") + (figure.marks.count > 8 ? ", …" : "") + ".")
        return FigureText(title: "Activation functions", caption: caption, alt: alt)
    }

    /// Networks' decision regions side by side: `panels` are each network's name, shape and accuracy line.
    public static func comparison(_ panels: [(name: String, stats: String)], datasetName: String?,
                                  hiddenNeurons: [Int]? = nil) -> FigureText {
        let each = panels.map { "\($0.name) (\(($0.stats)))" }
        var caption = "Decision regions of " + and(each) + " side by side over one plane"
            + (datasetName.map { ", with the points of \($0); accuracy on them in per cent" } ?? "") + "."
        var alt = "\(plural(panels.count, "panel")) of decision regions, blue where the output says class 1 and orange for class 0: "
            + each.joined(separator: "; ") + "."
        if let hidden = hiddenNeurons, hidden.contains(where: { $0 > 0 }) {
            let counts = zip(panels, hidden).map { "\($0.name) \(plural($1, "hidden neuron"))" }
            caption += " Beside each network, the regions of each of its hidden neurons on one scale per activation: " + and(counts) + "."
            alt += " Each row also shows small plots of the network's hidden neurons: " + counts.joined(separator: "; ") + "."
        }
        return FigureText(title: "Networks compared", caption: caption, alt: alt)
    }
}
