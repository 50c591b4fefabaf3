/// A test's constant network or matrix, built through the checked initialisers.
///
/// For literals written in the test itself: a shape error there is a mistake in the test, so it stops the run with
/// the error's description rather than making every use site `try`.
public func fixture<T>(_ make: () throws -> T) -> T {
    do {
        return try make()
    } catch {
        preconditionFailure("test fixture does not build: \(error)")
    }
}
