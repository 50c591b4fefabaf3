import Testing
@testable import NNVizEngine
import NNVizTestSupport

/// What `Trainer` refuses, with the exact message a user sees.
@Suite struct TrainingRefusalTests {
    static func net(_ sizes: [Int], _ acts: [Activation]) -> Network {
        fixture { try Network.generated(name: "n", sizes: sizes, activations: acts, seed: 0, scale: 1, bias: .zeros) }
    }

    static let xor = fixture { try Dataset.resolve("xor") }

    static func refuse(_ expected: String, _ network: Network, _ data: Dataset = xor, _ options: TrainingOptions = TrainingOptions()) {
        expectError(expected) { try Trainer(network: network, data: data, options: options, source: "net.json").run() }
    }

    @Test func activationsWithoutAGradient() {
        Self.refuse("error: net.json: layers[0] (hidden): step has no gradient to train with (its slope is 0 everywhere); use sigmoid, a smooth step",
                    Self.net([2, 2, 1], [.step, .sigmoid]))
        Self.refuse("error: net.json: layers[0] (hidden): softmax is trained only as the output layer; use relu or tanh here",
                    Self.net([2, 2, 1], [.softmax, .sigmoid]))
    }

    @Test func lossesThatDoNotFitTheOutput() {
        Self.refuse("error: net.json: layers[1] (output): loss bce needs a sigmoid output, not tanh; use loss mse or a sigmoid output",
                    Self.net([2, 2, 1], [.relu, .tanh]), Self.xor, TrainingOptions(loss: .bce))
        Self.refuse("error: net.json: layers[1] (output): loss bce needs one sigmoid output neuron, not 2; use a softmax output with loss ce",
                    Self.net([2, 2, 2], [.relu, .sigmoid]), Self.xor, TrainingOptions(loss: .bce))
        Self.refuse("error: net.json: layers[1] (output): loss ce needs a softmax output, not sigmoid; use loss bce",
                    Self.net([2, 2, 1], [.relu, .sigmoid]), Self.xor, TrainingOptions(loss: .ce))
        Self.refuse("error: net.json: layers[1] (output): loss ce needs a softmax output, not linear; use loss mse",
                    Self.net([2, 2, 1], [.relu, .linear]), Self.xor, TrainingOptions(loss: .ce))
        Self.refuse("error: net.json: layers[1] (output): loss mse is not trained through softmax; use loss ce",
                    Self.net([2, 2, 2], [.relu, .softmax]), Self.xor, TrainingOptions(loss: .mse))
    }

    @Test func defaultLossFollowsTheOutput() throws {
        #expect(try Trainer(network: Self.net([2, 2, 1], [.relu, .sigmoid]), data: Self.xor, source: "n").loss == .bce)
        #expect(try Trainer(network: Self.net([2, 2, 2], [.relu, .softmax]), data: Self.xor, source: "n").loss == .ce)
        #expect(try Trainer(network: Self.net([2, 2, 2], [.relu, .sigmoid]), data: Self.xor, source: "n").loss == .mse)
        #expect(try Trainer(network: Self.net([2, 2, 1], [.relu, .tanh]), data: Self.xor, source: "n").loss == .mse)
    }

    @Test func dataThatDoesNotFit() throws {
        let three = try Dataset(name: "three.csv", points: fixture { try Matrix(rows: 3, cols: 2, data: [0, 0, 1, 1, 2, 2]) }, labels: [0, 1, 2])
        Self.refuse("error: three.csv: sample 2: label 2 is out of range; one output neuron takes labels 0 and 1",
                    Self.net([2, 2, 1], [.relu, .sigmoid]), three)
        let four = try Dataset(name: "four.csv", points: fixture { try Matrix(rows: 2, cols: 2, data: [0, 0, 1, 1]) }, labels: [3, 0])
        Self.refuse("error: four.csv: sample 0: label 3 is out of range; 3 outputs take labels 0…2",
                    Self.net([2, 2, 3], [.relu, .softmax]), four)
        Self.refuse("error: xor: has 2 features per sample but the network takes 3 inputs",
                    Self.net([3, 2, 1], [.relu, .sigmoid]))
    }

    @Test func optionsOutOfRange() {
        let n = Self.net([2, 2, 1], [.relu, .sigmoid])
        Self.refuse("error: the learning rate: must be a positive number, got 0.0", n, Self.xor, TrainingOptions(learningRate: 0))
        Self.refuse("error: momentum: must be at least 0 and below 1, got 1.0", n, Self.xor, TrainingOptions(momentum: 1))
        Self.refuse("error: momentum: applies to sgd; Adam keeps its own moments (β1 = 0.9)", n, Self.xor,
                    TrainingOptions(momentum: 0.5, optimizer: .adam))
        Self.refuse("error: batch size: must be at least 1, got 0", n, Self.xor, TrainingOptions(batchSize: 0))
        Self.refuse("error: validation fraction: must be a fraction between 0 and 1 (e.g. 0.2), got 1.5", n, Self.xor, TrainingOptions(validation: 1.5))
        Self.refuse("error: validation fraction: holds out 4 of 4 rows, leaving none to train on; use a smaller fraction", n, Self.xor,
                    TrainingOptions(validation: 0.9))
        Self.refuse("error: snapshots: epoch 20 is outside 0…10", n, Self.xor, TrainingOptions(epochs: 10, snapshots: [0, 20]))
    }

    @Test func divergenceStopsWithTheEpoch() {
        // mse on a linear output with a huge step: the weights grow without bound until the loss overflows.
        let n = Self.net([2, 4, 1], [.linear, .linear])
        expectError("error: net.json: epoch 4: the loss became infinite and training stopped; lower the learning rate (now 100.0)") {
            try Trainer(network: n, data: Self.xor, options: TrainingOptions(learningRate: 100), source: "net.json").run()
        }
    }

    @Test func anUntrainedOverflowIsNotBlamedOnTheLearningRate() throws {
        let huge = try Dataset(name: "huge.csv", points: fixture { try Matrix(rows: 2, cols: 2, data: [1e308, 1e308, -1e308, 1e308]) }, labels: [0, 1])
        expectError("error: net.json: epoch 0: the untrained network's loss is NaN; its outputs overflow on this data (scale the inputs down)") {
            try Trainer(network: Network.generated(name: "n", sizes: [2, 2, 1], activations: [.linear, .linear], seed: 0, scale: 10,
                                                   bias: .zeros), data: huge, source: "net.json").run()
        }
    }

    @Test func sameInputSameBits() throws {
        let n = Self.net([2, 4, 1], [.tanh, .sigmoid])
        let data = BundledDataset.named("moons")?.generate(count: 50) ?? Self.xor
        let options = TrainingOptions(epochs: 20, momentum: 0.9, batchSize: 7, seed: 3, validation: 0.2, snapshots: [0, 5, 20])
        let a = try Trainer(network: n, data: data, options: options, source: "n").run()
        let b = try Trainer(network: n, data: data, options: options, source: "n").run()
        #expect(a == b)
        #expect(a.snapshots.map(\.epoch) == [0, 5, 20])
        #expect(a.snapshots[0].network == n)
        #expect(a.snapshots[2].network == a.network)
        #expect(a.history.allSatisfy { $0.validationLoss != nil })
    }
}
