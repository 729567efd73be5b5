import Foundation
import Testing
@testable import TVPARules

/// The readers on the inputs that made them quadratic (issue 10, "Resources"): what they read
/// is checked here; that the time grows linearly is shown by `scripts/bench-readers`, since a
/// timed unit test is at the mercy of the machine.
@Suite("Readers on long input")
struct ReaderTests {
    static func write(_ text: String, _ name: String) throws -> (URL, URL) {
        let dir = try Inline.temporaryDirectory()
        let file = dir.appendingPathComponent(name)
        try text.write(to: file, atomically: true, encoding: .utf8)
        return (dir, file)
    }

    @Test("a quoted CSV cell of 20,000 line breaks is one cell, and the row after it is read at its own row")
    func csvCellOfManyLines() throws {
        let breaks = 20_000
        let cell = (0..<breaks).map { "line \($0), with \"\"quotes\"\"" }.joined(separator: "\n")
        let csv = "id,as_of,narrative\nlong,2024-06-01,\"\(cell)\"\nnext,2024-06-01,short\n"
        let (dir, file) = try Self.write(csv, "c.csv")
        defer { try? FileManager.default.removeItem(at: dir) }
        var stream = CaseStream(paths: [file.path])
        let inputs = stream.all()
        #expect(stream.diagnostics.isEmpty)
        #expect(inputs.map(\.line) == [2, 3])
        let loader = CaseLoader(program: RangeTests.shipped, today: CivilDate.parse("2024-06-01")!)
        let long = try #require(loader.load(inputs[0]).0)
        let narrative = try #require(long.narrative)
        #expect(narrative.utf8.filter { $0 == 10 }.count == breaks - 1)
        #expect(narrative.hasPrefix("line 0, with \"quotes\"\nline 1,"))
        #expect(narrative.hasSuffix("line \(breaks - 1), with \"quotes\""))
        #expect(try #require(loader.load(inputs[1]).0).id == "next")
    }

    @Test("an unclosed quote after many lines is reported at the row it opens on")
    func unclosedAfterManyLines() throws {
        let csv = "id,narrative\nok,fine\nbad,\"" + String(repeating: "more\n", count: 5_000) + "end\n"
        let (dir, file) = try Self.write(csv, "c.csv")
        defer { try? FileManager.default.removeItem(at: dir) }
        var stream = CaseStream(paths: [file.path])
        #expect(stream.all().map(\.line) == [2])
        #expect(stream.diagnostics.map { "\($0.id.rawValue) at \($0.location.line):\($0.location.column)" } == ["case.csv-shape at 3:2"])
    }

    @Test("lines longer than many chunks, and \\r\\n split across chunks, are read whole", arguments: [1, 3, 16, 1 << 20])
    func lineReader(chunkSize: Int) throws {
        let long = String(repeating: "abcdefghij", count: 1_000)
        let text = "first\r\n\(long)\r\n\r\nü✓ last"
        let (dir, file) = try Self.write(text, "l.txt")
        defer { try? FileManager.default.removeItem(at: dir) }
        var reader = try #require(LineReader(path: file.path, chunkSize: chunkSize))
        var lines: [String] = []
        while let line = reader.next() { lines.append(line) }
        #expect(lines == ["first", long, "", "ü✓ last"])
        #expect(reader.lineNumber == 4)
        #expect(reader.bytesRead == text.utf8.count)
    }

    @Test("after non-ASCII text, the JSON Lines reader places each of the most members a case may have where the YAML path does")
    func jsonColumnsAfterNonASCII() throws {
        let members = (0..<CaseLimits.familyMembers).map { #"{"id": "m\#($0)", "facts": {"fm_relationship": "child"}}"# }.joined(separator: ", ")
        let line = #"{"id": "a", "as_of": "2024-06-01", "narrative": "Ça s’est passé à l’été", "family_members": [\#(members)]}"#
        let loader = CaseLoader(program: RangeTests.shipped, today: CivilDate.parse("2024-06-01")!)
        let input = CaseInput(path: "c.jsonl", line: 7, text: line, format: .jsonLine)
        let fast = try #require(loader.loadFastJSONLine(input))
        let (yaml, diagnostics) = loader.load(SourceText(path: "c.jsonl", text: line, firstLine: 7))
        #expect(!diagnostics.hasErrors)
        #expect(fast.members.count == CaseLimits.familyMembers)
        #expect(fast.members.map(\.location) == yaml?.members.map(\.location))
        #expect(fast == yaml)
    }

    @Test("a duplicate member id among the most members a case may have is found, by either reader; past the limit, the limit is said")
    func duplicateAmongMany() throws {
        var ids = (0..<(CaseLimits.familyMembers - 1)).map { "m\($0)" }
        ids.append("m25")
        let members = ids.map { #"{"id": "\#($0)", "facts": {"fm_relationship": "child"}}"# }.joined(separator: ", ")
        let line = #"{"id": "a", "as_of": "2024-06-01", "family_members": [\#(members)]}"#
        let loader = CaseLoader(program: RangeTests.shipped, today: CivilDate.parse("2024-06-01")!)
        let input = CaseInput(path: "c.jsonl", line: 1, text: line, format: .jsonLine)
        #expect(loader.loadFastJSONLine(input) == nil)
        #expect(loader.load(input).1.map(\.id) == [.caseDuplicateMember])
        // 5,000 members: refused at the limit (in linear time), not compared pairwise.
        let many = (0..<5_000).map { #"{"id": "m\#($0)", "facts": {"fm_relationship": "child"}}"# }.joined(separator: ", ")
        let big = CaseInput(path: "c.jsonl", line: 1, text: #"{"id": "a", "as_of": "2024-06-01", "family_members": [\#(many)]}"#, format: .jsonLine)
        #expect(loader.load(big).1.map(\.id) == [.caseTooManyMembers])
    }
}
