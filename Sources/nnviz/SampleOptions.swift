import ArgumentParser
import NNVizEngine

/// Where a command's samples come from: `--sample` rows, a `--batch` file, or `--random N [--seed S]`.
///
/// Reusable by any subcommand through `@OptionGroup var samples: SampleOptions`.
struct SampleOptions: ParsableArguments {
    @Option(name: .customLong("sample"), parsing: .unconditionalSingleValue,
            help: ArgumentHelp("One sample, comma-separated (repeat for more rows), e.g. 0.6,0.1,0.9,0.4.", valueName: "values"))
    var samples: [String] = []

    @Option(help: ArgumentHelp("A batch of samples: .csv (optional header row), .json (array of arrays) or .npy (2-D float).",
                               valueName: "file"))
    var batch: String?

    @Option(help: ArgumentHelp("N random samples, as np.random.seed(S); np.random.randn(N, inputs).", valueName: "N"))
    var random: Int?

    @Option(help: "Seed for --random (0…4294967295).")
    var seed: UInt32?

    /// Whether any source of samples was given.
    var isEmpty: Bool { samples.isEmpty && batch == nil && random == nil }

    /// The `count` samples these options give, in a reader's words (reports name no options): `the given sample`,
    /// `the 8 samples of batch.csv`, `10 random samples (seed 0)`.
    func description(count: Int) -> String {
        let s = count == 1 ? "" : "s"
        if !samples.isEmpty { return count == 1 ? "the given sample" : "the \(count) given samples" }
        if let batch {
            let file = String(batch.split(separator: "/").last ?? Substring(batch))
            return "the \(count) sample\(s) of \(file)"
        }
        if random != nil { return "\(count) random sample\(s) (seed \(seed ?? 0))" }
        return "\(count) sample\(s)"
    }

    func validate() throws {
        try PathArgument.require(batch, "--batch")
        let given = [!samples.isEmpty, batch != nil, random != nil].filter { $0 }.count
        if given > 1 { throw ValidationError("give only one of --sample, --batch and --random") }
        if seed != nil && random == nil { throw ValidationError("--seed applies only to --random") }
    }

    /// The `--batch` file, starting to read on another core now (nil without `--batch`): give it to `load` or
    /// `require` once the network is loaded.
    func prefetch(limits: LoadLimits = LoadLimits()) -> BatchPrefetch? {
        batch.map { BatchPrefetch(path: $0, limits: limits) }
    }

    /// The batch for `network` and the name it goes by in messages, or `nil` when no samples were given; a
    /// `--batch` file already read by `prefetched` is taken from it.
    func load(for network: Network, limits: LoadLimits = LoadLimits(),
              prefetched: BatchPrefetch? = nil) throws(NNVizError) -> (matrix: Matrix, source: String)? {
        if !samples.isEmpty {
            return (try SampleLoader.parse(samples: samples, for: network), "--sample")
        }
        if let batch {
            let raw: Matrix
            if let prefetched { raw = try prefetched.matrix() } else { raw = try SampleLoader.read(path: batch, limits: limits) }
            let m = try SampleLoader.fitting(raw, path: batch, for: network)
            try network.checkTrace(samples: m.rows, source: batch, limits: limits)
            return (m, batch)
        }
        if let random {
            let s = seed ?? 0
            // The loader refuses counts over the batch limit (with its own message); the trace is checked below it.
            let (values, overflow) = random.multipliedReportingOverflow(by: network.inputCount)
            if random > 0, !overflow, values <= limits.maxBatchValues {
                try network.checkTrace(samples: random, source: "--random", limits: limits)
            }
            return (try SampleLoader.random(count: random, seed: s, for: network, limits: limits),
                    "--random \(random) --seed \(s)")
        }
        return nil
    }

    /// The batch, or an error telling `command`'s user how to give one.
    func require(for network: Network, command: String, limits: LoadLimits = LoadLimits(),
                 prefetched: BatchPrefetch? = nil) throws(NNVizError) -> (matrix: Matrix, source: String) {
        guard let loaded = try load(for: network, limits: limits, prefetched: prefetched) else {
            throw NNVizError(command, "", "needs samples: --sample v,v,… (repeatable), --batch FILE or --random N [--seed S]")
        }
        return loaded
    }
}
