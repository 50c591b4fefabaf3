#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// File names as the operating system holds them: bytes, not necessarily UTF-8.
///
/// A command-line argument that is not valid UTF-8 is decoded with each undecodable byte `b` (0x80…0xFF) kept as
/// the private-use scalar U+10FF00 + b, so the path survives as a Swift `String` and turns back into exactly the
/// bytes it was given (`withCString`). Messages show those bytes as `\xFF` (`display`). Plane-16 private-use
/// scalars never occur in real file names, so nothing else is changed.
public enum RawPath {
    /// The first scalar that stands for a raw byte (U+10FF80 for 0x80).
    static let base: UInt32 = 0x10FF00

    /// Decodes `bytes` (an argument or a file name) as UTF-8, keeping every undecodable byte as described above.
    public static func decode<C: Collection<UInt8>>(_ bytes: C) -> String {
        if let s = StrictUTF8.decode(bytes) { return s }
        var out = String.UnicodeScalarView()
        let b = Array(bytes)
        var i = 0
        while i < b.count {
            let lead = b[i]
            let need = lead < 0x80 ? 1 : lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3 : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0
            if need > 0 && i + need <= b.count, let s = StrictUTF8.decode(b[i..<i + need]) {
                out.append(contentsOf: s.unicodeScalars)
                i += need
            } else {
                out.append(Unicode.Scalar(base + UInt32(lead))!)
                i += 1
            }
        }
        return String(out)
    }

    /// The bytes `path` stands for (UTF-8, with raw-byte scalars turned back into their bytes).
    public static func bytes(_ path: String) -> [UInt8] {
        guard path.unicodeScalars.contains(where: isRawByte) else { return Array(path.utf8) }
        var out: [UInt8] = []
        out.reserveCapacity(path.utf8.count)
        for u in path.unicodeScalars {
            if isRawByte(u) { out.append(UInt8(u.value - base)) } else { out.append(contentsOf: String(u).utf8) }
        }
        return out
    }

    /// Calls `body` with the NUL-terminated bytes of `path`, for system calls.
    public static func withCString<R>(_ path: String, _ body: (UnsafePointer<CChar>) throws -> R) rethrows -> R {
        var b = bytes(path)
        b.append(0)
        return try b.withUnsafeBufferPointer { buffer in
            try buffer.withMemoryRebound(to: CChar.self) { try body($0.baseAddress!) }
        }
    }

    /// Whether `u` stands for a raw byte of an undecodable file name.
    public static func isRawByte(_ u: Unicode.Scalar) -> Bool { u.value >= base + 0x80 && u.value <= base + 0xFF }

    /// `path` for messages: raw bytes written as `\xFF`.
    public static func display(_ path: String) -> String {
        guard path.unicodeScalars.contains(where: isRawByte) else { return path }
        var out = ""
        for u in path.unicodeScalars {
            if isRawByte(u) {
                let v = u.value - base
                out += "\\x" + (v < 16 ? "0" : "") + String(v, radix: 16, uppercase: true)
            } else {
                out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// The command line as given, each argument decoded as by `decode` (Swift's `CommandLine.arguments` would
    /// replace undecodable bytes by U+FFFD and so name another file).
    public static func arguments() -> [String] {
        (0..<Int(CommandLine.argc)).map { i in
            guard let p = CommandLine.unsafeArgv[i] else { return "" }
            return decode(UnsafeBufferPointer(start: UnsafeRawPointer(p).assumingMemoryBound(to: UInt8.self), count: strlen(p)))
        }
    }

    /// The longest file name a folder entry may have, in bytes.
    public static let nameMax = 255

    /// A hidden sibling name `.NAME<suffix>` for temporary files, shortened (on a character boundary) so that it
    /// stays within `nameMax` bytes however long NAME is.
    public static func hiddenSibling(of name: String, suffix: String) -> String {
        let room = nameMax - 1 - suffix.utf8.count
        var kept = ""
        var used = 0
        for u in name.unicodeScalars {
            let n = isRawByte(u) ? 1 : String(u).utf8.count
            if used + n > room { break }
            kept.unicodeScalars.append(u)
            used += n
        }
        return "." + kept + suffix
    }
}
