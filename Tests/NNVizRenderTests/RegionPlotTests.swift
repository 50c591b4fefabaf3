import Testing
import NNVizEngine
import NNVizScene
@testable import NNVizRender

@Suite struct RegionPlotTests {
    typealias S = FigureTestSupport

    static func xorPlot(_ name: String = "xor", labels: [Int] = [0, 1, 1, 0], neurons: Bool = true) throws -> (RegionPlot, Scene) {
        let net = try S.example(name)
        let g = net.evaluateGrid(xRange: -0.5...1.5, yRange: -0.5...1.5, resolution: 200)
        let plot = RegionPlot(network: net, field: g, data: S.corners, labels: labels, trace: try net.forward(S.corners),
                              options: RegionOptions(neurons: neurons))
        return (plot, plot.scene(measurer: S.measurer))
    }

    /// The field raster's colour at data point (x, y).
    static func fieldColor(_ scene: Scene, _ x: Double, _ y: Double) throws -> Color {
        guard case .raster(let r, _, _)? = scene.item(role: "field", name: "output")?.primitive else { throw FieldMissing() }
        let col = Int((x + 0.5) / 2 * Double(r.width)), row = Int((1.5 - y) / 2 * Double(r.height))
        return r.color(x: col, y: row)
    }
    struct FieldMissing: Error {}

    @Test func xorCornersFallOnTheirSides() throws {
        for name in ["xor", "xor-sigmoid"] {
            let (plot, scene) = try Self.xorPlot(name)
            let scale = try #require(plot.outputScale)
            #expect(scale.center == 0.5)
            let one = scale.color(1), zero = scale.color(0)
            func close(_ a: Color, _ b: Color) -> Bool { abs(a.r - b.r) < 0.01 && abs(a.g - b.g) < 0.01 && abs(a.b - b.b) < 0.01 }
            // Off-diagonal corners on the > 0.5 (blue) side, diagonal ones on the < 0.5 (orange) side.
            #expect(close(try Self.fieldColor(scene, 0, 1), one), "\(name)")
            #expect(close(try Self.fieldColor(scene, 1, 0), one), "\(name)")
            #expect(close(try Self.fieldColor(scene, 0, 0), zero), "\(name)")
            #expect(close(try Self.fieldColor(scene, 1, 1), zero), "\(name)")
            #expect(one.b > one.r && zero.r > zero.b)
        }
    }

    @Test func boundaryIsAVectorContourOnTheTwoXorLines() throws {
        let (_, scene) = try Self.xorPlot()
        let contours = scene.items(role: "contour")
        #expect(contours.count == 1)
        guard case .path(let path, nil, let stroke?)? = contours.first?.primitive else { Issue.record("no contour path"); return }
        #expect(stroke.width == 2)
        guard case .rect(let f, _, _, _)? = scene.item(role: "axes-frame", name: "main")?.primitive else {
            Issue.record("no axes frame"); return
        }
        let points = path.elements.compactMap { e -> Point? in
            switch e { case .move(let p), .line(let p): return p; default: return nil }
        }
        #expect(points.count > 100)
        for p in points {
            let x = -0.5 + (p.x - f.x) / f.width * 2, y = 1.5 - (p.y - f.y) / f.height * 2
            // Every boundary point lies on x1 + x2 = 0.5 (OR) or 1.5 (AND), within three grid cells (cells are 0.01).
            let d = Swift.min(abs(x + y - 0.5), abs(x + y - 1.5))
            #expect(d < 0.03, "(\(x), \(y)) is off both XOR lines")
        }
    }

    @Test func pointsLegendAndColourBarArePresent() throws {
        let (plot, scene) = try Self.xorPlot()
        #expect(scene.items(role: "point").count == 4)
        #expect(scene.items(role: "misclassified").isEmpty)
        #expect(S.fill(scene.item(role: "point", name: "class 1 #1")) == Palette.positive)
        #expect(S.fill(scene.item(role: "point", name: "class 0 #0")) == Palette.negative)
        #expect(scene.item(role: "colorbar", name: "output") != nil)
        #expect(scene.item(role: "legend", name: "boundary") != nil)
        #expect(scene.texts.contains("x1") && scene.texts.contains("x2"))
        #expect(plot.misclassifiedCount == 0)
    }

    @Test func misclassifiedPointsAreCrossed() throws {
        let (plot, scene) = try Self.xorPlot(labels: [0, 1, 1, 1])
        #expect(plot.misclassifiedCount == 1)
        #expect(Set(scene.items(role: "misclassified").map(\.name)) == ["#3"])
        #expect(scene.texts.contains("misclassified (1)"))
    }

