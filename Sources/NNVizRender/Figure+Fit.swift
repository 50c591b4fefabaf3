import NNVizEngine
import NNVizScene
import NNVizSystem

extension Figure {
    /// Steps by which a figure that does not fit is shrunk as a whole (text with it): down to 3/4, so 11-unit
    /// text never gets below 8.25 at the requested font size.
    public static var shrinkSteps: [Double] { [1, 0.95, 0.9, 0.85, 0.8, 0.75] }

    /// The figure at its requested size and font size, measured before it is placed.
    ///
    /// The figure lays itself out in its own units (body text `TextSize.body`) on the requested canvas divided by
    /// the font-size factor, and the result is magnified to the requested size. When something would leave the
    /// canvas or texts would collide, it is laid out again on a larger canvas and drawn smaller (text included),
    /// down to `shrinkSteps.last`; below that it refuses, naming the smallest size that works.
    public func fittedScene(measurer: any TextMeasurer) throws(NNVizError) -> Scene {
        if let s = fitted(measurer: measurer) { return s }
        throw tooSmall(measurer: measurer)
    }

    /// The fitted scene, or nil when even at the smallest shrink something leaves the canvas or texts collide.
    func fitted(measurer: any TextMeasurer) -> Scene? {
        let o = figureOptions
        let k = o.fontSize / TextSize.body
        if o.width == nil && o.height == nil && k == 1 { return scene(measurer: measurer) }
        for s in Self.shrinkSteps {
            let f = k * s
            var lo = o
            lo.width = o.width.map { $0 / f }
            lo.height = o.height.map { $0 / f }
            let laid = with(lo).scene(measurer: measurer)
            guard LayoutAudit.staysOnCanvas(laid, measurer: measurer) else { continue }
            let out = laid.scaled(by: f, width: o.width ?? (laid.width * f).rounded(.up), height: o.height ?? (laid.height * f).rounded(.up))
            if LayoutAudit.textsApart(laid, measurer: measurer) { return out }
        }
        return nil
    }

    /// The figure laid out on a `width` × `height` canvas (`nil`: automatic) at its own text size, or nil when
    /// something would leave that canvas or texts would collide: how a report keeps a wide figure within its page's
    /// column without drawing its text smaller than the other figures'.
    public func scene(width: Double, height: Double?, measurer: any TextMeasurer) -> Scene? {
        var o = figureOptions
        o.width = width
        o.height = height
        let laid = with(o).scene(measurer: measurer)
        guard laid.width <= width + 0.5, LayoutAudit.staysOnCanvas(laid, measurer: measurer),
              LayoutAudit.textsApart(laid, measurer: measurer) else { return nil }
        return laid
    }

    /// The refusal of a canvas too small, with the smallest size of the same proportions (up to 4 times larger)
    /// at which the figure is drawn.
    func tooSmall(measurer: any TextMeasurer) -> NNVizError {
        let o = figureOptions
        func num(_ v: Double) -> String { LabelFormat.fixed(v, 0) }
        var need: (Double?, Double?) = (nil, nil)
        var f = 1.0
        while f < 4 {
            f *= 1.05
            var bigger = o
            bigger.width = o.width.map { ($0 * f).rounded(.up) }
            bigger.height = o.height.map { ($0 * f).rounded(.up) }
            if with(bigger).fitted(measurer: measurer) != nil { need = (bigger.width, bigger.height); break }
        }
        let asked: String, needs: String
        switch (o.width, o.height) {
        case let (w?, h?): asked = num(w) + " × " + num(h); needs = need.0.map { num($0) + " × " + num(need.1 ?? h) } ?? ""
        case let (w?, nil): asked = "\(Setting.width) " + num(w); needs = need.0.map { "\(Setting.width) " + num($0) } ?? ""
        case let (nil, h?): asked = "\(Setting.height) " + num(h); needs = need.1.map { "\(Setting.height) " + num($0) } ?? ""
        case (nil, nil): asked = "\(Setting.fontSize) " + num(o.fontSize); needs = ""
        }
        let advice = smallerAdvice.isEmpty ? "" : " (or " + smallerAdvice + ")"
        let what = needs.isEmpty ? "it needs a larger canvas or a smaller \(Setting.fontSize)" : "it needs at least " + needs
        return NNVizError(kindName, "", "\(asked) is too small for this figure; \(what)\(advice)")
    }
}
