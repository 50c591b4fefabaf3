import Foundation
import NNVizScene

/// Helpers shared by the Cairo tests: scratch folders, pixel comparisons and a scene using every primitive.
enum CairoTestSupport {
    /// A fresh empty folder under the system temporary directory.
    static func scratchFolder(_ label: String) throws -> String {
        let path = NSTemporaryDirectory() + "nnviz-cairo-\(label)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func files(in folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    /// Channel values 0…255 of one pixel.
    static func rgba(_ r: Raster, _ x: Int, _ y: Int) -> [Int] {
        let i = (y * r.width + x) * 4
        return (0..<4).map { Int(r.pixels[i + $0]) }
    }

    /// Largest per-channel difference between two colours given as 0…255 channel arrays.
    static func distance(_ a: [Int], _ b: [Int]) -> Int { zip(a, b).map { abs($0 - $1) }.max() ?? 0 }

    /// A scene exercising every primitive (raster, text, batch, path, dashed line, rounded rect).
    static func everything() -> Scene {
        var s = Scene(width: 200, height: 120, background: .white)
        var batch = LineBatch()
        for i in 0..<6 {
            batch.append(from: Point(10, 10 + Double(i) * 15), to: Point(90, 100 - Double(i) * 12),
                         color: Color(r: 0.03, g: 0.47, b: 0.74, a: 0.3 + 0.1 * Double(i)), width: 0.5 + Double(i) * 0.4)
        }
        s.add(.lines(batch), role: "edge")
        s.add(.line(from: Point(5, 115), to: Point(195, 115), stroke: Stroke(.black, width: 1, dash: [3, 2])), role: "axis")
        s.add(.circle(center: Point(100, 60), radius: 12, fill: Color(hex: "#56B4E9"), stroke: Stroke(.black)), role: "node")
        s.add(.rect(Rect(x: 120, y: 10, width: 30, height: 20), fill: Color(r: 1, g: 0, b: 0), stroke: nil, cornerRadius: 4), role: "box")
        s.add(.raster(Raster(width: 2, height: 1, pixels: [255, 0, 0, 255, 0, 0, 255, 255]),
                      frame: Rect(x: 160, y: 10, width: 30, height: 20), smooth: false), role: "raster")
        var p = Path()
        p.move(to: Point(120, 100)); p.curve(to: Point(190, 100), c1: Point(140, 60), c2: Point(170, 60)); p.close()
        s.add(.path(p, fill: Color(r: 0, g: 0.6, b: 0.45, a: 0.5), stroke: Stroke(.black, width: 0.5)), role: "area")
        s.add(.text("w = −0.53", at: Point(150, 50), font: Font(size: 11), color: .black,
                    anchor: .middle, baseline: .middle, rotation: 0), role: "label")
        s.add(.text("axis", at: Point(110, 100), font: Font(size: 11, weight: .bold), color: .black,
                    anchor: .end, baseline: .alphabetic, rotation: -90), role: "label")
        return s
    }
}
