#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

import NNVizScene

/// What a laid-out scene breaks, found on the scene itself: text over other text, text over another panel's
/// frame, colour bar or legend, and anything drawn outside the canvas. Each problem names the items involved.
///
/// A value drawn on purpose on its own mark (a cell's value on its cell, an activation in its neuron, a weight
/// label on its edge) is not an overlap with that mark: marks (`cell`, `node`, `edge`, …) are not areas here.
public enum LayoutAudit {
    /// One item's covering rectangle.
    public struct Box: Sendable, Equatable {
        public var role: String
        public var name: String
        public var rect: Rect
        public var isText: Bool
        /// The text drawn, empty for other primitives.
        public var text: String
        public var label: String { "\(role) '\(isText ? text : name)'" }
    }

    /// Roles of the areas text must stay off: panel bodies, their frames, colour bars and thumbnails.
    public static let areaRoles: Set<String> = [
        "axes-frame", "panel-frame", "thumb-frame", "thumbnail", "field", "colorbar", "colorbar-frame", "cells",
        "hinton-background",
    ]

    /// Area roles that are outlines: text may sit wholly inside them (a legend inside its own plot), not across them.
    static let frameRoles: Set<String> = ["axes-frame", "panel-frame", "thumb-frame", "colorbar-frame"]

    /// Text roles drawn on purpose inside an area of their own panel (the value of a cell, a line's end label).
    static let onMarkText: Set<String> = ["cell-value", "elision"]

    /// The rectangle text covers as the painter draws it, rotation included.
    public static func textRect(_ s: String, at p: Point, font: Font, anchor: TextAnchor, baseline: TextBaseline,
                                rotation: Double, measurer: any TextMeasurer) -> Rect {
        let e = measurer.measure(s, font: font)
        let x: Double
        switch anchor {
        case .start: x = 0
        case .middle: x = -e.width / 2
        case .end: x = -e.width
        }
        let y: Double
        switch baseline {
        case .top: y = 0
        case .middle: y = -e.height / 2
        case .alphabetic: y = -e.ascent
        case .bottom: y = -e.height
        }
        guard rotation != 0 else { return Rect(x: p.x + x, y: p.y + y, width: e.width, height: e.height) }
        let a = rotation * Double.pi / 180
        let c = cosine(a), s = sine(a)
        let corners = [(x, y), (x + e.width, y), (x, y + e.height), (x + e.width, y + e.height)].map { q in
            Point(p.x + q.0 * c - q.1 * s, p.y + q.0 * s + q.1 * c)
        }
        let xs = corners.map(\.x), ys = corners.map(\.y)
        return Rect(x: xs.min()!, y: ys.min()!, width: xs.max()! - xs.min()!, height: ys.max()! - ys.min()!)
    }

    /// Every item's rectangle (text as measured; strokes grown by half their width).
    public static func boxes(_ scene: Scene, measurer: any TextMeasurer) -> [Box] {
        scene.items.compactMap { item in
            func box(_ r: Rect?, text: String = "") -> Box? {
                r.map { Box(role: item.role, name: item.name, rect: $0, isText: !text.isEmpty, text: text) }
            }
            func bounds(_ pts: [Point], pad: Double) -> Rect? {
                guard let x0 = pts.map(\.x).min(), let x1 = pts.map(\.x).max(), let y0 = pts.map(\.y).min(),
                      let y1 = pts.map(\.y).max() else { return nil }
                return Rect(x: x0 - pad, y: y0 - pad, width: x1 - x0 + 2 * pad, height: y1 - y0 + 2 * pad)
            }
            switch item.primitive {
            case let .text(s, at, font, _, anchor, baseline, rotation):
                guard !s.isEmpty else { return nil }
                return box(textRect(s, at: at, font: font, anchor: anchor, baseline: baseline, rotation: rotation,
                                    measurer: measurer), text: s)
            case let .line(a, b, s): return box(bounds([a, b], pad: s.width / 2))
            case let .circle(c, r, _, s):
                let g = r + (s?.width ?? 0) / 2
                return box(Rect(x: c.x - g, y: c.y - g, width: 2 * g, height: 2 * g))
            case let .rect(r, _, s, _): return box(r.padded((s?.width ?? 0) / 2, (s?.width ?? 0) / 2))
            case let .raster(_, frame, _): return box(frame)
            case let .path(p, _, s):
                var pts: [Point] = []
                for e in p.elements {
                    switch e {
                    case .move(let q), .line(let q): pts.append(q)
                    case let .curve(a, b, c): pts += [a, b, c]
                    case .close: break
                    }
                }
                return box(bounds(pts, pad: (s?.width ?? 0) / 2))
            case let .lines(batch):
                var pts: [Point] = []
                pts.reserveCapacity(2 * batch.count)
                for i in 0..<batch.count { let s = batch.segment(i); pts += [s.from, s.to] }
                return box(bounds(pts, pad: (batch.widths.max() ?? 0) / 2))
            }
        }
    }

