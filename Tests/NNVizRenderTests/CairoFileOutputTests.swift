import Foundation
import NNVizCairo
import NNVizScene
import Testing

@Suite struct CairoFileOutputTests {
    @Test func formatComesFromTheExtension() throws {
        #expect(try OutputFormat(path: "out/a.png") == .png)
        #expect(try OutputFormat(path: "A.SVG") == .svg)
        #expect(try OutputFormat(path: "x.y/fig.pdf") == .pdf)
        #expect(throws: CairoError(path: "out/fig.jpg", message: "unknown file extension '.jpg'; expected one of .png, .svg, .pdf")) {
            try OutputFormat(path: "out/fig.jpg")
        }
        #expect(throws: CairoError(path: "x.y/fig", message: "has no file extension; expected one of .png, .svg, .pdf")) {
            try OutputFormat(path: "x.y/fig")
        }
        #expect(CairoError(path: "out/x.png", message: "cannot write: No such file or directory").description
                == "error: out/x.png: cannot write: No such file or directory")
    }

    @Test func writesEachFormatAndLeavesNoTemporaryFiles() throws {
        let folder = try CairoTestSupport.scratchFolder("write")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for ext in ["png", "svg", "pdf"] {
            try CairoPainter().write(CairoTestSupport.everything(), to: "\(folder)/fig.\(ext)")
            let written = try Data(contentsOf: URL(fileURLWithPath: "\(folder)/fig.\(ext)"))
            #expect(Array(written) == (try CairoPainter().render(CairoTestSupport.everything(), format: try OutputFormat(path: "f.\(ext)"))))
        }
        #expect(CairoTestSupport.files(in: folder) == ["fig.pdf", "fig.png", "fig.svg"])
    }

    @Test func missingFolderIsAOneLineError() throws {
        let folder = try CairoTestSupport.scratchFolder("missing")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/nope/x.png"
        #expect(throws: CairoError(path: path, message: "cannot write: No such file or directory")) {
            try CairoPainter().write(CairoTestSupport.everything(), to: path)
        }
    }

    @Test func failedWriteLeavesTheOldFileIdenticalAndNoTemporaryFile() throws {
        let folder = try CairoTestSupport.scratchFolder("atomic")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/fig.png"
        let old: [UInt8] = Array("previous contents".utf8)
        try AtomicFile.write(old, to: path)
        // Rendering fails (canvas over budget): nothing is written.
        #expect(throws: CairoError.self) { try CairoPainter().write(Scene(width: 30_000, height: 10), to: path) }
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: path))) == old)
        // Renaming fails (the destination is a non-empty folder): the temporary file is removed again.
        try FileManager.default.createDirectory(atPath: folder + "/dir.png/inner", withIntermediateDirectories: true)
        #expect(throws: CairoError(path: folder + "/dir.png", message: "cannot write: Is a directory")) {
            try CairoPainter().write(CairoTestSupport.everything(), to: folder + "/dir.png")
        }
        #expect(CairoTestSupport.files(in: folder) == ["dir.png", "fig.png"])
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: path))) == old)
        // A successful write replaces the file whole.
        try CairoPainter().write(CairoTestSupport.everything(), to: path)
        #expect(try PNGDecoder.decode(Array(try Data(contentsOf: URL(fileURLWithPath: path)))).width == 200)
        #expect(CairoTestSupport.files(in: folder) == ["dir.png", "fig.png"])
    }
}