    @Test func neuronThumbnailsShowOrAndAnd() throws {
        let (_, scene) = try Self.xorPlot()
        #expect(scene.items(role: "thumbnail").map(\.name) == ["hidden · OR", "hidden · AND"])
        #expect(scene.items(role: "thumb-contour").count == 2)
        guard case .raster(let r, _, _)? = scene.item(role: "thumbnail", name: "hidden · AND")?.primitive else { return }
        // AND is on only near (1, 1): top-right of the thumbnail is blue, bottom-left orange.
        let tr = r.color(x: r.width - 1, y: 0), bl = r.color(x: 0, y: r.height - 1)
        #expect(tr.b > tr.r && bl.r > bl.b)
    }

    /// Two thumbnails stack in one column as large as the main plot's height allows, and stay within it.
    @Test func thumbnailsFillThePlotHeight() throws {
        let (_, scene) = try Self.xorPlot()
        let frames: [Rect] = scene.items(role: "thumbnail").compactMap {
            if case .raster(_, let f, _) = $0.primitive { return f } else { return nil }
        }
        guard case .raster(_, let main, _)? = scene.item(role: "field", name: "output")?.primitive, frames.count == 2 else {
            Issue.record("missing field or thumbnails"); return
        }
        #expect(frames[0].x == frames[1].x && frames[1].y > frames[0].maxY)
        #expect(frames[0].width >= 120 && frames[0].width <= 180)
        #expect(frames[1].maxY <= main.maxY)
    }

    @Test func severalOutputsAreCategoricalWithAClassLegend() throws {
        let iris = try S.example("iris")
        let g = iris.evaluateGrid(axes: (2, 3), xRange: -3...3, yRange: -3...3, resolution: 120, slice: [0.5, -0.5, 0, 0])
        let plot = RegionPlot(network: iris, field: g)
        let scene = plot.scene(measurer: S.measurer)
        #expect(scene.item(role: "colorbar", name: "output") == nil)
        for name in ["setosa", "versicolor", "virginica"] { #expect(scene.texts.contains(name)) }
        #expect(plot.sliceText == "other inputs fixed: sepal_length = 0.50, sepal_width = −0.50")
        #expect(scene.items(role: "subtitle").count == 1)
        #expect(S.texts(scene, role: "subtitle").first?.text.contains(plot.sliceText) == true)
        // Each cell's colour is its arg-max class's Okabe–Ito colour, lightened.
        guard case .raster(let r, _, _)? = scene.item(role: "field", name: "output")?.primitive else { return }
        let k = Int(g.classes[0])
        let c = r.color(x: 0, y: 0), base = Palette.classColor(k)
        #expect(abs((c.r - 1) * (base.g - 1) - (c.g - 1) * (base.r - 1)) < 0.02)  // on the white–class line
    }

    @Test func defaultRangesFollowTheData() throws {
        let none = RegionPlot.defaultRanges(data: nil, axes: (0, 1))
        #expect(none.x == -0.5...1.5 && none.y == -0.5...1.5)
        let d = try Matrix([[0, 10], [4, 20]])
        let r = RegionPlot.defaultRanges(data: d, axes: (0, 1))
        #expect(r.x == -0.4...4.4 && r.y == 9...21)
    }

    @Test func marchingSquaresTracesACircle() {
        let n = 101
        let lines = MarchingSquares.contour(n: n, level: 0.3) { r, c in
            let x = Double(c) / 50 - 1, y = Double(r) / 50 - 1
            return (x * x + y * y).squareRoot()
        }
        #expect(lines.count == 1)
        let line = lines[0]
        #expect(line.first! == line.last!)  // a closed loop
        for p in line {
            let x = p.x / 50 - 1, y = p.y / 50 - 1
            #expect(abs((x * x + y * y).squareRoot() - 0.3) < 0.002)
        }
    }

    /// One evaluation per plot pixel, but never a grid over the evaluation limit (a 5000-px-high plot at scale 8
    /// would be 38800² cells).
    @Test func defaultResolutionStaysWithinTheEvaluationLimit() {
        #expect(RegionOptions().defaultResolution(scale: 2) == 960)
        let tall = RegionOptions(figure: FigureOptions(height: 5000))
        #expect(tall.defaultResolution(scale: 8) == 4000)
        #expect(tall.defaultResolution(scale: 1, maxEvaluations: 10_000) == 100)
    }
}
