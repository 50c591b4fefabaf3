import NNVizEngine
import NNVizRender

extension FigureText {
    /// The decision-region plot in words, read from the plot's own grid and data: where the output is above its
    /// threshold (or which class covers how much of the plane), how well the data points are classified (the
    /// plot's `predictions` against its labels; `datasetName` names the set), and, when the plot draws neuron
    /// thumbnails, what each first-layer neuron detects.
    public static func regions(_ plot: RegionPlot, datasetName: String?) -> FigureText {
        let net = plot.network, field = plot.field
        let x = field.xRange, y = field.yRange
        let xl = net.inputLabels[field.xInput], yl = net.inputLabels[field.yInput]
        var over = "over \(xl) ∈ [\(ReportNumber.short(x.lowerBound, 2)), \(ReportNumber.short(x.upperBound, 2))] and "
            + "\(yl) ∈ [\(ReportNumber.short(y.lowerBound, 2)), \(ReportNumber.short(y.upperBound, 2))]"
        // A network of more inputs is cut through at the slice: say where.
        let held = (0..<net.inputCount).filter { $0 != field.xInput && $0 != field.yInput }
        if !held.isEmpty, field.slice.count == net.inputCount {
            over += " (" + and(held.map { net.inputLabels[$0] + " = " + ReportNumber.short(field.slice[$0], 2) }) + " held fixed)"
        }
        var main: String
        var lineNote: String
        let n = field.resolution, cells = n * n
        if field.outputCount == 1, field.values.count == cells, cells > 0 {
            let threshold = net.layers[net.layers.count - 1].activation.decisionThreshold
            let high = field.values.filter { Double($0) > threshold }.count
            let names = ["top-left", "top-right", "bottom-left", "bottom-right"]
            // The corner cells of the grid (row 0 is the top).
            let corners = [0, n - 1, (n - 1) * n, n * n - 1]
            let on = (0..<4).filter { Double(field.values[corners[$0]]) > threshold }
            main = "\(net.outputLabels[0]) > \(ReportNumber.short(threshold)) \(cornerPhrase(on, names)), "
                + "\(percent(high, cells)) of the plotted area"
            lineNote = " The line marks the \(ReportNumber.short(threshold)) boundary."
        } else if field.outputCount > 1, field.classes.count == cells, cells > 0 {
            var cover = [Int](repeating: 0, count: field.outputCount)
            for k in field.classes where Int(k) < cover.count { cover[Int(k)] += 1 }
            let order = cover.indices.sorted { cover[$0] != cover[$1] ? cover[$0] > cover[$1] : $0 < $1 }.filter { cover[$0] > 0 }
            main = "the arg-max class covers the plane as " + and(order.map { "\(net.outputLabels[$0]) \(percent(cover[$0], cells))" })
            lineNote = " Lines mark the class boundaries."
        } else {
            main = "no region could be computed"
            lineNote = ""
        }
        var caption = "Decision regions of \(net.name) \(over): \(main).\(lineNote)"
        var alt = "Decision regions of \(net.name): \(main)."
        if let story = dataStory(plot, name: datasetName) {
            caption += " " + story
            alt += " " + story
        }
        if plot.options.neurons {
            let hidden = neuronStory(net)
            caption += " Small multiples show every hidden neuron's activation over the same plane" + (hidden.isEmpty ? "." : ": " + hidden + ".")
            if !hidden.isEmpty { alt += " Hidden neurons: " + hidden + "." }
        }
        return FigureText(title: "Decision regions", caption: caption, alt: alt)
    }

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

    /// How many of the plot's data points the network puts in their own class (the plot's own predictions).
    static func dataStory(_ plot: RegionPlot, name: String?) -> String? {
        guard let points = plot.data, points.rows > 0, plot.predictions.count == points.rows, plot.labels.count == points.rows else {
            return nil
        }
        let right = zip(plot.predictions, plot.labels).filter { $0.0 == $0.1 }.count
        let count = points.rows
        let set = name.map { "dataset \($0)" } ?? "the data"
        if right == count { return count == 1 ? "The point of \(set) is classified correctly." : "All \(count) points of \(set) are classified correctly." }
        return "\(right) of the \(count) points of \(set) are classified correctly (\(percent(right, count))); crosses mark the others."
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
