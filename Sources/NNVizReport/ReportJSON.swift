import NNVizEngine

/// `report.json`: the network, the batch's forward pass and the figures' words at full precision (Swift's
/// shortest round-trip doubles), built as a `ReportJSONValue` so the bytes never depend on dictionary order or locale.
enum ReportJSON {
    static func document(network: Network, source: String, samples: String?, trace: Trace?, dataset: Dataset?,
                         figures: [ReportFigure], formats: [String], training: ReportTraining? = nil, animation: String? = nil) -> String {
        var doc: [(key: String, value: ReportJSONValue)] = [
            ("network", .string(network.name)),
            ("source", .string(source)),
            ("inputs", .strings(network.inputLabels)),
            ("sizes", .array(network.sizes.map(ReportJSONValue.int), .inline)),
            ("parameters", .int(network.parameterCount)),
            ("parameterFormula", .string(network.parameterFormula)),
        ]
        let layers = network.layers.enumerated().map { k, l -> ReportJSONValue in
            var members: [(key: String, value: ReportJSONValue)] = [
                ("name", .string(l.name)),
                ("activation", .string(l.activation.token)),
                ("neurons", .strings(l.neuronLabels)),
                ("parameters", .int(l.parameterCount)),
                ("weights", .rows(l.weights)),
                ("bias", .numbers(l.bias)),
            ]
            if let trace { members += [("pre", .rows(trace.pre[k])), ("post", .rows(trace.post[k]))] }
            return .object(members, .lines)
        }
        doc.append(("layers", .array(layers, .lines)))
        if let trace {
            var members: [(key: String, value: ReportJSONValue)] = [
                ("source", .string(samples ?? "")), ("input", .rows(trace.input)), ("output", .rows(trace.output)),
            ]
            if network.outputCount > 1 {
                let classes = trace.predictedClasses(network.decisionRule)
                members.append(("argmax", .array(classes.map(ReportJSONValue.int), .inline)))
                members.append(("predicted", .strings(classes.map { network.outputLabels[$0] })))
            }
            doc.append(("samples", .object(members, .lines)))
        }
        if let dataset {
            doc.append(("dataset", .object([("name", .string(dataset.name)), ("points", .int(dataset.count)),
                                            ("classes", .int(dataset.classCount))], .inline)))
        }
        if let t = training {
            let o = t.options
            var members: [(key: String, value: ReportJSONValue)] = [
                ("data", .string(t.dataset.name)), ("epochs", .int(o.epochs)), ("optimizer", .string(o.optimizer.rawValue)),
                ("learningRate", .numbers([o.learningRate])), ("momentum", .numbers([o.momentum])),
                ("batchSize", o.batchSize.map(ReportJSONValue.int) ?? .string("full")), ("seed", .int(Int(o.seed))),
                ("loss", .string(t.result.loss.rawValue)), ("story", .string(FigureText.sentence(t.story))),
                ("snapshots", .array(t.snapshots.map(ReportJSONValue.int), .inline)),
                ("historyLoss", .numbers(t.result.history.map(\.loss))),
                ("historyAccuracy", .numbers(t.result.history.map(\.accuracy))),
            ]
            if let v = o.validation { members.insert(("validation", .numbers([v])), at: 8) }
            if let animation { members.append(("animation", .string(animation))) }
            doc.append(("training", .object(members, .lines)))
        }
        let figureValues = figures.map { f -> ReportJSONValue in
            .object([("number", .int(f.number)), ("id", .string(f.id)), ("title", .string(f.text.title)),
                     ("files", .strings(formats.map { f.id + "." + $0 })),
                     ("caption", .string(f.text.caption)), ("alt", .string(f.text.alt))],
                    .wrapped(before: ["caption", "alt"]))
        }
        doc.append(("figures", .array(figureValues, .lines)))
        return ReportJSONValue.object(doc, .lines).written() + "\n"
    }
}
