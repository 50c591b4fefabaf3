import Foundation
import NNVizEngine

/// Labelled points for `regions --data`: a CSV whose last column is the class, JSON `{"x": [[…]], "y": […]}`,
/// or the bundled name `xor` (the four corners of the unit square labelled 0, 1, 1, 0).
struct LabelledData {
    var points: Matrix
    var labels: [Int]

    /// The points and classes `argument` names, each row with `inputs` values.
    static func load(_ argument: String, inputs: Int) throws(NNVizError) -> LabelledData {
        if !InputFile.exists(argument) && argument == "xor" {
            guard inputs == 2 else { throw NNVizError("--data", "", "the bundled xor points have 2 inputs but the network takes \(inputs)") }
            return LabelledData(points: Matrix([[0, 0], [0, 1], [1, 0], [1, 1]])!, labels: [0, 1, 1, 0])
        }
        switch InputFile.fileExtension(argument) {
        case "csv": return try csv(InputFile.text(argument), source: argument, inputs: inputs)
        case "json": return try json(InputFile.read(argument), source: argument, inputs: inputs)
        default:
            if !InputFile.exists(argument) { throw NNVizError(argument, "", "no such file (or use the bundled data name xor)") }
            throw NNVizError(argument, "", "unknown data format; use .csv (last column the class) or .json {\"x\": [[…]], \"y\": […]}")
        }
    }

    /// A class label: a whole number ≥ 0 written as `1` or `1.0`.
    static func label(_ v: Double) -> Int? {
        guard v.isFinite, v >= 0, v == v.rounded(), v < 1e6 else { return nil }
        return Int(v)
    }

    static func csv(_ text: String, source: String, inputs: Int) throws(NNVizError) -> LabelledData {
        var rows: [Double] = [], labels: [Int] = []
        var lineNo = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNo += 1
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters() }
            // A first row that does not start with a number is a header.
            if labels.isEmpty && rows.isEmpty && Double(fields[0]) == nil { continue }
            guard fields.count == inputs + 1 else {
                throw NNVizError(source, "line \(lineNo)", "has \(fields.count) columns but needs \(inputs + 1): \(inputs) inputs and the class")
            }
            for (c, f) in fields.enumerated() {
                guard let v = Double(f), v.isFinite else {
                    throw NNVizError(source, "line \(lineNo), column \(c + 1)", "'\(f)' is not a finite number")
                }
                if c < inputs {
                    rows.append(v)
                } else {
                    guard let k = label(v) else { throw NNVizError(source, "line \(lineNo), column \(c + 1)", "class '\(f)' is not a whole number ≥ 0") }
                    labels.append(k)
                }
            }
        }
        guard !labels.isEmpty else { throw NNVizError(source, "", "no data rows") }
        return LabelledData(points: Matrix(rows: labels.count, cols: inputs, data: rows), labels: labels)
    }

    static func json(_ bytes: [UInt8], source: String, inputs: Int) throws(NNVizError) -> LabelledData {
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: Data(bytes)) } catch {
            throw NNVizError(source, "", "not valid JSON")
        }
        guard let dict = object as? [String: Any] else { throw NNVizError(source, "", "expected an object {\"x\": [[…]], \"y\": […]}") }
        guard let xs = dict["x"] as? [Any] else { throw NNVizError(source, "x", "missing or not an array of rows") }
        guard let ys = dict["y"] as? [Any] else { throw NNVizError(source, "y", "missing or not an array of classes") }
        guard xs.count == ys.count else { throw NNVizError(source, "y", "has \(ys.count) classes but x has \(xs.count) rows") }
        guard !xs.isEmpty else { throw NNVizError(source, "x", "no data rows") }
        var rows: [Double] = [], labels: [Int] = []
        for (i, row) in xs.enumerated() {
            guard let r = row as? [Any], r.count == inputs else {
                throw NNVizError(source, "x[\(i)]", "needs \(inputs) numbers, one per network input")
            }
            for (j, v) in r.enumerated() {
                guard let n = v as? NSNumber, !(v is Bool), n.doubleValue.isFinite else {
                    throw NNVizError(source, "x[\(i)][\(j)]", "is not a finite number")
                }
                rows.append(n.doubleValue)
            }
            guard let n = ys[i] as? NSNumber, !(ys[i] is Bool), let k = label(n.doubleValue) else {
                throw NNVizError(source, "y[\(i)]", "is not a whole number ≥ 0")
            }
            labels.append(k)
        }
        return LabelledData(points: Matrix(rows: labels.count, cols: inputs, data: rows), labels: labels)
    }
}
