import NNVizEngine
import NNVizScene
import Testing
@testable import NNVizRender

/// The filmstrip of decision regions over training, checked on its scene, and the concurrent grid evaluation it reads.
@Suite struct FilmstripTests {
    /// xor-train (2-4-1 sigmoid) trained 300 epochs at η = 1, snapshots at the default geometric epochs.
    static func run() throws -> (TrainingResult, Dataset) {
        let data = try Dataset.resolve("xor")
        let options = TrainingOptions(epochs: 300, learningRate: 1, snapshots: TrainingOptions.defaultSnapshots(epochs: 300))
        let trainer = try Trainer(network: try FigureTestSupport.example("xor-train"), data: data, options: options, source: "xor-train")
        return (try trainer.run(), data)
    }

    static func fields(_ result: TrainingResult, _ data: Dataset, resolution: Int = 60) -> [SnapshotField] {
        SnapshotField.evaluate(result.snapshots, xRange: -0.5...1.5, yRange: -0.5...1.5, resolution: resolution, data: data.points)
    }

    @Test func geometricSeriesAndColumns() {
        #expect(TrainingOptions.defaultSnapshots(epochs: 3000) == [0, 1, 3, 10, 30, 100, 300, 1000, 3000])
        #expect(TrainingOptions.geometricEpochs(count: 5, epochs: 3000) == [0, 6, 54, 404, 3000])
        #expect(TrainingOptions.geometricEpochs(count: 10, epochs: 4) == [0, 1, 2, 3, 4])
        #expect(TrainingOptions.geometricEpochs(count: 4, epochs: 3) == [0, 1, 2, 3])
        #expect([1, 4, 5, 8, 9, 10, 11, 16].map(Filmstrip.defaultColumns) == [1, 4, 5, 4, 5, 5, 4, 4])
    }

    @Test func concurrentGridsEqualOneAtATime() throws {
        let (result, data) = try Self.run()
        let fields = Self.fields(result, data)
        #expect(fields.map(\.epoch) == [0, 1, 3, 10, 30, 100, 300])
        for (f, s) in zip(fields, result.snapshots) {
            let alone = s.network.evaluateGrid(xRange: -0.5...1.5, yRange: -0.5...1.5, resolution: 60, hiddenResolution: 0)
            #expect(f.field.values == alone.values)
            #expect(try f.trace == s.network.forward(data.points))
        }
    }

