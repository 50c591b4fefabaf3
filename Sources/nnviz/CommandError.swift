#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NNVizSystem
import ArgumentParser
import NNVizCairo
import NNVizEngine

/// The one way nnviz reports a failure: exactly one `error: <source>: <where>: <what>` line on stderr.
///
/// Subcommands wrap their work in `CommandError.reporting { … }`; input errors exit with status 1,
/// command-line usage errors with 64 (EX_USAGE).
enum CommandError {
    /// Runs `body`, turning an `NNVizError` (or any error whose text starts with `error: `) into one stderr line
    /// and exit status 1.
    static func reporting(_ body: () throws -> Void) throws {
        StageTiming.restart()
        do {
            try body()
        } catch let e as ExitCode {
            throw e
        } catch let e as CleanExit {
            throw e
        } catch let e as NNVizError {
            printLine(e.line)
            throw ExitCode.failure
        } catch let e as CairoError {
            printLine(e.line)
            throw ExitCode.failure
        } catch {
            let text = "\(error)"
            guard text.hasPrefix("error: ") else { throw error }
            printLine(oneLine(text))
            throw ExitCode.failure
        }
    }

    /// Writes one line to stderr, control characters escaped (`DisplayText.escaped`: a newline as `\n`, ESC as
    /// `\u{1b}`) so a name quoted in it can neither split the line nor drive the terminal.
    static func printLine(_ line: String) {
        let bytes = Array((DisplayText.escaped(Flags.words(line)) + "\n").utf8)
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { write(2, $0.baseAddress! + done, bytes.count - done) }
            if n <= 0 { break }
            done += n
        }
    }

    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters() }.joined(separator: " ")
    }

    /// Exits for an error that reached `main`: help and version print as usual; everything else is one line.
    static func exit(for error: Error, root: NNViz.Type) -> Never {
        if let code = error as? ExitCode { POSIX.exit(code.rawValue) }
        let code = root.exitCode(for: error)
        if code == .success { root.exit(withError: error) }
        if let e = error as? NNVizError {
            printLine(e.line)
            POSIX.exit(1)
        }
        if let e = error as? CairoError {
            printLine(e.line)
            POSIX.exit(1)
        }
        let text = "\(error)"
        if text.hasPrefix("error: ") {
            printLine(oneLine(text))
            POSIX.exit(1)
        }
        var message = oneLine(root.message(for: error))
        if message.hasPrefix("Error: ") { message.removeFirst(7) }
        printLine("error: nnviz: \(message) (see nnviz help)")
        POSIX.exit(code.rawValue == 0 ? 64 : code.rawValue)
    }
}

extension Substring {
    func trimmingCharacters() -> String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
