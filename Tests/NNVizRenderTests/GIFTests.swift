import CGif
import Foundation
import NNVizScene
import Testing
@testable import NNVizCairo

/// The animated GIF writer: decoded back by giflib (DGifSlurp), frame by frame, and the same bytes on a rerun.
@Suite struct GIFTests {
    /// `w × h` frames of flat colour with a square that moves: few colours, so every pixel must come back exactly.
    static func frames(_ n: Int, w: Int = 40, h: Int = 30) -> [Raster] {
        (0..<n).map { k in
            var px = [UInt8](repeating: 255, count: w * h * 4)
            for y in 0..<h {
                for x in 0..<w {
                    let i = (y * w + x) * 4
                    let inSquare = x >= 3 * k && x < 3 * k + 8 && y >= 5 && y < 13
                    let c: [UInt8] = inSquare ? [8, 119, 189] : (x < 4 ? [245, 147, 34] : [255, 255, 255])
                    px[i] = c[0]; px[i + 1] = c[1]; px[i + 2] = c[2]
                }
            }
            return Raster(width: w, height: h, pixels: px)
        }
    }

    /// The frames giflib decodes, composited (each sub-image drawn over the frame before, as the disposal says).
    static func decode(_ bytes: [UInt8]) throws -> (count: Int, width: Int, height: Int, frames: [[UInt8]]) {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nnviz-gif-\(UUID().uuidString).gif")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        var error: Int32 = 0
        let gif = try #require(DGifOpenFileName(url.path, &error))
        defer { DGifCloseFile(gif, &error) }
        #expect(DGifSlurp(gif) == GIF_OK)
        let W = Int(gif.pointee.SWidth), H = Int(gif.pointee.SHeight)
        let map = try #require(gif.pointee.SColorMap)
        var canvas = [UInt8](repeating: 0, count: W * H * 3)
        var out: [[UInt8]] = []
        for k in 0..<Int(gif.pointee.ImageCount) {
            let s = gif.pointee.SavedImages[k]
            let d = s.ImageDesc
            for y in 0..<Int(d.Height) {
                for x in 0..<Int(d.Width) {
                    let c = map.pointee.Colors[Int(s.RasterBits[y * Int(d.Width) + x])]
                    let i = ((y + Int(d.Top)) * W + x + Int(d.Left)) * 3
                    canvas[i] = c.Red; canvas[i + 1] = c.Green; canvas[i + 2] = c.Blue
                }
            }
            out.append(canvas)
        }
        return (Int(gif.pointee.ImageCount), W, H, out)
    }

    @Test func framesDecodeExactlyAndRerunsAreIdentical() throws {
        let frames = Self.frames(4)
        let bytes = try GIFEncoder.encode(frames, delays: [100, 50, 50, 300])
        #expect(Array(bytes.prefix(6)) == Array("GIF89a".utf8))
        let decoded = try Self.decode(bytes)
        #expect(decoded.count == 4 && decoded.width == 40 && decoded.height == 30)
        for (f, d) in zip(frames, decoded.frames) {
            var rgb: [UInt8] = []
            for (i, byte) in f.pixels.enumerated() where i % 4 != 3 { rgb.append(byte) }
            #expect(rgb == d)
        }
        #expect(try GIFEncoder.encode(frames, delays: [100, 50, 50, 300]) == bytes)
        #expect(throws: CairoError.self) { try GIFEncoder.encode(frames, delays: [1]) }
    }

    @Test func manyColoursShareOnePaletteWithoutBanding() throws {
        // A smooth two-colour gradient with 2,000 distinct colours, and text-like specks: the palette keeps the flat
        // background exactly and stays close everywhere along the gradient.
        let w = 400, h = 20
        var px = [UInt8](repeating: 255, count: w * h * 4)
        for y in 0..<h {
            for x in 0..<w {
                let i = (y * w + x) * 4, t = Double(x) / Double(w - 1), u = Double(y) / Double(h - 1)
                guard x >= 40 else { continue }
                px[i] = UInt8((245 * (1 - t) + 8 * t + 4 * u).rounded())
                px[i + 1] = UInt8((147 * (1 - t) + 119 * t + 3 * u).rounded())
                px[i + 2] = UInt8((34 * (1 - t) + 189 * t).rounded())
            }
        }
        let frame = Raster(width: w, height: h, pixels: px)
        let palette = GIFPalette(frames: [frame])
        #expect(palette.colors.count <= 256 && palette.colors.contains(0xFFFFFF))
        #expect(GIFPalette(frames: [frame]) == palette)
        let idx = palette.indices(of: frame)
        var worst = 0
        for i in 0..<(w * h) {
            let c = palette.colors[Int(idx[i])]
            let d = [Int(c >> 16 & 0xFF) - Int(px[4 * i]), Int(c >> 8 & 0xFF) - Int(px[4 * i + 1]), Int(c & 0xFF) - Int(px[4 * i + 2])]
            worst = max(worst, d.map(abs).max() ?? 0)
        }
        #expect(worst <= 4, "largest channel error \(worst)")
    }
}
