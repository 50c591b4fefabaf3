import NNVizEngine
import NNVizRender

extension FigureText {
    /// Cells per side of the probe grid the region description is computed on (cell centres, like the plot's).
    static let probeSide = 48

    /// The decision-region plot of a two-input network over `x × y`: where the output is high (or which class
    /// covers how much of the plane), how well `data` is classified, and what each first-layer neuron detects.
    /// Runs `forward` on a probe grid and the data points; `neurons` says whether thumbnails are drawn.
    public static func regions(_ net: Network, x: ClosedRange<Double>, y: ClosedRange<Double>,
                               data: Dataset?, neurons: Bool) -> FigureText {
        let xl = net.inputLabels[0], yl = net.inputLabels[1]
        let over = "over \(xl) ∈ [\(ReportNumber.short(x.lowerBound, 2)), \(ReportNumber.short(x.upperBound, 2))] and "
            + "\(yl) ∈ [\(ReportNumber.short(y.lowerBound, 2)), \(ReportNumber.short(y.upperBound, 2))]"
        var main: String
        var lineNote: String
        let n = probeSide
        var probe = Matrix(rows: n * n, cols: 2)
        for r in 0..<n {
            for c in 0..<n {
                probe[r * n + c, 0] = x.lowerBound + (Double(c) + 0.5) / Double(n) * (x.upperBound - x.lowerBound)
                probe[r * n + c, 1] = y.upperBound - (Double(r) + 0.5) / Double(n) * (y.upperBound - y.lowerBound)
            }
        }
        let field = (try? net.forward(probe))?.output
        let corners = Matrix([[x.lowerBound, y.upperBound], [x.upperBound, y.upperBound],
                              [x.lowerBound, y.lowerBound], [x.upperBound, y.lowerBound]])
        let cornerOut = corners.flatMap { try? net.forward($0) }?.output
        let threshold = neutral(net.layers[net.layers.count - 1].activation)
        if net.outputCount == 1, let field, let cornerOut {
            let high = field.data.filter { $0 > threshold }.count
            let names = ["top-left", "top-right", "bottom-left", "bottom-right"]
            let on = (0..<4).filter { cornerOut[$0, 0] > threshold }
            main = "\(net.outputLabels[0]) > \(ReportNumber.short(threshold)) \(cornerPhrase(on, names)), "
                + "\(percent(high, n * n)) of the plotted area"
            lineNote = " The line marks the \(ReportNumber.short(threshold)) boundary."
        } else if let field {
            var cover = [Int](repeating: 0, count: net.outputCount)
            for r in 0..<field.rows { cover[BatchTable.argmax(field.row(r))] += 1 }
            let order = cover.indices.sorted { cover[$0] != cover[$1] ? cover[$0] > cover[$1] : $0 < $1 }.filter { cover[$0] > 0 }
            main = "the arg-max class covers the plane as " + and(order.map { "\(net.outputLabels[$0]) \(percent(cover[$0], n * n))" })
            lineNote = " Lines mark the class boundaries."
        } else {
            main = "no region could be computed"
            lineNote = ""
        }
        var caption = "Decision regions of \(net.name) \(over): \(main).\(lineNote)"
        var alt = "Decision regions of \(net.name): \(main)."
        if let data, data.points.cols == 2, let story = dataStory(net, data, threshold: threshold) {
            caption += " " + story
            alt += " " + story
        }
        if neurons {
            let hidden = neuronStory(net)
            caption += " Small multiples show every hidden neuron's activation over the same plane" + (hidden.isEmpty ? "." : ": " + hidden + ".")
            if !hidden.isEmpty { alt += " Hidden neurons: " + hidden + "." }
        }
        return FigureText(title: "Decision regions", caption: caption, alt: alt)
    }

    /// The value an output is split at: 0.5 for step, sigmoid and softmax; 0 otherwise.
    static func neutral(_ a: Activation) -> Double { [.step, .sigmoid, .softmax].contains(a) ? 0.5 : 0 }

    /// `in the two off-diagonal corners (top left and bottom right)`, `in all four corners`, `in the top-right corner`.
    static func cornerPhrase(_ on: [Int], _ names: [String]) -> String {
        switch on {
        case []: return "in none of the four corners"
        case [0, 1, 2, 3]: return "in all four corners"
        case [0, 3]: return "in the two off-diagonal corners (top left and bottom right)"
        case [1, 2]: return "in the two diagonal corners (bottom left and top right)"
        case [0, 1]: return "along the top (both top corners)"
        case [2, 3]: return "along the bottom (both bottom corners)"
        case [0, 2]: return "on the left (both left corners)"
        case [1, 3]: return "on the right (both right corners)"
        default:
            let listed = on.map { names[$0] }
            return "in the " + and(listed) + " corner" + (on.count == 1 ? "" : "s")
        }
    }

    /// `47 %`.
    static func percent(_ k: Int, _ n: Int) -> String {
        "\(Int((100 * Double(k) / Double(max(n, 1))).rounded())) %"
    }

    /// How many of the dataset's points the network puts in their own class.
    static func dataStory(_ net: Network, _ data: Dataset, threshold: Double) -> String? {
        guard let out = (try? net.forward(data.points))?.output else { return nil }
        var right = 0
        for r in 0..<out.rows {
            let predicted = out.cols == 1 ? (out[r, 0] > threshold ? 1 : 0) : BatchTable.argmax(out.row(r))
            if predicted == data.labels[r] { right += 1 }
        }
        let set = "dataset \(data.name)"
        if right == data.count { return data.count == 1 ? "The point of \(set) is classified correctly." : "All \(data.count) points of \(set) are classified correctly." }
        return "\(right) of the \(data.count) points of \(set) are classified correctly (\(percent(right, data.count))); crosses mark the others."
    }

    /// For the first hidden layer, the half-plane each neuron is active in (`OR where x1 + x2 > 0.5`).
    static func neuronStory(_ net: Network) -> String {
        guard net.layers.count > 1, net.inputCount == 2 else { return "" }
        let layer = net.layers[0]
        let parts = (0..<layer.fanOut).prefix(8).map { j -> String in
            "\(layer.neuronLabels[j]) is on where \(inequality(layer.weights[0, j], net.inputLabels[0], layer.weights[1, j], net.inputLabels[1], layer.bias[j]))"
        }
        var text = "in \(layer.name), " + and(parts + (layer.fanOut > 8 ? ["\(layer.fanOut - 8) more"] : []))
        if net.layers.count > 2 { text += "; deeper layers combine these" }
        return text
    }

    /// `a·x + b·y + c > 0` written as a reader would: `x1 + x2 > 0.5`, `2 x1 − x2 > −1`, `x2 > 0.25`.
    static func inequality(_ a: Double, _ x: String, _ b: Double, _ y: String, _ c: Double) -> String {
        func term(_ w: Double, _ v: String, first: Bool) -> String {
            let m = abs(w)
            let coefficient = m == 1 ? "" : ReportNumber.short(m, 2) + " "
            let sign = w < 0 ? (first ? LabelFormat.minus : " \(LabelFormat.minus) ") : (first ? "" : " + ")
            return sign + coefficient + v
        }
        var lhs = ""
        if a != 0 { lhs += term(a, x, first: true) }
        if b != 0 { lhs += term(b, y, first: lhs.isEmpty) }
        if lhs.isEmpty { return c > 0 ? "everywhere (bias \(ReportNumber.short(c)))" : "nowhere (bias \(ReportNumber.short(c)))" }
        return lhs + " > " + ReportNumber.short(-c, 2)
    }
}
