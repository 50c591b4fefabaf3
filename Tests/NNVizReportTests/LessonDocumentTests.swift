import Testing
@testable import NNVizReport

/// The pieces of `nnviz md` that need no rendering: word splitting and the Markdown's blocks.
@Suite struct LessonDocumentTests {
    @Test func wordsSplitLikeAPOSIXShell() throws {
        #expect(try ShellWords.split("diagram xor --sample 1,0").get() == ["diagram", "xor", "--sample", "1,0"])
        #expect(try ShellWords.split(#"regions 'my net.json' --title "A \"b\" \$c" a\ b"#).get()
                == ["regions", "my net.json", "--title", #"A "b" $c"#, "a b"])
        #expect(try ShellWords.split("heatmap $HOME/x *.json ~").get() == ["heatmap", "$HOME/x", "*.json", "~"], "nothing expanded")
        #expect(try ShellWords.split("a '' b").get() == ["a", "", "b"])
        #expect(ShellWords.split("diagram 'xor").failureMessage == "a single quote is not closed")
        #expect(ShellWords.split("diagram \"xor").failureMessage == "a double quote is not closed")
        #expect(ShellWords.split("diagram xor\\").failureMessage == "the line ends in a backslash")
    }

    @Test func blocksAreFoundWithTheirCommandLines() throws {
        let text = """
            # Title

            ```nnviz
            diagram xor
            ```

            ````markdown
            ```nnviz
            shown as an example, not rendered
            ```
            ````

            ~~~ nnviz extra words
            diagram - --sample 1,0
            name: n
            layers: []
            ~~~
            """
        let doc = try LessonDocument(bytes: Array(text.utf8))
        #expect(doc.blocks.map(\.line) == [4, 14])
        #expect(doc.blocks.map(\.command) == ["diagram xor", "diagram - --sample 1,0"])
        #expect(doc.blocks[1].spec == "name: n\nlayers: []\n")
        #expect(doc.blocks[0].spec == nil)
        let out = String(decoding: doc.assemble([["A"], ["B", "", "*c*"]]), as: UTF8.self)
        #expect(out == "# Title\n\nA\n\n````markdown\n```nnviz\nshown as an example, not rendered\n```\n````\n\nB\n\n*c*")
    }

    /// Everything but the blocks passes through byte for byte: CRLF endings, no final newline, bytes that are not UTF-8.
    @Test func theRestIsCopiedByteForByte() throws {
        let before: [UInt8] = Array("a\r\n".utf8) + [0xFF] + Array(" text\r\n```nnviz\r\ndiagram xor\r\n```\r\ntail".utf8)
        let doc = try LessonDocument(bytes: before)
        #expect(doc.blocks.count == 1 && doc.blocks[0].line == 4 && doc.blocks[0].command == "diagram xor")
        let after = doc.assemble([["IMG"]])
        #expect(after == Array("a\r\n".utf8) + [0xFF] + Array(" text\r\nIMG\r\n\r\ntail".utf8))
        #expect(try LessonDocument(bytes: after).assemble([]) == after)
    }

    @Test func brokenBlocksNameTheirLine() {
        #expect(throws: LessonDocument.Failure(line: 3, message: "the nnviz block opened here is never closed")) {
            _ = try LessonDocument(bytes: Array("x\n\n```nnviz\ndiagram xor\n".utf8))
        }
        #expect(throws: LessonDocument.Failure(line: 1, message: "the nnviz block is empty; write a command such as diagram xor")) {
            _ = try LessonDocument(bytes: Array("```nnviz\n```\n".utf8))
        }
    }
}

extension Result where Failure == ShellWordsError {
    var failureMessage: String? { if case .failure(let e) = self { return e.message } else { return nil } }
}
