import ArgumentParser

/// Path arguments that name nothing: an empty `-o`, NET, `--batch`, `--data` or `--templates` is a usage error
/// (exit 64), never the current folder or, after folder arithmetic, the file-system root.
enum PathArgument {
    /// Throws a usage error when `value` is given and empty.
    static func require(_ value: String?, _ name: String) throws {
        if let value, value.isEmpty { throw ValidationError("\(name): an empty path names no file or folder") }
    }
}
