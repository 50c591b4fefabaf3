import Testing

/// Expects `body` to throw an error whose one-line description is exactly `expected`.
func expectError(_ expected: String, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Any) {
    do {
        _ = try body()
        Issue.record("expected \(expected)", sourceLocation: sourceLocation)
    } catch {
        #expect("\(error)" == expected, sourceLocation: sourceLocation)
    }
}
