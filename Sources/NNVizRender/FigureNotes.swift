/// What a figure may tell its reader to do when it cannot show everything, in the words of whoever drives it
/// (the command line names its flags here; a library caller its own controls). `nil` leaves the advice out.
public struct FigureNotes: Sendable, Equatable {
    /// After "⋮ +N: 928 neurons not drawn", how to draw them all, e.g. "--all draws every one".
    public var elided: String?
    /// After "8 of 20 weights labelled" (the others dropped for want of room), how to make room, e.g. "a taller figure (--height) makes room".
    public var crowdedLabels: String?
    /// After "no samples" on an activation heatmap, where samples come from, e.g. "give --batch, --sample or --random".
    public var noSamples: String?

    public init(elided: String? = nil, crowdedLabels: String? = nil, noSamples: String? = nil) {
        self.elided = elided; self.crowdedLabels = crowdedLabels; self.noSamples = noSamples
    }
}
