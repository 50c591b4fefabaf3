extension Dataset {
    /// Reads a labelled dataset file: `.csv` (optional header row; the last column is the class) or `.json`
    /// (`{"x": [[…], …], "y": [class, …]}`). Classes are whole numbers from 0; labels -1 and 1 only (TensorFlow
    /// Playground's convention) are read as classes 0 and 1.
    public static func load(path: String, limits: LoadLimits = LoadLimits()) throws(NNVizError) -> Dataset {
        let d: Dataset
        switch InputFile.fileExtension(path) {
        case "csv":
            d = try csv(InputFile.text(path, limit: limits.maxFileBytes), source: path, limits: limits)
        case "json":
            d = try json(InputFile.text(path, limit: limits.maxFileBytes), source: path, limits: limits)
        default:
            throw NNVizError(path, "", "unknown dataset format; use .csv (last column the class) or .json ({\"x\": [[…]], \"y\": […]})")
        }
        try checkPoints(d.points.rows, source: path, limits: limits)
        return d
    }

    /// A CSV dataset: every column but the last is a feature, the last is the class.
    public static func csv(_ text: String, source: String, limits: LoadLimits = LoadLimits()) throws(NNVizError) -> Dataset {
        let table = try CSVBatch.parse(text, source: source, limits: limits)
        guard table.cols >= 2 else {
            throw NNVizError(source, "", "has \(table.cols) column; expected features then a class column (e.g. x1,x2,label)")
        }
        let features = table.cols - 1
        var data: [Double] = []
        data.reserveCapacity(table.rows * features)
        for r in 0..<table.rows { data.append(contentsOf: table.row(r).prefix(features)) }
        let labels = try classes(table.column(features), source: source) { "sample \($0), column \(table.cols)" }
        return Dataset(name: source, uncheckedPoints: Matrix(rows: table.rows, cols: features, uncheckedData: data), labels: labels)
    }

    /// A JSON dataset `{"x": [[…], …], "y": […]}`.
    public static func json(_ text: String, source: String, limits: LoadLimits = LoadLimits()) throws(NNVizError) -> Dataset {
        let root = try SpecDocument.parse(text, source: source)
        let keys = try root.mapping(allowed: ["x", "y"])
        guard let xNode = keys["x"] else { throw root.error("missing key 'x' (a list of points, e.g. [[0, 1], [1, 0]])") }
        guard let yNode = keys["y"] else { throw root.error("missing key 'y' (one class per point, e.g. [1, 1])") }
        let x = try xNode.matrix(limit: limits.maxBatchValues)
        let y = try yNode.vector()
        guard y.count == x.rows else {
            throw yNode.error("has \(y.count) classes but x has \(x.rows) points")
        }
        let labels = try classes(y, source: source) { "y[\($0)]" }
        return Dataset(name: source, uncheckedPoints: x, labels: labels)
    }

    /// Class indices from raw label values: whole numbers 0…255, or exactly the labels -1 and 1.
    static func classes(_ raw: [Double], source: String, location: (Int) -> String) throws(NNVizError) -> [Int] {
        let playground = raw.contains(-1) && raw.allSatisfy { $0 == -1 || $0 == 1 }
        var out: [Int] = []
        out.reserveCapacity(raw.count)
        for (i, v) in raw.enumerated() {
            if playground { out.append(v == 1 ? 1 : 0); continue }
            guard v == v.rounded(), v >= 0, v <= Double(Dataset.maxClass) else {
                throw NNVizError(source, location(i), "class \(v.description) is not a whole number from 0 to 255 (or -1/1)")
            }
            out.append(Int(v))
        }
        return out
    }
}

extension Dataset {
    /// The dataset as JSON `{"x": [[…], …], "y": […]}` in shortest round-trip decimals, one point per line.
    public var json: String {
        let rows = (0..<points.rows).map { r in "    [" + points.row(r).map { $0.description }.joined(separator: ", ") + "]" }
        return "{\n  \"x\": [\n" + rows.joined(separator: ",\n") + "\n  ],\n  \"y\": ["
            + labels.map(String.init).joined(separator: ", ") + "]\n}\n"
    }
}
