import NNVizScene

/// What a figure file says about itself besides its drawing: its title and alt text (SVG `<title>`/`<desc>`, PDF
/// title and subject, both with nnviz as creator) and, for SVG, the root's `width` and `height` as the user gave
/// them (`85mm`), the `viewBox` staying in points, so SVG prints at the size PDF and PNG do.
public struct DocumentInfo: Sendable, Equatable {
    public var title: String
    public var description: String
    /// The SVG root's `width` and `height` attributes (`85mm`, `60mm`); nil keeps Cairo's `px`.
    public var svgWidth: String?
    public var svgHeight: String?

    public init(title: String = "", description: String = "", svgWidth: String? = nil, svgHeight: String? = nil) {
        self.title = title; self.description = description; self.svgWidth = svgWidth; self.svgHeight = svgHeight
    }

    /// The creator every nnviz PDF names.
    public static let creator = "nnviz"

    /// `svg` with the root's size rewritten and `<title>`/`<desc>` (referenced by `aria-labelledby`, `role="img"`)
    /// as its first children. Text is XML-escaped; the rest of the document is copied byte for byte.
    func annotate(svg: [UInt8]) -> [UInt8] {
        guard let (open, close) = svg.withUnsafeBufferPointer({ Self.root($0) }) else { return svg }
        var root = String(decoding: svg[open..<close], as: UTF8.self)
        func set(_ name: String, _ value: String?) {
            guard let value, let r = root.range(of: " \(name)=\"") , let end = root[r.upperBound...].firstIndex(of: "\"") else { return }
            root.replaceSubrange(r.upperBound..<end, with: DocumentInfo.escaped(value))
        }
        set("width", svgWidth)
        set("height", svgHeight)
        var children = ""
        var labels: [String] = []
        if !title.isEmpty { children += "\n<title id=\"nnviz-title\">\(DocumentInfo.escaped(title))</title>"; labels.append("nnviz-title") }
        if !description.isEmpty {
            children += "\n<desc id=\"nnviz-desc\">\(DocumentInfo.escaped(description))</desc>"; labels.append("nnviz-desc")
        }
        if !labels.isEmpty { root += " role=\"img\" aria-labelledby=\"\(labels.joined(separator: " "))\"" }
        return Array(svg[..<open]) + Array(root.utf8) + [UInt8(ascii: ">")] + Array(children.utf8) + Array(svg[(close + 1)...])
    }

    static func escaped(_ s: String) -> String {
        var out = ""
        for ch in DrawableText.of(s) {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(ch)
            }
        }
        return out
    }

    private static let rootTag = Array("<svg ".utf8)

    /// Where the root tag `<svg …>` starts and the index of its `>`, if the document has one yet.
    static func root(_ s: UnsafeBufferPointer<UInt8>) -> (Int, Int)? {
        guard let open = find(s, rootTag, from: 0), let close = find(s, [UInt8(ascii: ">")], from: open) else { return nil }
        return (open, close)
    }

    private static func find(_ hay: UnsafeBufferPointer<UInt8>, _ needle: [UInt8], from: Int) -> Int? {
        guard needle.count <= hay.count else { return nil }
        var i = from
        while i <= hay.count - needle.count {
            if hay[i] == needle[0], UnsafeBufferPointer(rebasing: hay[i..<(i + needle.count)]).elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}
