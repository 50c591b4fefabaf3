/// Folder names for reports, derived from spec names so that no name (`../../etc`, `/`, `.git`, empty) can
/// leave the destination folder: only ASCII letters, digits, `-` and `_` survive, everything else becomes `-`.
public enum ReportName {
    /// Longest folder name kept, in characters.
    public static let maxLength = 64

    /// A safe folder name for `name`: `xor` → `xor`, `My Net!` → `my-net`, `../../etc` → `etc`, `` → `network`.
    public static func sanitize(_ name: String) -> String {
        var out = ""
        var lastDash = true
        for u in name.unicodeScalars {
            if (u >= "a" && u <= "z") || (u >= "0" && u <= "9") || u == "_" || (u >= "A" && u <= "Z") {
                out += String(u).lowercased()
                lastDash = false
            } else if !lastDash {
                out.append("-")
                lastDash = true
            }
            if out.count >= maxLength { break }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "network" : out
    }

    /// Sanitised, distinct folder names for several networks: a repeated name gets `-2`, `-3`, … in order.
    public static func folders(for names: [String]) -> [String] {
        var used: Set<String> = []
        return names.map { name in
            let base = sanitize(name)
            var candidate = base
            var k = 2
            while used.contains(candidate) { candidate = "\(base)-\(k)"; k += 1 }
            used.insert(candidate)
            return candidate
        }
    }
}
