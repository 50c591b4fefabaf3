/// A pickled dict or OrderedDict, a reference as in Python; entries in insertion order (a repeated key keeps its
/// first place and takes the new value, as Python's dict does).
final class PickleDict {
    private(set) var entries: [(key: PickleValue, value: PickleValue)] = []
    private var index: [String: Int] = [:]

    func set(_ key: PickleValue, _ value: PickleValue) {
        if case .string(let s) = key, let i = index[s] { entries[i].value = value; return }
        if case .string(let s) = key { index[s] = entries.count }
        entries.append((key, value))
    }
}
