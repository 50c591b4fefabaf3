#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import Dispatch
import NNVizCairo
import NNVizEngine
import NNVizReport
import NNVizSystem

/// One `nnviz md` build: reads the lessons, renders every `nnviz` block in-process (in parallel, through the figure
/// commands' own `build`), and writes the rewritten lessons and their images into the output folder, staged and
/// renamed into place only when every block succeeded (`LessonOutput`). Unchanged blocks come from the cache.
struct LessonBuilder {
    let lessons: [String]
    let output: String
    let format: String
    let scale: Double
    let version: String

    /// Commands a block may run: those that draw one figure.
    static let figureCommands = ["diagram", "heatmap", "regions", "neuron", "activations", "compare"]

    /// What a build did, and the files it read (for `--watch`).
    struct Result {
        var figures = 0
        var rendered = 0
        var cached = 0
        var written: [String] = []
        var inputs: [String] = []
    }

    /// A block made ready to render.
    struct Prepared {
        let lesson: Int
        let block: LessonDocument.Block
        let arguments: [String]
        let key: String
        let ext: String
        let name: String
        let spec: String?
    }

    /// A failure at a block: the lesson as the user named it, the block's line, the message.
    static func failure(_ lesson: String, _ line: Int, _ message: String) -> NNVizError {
        NNVizError(lesson, "line \(line)", message)
    }

    func absolute(_ path: String, cwd: String) -> String { path.hasPrefix("/") ? path : cwd + "/" + path }

    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    static func base(of path: String) -> String { String(path.split(separator: "/").last ?? Substring(path)) }

