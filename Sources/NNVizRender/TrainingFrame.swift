import NNVizEngine
import NNVizScene

/// One frame of the training animation: the decision regions at a snapshot (left), the layer diagram of that
/// moment (right, edges coloured and sized on one scale shared by every frame) and the loss curve so far (below
/// it, on the axes of the whole run). The frames of an animation share `frames`, so colours agree across them.
///
/// Roles: those of the region panel (`field`, `contour`, `point`, `misclassified`, `axes-frame`), of the diagram
/// (`edge`, `node`, …) and of the loss curve (`loss-line`, `current`, …), plus `title` and `subtitle`.
public struct TrainingFrame: Figure {
    /// Every frame's snapshot, evaluated over one grid (their shared colour scale and markers).
    public var frames: Filmstrip
    /// Which of them this frame shows.
    public let index: Int
    public let lossName: String
    /// |w| at full edge width: the largest over every frame, so edges grow as the weights do.
    public let maxAbsWeight: Double

    /// Default canvas: a 16:9 slide.
    public static let defaultSize = (width: 1280.0, height: 720.0)

    public init(frames: Filmstrip, index: Int, lossName: String) {
        self.frames = frames
        self.index = Swift.min(Swift.max(0, index), Swift.max(0, frames.snapshots.count - 1))
        self.lossName = lossName
        var m = 0.0
        for s in frames.snapshots { for l in s.network.layers { for w in l.weights.data where w.isFinite { m = Swift.max(m, abs(w)) } } }
        maxAbsWeight = m
    }

    public func scene(measurer: any TextMeasurer) -> Scene {
        let o = frames.options
        let W = o.width ?? Self.defaultSize.width, H = o.height ?? Self.defaultSize.height
        var b = SceneBuilder(width: W, height: H, options: o, measurer: measurer)
        guard index < frames.snapshots.count else { return b.scene }
        let s = frames.snapshots[index]
        let margin = 20.0
        let last = frames.history.last?.epoch ?? s.epoch
        let title = o.title ?? (s.network.name + " · training")
        let subtitle = "epoch \(s.epoch) of \(last) · " + Filmstrip.stats(frames.record(s.epoch), short: false)
        let top = b.title(title, subtitle: subtitle, margin: margin, top: margin) + 12
        let ax = PlotAxes.margins(in: b)
        // Landscape: regions left, diagram and curve right (stacked, or side by side when the right is wide);
        // portrait: regions on top, diagram and curve below, side by side.
        let portrait = W < 1.15 * H
        let side: Double
        if portrait {
            side = Swift.max(80, Swift.min(W - 2 * margin - ax.left, (H - top) * 0.45 - ax.bottom)).rounded(.down)
        } else {
            side = Swift.max(80, Swift.min(H - top - margin - ax.bottom, W * 0.45 - margin - ax.left)).rounded(.down)
        }
        let frame = Rect(x: portrait ? (W - side - ax.left) / 2 + ax.left : margin + ax.left, y: top, width: side, height: side)
        let plot = frames.plot(index, side: side)
        let axes = PlotAxes(frame: frame, x: s.field.xRange, y: s.field.yRange, xTitle: s.network.inputLabels[s.field.xInput],
                            yTitle: s.network.inputLabels[s.field.yInput], name: "regions")
        b.add(.raster(plot.fieldRaster(), frame: frame, smooth: false), role: "field", name: "epoch \(s.epoch)")
        plot.drawContours(&b, axes)
        plot.drawPoints(&b, axes)
        axes.draw(into: &b)

        let x0 = portrait ? margin : frame.maxX + 24
        let y0 = portrait ? frame.maxY + ax.bottom + 12 : top - 16
        let restW = Swift.max(100, W - x0 - margin), restH = Swift.max(100, H - y0 - margin + (portrait ? 0 : 8))
        let besides = portrait || restW > 1.6 * restH
        let diagramBox = besides ? Rect(x: x0, y: y0, width: (restW * 0.5).rounded(.down), height: restH)
                                 : Rect(x: x0, y: y0, width: restW, height: (restH * 0.55).rounded(.down))
        let curveBox = besides ? Rect(x: diagramBox.maxX, y: y0, width: restW - diagramBox.width, height: restH)
                               : Rect(x: x0, y: diagramBox.maxY, width: restW, height: restH - diagramBox.height)
        var dOptions = DiagramOptions(figure: FigureOptions(width: diagramBox.width, height: diagramBox.height, theme: o.theme, title: "",
                                                            fontFamily: o.fontFamily), weightLabels: false)
        dOptions.maxAbsWeight = maxAbsWeight
        let diagram = LayerDiagram(network: s.network, options: dOptions)
        b.embed((try? diagram.fittedScene(measurer: measurer)) ?? diagram.scene(measurer: measurer), at: Point(diagramBox.x, diagramBox.y))
        var curve = LossCurve(history: frames.history, lossName: lossName,
                              options: FigureOptions(width: curveBox.width, height: curveBox.height, theme: o.theme, title: "",
                                                     fontFamily: o.fontFamily))
        curve.upTo = s.epoch
        b.embed((try? curve.fittedScene(measurer: measurer)) ?? curve.scene(measurer: measurer), at: Point(curveBox.x, curveBox.y))
        return b.scene
    }
}
