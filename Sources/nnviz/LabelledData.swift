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

    /// The JSON form: `{"x": [[…], …], "y": [k, …]}`.
    struct JSONForm: Decodable {
        let x: [[Double]]
        let y: [Double]
    }

    static func json(_ bytes: [UInt8], source: String, inputs: Int) throws(NNVizError) -> LabelledData {
        let form: JSONForm
        do {
            form = try JSONDecoder().decode(JSONForm.self, from: Data(bytes))
        } catch let DecodingError.keyNotFound(key, _) {
            throw NNVizError(source, key.stringValue, "missing; expected {\"x\": [[…]], \"y\": […]}")
        } catch let DecodingError.typeMismatch(_, context) {
            throw NNVizError(source, path(context.codingPath), "is not a number where one is expected")
        } catch let DecodingError.valueNotFound(_, context) {
            throw NNVizError(source, path(context.codingPath), "is null where a number is expected")
        } catch {
            throw NNVizError(source, "", "not valid JSON; expected {\"x\": [[…]], \"y\": […]}")
        }
        guard form.x.count == form.y.count else {
            throw NNVizError(source, "y", "has \(form.y.count) classes but x has \(form.x.count) rows")
        }
        guard !form.x.isEmpty else { throw NNVizError(source, "x", "no data rows") }
        var rows: [Double] = [], labels: [Int] = []
        for (i, row) in form.x.enumerated() {
            guard row.count == inputs else { throw NNVizError(source, "x[\(i)]", "has \(row.count) values but needs \(inputs), one per network input") }
            if let j = row.firstIndex(where: { !$0.isFinite }) { throw NNVizError(source, "x[\(i)][\(j)]", "is not a finite number") }
            rows += row
            guard let k = label(form.y[i]) else { throw NNVizError(source, "y[\(i)]", "is not a whole number ≥ 0") }
            labels.append(k)
        }
        return LabelledData(points: Matrix(rows: labels.count, cols: inputs, data: rows), labels: labels)
    }

    /// `x[2][1]` from a decoding path.
    static func path(_ keys: [any CodingKey]) -> String {
        var s = ""
        for k in keys {
            if let i = k.intValue { s += "[\(i)]" } else { s += (s.isEmpty ? "" : ".") + k.stringValue }
        }
        return s
    }
}
