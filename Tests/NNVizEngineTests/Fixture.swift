import Foundation

/// Reads the NumPy-made fixtures copied into the test bundle.
enum Fixture {
    static func url(_ name: String) -> URL {
        Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil)
            ?? Bundle.module.bundleURL.appendingPathComponent("Fixtures/\(name)")
    }

    static func json(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: url(name))
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    static func text(_ name: String) throws -> String {
        try String(contentsOf: url(name), encoding: .utf8)
    }

    /// A double from the hex of its IEEE-754 bit pattern.
    static func double(bits hex: String) -> Double {
        Double(bitPattern: UInt64(hex, radix: 16) ?? 0)
    }

    static func doubles(_ any: Any?) -> [Double] {
        (any as? [Any] ?? []).map { ($0 as? NSNumber)?.doubleValue ?? .nan }
    }

    static func matrix(_ any: Any?) -> [[Double]] {
        (any as? [Any] ?? []).map { doubles($0) }
    }
}
