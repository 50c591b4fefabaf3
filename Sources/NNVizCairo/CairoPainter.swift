import NNVizSystem
import NNVizScene

/// Paints a `Scene` to PNG, SVG or PDF bytes or files through Cairo; deterministic, atomic file output.
///
/// PNGs are `scale` × the scene size in pixels at 72 × `scale` dpi; SVGs are the scene size in px (or the units of
/// `document`) and PDFs in points (vector output ignores `scale`). Same scene, same bytes, in any process.
public struct CairoPainter: Sendable {
    /// Device pixels per scene unit for PNG output (e.g. 2 for HiDPI).
    public var scale: Double
    /// `.lines` batches and runs of consecutive solid `.line` items with more segments than this are rasterised
    /// directly into PNG pixels instead of being stroked one by one by Cairo (vector output always strokes, and
    /// dashed lines are always Cairo's). 0, the default, sends every solid PNG line through the rasteriser, so the
    /// cost grows smoothly with the number of edges; `.max` keeps Cairo (tests compare the two).
    public var fastLineThreshold: Int
    /// What a canvas over `maxSide` tells the user to change (a report, with no size options, says otherwise).
    public var oversizeHint: String
    /// Title, alt text and SVG root size written into the file (PNG carries its resolution instead).
    public var document = DocumentInfo()
    /// Largest canvas side accepted, in output pixels (or px/pt for vector output).
    public static let maxSide = 20_000
    /// The hint of the figure commands, whose size options set the canvas.
    public static let sizeOptionsHint = "lower \(Setting.width), \(Setting.height) or \(Setting.scale)"

    public init(scale: Double = 1, fastLineThreshold: Int = 0, oversizeHint: String = CairoPainter.sizeOptionsHint) {
        self.scale = scale
        self.fastLineThreshold = fastLineThreshold
        self.oversizeHint = oversizeHint
    }

    /// Renders `scene` in the format `path`'s extension names and writes it atomically to `path`. SVG and PDF are
    /// written as Cairo makes them (through the same rewrites as `render`), not held in memory first.
    public func write(_ scene: Scene, to path: String) throws(CairoError) {
        let format = try OutputFormat(path: path)
        switch format {
        case .png:
            let bytes = try render(scene, format: format, name: path)
            try AtomicFile.write(bytes, to: path)
        case .svg, .pdf:
            try AtomicFile.write(to: path) { out throws(CairoError) in
                do throws(CairoError) {
                    try renderVector(scene, format: format, into: out)
                } catch {
                    throw error.at(path)
                }
            }
        }
        StageTiming.end("write")
    }

    /// The file bytes of `scene` in `format`; `name` labels errors (the destination file, if any).
    public func render(_ scene: Scene, format: OutputFormat, name: String = "scene") throws(CairoError) -> [UInt8] {
        do throws(CairoError) {
            switch format {
            case .png:
                let surface = try imageSurface(for: scene)
                try paint(scene, on: surface, format: .png, scale: scale)
                StageTiming.end("raster")
                defer { StageTiming.end("encode") }
                return try surface.pngBytes(dpi: 72 * scale)
            case .svg, .pdf:
                let memory = MemoryStream()
                try renderVector(scene, format: format, into: memory)
                return memory.bytes
            }
        } catch {
            throw error.at(name)
        }
    }

    /// The scene painted as PNG would be, returned as straight-alpha RGBA pixels (for tests and previews).
    public func renderPixels(_ scene: Scene) throws(CairoError) -> Raster {
        do throws(CairoError) {
            let surface = try imageSurface(for: scene)
            try paint(scene, on: surface, format: .png, scale: scale)
            guard let raster = RasterSurface.raster(of: surface) else {
                throw CairoError(path: "cairo", message: "cannot access image pixels")
            }
            return raster
        } catch {
            throw error.at("scene")
        }
    }

    // MARK: Internals

    /// Paints `scene` on a Cairo SVG or PDF surface whose output flows, piece by piece, through the rewrites that
    /// make it deterministic and compact (SVG: `SVGIds`, `SVGCompaction`, `SVGAnnotation`; PDF: `PDFDate`) into
    /// `sink`. Errors name `cairo`.
    private func renderVector(_ scene: Scene, format: OutputFormat, into sink: ByteStream) throws(CairoError) {
        let (w, h) = try vectorSize(scene)
        let surface: CairoSurface
        if format == .pdf {
            surface = try CairoSurface.pdf(width: w, height: h, info: document, into: RewriteStage(PDFDate(), next: sink))
        } else {
            let annotated = RewriteStage(SVGAnnotation(document), next: sink)
            surface = try CairoSurface.svg(width: w, height: h,
                                           into: RewriteStage(SVGIds(), next: RewriteStage(SVGCompaction(), next: annotated)))
        }
        try paint(scene, on: surface, format: format, scale: 1)
        StageTiming.end("raster")
        try surface.finishDocument()
        StageTiming.end("encode")
    }

    private func imageSurface(for scene: Scene) throws(CairoError) -> CairoSurface {
        let (w, h) = try canvasSize(scene, scale: scale)
        return try CairoSurface.image(width: w, height: h)
    }

    private func paint(_ scene: Scene, on surface: CairoSurface, format: OutputFormat, scale: Double) throws(CairoError) {
        let context = try CairoContext(surface)
        let painter = ScenePainter(context: context, format: format, scale: scale, fastLineThreshold: fastLineThreshold)
        try painter.paint(scene)
        try surface.check("cannot draw")
    }

    /// Vector page size in points: the scene's own (a print size such as 85 mm = 240.945 pt stays exact).
    private func vectorSize(_ scene: Scene) throws(CairoError) -> (Double, Double) {
        _ = try canvasSize(scene, scale: 1)
        return (scene.width, scene.height)
    }

    /// Output size in whole device units, checked against the budget.
    private func canvasSize(_ scene: Scene, scale: Double) throws(CairoError) -> (Int, Int) {
        guard scale.isFinite, scale > 0 else {
            throw CairoError(path: "cairo", message: "scale must be a positive number, not \(scale)")
        }
        guard scene.width.isFinite, scene.height.isFinite, scene.width > 0, scene.height > 0 else {
            throw CairoError(path: "cairo", message: "canvas size must be positive, not \(scene.width) × \(scene.height)")
        }
        try CairoPainter.checkSides(width: scene.width, height: scene.height, scale: scale, hint: oversizeHint)
        return (Int((scene.width * scale).rounded(.up)), Int((scene.height * scale).rounded(.up)))
    }

    /// Refuses, before anything is allocated, a canvas of `width × height` at `scale` beyond `maxSide` device
    /// units a side; a side still unknown (`nil`, e.g. only `--width` given) shows as `auto`. Errors name `cairo`
    /// until the caller relabels them with the file; `hint` says what to change.
    public static func checkSides(width: Double?, height: Double?, scale: Double,
                                  hint: String = sizeOptionsHint) throws(CairoError) {
        let w = width.map { ($0 * scale).rounded(.up) }, h = height.map { ($0 * scale).rounded(.up) }
        let limit = Double(maxSide)
        guard (w ?? 0) > limit || (h ?? 0) > limit else { return }
        func side(_ v: Double?) -> String { v.map { $0 < 1e15 ? String(Int($0)) : String($0) } ?? "auto" }
        throw CairoError(path: "cairo", message: "canvas \(side(w)) × \(side(h)) exceeds the limit of \(maxSide) pixels a side; \(hint)")
    }
}