    /// The smallest rectangle holding everything drawn.
    public static func contentBounds(_ scene: Scene, measurer: any TextMeasurer) -> Rect? {
        boxes(scene, measurer: measurer).map(\.rect).reduce(nil as Rect?) { acc, r in acc.map { $0.union(r) } ?? r }
    }

    /// Every problem, one line each naming the items; empty when the layout is clean. `slack` forgives overlaps
    /// and overhangs smaller than itself (antialiasing, font rounding).
    public static func problems(_ scene: Scene, measurer: any TextMeasurer, slack: Double = 0.5) -> [String] {
        let all = boxes(scene, measurer: measurer)
        var out: [String] = []
        let canvas = Rect(x: 0, y: 0, width: scene.width, height: scene.height)
        for b in all {
            let r = b.rect
            if r.x < canvas.x - slack || r.y < canvas.y - slack || r.maxX > canvas.maxX + slack || r.maxY > canvas.maxY + slack {
                out.append("\(b.label) leaves the \(fmt(scene.width)) × \(fmt(scene.height)) canvas at \(describe(r))")
            }
        }
        let texts = all.filter(\.isText)
        func overlap(_ a: Rect, _ b: Rect) -> Bool {
            Swift.min(a.maxX, b.maxX) - Swift.max(a.x, b.x) > slack && Swift.min(a.maxY, b.maxY) - Swift.max(a.y, b.y) > slack
        }
        for (i, a) in texts.enumerated() {
            for b in texts[(i + 1)...] where overlap(a.rect, b.rect) {
                out.append("\(a.label) overlaps \(b.label)")
            }
        }
        let areas = all.filter { !$0.isText && areaRoles.contains($0.role) }
        func inside(_ a: Rect, _ b: Rect) -> Bool { a.x >= b.x && a.y >= b.y && a.maxX <= b.maxX && a.maxY <= b.maxY }
        for t in texts where !onMarkText.contains(t.role) {
            // A frame is crossed, not covered: text wholly inside a panel's frame is that panel's own annotation.
            for a in areas where overlap(t.rect, a.rect) && !(frameRoles.contains(a.role) && inside(t.rect, a.rect)) {
                out.append("\(t.label) overlaps \(a.role) '\(a.name)'")
            }
        }
        // A neuron's own texts (its label inside, its value and bias beside it) may touch it; another's may not.
        let nodes = all.filter { !$0.isText && $0.role == "node" }
        for t in texts where t.role != "header" && !onMarkText.contains(t.role) {
            for n in nodes where n.name != t.name && n.rect.width > 4 && overlap(t.rect, n.rect.insetBy(0.5)) {
                out.append("\(t.label) overlaps node '\(n.name)'")
            }
        }
        return out
    }

    static func fmt(_ v: Double) -> String { LabelFormat.fixed(v, v == v.rounded() ? 0 : 1) }
    static func describe(_ r: Rect) -> String { "(\(fmt(r.x)), \(fmt(r.y)), \(fmt(r.width)) × \(fmt(r.height)))" }
}

private func cosine(_ a: Double) -> Double { cos(a) }
private func sine(_ a: Double) -> Double { sin(a) }

extension LayoutAudit {
    /// Whether everything drawn lies on the canvas (within `slack`).
    public static func staysOnCanvas(_ scene: Scene, measurer: any TextMeasurer, slack: Double = 0.5) -> Bool {
        guard let r = contentBounds(scene, measurer: measurer) else { return true }
        return r.x >= -slack && r.y >= -slack && r.maxX <= scene.width + slack && r.maxY <= scene.height + slack
    }

    /// Whether no two texts overlap (by more than `slack`), and no text covers another neuron than its own; scenes of
    /// very many texts are not checked.
    public static func textsApart(_ scene: Scene, measurer: any TextMeasurer, slack: Double = 0.5) -> Bool {
        let all = boxes(scene, measurer: measurer)
        let texts = all.filter(\.isText)
        guard texts.count <= 4000 else { return true }
        var index = RectIndex()
        for t in texts {
            let inner = t.rect.insetBy(slack)
            if inner.width > 0, inner.height > 0, index.intersectsAny(inner) { return false }
            index.insert(t.rect)
        }
        let nodes = all.filter { !$0.isText && $0.role == "node" }
        guard !nodes.isEmpty, nodes.count <= 4000 else { return true }
        var nodeIndex = RectIndex()
        for n in nodes where n.rect.width > 4 && n.rect.height > 4 { nodeIndex.insert(n.rect.insetBy(0.5)) }
        for t in texts where t.role != "header" && !onMarkText.contains(t.role) {
            let inner = t.rect.insetBy(slack)
            guard inner.width > 0, inner.height > 0, nodeIndex.intersectsAny(inner) else { continue }
            // Only its own neuron under it is allowed.
            if nodes.contains(where: { n in n.name != t.name && n.rect.width > 4 && n.rect.insetBy(0.5).intersects(inner) }) { return false }
        }
        return true
    }
}
