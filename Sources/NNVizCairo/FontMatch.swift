import CCairo

/// Which installed family a requested font family is drawn in: fontconfig's match for the family, the same match
/// Cairo's toy font API makes when it resolves a family name, so an unknown name can be reported with the face
/// actually used (`Liberation Sans` for `Helvetica`, `DejaVu Sans` for a name nothing answers to).
public enum FontMatch {
    /// CSS-style generic names (`sans-serif`, `monospace`, …): any installed family answers them, so no warning.
    public static let genericFamilies: Set<String> = ["sans-serif", "sans", "serif", "monospace", "mono", "cursive", "fantasy", "system-ui"]

    /// The family names (first the preferred one) of the face fontconfig picks for `family`; empty when fontconfig
    /// finds nothing at all.
    public static func matchedFamilies(_ family: String) -> [String] {
        guard let pattern = FcPatternCreate() else { return [] }
        defer { FcPatternDestroy(pattern) }
        let added = family.withCString { p in
            p.withMemoryRebound(to: FcChar8.self, capacity: family.utf8.count + 1) { FcPatternAddString(pattern, "family", $0) }
        }
        guard added != 0, FcConfigSubstitute(nil, pattern, FcMatchPattern) != 0 else { return [] }
        FcDefaultSubstitute(pattern)
        var result = FcResultMatch
        guard let match = FcFontMatch(nil, pattern, &result) else { return [] }
        defer { FcPatternDestroy(match) }
        var names: [String] = []
        var k: Int32 = 0
        while true {
            var value: UnsafeMutablePointer<FcChar8>?
            guard FcPatternGetString(match, "family", k, &value) == FcResultMatch, let value else { break }
            names.append(String(cString: value))
            k += 1
        }
        return names
    }

    /// The family drawn instead of `family` when no installed face carries that name (compared without regard to
    /// case); `nil` when it is installed, is a generic name, or fontconfig cannot tell.
    public static func substitute(for family: String) -> String? {
        let wanted = family.lowercased()
        if genericFamilies.contains(wanted) { return nil }
        let names = matchedFamilies(family)
        guard let first = names.first else { return nil }
        return names.contains { $0.lowercased() == wanted } ? nil : first
    }
}
