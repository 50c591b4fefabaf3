import ArgumentParser
import NNVizEngine
import NNVizSystem

/// `nnviz md LESSON.md… -o OUTDIR [--format svg|png] [--scale S] [--watch]`: renders the ```` ```nnviz ```` blocks of
/// Markdown lessons and writes each lesson into OUTDIR with its blocks replaced by the images, alt text and captions.
struct MarkdownCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "md",
        abstract: "Render the nnviz blocks of Markdown lessons and write the lessons with images in their place.",
        discussion: """
            A block is a fenced code block whose info string is nnviz: one command line (split as a POSIX shell \
            splits words, nothing expanded) such as `diagram xor --sample 1,0`, optionally with -o NAME.svg|png; \
            lines after it are a YAML spec the command reads as -. Paths are relative to the lesson. Everything \
            else is copied byte for byte. Unchanged blocks come from OUTDIR/.nnviz-cache.
            """)

    @Argument(help: "Markdown files.")
    var lessons: [String]

    @Option(name: [.short, .long], help: ArgumentHelp("Output folder.", valueName: "folder"))
    var output: String

    @Option(help: "Image format of blocks without -o: svg or png.")
    var format = "svg"

    @Option(help: "Pixels per unit for PNG images (0.25…8).")
    var scale: Double = 1

    @Flag(help: "Rebuild whenever a lesson or a file a block reads changes (Ctrl-C stops).")
    var watch = false

    func validate() throws {
        guard !lessons.isEmpty else { throw ValidationError("give at least one Markdown file") }
        for l in lessons { try PathArgument.require(l, "LESSON") }
        try PathArgument.require(output, "-o")
        guard format == "svg" || format == "png" else { throw ValidationError("--format must be svg or png, got '\(format)'") }
        guard scale.isFinite, (0.25...8).contains(scale) else { throw ValidationError("--scale must be between 0.25 and 8, got \(scale)") }
    }

    var builder: LessonBuilder {
        LessonBuilder(lessons: lessons, output: output, format: format, scale: scale, version: NNViz.configuration.version)
    }

    /// The one line a build prints.
    func summary(_ r: LessonBuilder.Result) -> String {
        let figures = "\(r.figures) figure\(r.figures == 1 ? "" : "s") (\(r.rendered) rendered, \(r.cached) cached)"
        let folder = output.hasSuffix("/") ? String(output.dropLast()) : output
        return r.written.count == 1 ? "\(folder)/\(r.written[0]): \(figures)" : "\(folder): \(r.written.count) lessons, \(figures)"
    }

    func run() throws {
        guard watch else {
            var out = StandardOutput()
            try CommandError.reporting {
                let r = try builder.build()
                try out.write(summary(r) + "\n")
                try out.flush()
            }
            return
        }
        var inputs = lessons
        while true {
            var out = StandardOutput()
            do {
                try CommandError.reporting {
                    let r = try builder.build()
                    inputs = r.inputs
                    try out.write(summary(r) + "\n")
                    try out.flush()
                }
            } catch let e as ExitCode where e == .failure {
                // The error line is printed; keep watching.
            }
            FileWatcher(paths: inputs.map { $0.hasPrefix("/") ? $0 : LessonBuilder.currentDirectory() + "/" + $0 }).wait()
        }
    }
}
