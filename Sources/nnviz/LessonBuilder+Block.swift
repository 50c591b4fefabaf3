#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import NNVizCairo
import NNVizEngine
import NNVizReport
import NNVizSystem

extension LessonBuilder {
    /// Splits a block's command, takes out its `-o NAME`, checks the command draws a figure, and keys it by the
    /// command, the spec, every file it names (their bytes), the format, the scale and nnviz's version.
    func prepare(_ block: LessonDocument.Block, lesson l: Int, dir: String, inputs: inout [String]) throws -> Prepared {
        let lesson = lessons[l]
        var words: [String]
        switch ShellWords.split(block.command) {
        case .success(let w): words = w
        case .failure(let e): throw Self.failure(lesson, block.line, e.message)
        }
        if words.first == "nnviz" { words.removeFirst() }
        guard let command = words.first else {
            throw Self.failure(lesson, block.line, "the block has no command; write one such as diagram xor --sample 1,0")
        }
        guard Self.figureCommands.contains(command) else {
            throw Self.failure(lesson, block.line, "'\(command)' draws no figure; an nnviz block runs "
                + Self.figureCommands.dropLast().joined(separator: ", ") + " or " + Self.figureCommands.last!)
        }
        var name: String?
        var args: [String] = [command]
        var i = 1
        while i < words.count {
            let w = words[i]
            var value: String?
            if w == "-o" || w == "--output" {
                guard i + 1 < words.count else { throw Self.failure(lesson, block.line, "\(w) needs a file name, e.g. -o figure.svg") }
                value = words[i + 1]
                i += 1
            } else if w.hasPrefix("--output=") {
                value = String(w.dropFirst(9))
            } else if w.hasPrefix("-o"), w.count > 2, !w.hasPrefix("--") {
                value = String(w.dropFirst(2))
            }
            if let value {
                let ext = InputFile.fileExtension(value)
                let plain = !value.isEmpty && !value.hasPrefix(".")
                    && value.unicodeScalars.allSatisfy { ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || "-_.".unicodeScalars.contains($0) }
                guard plain, ext == "svg" || ext == "png" else {
                    throw Self.failure(lesson, block.line, "-o '\(value)' must be a plain file name ending in .svg or .png; it is written into the output folder")
                }
                name = value
            } else {
                args.append(w)
            }
            i += 1
        }
        let dashes = args.filter { $0 == "-" }.count
        if block.spec != nil && dashes == 0 {
            throw Self.failure(lesson, block.line, "the lines below the command are a spec, but the command reads none; write - where the network goes, e.g. diagram - --sample 1,0")
        }
        if block.spec == nil && dashes > 0 {
            throw Self.failure(lesson, block.line, "- reads a spec written on the lines below the command, but the block has none")
        }
        let ext = name.map(InputFile.fileExtension) ?? format
        var hash = ContentHash()
        hash.update("nnviz " + version)
        hash.update(ext)
        hash.update(String(scale))
        for a in args { hash.update(a) }
        hash.update(block.spec ?? "")
        for a in args.dropFirst() {
            for candidate in [a] + (a.hasPrefix("--") && a.contains("=") ? [String(a.split(separator: "=", maxSplits: 1)[1])] : []) {
                guard candidate != "-", !candidate.isEmpty else { continue }
                let path = candidate.hasPrefix("/") ? candidate : dir + "/" + candidate
                guard FileTree.kind(path) == S_IFREG, let bytes = try? InputFile.read(path, limit: 1 << 30) else { continue }
                hash.update(candidate)
                hash.update(bytes)
                if !inputs.contains(path) { inputs.append(path) }
            }
        }
        let key = hash.hex
        return Prepared(lesson: l, block: block, arguments: args, key: key, ext: ext,
                        name: name ?? "nnviz-" + String(key.prefix(16)) + "." + ext, spec: block.spec)
    }

    /// Renders one block in-process into the staged cache: the image and its alt text and caption.
    func render(_ p: Prepared, staging: LessonOutput) -> Swift.Result<(alt: String, caption: String), LessonBlockError> {
        let specPath = staging.scratch("spec-" + p.key + ".yaml")
        var args = p.arguments.map { $0 == "-" ? specPath : $0 }
        args += ["-o", staging.cachePath(p.key + "." + p.ext)]
        if p.ext == "png" && !args.contains("--scale") && !args.contains(where: { $0.hasPrefix("--scale=") }) {
            args += ["--scale", String(scale)]
        }
        func clean(_ line: String) -> String {
            var text = line.hasPrefix("error: ") ? String(line.dropFirst(7)) : line
            text = text.replacingAll(specPath, with: "spec")
            text = text.replacingAll(staging.cachePath(p.key + "." + p.ext), with: p.name)
            return Flags.words(text)
        }
        do {
            let parsed = try NNViz.parseAsRoot(args)
            guard let command = parsed as? any FigureCommand else {
                return .failure(LessonBlockError(message: "'\(p.arguments.first ?? "")' draws no figure"))
            }
            let built = try command.build()
            try command.figure.write(built.figure)
            let text = Self.oneLine(built.text.alt) + "\n" + Self.oneLine(built.text.caption) + "\n"
            try LessonOutput.write(Array(text.utf8), to: staging.cachePath(p.key + ".txt"))
            return .success((Self.oneLine(built.text.alt), Self.oneLine(built.text.caption)))
        } catch let e as NNVizError {
            return .failure(LessonBlockError(message: clean(e.line)))
        } catch let e as CairoError {
            return .failure(LessonBlockError(message: clean(e.line)))
        } catch {
            if NNViz.exitCode(for: error) == .success {
                return .failure(LessonBlockError(message: "a block draws a figure; --help and --version print text"))
            }
            var message = CommandError.oneLine(NNViz.message(for: error))
            if message.hasPrefix("Error: ") { message.removeFirst(7) }
            return .failure(LessonBlockError(message: clean(message)))
        }
    }

    static func oneLine(_ s: String) -> String {
        String(s.map { $0.isNewline ? " " : $0 })
    }
}

extension String {
    /// Every occurrence of `target` replaced (no Foundation).
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        var out = ""
        var rest = self[...]
        while let r = rest.firstRange(of: target) {
            out += rest[..<r.lowerBound]
            out += replacement
            rest = rest[r.upperBound...]
        }
        return out + rest
    }
}
