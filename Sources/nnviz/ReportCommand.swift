import ArgumentParser
import Dispatch
import Foundation
import NNVizCairo
import NNVizEngine
import NNVizRender
import NNVizReport

/// `nnviz report NET… [samples] [--data F] [--train [training options]] [-o DIR]`: a finished, embeddable page per
/// network — every figure as PNG and SVG (PDF on request), the summary and forward-pass tables, `report.md` and
/// `report.json`; with `--train`, a Training section first and the trained network's figures after it.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a report folder per network: index.html, report.md, report.json and every figure.",
        discussion: """
            Each report goes to DIR/<name>/ (name from the spec, made safe for a folder name); several networks \
            also get DIR/index.html linking them. A report is built beside its folder and swapped in only when \
            complete, so a failure leaves the previous report as it was. Without samples, a dataset given with \
            --data that fits the network serves as the batch. With --train, each network is first trained on --data \
            (the options of `nnviz train`; --train-seed seeds the shuffles) and the report tells the story: the loss \
            curve, the filmstrip of decision regions, the weights over time and training.gif, then the trained \
            network's figures.
            """)

    @Argument(help: ArgumentHelp("Bundled examples (see `nnviz examples`) or .json, .yaml, .yml or .npz files.", valueName: "net"))
    var nets: [String]

    @OptionGroup var samples: SampleOptions

    @Option(help: ArgumentHelp("Labelled points to overlay on decision regions: a bundled dataset (see `nnviz datasets`, e.g. xor, moons:300) or a .csv (last column the class) or .json file.", valueName: "data"))
    var data: String?

    @Option(help: "Seed for a bundled --data set (0…4294967295).")
    var dataSeed: UInt32 = 0

    @Option(name: .shortAndLong, help: ArgumentHelp("Folder the report folders go in.", valueName: "dir"))
    var output: String = "output"

    @Option(help: ArgumentHelp("Use your own templates: a folder with any of report.html.mustache, report.md.mustache, index.html.mustache, report.css.", valueName: "dir"))
    var templates: String?

    @Option(help: ArgumentHelp("Figure formats; PNG and SVG are always written, add pdf for PDFs.", valueName: "png,svg,pdf"))
    var formats: String = "png,svg"

    @Option(help: "Pixels per CSS pixel of the PNGs (1…4).")
    var scale: Double = 2

    @Option(help: "Colour theme of every figure and of the pages.")
    var theme: Theme.Name = .light

    @Option(help: ArgumentHelp("Decision regions over these two inputs, 1-based, e.g. 3,4; gives a network of more than two inputs its regions figure.", valueName: "i,j"))
    var axes: String?

    @Option(parsing: .unconditional,
            help: ArgumentHelp("Values of the inputs off the regions' axes (default 0): one per other input, or one per input.", valueName: "values"))
    var slice: String?

    @Option(help: ArgumentHelp("Activations of .npz networks' and state dicts' layers, e.g. relu,sigmoid or leaky_relu:0.2,sigmoid.", valueName: "names"))
    var activations: String?

    @Flag(help: "Read .npz networks' weights as stored out × in (PyTorch's layout) and transpose them.")
    var transpose = false

    @Option(help: "Refuse networks with more weights and biases than this.")
    var maxParameters: Int = LoadLimits().maxParameters

    @Option(help: "Refuse --data sets of more points than this (each is drawn on the decision regions).")
    var maxPoints: Int = LoadLimits.defaultMaxPoints

    @Flag(help: "Train each network on --data first (as `nnviz train` does) and add a Training section; the other figures then show the trained network.")
    var train = false

    @OptionGroup(title: "Training (with --train)") var training: TrainingFlags

    @Option(name: .customLong("train-seed"), help: "Seed of the training shuffles and the validation split (0…4294967295).")
    var trainSeed: UInt32 = 0

    @Flag(help: "No progress bar and no summary lines.")
    var quiet = false

    @Flag(help: "Write into a report folder that also holds files nnviz did not write: nnviz's files are replaced, the others kept.")
    var force = false

    func validate() throws {
        guard !nets.isEmpty else { throw ValidationError("give at least one network") }
        for net in nets { try PathArgument.require(net, "NET") }
        try PathArgument.require(output, "-o")
        try PathArgument.require(data, "--data")
        try PathArgument.require(templates, "--templates")
        guard maxPoints >= 1 else { throw ValidationError("--max-points must be at least 1, got \(maxPoints)") }
        guard scale >= 1 && scale <= 4 else { throw ValidationError("--scale must be between 1 and 4, got \(scale)") }
        _ = try parsedFormats()
        if train {
            guard data != nil else { throw ValidationError("--train needs --data, the labelled points to train on") }
        } else if training.changed || trainSeed != 0 {
            throw ValidationError("--epochs, --lr, --momentum, --optimizer, --batch-size, --loss, --validation, --snapshots, --frames and --train-seed need --train")
        }
    }

    func parsedFormats() throws -> [OutputFormat] {
        try formats.split(separator: ",", omittingEmptySubsequences: false).map { name in
            guard let f = OutputFormat(rawValue: name.trimmingCharacters().lowercased()) else {
                throw ValidationError("--formats: unknown format '\(name)'; use png, svg, pdf")
            }
            return f
        }
    }

    func run() throws {
        try CommandError.reporting {
            let report = Report(templates: try templates.map { d throws(NNVizError) in try ReportTemplates.load(directory: d) } ?? ReportTemplates.defaults(),
                                formats: try parsedFormats(), scale: scale, force: force, theme: Theme.named(theme))
            let inputs = try loadInputs()
            let folders = ReportName.folders(for: inputs.map(\.network.name))
            var trimmed = output
            while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
            let base = trimmed
            // Every destination is checked before any work, so a folder of someone else's files stops the run
            // before a single report is written.
            for (i, input) in inputs.enumerated() { try report.checkDestination(input, base + "/" + folders[i]) }
            if inputs.count > 1 { try report.checkIndex(in: base) }
            // The -o folder and those of its parents that do not exist yet: created here and removed again (when
            // still empty) if the run fails or is interrupted, so a failed first report leaves nothing behind.
            let created = try OutputFolders(base)
            let progress = ProgressBar(total: inputs.map(Report.steps).reduce(0, +), unit: "steps", quiet: quiet)
            let results = Results(count: inputs.count)
            DispatchQueue.concurrentPerform(iterations: inputs.count) { i in
                do throws(NNVizError) {
                    let page = try report.write(inputs[i], to: base + "/" + folders[i]) { progress.advance() }
                    results.set(i, .success(page))
                } catch {
                    results.set(i, .failure(error))
                }
            }
            progress.finish()
            var entries: [ReportIndex.Entry] = []
            for (i, r) in results.all.enumerated() {
                switch r {
                case .success(let page): entries.append(ReportIndex.Entry(page: page, folder: folders[i]))
                case .failure(let e):
                    created.remove()
                    throw e
                case nil: throw NNVizError(inputs[i].source, "", "report was not written")
                }
            }
            if inputs.count > 1 {
                do throws(NNVizError) { try report.writeIndex(entries, in: base) } catch { created.remove(); throw error }
            }
            created.keep()
            if !quiet {
                var out = StandardOutput()
                for f in folders { try out.write("wrote \(DisplayText.escaped(base))/\(f)/index.html\n") }
                if inputs.count > 1 { try out.write("wrote \(DisplayText.escaped(base))/index.html\n") }
                try out.flush()
            }
        }
    }

    /// Every network with its batch and dataset, loaded before anything is written so input errors cost nothing.
    func loadInputs() throws(NNVizError) -> [ReportInput] {
        let limits = LoadLimits(maxParameters: maxParameters, maxPoints: maxPoints)
        var acts: [Activation]?
        if let activations {
            acts = []
            for (i, name) in activations.split(separator: ",", omittingEmptySubsequences: false).enumerated() {
                acts?.append(try Activation(named: String(name).trimmingCharacters(), source: "--activations", location: "name \(i + 1)"))
            }
        }
        let dataset = try data.map { d throws(NNVizError) in try Dataset.resolve(d, seed: dataSeed, limits: limits) }
        var inputs: [ReportInput] = []
        for net in nets {
            let network = try NetworkResolver.resolve(net, activations: NetworkResolver.takesActivations(path: net) ? acts : nil,
                                                  transpose: transpose && InputFile.fileExtension(net) == "npz", limits: limits)
            var input = ReportInput(network: network, source: net)
            if axes != nil || slice != nil {
                let (ax, base) = try RegionsCommand.plane(axes: axes, slice: slice, inputCount: network.inputCount)
                input.plane = ReportPlane(x: ax.0, y: ax.1, slice: base)
            }
            if train, let dataset {
                input.training = try trained(network, on: dataset, source: net)
                input.network = input.training?.result.network ?? network
            }
            if let dataset, dataset.points.cols == network.inputCount {
                input.dataset = dataset
            }
            if let (batch, source) = try samples.load(for: network, limits: limits) {
                input.batch = batch
                input.batchSource = source
                input.batchDescription = samples.description(count: batch.rows)
            } else if let d = input.dataset {
                input.batch = d.points
                input.batchSource = "--data \(d.name)"
                input.batchDescription = "the \(d.points.rows) \(d.name) point\(d.points.rows == 1 ? "" : "s")"
            }
            inputs.append(input)
        }
        if let dataset, !inputs.contains(where: { $0.dataset != nil }) {
            let first = inputs[0].network
            throw NNVizError("--data", "", "\(dataset.name) has \(dataset.points.cols) features but \(first.name) takes \(first.inputCount) inputs (\(first.inputLabels.joined(separator: ", ")))")
        }
        return inputs
    }

    /// `network` trained on `dataset` as `nnviz train` would with the same options, keeping the snapshots, frames and
    /// weights over time the Training section draws.
    func trained(_ network: Network, on dataset: Dataset, source: String) throws(NNVizError) -> ReportTraining {
        let snapshots: [Int]
        do { snapshots = try training.snapshotEpochs(byDefault: true) } catch { throw NNVizError("--snapshots", "", "\(error)") }
        let frames = TrainingFigures.frameEpochs(count: training.frames, snapshots: snapshots, epochs: training.epochs)
        let kept = TrainingFigures.keptEpochs(network: network, epochs: training.epochs, snapshots: snapshots, frames: frames)
        let options = training.options(seed: trainSeed, kept: kept)
        let trainer = try Trainer(network: network, data: dataset, options: options, source: source)
        let result = try trainer.run()
        return ReportTraining(result: result, dataset: dataset, options: options, snapshots: snapshots, frames: frames)
    }

    /// Per-network outcomes filled in from parallel workers.
    final class Results: @unchecked Sendable {
        private var values: [Result<ReportPage, NNVizError>?]
        private let lock = NSLock()
        init(count: Int) { values = Array(repeating: nil, count: count) }
        func set(_ i: Int, _ r: Result<ReportPage, NNVizError>) { lock.lock(); values[i] = r; lock.unlock() }
        var all: [Result<ReportPage, NNVizError>?] { lock.lock(); defer { lock.unlock() }; return values }
    }
}