    @Test func panelsShareOneScaleAndCarryTheirNumbers() throws {
        let (result, data) = try Self.run()
        let strip = Filmstrip(snapshots: Self.fields(result, data), history: result.history, data: data.points, labels: data.labels)
        let scene = strip.scene(measurer: FigureTestSupport.measurer)
        let names = (0..<7).map { "epoch \([0, 1, 3, 10, 30, 100, 300][$0])" }
        #expect(scene.items(role: "field").map(\.name) == names)
        #expect(scene.texts.filter { $0.hasPrefix("epoch ") } == names)
        // Each panel's statistics are its epoch's record: untrained, then learned.
        let stats = FigureTestSupport.texts(scene, role: "panel-stats").map(\.text)
        #expect(stats.first == "loss " + LossCurve.number(result.history[0].loss) + " · accuracy 50 %")
        #expect(stats.last == "loss " + LossCurve.number(result.history[300].loss) + " · accuracy 100 %")
        // One sigmoid scale, 0…1 around 0.5, for every panel; the field's top-left pixel is that scale's colour.
        let scale = try #require(strip.sharedScale)
        #expect(scale.lower == 0 && scale.upper == 1)
        for (i, item) in scene.items(role: "field").enumerated() {
            guard case .raster(let r, _, _) = item.primitive else { Issue.record("field is not a raster"); continue }
            let c = scale.color(Double(strip.snapshots[i].field.values[0]))
            #expect(r.color(x: 0, y: 0) == Color(r: (c.r * 255).rounded() / 255, g: (c.g * 255).rounded() / 255,
                                                 b: (c.b * 255).rounded() / 255))
        }
        // The data on every panel; crosses on the untrained one, none once XOR is learned (accuracy 100 %).
        #expect(scene.items(role: "point").count == 7 * 4)
        #expect(scene.items(role: "misclassified").count % 2 == 0)
        #expect(scene.items(role: "legend").contains { $0.name == "misclassified" })
        // Panels do not overlap, and the same input gives the same scene.
        let frames = scene.items(role: "axes-frame").compactMap { item -> Rect? in
            if case .rect(let r, _, _, _) = item.primitive { return r } else { return nil }
        }
        #expect(frames.count == 7)
        for (i, a) in frames.enumerated() { for b in frames[(i + 1)...] { #expect(a.maxX <= b.x || b.maxX <= a.x || a.maxY <= b.y || b.maxY <= a.y) } }
        #expect(strip.scene(measurer: FigureTestSupport.measurer) == scene)
        let numbers = FigureTestSupport.allNumbers(scene)
        #expect(numbers.allSatisfy { $0.isFinite })
    }

    @Test func fitsAGivenSlide() throws {
        let (result, data) = try Self.run()
        let strip = Filmstrip(snapshots: Self.fields(result, data), history: result.history, data: data.points, labels: data.labels,
                              options: FigureOptions(width: 1280, height: 720))
        let scene = strip.scene(measurer: FigureTestSupport.measurer)
        #expect(scene.width == 1280 && scene.height == 720)
        for item in scene.items(role: "axes-frame") {
            guard case .rect(let r, _, _, _) = item.primitive else { continue }
            #expect(r.maxX <= 1280 && r.maxY <= 720)
        }
    }

    /// Every text of `scene` with the box it covers (a text turned a quarter covers its height across).
    static func textBoxes(_ scene: Scene) -> [(text: String, rect: Rect)] {
        let b = SceneBuilder(width: 1, height: 1, options: FigureOptions(), measurer: FigureTestSupport.measurer)
        return scene.items.compactMap { item in
            guard case .text(let s, let at, let font, _, let anchor, let baseline, let rotation) = item.primitive, !s.isEmpty else { return nil }
            let r = b.textRect(s, at: at, font: font, anchor: anchor, baseline: baseline)
            guard rotation != 0 else { return (s, r) }
            return (s, Rect(x: at.x - r.height, y: at.y - r.width / 2, width: r.height, height: r.width))
        }
    }

    /// At small, slide and tall sizes, with 5 and 9 panels, the panels reflow so that every text (titles, panel
    /// headers, tick labels, the colour bar and the key) lies inside the canvas and no two texts overlap; when 9
    /// panels do not fit 480 × 320 at full size, the fitted figure is shrunk as a whole rather than clipped.
    @Test(arguments: [(480.0, 320.0, 5), (480, 320, 9), (640, 420, 9), (1280, 720, 9), (600, 1200, 9), (640, 420, 5)])
    func textStaysInsideAndApartAtEverySize(_ width: Double, _ height: Double, _ panels: Int) throws {
        let data = try Dataset.resolve("xor")
        let epochs = panels == 9 ? [0, 1, 3, 10, 30, 100, 200, 250, 300] : [0, 10, 100, 200, 300]
        let options = TrainingOptions(epochs: 300, learningRate: 1, snapshots: epochs)
        let result = try Trainer(network: try FigureTestSupport.example("xor-train"), data: data, options: options, source: "x").run()
        let strip = Filmstrip(snapshots: Self.fields(result, data), history: result.history, data: data.points, labels: data.labels,
                              options: FigureOptions(width: width, height: height))
        // 9 panels in 480 × 320 fit only with the whole figure shrunk (text included), which `fittedScene` does.
        let scene = try strip.fittedScene(measurer: FigureTestSupport.measurer)
        #expect(scene.width == width && scene.height == height)
        #expect(scene.items(role: "panel-title").count == panels)
        let boxes = Self.textBoxes(scene)
        for (text, r) in boxes {
            #expect(r.x >= -0.5 && r.y >= -0.5 && r.maxX <= scene.width + 0.5 && r.maxY <= scene.height + 0.5,
                    "\(width)×\(height): '\(text)' at \(r) leaves the canvas")
        }
        for (i, a) in boxes.enumerated() {
            for b in boxes[(i + 1)...] {
                let apart = a.rect.maxX <= b.rect.x + 0.5 || b.rect.maxX <= a.rect.x + 0.5 || a.rect.maxY <= b.rect.y + 0.5 || b.rect.maxY <= a.rect.y + 0.5
                #expect(apart, "\(width)×\(height): '\(a.text)' \(a.rect) overlaps '\(b.text)' \(b.rect)")
            }
        }
    }
}