    /// The current working directory.
    static func currentDirectory() -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getcwd(&buffer, buffer.count) != nil else { return "." }
        return RawPath.decode(buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) })
    }

    func build() throws -> Result {
        let cwd = Self.currentDirectory()
        let out = absolute(output, cwd: cwd)
        var result = Result()
        var documents: [LessonDocument] = []
        var outNames: [String] = []
        for lesson in lessons {
            let bytes = try InputFile.read(lesson)
            do {
                documents.append(try LessonDocument(bytes: bytes))
            } catch {
                throw Self.failure(lesson, error.line, error.message)
            }
            let name = Self.base(of: lesson)
            if let k = outNames.firstIndex(of: name) {
                throw NNVizError(lesson, "", "has the same name as \(lessons[k]); both would be written to \(output)/\(name)")
            }
            outNames.append(name)
            result.inputs.append(absolute(lesson, cwd: cwd))
        }
        // Prepare every block: words, output name, inputs, cache key.
        var prepared: [Prepared] = []
        var byName: [String: (key: String, lesson: Int, line: Int)] = [:]
        for (l, doc) in documents.enumerated() {
            let dir = Self.folder(of: absolute(lessons[l], cwd: cwd))
            for block in doc.blocks {
                let p = try prepare(block, lesson: l, dir: dir, inputs: &result.inputs)
                if let other = byName[p.name], other.key != p.key {
                    throw Self.failure(lessons[l], block.line, "-o \(p.name) is already used by \(lessons[other.lesson]) line \(other.line)")
                }
                if outNames.contains(p.name) {
                    throw Self.failure(lessons[l], block.line, "-o \(p.name) is the name of a lesson the build writes")
                }
                byName[p.name] = (p.key, l, block.line)
                prepared.append(p)
            }
        }
        try LessonOutput.check(out, display: output, writing: outNames + Array(byName.keys))
        let staging = try LessonOutput(folder: out, display: output)
        let cacheFolder = out + "/" + LessonOutput.cacheName

        // Render, lesson by lesson (paths in blocks are relative to their lesson), blocks in parallel.
        var texts: [String: (alt: String, caption: String)] = [:]
        var errors: [(lesson: Int, line: Int, message: String)] = []
        for l in lessons.indices {
            let mine = prepared.filter { $0.lesson == l }
            var todo: [Prepared] = []
            for p in mine where texts[p.key] == nil && !todo.contains(where: { $0.key == p.key }) {
                if let t = Self.cachedText(cacheFolder + "/" + p.key + ".txt"), FileTree.kind(cacheFolder + "/" + p.key + "." + p.ext) == S_IFREG {
                    texts[p.key] = t
                    result.cached += 1
                } else {
                    todo.append(p)
                }
            }
            for p in todo {
                if let spec = p.spec { try LessonOutput.write(Array(spec.utf8), to: staging.scratch("spec-" + p.key + ".yaml")) }
            }
            let dir = Self.folder(of: absolute(lessons[l], cwd: cwd))
            guard RawPath.withCString(dir, { chdir($0) }) == 0 else {
                throw NNVizError(lessons[l], "", "its folder cannot be entered: \(String(cString: strerror(errno)))")
            }
            let slots = LessonSlots(count: todo.count), jobs = todo
            DispatchQueue.concurrentPerform(iterations: jobs.count) { i in
                slots.store(render(jobs[i], staging: staging), at: i)
            }
            _ = RawPath.withCString(cwd) { chdir($0) }
            for (p, r) in zip(todo, slots.values) {
                switch r {
                case .success(let t): texts[p.key] = t; result.rendered += 1
                case .failure(let e): errors.append((l, p.block.line, e.message))
                }
            }
        }
        if let first = errors.min(by: { ($0.lesson, $0.line) < ($1.lesson, $1.line) }) {
            staging.discard()
            throw Self.failure(lessons[first.lesson], first.line, first.message)
        }

        // Stage the images and the rewritten lessons, then move them into place.
        var staged: Set<String> = []
        for p in prepared where !staged.contains(p.name) {
            let file = FileTree.kind(staging.cachePath(p.key + "." + p.ext)) != nil ? staging.cachePath(p.key + "." + p.ext)
                                                                                    : cacheFolder + "/" + p.key + "." + p.ext
            try staging.stage(try InputFile.read(file, limit: Int.max), name: p.name)
            staged.insert(p.name)
        }
        for (l, doc) in documents.enumerated() {
            let replacements = prepared.filter { $0.lesson == l }.map { p -> [String] in
                let t = texts[p.key] ?? ("", "")
                return ["![" + Self.escapeAlt(t.alt) + "](" + p.name + ")", "", "*" + MarkdownEscaping.escape(t.caption) + "*"]
            }
            try staging.stage(doc.assemble(replacements), name: outNames[l])
        }
        try staging.commit(names: outNames + Array(staged))
        result.figures = prepared.count
        result.written = outNames
        return result
    }

    /// Alt text inside `![…]`: brackets and backslashes escaped, one line.
    static func escapeAlt(_ s: String) -> String {
        var out = ""
        for c in s {
            if c == "[" || c == "]" || c == "\\" { out.append("\\") }
            out.append(c.isNewline ? " " : c)
        }
        return out
    }

    /// The alt text and caption stored beside a cached image (two lines), if the entry is complete.
    static func cachedText(_ path: String) -> (alt: String, caption: String)? {
        guard FileTree.kind(path) == S_IFREG, let bytes = try? InputFile.read(path), let text = StrictUTF8.decode(bytes) else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.count >= 2 else { return nil }
        return (lines[0], lines[1])
    }
}

/// Results of parallel renders, one slot each, under a lock.
final class LessonSlots: @unchecked Sendable {
    private var slots: [Swift.Result<(alt: String, caption: String), LessonBlockError>?]
    private var lock = pthread_mutex_t()

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
        pthread_mutex_init(&lock, nil)
    }

    func store(_ r: Swift.Result<(alt: String, caption: String), LessonBlockError>, at i: Int) {
        pthread_mutex_lock(&lock); slots[i] = r; pthread_mutex_unlock(&lock)
    }

    var values: [Swift.Result<(alt: String, caption: String), LessonBlockError>] {
        slots.map { $0 ?? .failure(LessonBlockError(message: "was not rendered")) }
    }
}

/// Why one block failed, as the text after `line N: `.
struct LessonBlockError: Error {
    let message: String
}
