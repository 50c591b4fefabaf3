import Foundation
import NNVizEngine
import NNVizRender
@testable import NNVizReport
import NNVizTestSupport
import Testing

/// `nnviz report --train`: the Training section, its captions from the run's own history, the trained network's
/// figures after it, the files in the folder's manifest, and identical reruns.
@Suite struct ReportTrainingTests {
    /// A run whose history is given, for the words alone.
    static func training(_ history: [(Double, Double)], validation: [(Double, Double)]? = nil) throws -> ReportTraining {
        let net = try NetworkResolver.resolve("xor-train")
        let records = history.enumerated().map { e, r in
            EpochRecord(epoch: e, loss: r.0, accuracy: r.1, validationLoss: validation?[e].0, validationAccuracy: validation?[e].1)
        }
        let result = TrainingResult(network: net, history: records, snapshots: [], loss: .bce)
        let data = try Dataset.resolve("xor")
        return ReportTraining(result: result, dataset: data, options: TrainingOptions(epochs: history.count - 1), snapshots: [0], frames: [0])
    }

    @Test func storySaysWhatChanged() throws {
        let learnt = try Self.training([(0.693, 0.5), (0.5, 0.75), (0.01, 1), (0.0018, 1)])
        #expect(learnt.story == "the loss fell from 0.693 to 0.0018 in 3 epochs; accuracy reached 100 % at epoch 2")
        // Never 100 %: the best and when, and where it ended when that is lower.
        let stuck = try Self.training([(0.6931, 0.5), (0.6930, 0.75), (0.6932, 0.5)])
        #expect(stuck.story == "the loss rose from 0.693 to 0.693 in 2 epochs; accuracy never reached 100 %: its best was 75.0 % at epoch 1, "
                + "and it ended at 50.0 %")
        let flat = try Self.training([(0.5, 0.5), (0.5, 0.5)])
        #expect(flat.story == "the loss stayed from 0.5 to 0.5 in 1 epoch; accuracy never reached 100 %: its best was 50.0 % at epoch 0")
        let validated = try Self.training([(0.7, 0.5), (0.2, 1)], validation: [(0.8, 0.25), (0.4, 0.75)])
        #expect(validated.story.hasSuffix("; on the held-out rows the loss went from 0.8 to 0.4 (accuracy 75.0 %)"))
    }

    @Test func trainedReportTellsTheStoryAndRerunsIdentically() throws {
        let tmp = try TempFolder()
        defer { tmp.cleanup() }
        let args = ["report", "xor-train", "--data", "xor", "--train", "--lr", "1", "--epochs", "400", "--frames", "3", "--scale", "1", "--quiet"]
        let r = try NNVizBinary.run(args + ["-o", "out"], cwd: tmp.url)
        #expect(r == .init(stdout: "", stderr: "", status: 0), "\(r.stderr)")
        let first = tmp.snapshot()
        let again = try NNVizBinary.run(args + ["-o", "out"], cwd: tmp.url)
        #expect(again.status == 0)
        #expect(tmp.snapshot() == first, "a rerun writes the same bytes")
        let files = tmp.list("out/xor-train")
        for f in ["loss.png", "loss.svg", "filmstrip.png", "filmstrip.svg", "weight-trajectories.png", "weight-trajectories.svg",
                  "training.gif", "diagram.png", "regions.png", "weights.png"] {
            #expect(files.contains(f), "\(f)")
        }
        let manifest = try tmp.text("out/xor-train/.nnviz-report")
        for f in ["loss.png", "filmstrip.svg", "weight-trajectories.png", "training.gif"] { #expect(manifest.contains(f + "\n"), "\(f) in the manifest") }

        // The numbers of the story are the history's, as `nnviz train` writes it with the same options.
        let t = try NNVizBinary.run(["train", "xor-train", "--data", "xor", "--lr", "1", "--epochs", "400", "-o", "t.json", "--history", "h.csv"],
                                    cwd: tmp.url)
        #expect(t.status == 0)
        let rows = try tmp.text("h.csv").split(separator: "\n").dropFirst().map { $0.split(separator: ",").compactMap { Double($0) } }
        let reached = try #require(rows.first { $0[2] == 1 })
        let story = "The loss fell from \(LossCurve.number(rows[0][1])) to \(LossCurve.number(rows[400][1])) in 400 epochs; "
            + "accuracy reached 100 % at epoch \(Int(reached[0]))."
        let html = try tmp.text("out/xor-train/index.html")
        #expect(html.contains("<section id=\"training\">"))
        #expect(html.contains("<li><strong>Trained</strong> 400 epochs on xor (4 points): sgd, lr 1, full batch, seed 0, bce loss</li>"))
        #expect(html.contains(story + " Every figure after this section shows the trained network."), "\(story)")
        #expect(html.contains("Dotted lines mark the snapshot epochs (0, 1, 3, 10, 30, 100, 300 and 400). " + story))
        #expect(html.contains("<img src=\"training.gif\" width=\"1280\" height=\"720\""))
        #expect(html.contains("After training (400 epochs on xor): Layer diagram of xor-train"))
        // The trained network is the one `nnviz train` writes, and the report's figures are of it.
        let trained = try NetworkSpec.load(path: tmp.path + "/t.json")
        let json = try tmp.text("out/xor-train/report.json")
        let row = "[" + trained.layers[0].weights.row(0).map { "\($0)" }.joined(separator: ", ") + "]"
        #expect(json.contains(row), "report.json has the trained weights: \(row)")
        #expect(try tmp.text("out/xor-train/report.md").contains("## Training\n\nnnviz trained this network for 400 epochs on xor"))
    }

    @Test func trainingOptionsNeedTrainAndData() throws {
        let tmp = try TempFolder()
        defer { tmp.cleanup() }
        let noTrain = try NNVizBinary.run(["report", "xor", "--epochs", "5", "-o", "out"], cwd: tmp.url)
        #expect(noTrain.status == 64 && noTrain.stderr.contains("need --train"))
        let noData = try NNVizBinary.run(["report", "xor-train", "--train", "-o", "out"], cwd: tmp.url)
        #expect(noData.status == 64 && noData.stderr.contains("--train needs --data"))
        #expect(tmp.list().isEmpty)
    }
}
