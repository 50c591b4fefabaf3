import Mustache
import NNVizEngine

/// Renders a Mustache template within a budget of output bytes and steps, so a template that repeats sections
/// over lists exponentially (twelve nested `{{#summary.rows}}`) or a long value through many tags is refused in
/// about a second instead of running for minutes or filling the memory.
///
/// The renderer (swift-mustache) recurses and cannot be stopped, so the page is handed to it converted: every
/// value with properties is a `Node` and every list a `List` that charge the budget. A look-up costs a step, its length in
/// bytes for text, and the text of a section's body of that name (written once for a value that is not a list);
/// one repetition of a list costs a step and that body's text again (the most a repetition writes besides its
/// values and nested sections, which are charged when they are looked up). Once the budget is spent, every look-up finds
/// nothing and every list ends, so the renderer unwinds quickly, and the render is refused. The finished text is
/// checked against the byte limit too (HTML escaping can lengthen values).
final class MustacheBudget {
    /// Most bytes one rendered file may have (64 MiB).
    static let defaultMaxBytes = 64 << 20
    /// Most steps (look-ups and section repetitions) of one render; the default page of a 1,000-layer network
    /// takes about 100,000.
    static let defaultMaxSteps = 1_000_000

    enum Overrun { case bytes, steps }

    let maxBytes: Int
    let maxSteps: Int
    /// Longest section body per looked-up name, and over all sections (for lists reached without a name).
    let bodies: [String: Int]
    let widestBody: Int
    private(set) var bytes = 0
    private(set) var steps = 0
    private(set) var overrun: Overrun?
    /// The name looked up when the budget ran out.
    private(set) var lastName = ""

    init(bodies: [String: Int], maxBytes: Int = MustacheBudget.defaultMaxBytes, maxSteps: Int = MustacheBudget.defaultMaxSteps) {
        self.bodies = bodies
        widestBody = bodies.values.max() ?? 0
        self.maxBytes = maxBytes
        self.maxSteps = maxSteps
    }

    /// Renders `object` with `template`, or throws naming `source` when the output or the work would exceed the budget.
    static func render(_ template: MustacheTemplate, _ object: Any, bodies: [String: Int], source: String,
                       maxBytes: Int = defaultMaxBytes, maxSteps: Int = defaultMaxSteps) throws(NNVizError) -> String {
        let budget = MustacheBudget(bodies: bodies, maxBytes: maxBytes, maxSteps: maxSteps)
        let text = template.render(budget.convert(object, name: nil))
        if budget.overrun == nil, text.utf8.count > maxBytes { budget.overrun = .bytes }
        guard let overrun = budget.overrun else { return text }
        let at = budget.lastName.isEmpty ? "" : "'\(budget.lastName)'"
        switch overrun {
        case .bytes:
            throw NNVizError(source, at, "rendering would produce more than \(maxBytes) bytes; the template repeats sections or long values too often for this report")
        case .steps:
            throw NNVizError(source, at, "rendering would take more than \(maxSteps) steps (look-ups and section repetitions); the template nests sections over lists too deeply for this report")
        }
    }

    /// Takes `steps` and `bytes` from the budget; false once it is spent.
    func charge(steps: Int, bytes: Int, name: String) -> Bool {
        guard overrun == nil else { return false }
        self.steps += steps
        self.bytes = self.bytes > Int.max - bytes ? Int.max : self.bytes + bytes
        if self.bytes > maxBytes { overrun = .bytes } else if self.steps > maxSteps { overrun = .steps }
        if overrun != nil { lastName = name }
        return overrun == nil
    }

    /// `value` as the renderer will see it, converted once before rendering (reflection is slow, and a look-up in
    /// a dictionary is not): text and numbers as they are, lists as `List`, anything with properties as `Node`.
    func convert(_ value: Any, name: String?) -> Any {
        switch value {
        case is String, is Bool, is Int, is Double, is MustacheTemplate:
            return value
        default:
            if let sequence = value as? any MustacheSequence {
                func elements<S: Sequence>(_ s: S) -> [Any] { s.map { convert($0, name: nil) } }
                let cost = name.flatMap { bodies[$0] } ?? widestBody
                return List(original: value, elements: elements(sequence), name: name ?? ".", cost: cost, budget: self)
            }
            var fields: [String: Any] = [:]
            if let dictionary = value as? [String: Any] {
                for (k, v) in dictionary { if let v = Node.unwrap(v) { fields[k] = convert(v, name: k) } }
            } else {
                for child in Mirror(reflecting: value).children {
                    guard let label = child.label, fields[label] == nil, let v = Node.unwrap(child.value) else { continue }
                    fields[label] = convert(v, name: label)
                }
            }
            return Node(original: value, fields: fields, budget: self)
        }
    }

    /// A value with properties, looked up by name, each look-up charged (text also by its length).
    struct Node: MustacheParent, MustacheCustomRenderable, MustacheTransformable {
        let original: Any
        let fields: [String: Any]
        let budget: MustacheBudget

        func child(named name: String) -> Any? {
            // A section of this name writes its body once for a value that is not a list (or an empty one, for
            // `^`), or for none; a list's repetitions are charged as they come.
            let value = fields[name]
            var bytes = (value as? List).map { $0.elements.isEmpty } ?? true ? budget.bodies[name] ?? 0 : 0
            switch value {
            case let s as String: bytes += s.utf8.count
            case is Bool, is Int, is Double: bytes += 24
            default: break
            }
            guard budget.charge(steps: 1, bytes: bytes, name: name) else { return nil }
            return value
        }

        /// The value an `Optional` holds, `nil` for `nil`, anything else as it is.
        static func unwrap(_ value: Any) -> Any? {
            let mirror = Mirror(reflecting: value)
            guard mirror.displayStyle == .optional else { return value }
            return mirror.children.first.map(\.value)
        }

        var renderText: String { String(describing: original) }
        var isNull: Bool { false }

        func transform(_ name: String) -> Any? {
            (original as? MustacheTransformable)?.transform(name).flatMap { Node.unwrap($0) }.map { budget.convert($0, name: nil) }
        }
    }

    /// A list whose every repetition of a section is charged a step and the section body's length.
    struct List: MustacheSequence, MustacheTransformable, MustacheCustomRenderable {
        let original: Any
        let elements: [Any]
        let name: String
        let cost: Int
        let budget: MustacheBudget

        struct Iterator: IteratorProtocol {
            let list: List
            var index = 0
            mutating func next() -> Any? {
                guard index < list.elements.count, list.budget.charge(steps: 1, bytes: list.cost, name: list.name) else { return nil }
                defer { index += 1 }
                return list.elements[index]
            }
        }

        func makeIterator() -> Iterator { Iterator(list: self) }

        var renderText: String { String(describing: original) }
        var isNull: Bool { false }

        func transform(_ transform: String) -> Any? {
            (original as? MustacheTransformable)?.transform(transform).flatMap { Node.unwrap($0) }.map { budget.convert($0, name: name) }
        }
    }
}
