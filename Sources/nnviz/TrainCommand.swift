import ArgumentParser
import Foundation
import NNVizCairo
import NNVizEngine
import NNVizRender

/// `nnviz train NET --data D -o TRAINED [--epochs N] [--lr η] [--momentum μ] [--optimizer sgd|adam] [--batch-size B]
/// [--seed S] [--loss bce|ce|mse] [--validation F] [--history H.csv] [--snapshots e1,…] [--save-snapshots DIR]
/// [--figures DIR] [--quiet]`.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train a network on labelled data by gradient descent and write the trained network.",
        discussion: """
            The algorithm is the plain NumPy one, step for step (see Tests/NNVizEngineTests/Fixtures/make_training.py): \
            one np.random.RandomState(--seed) shuffles each epoch's mini-batches, so a run is reproducible to the bit. \
            One output neuron takes labels 0/1; k outputs take labels 0…k−1. The loss follows the output unless \
            --loss says otherwise: one sigmoid neuron → bce, softmax → ce, anything else → mse. \
            Try: nnviz train xor-train --data xor --lr 1 --epochs 3000 -o xor-trained.json
            """)

    @OptionGroup var network: NetworkOptions

    @Option(help: ArgumentHelp("Labelled training data: a bundled set (xor, moons:300, …) or a .csv (x1,…,xd,label) or .json.",
                               valueName: "data"))
    var data: String

    @Option(name: .customLong("data-seed"), help: "Seed for generated datasets such as moons:300 (0…4294967295).")
    var dataSeed: UInt32 = 0

    @Option(name: .shortAndLong, help: ArgumentHelp("The trained network: .json or .yaml (explicit weights, names and labels kept) or .npz.",
                                                    valueName: "file"))
    var output: String

    @OptionGroup var training: TrainingFlags

    @Option(help: "Seed of the shuffles and the validation split (0…4294967295).")
    var seed: UInt32 = 0

    @Option(help: ArgumentHelp("Write the loss and accuracy of every epoch (0 = untrained) to this CSV.", valueName: "file"))
    var history: String?

    @Option(name: .customLong("save-snapshots"), help: ArgumentHelp("Write each snapshot as a spec, epoch-0003.json, … in this folder.",
                                                                    valueName: "folder"))
    var saveSnapshots: String?

    @Option(help: ArgumentHelp("Write figures of the run into this folder: loss, filmstrip (regions at each snapshot) and weights (over time), each .png and .svg, and training.gif.",
                               valueName: "folder"))
    var figures: String?

    @OptionGroup var figureOptions: TrainFigureOptions

    @Flag(help: "No progress line (shown on a terminal only).")
    var quiet = false

    func validate() throws {
        try PathArgument.require(output, "-o")
        try PathArgument.require(data, "--data")
        try PathArgument.require(history, "--history")
        try PathArgument.require(saveSnapshots, "--save-snapshots")
        try PathArgument.require(figures, "--figures")
    }

    /// The snapshot epochs: `--snapshots` parsed, the default series when figures or saved snapshots are wanted,
    /// else none.
    func snapshotEpochs() throws -> [Int] {
        try training.snapshotEpochs(byDefault: saveSnapshots != nil || figures != nil)
    }

    func run() throws {
        try CommandError.reporting {
            let format = try NetworkFile.format(of: output)
            let net = try network.load()
            var limits = network.limits
            limits.maxPoints = Int.max
            let dataset = try Dataset.resolve(data, seed: dataSeed, limits: limits)
            let options = training.options(seed: seed, kept: try keptEpochs(network: net))
            let trainer = try Trainer(network: net, data: dataset, options: options, source: network.net)
            let progress = TrainingProgress(epochs: training.epochs, quiet: quiet)
            let result = try trainer.run { progress.report($0) }
            progress.finish()
            try AtomicFile.write(NetworkFile.bytes(result.network, format: format), to: output)
            if let history {
                try AtomicFile.write(Array(TrainingHistoryCSV.text(result.history).utf8), to: history)
            }
            if let saveSnapshots {
                try Self.createFolder(saveSnapshots)
                let width = max(4, String(training.epochs).count)
                let asked = Set(try snapshotEpochs())
                for s in result.snapshots where asked.contains(s.epoch) {
                    let digits = String(s.epoch)
                    let name = "epoch-" + String(repeating: "0", count: max(0, width - digits.count)) + digits + ".json"
                    try AtomicFile.write(Array(NetworkWriter.json(s.network).utf8), to: Self.join(saveSnapshots, name))
                }
            }
            var notes: [String] = []
            if let figures {
                try Self.createFolder(figures)
                notes = try writeFigures(result, dataset: dataset, folder: figures, snapshots: try snapshotEpochs())
            }
            print(Self.summary(result, options: options, trainer: trainer), terminator: "")
            for note in notes { print(note) }
        }
    }

    /// `name` inside `folder`.
    static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// Creates `path` (and missing parents) unless it is already a folder.
    static func createFolder(_ path: String) throws(NNVizError) {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw NNVizError(path, "", "is a file, not a folder for the snapshots") }
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw NNVizError(path, "", "cannot create the folder: \((error as NSError).localizedDescription)")
        }
    }

    /// What stdout says when training is done: the run, then the loss and accuracy before and after.
    static func summary(_ result: TrainingResult, options: TrainingOptions, trainer: Trainer) -> String {
        let first = result.history[0], last = result.final
        let batch = options.batchSize.map { "batch \($0)" } ?? "full batch"
        var method = options.optimizer.rawValue + ", lr \(options.learningRate)"
        if options.momentum != 0 { method += ", momentum \(options.momentum)" }
        var out = "\(result.network.name): \(last.epoch) epochs, \(method), \(batch), loss \(result.loss.rawValue)\n"
        out += "loss \(significant(first.loss)) → \(significant(last.loss)), accuracy \(percent(first.accuracy)) → \(percent(last.accuracy))\n"
        if let vl = last.validationLoss, let va = last.validationAccuracy {
            out += "validation: loss \(significant(first.validationLoss ?? .nan)) → \(significant(vl)), "
                + "accuracy \(percent(first.validationAccuracy ?? .nan)) → \(percent(va))\n"
        }
        return out
    }

    /// Four significant digits, never in exponent form (`0.6931`, `0.003143`).
    static func significant(_ v: Double) -> String {
        guard v.isFinite, v != 0 else { return NumberFormat.fixed(v, decimals: 4) }
        let magnitude = Int((abs(v)).log10Floor)
        return NumberFormat.fixed(v, decimals: min(17, max(0, 3 - magnitude)))
    }

    static func percent(_ v: Double) -> String { NumberFormat.fixed(v * 100, decimals: 1) + " %" }
}

extension Double {
    /// ⌊log10 |self|⌋ for a finite non-zero value.
    fileprivate var log10Floor: Double { Foundation.floor(Foundation.log10(self)) }
}
