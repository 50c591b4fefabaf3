/// A command line split into words as a POSIX shell splits them, without any expansion: blanks separate words,
/// single quotes keep everything literally, double quotes keep everything but `\"`, `\\`, `\$` and `` \` ``
/// escapes, and a backslash outside quotes keeps the next character. No `$`, `*`, `~` or `;` has a meaning.
public enum ShellWords {
    /// The words of `line`, or an error message (an unclosed quote, a trailing backslash).
    public static func split(_ line: String) -> Result<[String], ShellWordsError> {
        var words: [String] = []
        var word = ""
        var inWord = false
        var it = Array(line)
        var i = 0
        while i < it.count {
            let c = it[i]
            switch c {
            case " ", "\t", "\n", "\r":
                if inWord { words.append(word); word = ""; inWord = false }
            case "'":
                inWord = true
                guard let end = it[(i + 1)...].firstIndex(of: "'") else { return .failure(ShellWordsError("a single quote is not closed")) }
                word += String(it[(i + 1)..<end])
                i = end
            case "\"":
                inWord = true
                var j = i + 1
                var closed = false
                while j < it.count {
                    if it[j] == "\"" { closed = true; break }
                    if it[j] == "\\", j + 1 < it.count, "\"\\$`".contains(it[j + 1]) {
                        word.append(it[j + 1]); j += 2; continue
                    }
                    word.append(it[j]); j += 1
                }
                guard closed else { return .failure(ShellWordsError("a double quote is not closed")) }
                i = j
            case "\\":
                guard i + 1 < it.count else { return .failure(ShellWordsError("the line ends in a backslash")) }
                inWord = true
                word.append(it[i + 1])
                i += 1
            default:
                inWord = true
                word.append(c)
            }
            i += 1
        }
        if inWord { words.append(word) }
        it.removeAll()
        return .success(words)
    }
}

/// Why a command line could not be split into words.
public struct ShellWordsError: Error, Equatable, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
}
