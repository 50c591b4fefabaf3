/// One column of a layer diagram: which neurons are drawn and where the elision marker sits.
struct DiagramColumn {
    /// Neurons in the layer.
    let count: Int
    /// Indices of the neurons drawn, in order.
    let visible: [Int]
    /// Slot of each drawn neuron (the marker takes the slot after the first half).
    let slots: [Int]
    /// Slot of the `⋮ +N` marker, when the column is elided.
    let markerSlot: Int?
    /// Slots the column occupies.
    let slotCount: Int

    init(count: Int, maxNeurons: Int, showAll: Bool) {
        self.count = count
        if showAll || count <= maxNeurons {
            visible = Array(0..<count)
            slots = Array(0..<count)
            markerSlot = nil
            slotCount = count
        } else {
            let head = maxNeurons / 2, tail = maxNeurons - head
            visible = Array(0..<head) + Array((count - tail)..<count)
            slots = Array(0..<head) + Array((head + 1)...(head + tail))
            markerSlot = head
            slotCount = maxNeurons + 1
        }
    }

    /// Number of neurons not drawn.
    var hiddenCount: Int { count - visible.count }
    var isElided: Bool { markerSlot != nil }
    /// Indices of the neurons not drawn.
    var hiddenRange: Range<Int> {
        guard isElided else { return 0..<0 }
        let head = markerSlot!
        return head..<(count - (visible.count - head))
    }
}
