/// A pickled list, a reference as in Python: the memo and the stack share it, so appending is O(1).
final class PickleList {
    var items: [PickleValue] = []
}
