import NNVizEngine
import NNVizRender

extension FigureText {
    /// The loss curve of a training run, with what changed.
    static func loss(_ t: ReportTraining) -> FigureText {
        let marks = t.snapshots.isEmpty ? "" : " Dotted lines mark the snapshot epochs (\(epochList(t.snapshots)))."
        let story = sentence(t.story)
        let caption = "The \(t.result.loss.rawValue) loss of every epoch on a log scale (epoch 0 is the untrained network), "
            + "the accuracy below." + (t.options.validation != nil ? " Validation curves are dashed." : "") + marks + " " + story
        let alt = "Line chart of the training loss and accuracy of \(t.result.network.name) over \(FigureText.plural(t.result.final.epoch, "epoch")) "
            + "on \(t.dataset.name): " + story
        return FigureText(title: "Loss while training", caption: caption, alt: alt)
    }

    /// The filmstrip: decision regions at each snapshot.
    static func filmstrip(_ t: ReportTraining) -> FigureText {
        var moments: [String] = []
        for e in [t.snapshots.first, t.snapshots.last].compactMap({ $0 }) {
            guard let r = t.record(e), !moments.contains(where: { $0.hasPrefix("at epoch \(e) ") }) else { continue }
            moments.append("at epoch \(e) the accuracy is \(LossCurve.percent(r.accuracy)) (loss \(LossCurve.number(r.loss)))")
        }
        let caption = "Decision regions of \(t.result.network.name) at epochs \(epochList(t.snapshots)), on one colour scale, "
            + "with the \(FigureText.plural(t.dataset.count, "point")) of \(t.dataset.name) drawn on each; "
            + moments.joined(separator: "; ") + "."
        let alt = "Small multiples of the decision regions of \(t.result.network.name) while it trains on \(t.dataset.name): "
            + moments.joined(separator: "; ") + "."
        return FigureText(title: "Decision regions while training", caption: caption, alt: alt)
    }

    /// Every weight's trajectory.
    static func trajectories(_ t: ReportTraining) -> FigureText {
        let first = t.result.snapshots.first?.network, last = t.result.network
        func largest(_ net: Network?) -> Double { net?.layers.flatMap(\.weights.data).map(abs).max() ?? 0 }
        let count = WeightTrajectories.weightCount(last)
        let caption = "Each of the \(FigureText.plural(count, "weight")) of \(last.name) from epoch 0 to \(t.result.final.epoch), "
            + "one panel per layer, blue while positive and orange while negative; the largest |w| went from "
            + "\(ReportNumber.short(largest(first))) to \(ReportNumber.short(largest(last)))."
        let alt = "Line chart of every weight of \(last.name) over the epochs of training; the largest absolute weight went from "
            + "\(ReportNumber.short(largest(first))) to \(ReportNumber.short(largest(last)))."
        return FigureText(title: "Weights while training", caption: caption, alt: alt)
    }

    /// training.gif.
    static func animation(_ t: ReportTraining) -> FigureText {
        let caption = "An animation for slides (training.gif, \(FigureText.plural(t.frames.count, "frame")) at epochs \(epochList(t.frames))): "
            + "the decision regions beside the layer diagram of that moment, its edges changing colour and width as the weights move, "
            + "and the loss curve so far."
        let alt = "Animation of \(t.result.network.name) learning \(t.dataset.name): decision regions, layer diagram and loss curve, "
            + "\(FigureText.plural(t.frames.count, "frame")) from epoch \(t.frames.first ?? 0) to \(t.frames.last ?? 0)."
        return FigureText(title: "Training, animated", caption: caption, alt: alt)
    }

    /// This figure's words for the trained network: the caption and alt text say so first.
    func trained(_ t: ReportTraining) -> FigureText {
        let note = "After training (\(FigureText.plural(t.result.final.epoch, "epoch")) on \(t.dataset.name)): "
        return FigureText(title: title + " (trained)", caption: note + caption, alt: note + alt)
    }

    /// `0, 1, 3, 10 and 3000`; long lists keep their ends (`0, 1, 3, …, 1000 and 3000`).
    static func epochList(_ epochs: [Int]) -> String {
        let names = epochs.map(String.init)
        let shown = names.count > 10 ? Array(names.prefix(4)) + ["…"] + Array(names.suffix(2)) : names
        guard shown.count > 1 else { return shown.first ?? "" }
        return shown.dropLast().joined(separator: ", ") + " and " + (shown.last ?? "")
    }

    /// `text` with a capital first letter and a full stop.
    static func sentence(_ text: String) -> String {
        guard let f = text.first else { return text }
        return f.uppercased() + text.dropFirst() + "."
    }
}
