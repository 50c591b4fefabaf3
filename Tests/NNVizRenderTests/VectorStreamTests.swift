import Testing
@testable import NNVizCairo

/// SVG and PDF are rewritten as Cairo streams them (`RewriteStage`): cut into pieces of any size at any place, a
/// document must come out exactly as the same rewrite of the whole document at once.
@Suite struct VectorStreamTests {
    /// A pseudo-SVG full of what the rewrites look for — cairo colours, default styles, surface and image ids — cut
    /// by noise, with near misses (a 25-digit channel, an id without its quote, a truncated `rgb(`).
    static func document(seed: UInt64, tokens: Int) -> [UInt8] {
        var rng = seed
        func next(_ n: Int) -> Int {
            rng = rng &* 6364136223846793005 &+ 1442695040888963407
            return Int((rng >> 33) % UInt64(n))
        }
        let pieces = ["rgb(3.137255%,46.666667%,74.117647%)", "rgb(100%,0%,0%)", "rgb(12345678901234567890123%,0%,0%)",
                      "stroke-linecap:butt;", "stroke-linejoin:miter;", "stroke-linecap:round;", "\"surface12\"", "#surface12)",
                      "\"image7\"", "#image9)", "\"surface\"", "\"image123456789012345\"", "rgb(5%,", "<path style=\"", "\"/>\n",
                      "/CreationDate (200001010000)", "fill:none;", "0123456789"]
        var s = Array("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10pt\" height=\"20pt\">\n".utf8)
        for _ in 0..<tokens {
            s += Array(pieces[next(pieces.count)].utf8)
            if next(3) == 0 { s += (0..<next(5)).map { _ in UInt8(32 + next(90)) } }
        }
        return s + Array("</svg>\n".utf8)
    }

    /// `bytes` through `chain`'s streaming form, handed over in pieces of pseudo-random sizes up to `maxPiece`.
    static func streamed(_ bytes: [UInt8], maxPiece: Int, seed: UInt64, chunk: Int,
                         chain: (ByteStream, Int) -> ByteStream) -> [UInt8] {
        let memory = MemoryStream()
        let head = chain(memory, chunk)
        var rng = seed, i = 0
        bytes.withUnsafeBufferPointer { all in
            while i < all.count {
                rng = rng &* 6364136223846793005 &+ 1442695040888963407
                let n = Swift.min(all.count - i, 1 + Int((rng >> 33) % UInt64(maxPiece)))
                head.write(UnsafeBufferPointer(rebasing: all[i..<(i + n)]))
                i += n
            }
        }
        head.finish()
        return memory.bytes
    }

    @Test func svgRewritesGiveTheSameBytesInPiecesAsWhole() {
        let info = DocumentInfo(title: "A <b> & \"c\"", description: "alt", svgWidth: "85mm", svgHeight: nil)
        for seed in UInt64(1)...6 {
            let doc = Self.document(seed: seed, tokens: 4000)
            var annotation = SVGAnnotation(info)
            let whole = annotation.rewriteAll(SVGCompaction.compact(SVGIds.normalize(doc)))
            #expect(whole != doc)
            #expect(whole.count < doc.count)
            for (maxPiece, chunk) in [(1, 64), (7, 256), (300, 256), (5000, 1 << 16), (doc.count, 300)] {
                let pieces = Self.streamed(doc, maxPiece: maxPiece, seed: seed, chunk: chunk) { sink, chunk in
                    RewriteStage(SVGIds(), next: RewriteStage(SVGCompaction(), next: RewriteStage(SVGAnnotation(info), next: sink, chunk: chunk),
                                                             chunk: chunk), chunk: chunk)
                }
                #expect(pieces == whole, "seed \(seed), pieces ≤ \(maxPiece), chunk \(chunk)")
            }
        }
    }

    @Test func svgRewritesOnKnownText() {
        let doc = Array("<svg width=\"1pt\" height=\"2pt\"><g id=\"surface42\"><path style=\"stroke-linecap:butt;stroke:rgb(3.137255%,46.666667%,74.117647%);\"/><use xlink:href=\"#surface42\"/></g></svg>".utf8)
        var annotation = SVGAnnotation(DocumentInfo(title: "T"))
        let out = annotation.rewriteAll(SVGCompaction.compact(SVGIds.normalize(doc)))
        #expect(String(decoding: out, as: UTF8.self)
                == "<svg width=\"1pt\" height=\"2pt\" role=\"img\" aria-labelledby=\"nnviz-title\">\n<title id=\"nnviz-title\">T</title><g id=\"surface1\"><path style=\"stroke:#0877bd;\"/><use xlink:href=\"#surface1\"/></g></svg>")
    }

    @Test func pdfDateIsFixedInPiecesAsWhole() {
        let doc = Self.document(seed: 9, tokens: 3000)
        let whole = PDFDate.fix(doc)
        #expect(whole.count == doc.count)
        #expect(String(decoding: whole, as: UTF8.self).contains("/CreationDate (D:2000010100)"))
        #expect(!String(decoding: whole, as: UTF8.self).contains("/CreationDate (2000"))
        for maxPiece in [1, 13, 4096] {
            #expect(Self.streamed(doc, maxPiece: maxPiece, seed: 3, chunk: 64) { RewriteStage(PDFDate(), next: $0, chunk: $1) } == whole)
        }
    }
}
