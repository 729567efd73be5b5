import Foundation
import Testing
@testable import TVPARules

/// One minimal bad fixture per diagnostic id. A rule diagnostic's fixture is
/// `diagnostics/<id>.yaml`, a rule file compiled on its own; a case diagnostic's fixture is
/// `diagnostics/<id>/` with a valid `rules.yaml` and a bad `case.yaml` (or a bad `case.csv` or
/// `case.jsonl`, read as a corpus); a proposal diagnostic's fixture is `diagnostics/<id>/` with a valid
/// `rules.yaml` and a bad `proposal.yaml` applied to it. The first line of the bad file (of
/// `expect`, beside a CSV or JSON Lines file) is `# expect: <id> at <line>:<column>`.
@Suite("Diagnostics table")
struct DiagnosticFixtureTests {
    static let root: URL = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/diagnostics")

    struct Expectation {
        var id: String
        var line: Int
        var column: Int
    }

    /// Reads the `# expect:` line as bytes, so a fixture that is not UTF-8 still has one.
    static func expectation(in file: URL) throws -> Expectation {
        let data = try Data(contentsOf: file)
        let firstLine = String(decoding: data.prefix { $0 != 0x0A }, as: UTF8.self)
        let prefix = "# expect: "
        try #require(firstLine.hasPrefix(prefix), "\(file.lastPathComponent) does not start with '# expect: <id> at <line>:<column>'")
        let parts = firstLine.dropFirst(prefix.count).split(separator: " ")
        try #require(parts.count == 3 && parts[1] == "at", "malformed expect line: \(firstLine)")
        let position = parts[2].split(separator: ":").compactMap { Int($0) }
        try #require(position.count == 2, "malformed position in: \(firstLine)")
        return Expectation(id: String(parts[0]), line: position[0], column: position[1])
    }

    static var fixtureNames: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []).sorted()
    }

    @Test("every diagnostic id has a fixture that produces it at the stated place", arguments: DiagnosticID.allCases)
    func fixtureProducesDiagnostic(_ id: DiagnosticID) throws {
        let fm = FileManager.default
        let file = Self.root.appendingPathComponent("\(id.rawValue).yaml")
        let folder = Self.root.appendingPathComponent(id.rawValue)
        var isDirectory: ObjCBool = false
        let hasFile = fm.fileExists(atPath: file.path)
        let hasFolder = fm.fileExists(atPath: folder.path, isDirectory: &isDirectory) && isDirectory.boolValue
        try #require(hasFile || hasFolder, "no fixture for \(id.rawValue): add diagnostics/\(id.rawValue).yaml (or a folder)")

        let badFile: URL
        var expectationFile: URL?
        let diagnostics: [Diagnostic]
        if id.rawValue.hasPrefix("case.") {
            try #require(hasFolder, "a case diagnostic's fixture is a folder with rules.yaml and case.yaml")
            let (compiled, ruleDiagnostics) = RuleCompiler.compile(.directory(folder.appendingPathComponent("rules.yaml").path))
            #expect(!ruleDiagnostics.hasErrors, "the fixture's rules must be valid: \(ruleDiagnostics)")
            let program = try #require(compiled).program
            let loader = CaseLoader(program: program, today: CivilDate.parse("2024-06-01")!)
            let corpus = ["case.csv", "case.jsonl"].map { folder.appendingPathComponent($0) }.first { fm.fileExists(atPath: $0.path) }
            if let corpus {
                // A CSV or JSON Lines corpus has no comment lines: its expect line is in `expect`.
                badFile = corpus
                expectationFile = folder.appendingPathComponent("expect")
                var stream = CaseStream(paths: [corpus.path])
                let loaded = stream.all().map { loader.load($0) }
                diagnostics = stream.diagnostics + loaded.flatMap(\.1)
                if id.defaultSeverity == .error {
                    // A case with an error yields nothing; a good line beside it still does.
                    #expect(loaded.allSatisfy { $0.0 == nil || !$0.1.hasErrors }, "a case with an error must not yield a case")
                    #expect(loaded.contains { $0.0 == nil }, "no case of the corpus was refused")
                }
            } else {
                badFile = folder.appendingPathComponent("case.yaml")
                let text = try String(contentsOf: badFile, encoding: .utf8)
                let (caseFile, caseDiagnostics) = loader.load(SourceText(path: badFile.path, text: text))
                diagnostics = caseDiagnostics
                if id.defaultSeverity == .error {
                    #expect(caseFile == nil, "a case file with an error must not yield a case")
                }
            }
        } else if id.rawValue.hasPrefix("proposal.") {
            try #require(hasFolder, "a proposal diagnostic's fixture is a folder with rules.yaml and proposal.yaml")
            badFile = folder.appendingPathComponent("proposal.yaml")
            expectationFile = badFile
            let (plain, ruleDiagnostics) = RuleCompiler.compile(.directory(folder.appendingPathComponent("rules.yaml").path))
            #expect(plain != nil && !ruleDiagnostics.hasErrors, "the fixture's rules must be valid: \(ruleDiagnostics)")
            let text = try String(contentsOf: badFile, encoding: .utf8)
            let (compiled, proposalDiagnostics) = RuleCompiler.compile(
                .directory(folder.appendingPathComponent("rules.yaml").path), proposal: SourceText(path: badFile.path, text: text))
            diagnostics = proposalDiagnostics
            #expect(compiled == nil, "a proposal with an error must not compile")
        } else {
            badFile = hasFile ? file : folder
            let (compiled, ruleDiagnostics) = RuleCompiler.compile(.directory(badFile.path))
            diagnostics = ruleDiagnostics
            if id.defaultSeverity == .error {
                #expect(compiled == nil, "a rule set with an error must not compile")
            } else {
                #expect(compiled != nil, "a warning alone must not stop compilation")
            }
        }
        let expected = try Self.expectation(in: expectationFile ?? (hasFolder && !id.rawValue.hasPrefix("case.") ? folder.appendingPathComponent("rules.yaml") : badFile))
        #expect(expected.id == id.rawValue, "the fixture's expect line names \(expected.id)")
        let matching = diagnostics.filter { $0.id == id }
        #expect(!matching.isEmpty, "expected \(id.rawValue); got:\n\(diagnostics.map(\.description).joined(separator: "\n"))")
        // In the bad file, or (a rule fixture that is a folder, such as a symbolic link loop)
        // at an entry inside it.
        func inBadFile(_ file: String) -> Bool { file.hasSuffix(badFile.lastPathComponent) || (hasFolder && file.hasPrefix(badFile.path + "/")) }
        let here = matching.contains { $0.location.line == expected.line && $0.location.column == expected.column && inBadFile($0.location.file) }
        #expect(here, "expected \(id.rawValue) at \(expected.line):\(expected.column); got:\n\(diagnostics.map(\.description).joined(separator: "\n"))")
        for d in matching {
            #expect(d.severity == id.defaultSeverity)
            #expect(!d.message.isEmpty)
        }
    }

    @Test("every fixture names a diagnostic id in the catalogue")
    func noStrayFixtures() throws {
        let ids = Set(DiagnosticID.allCases.map(\.rawValue))
        let names = Self.fixtureNames
        #expect(!names.isEmpty, "fixtures folder missing from the test bundle")
        for name in names {
            let id = name.hasSuffix(".yaml") ? String(name.dropLast(5)) : name
            #expect(ids.contains(id), "fixture \(name) names no diagnostic id")
        }
    }

    @Test("the catalogue is alphabetical and its ids are unique")
    func catalogueOrder() {
        let raw = DiagnosticID.allCases.map(\.rawValue)
        #expect(raw == raw.sorted())
        #expect(Set(raw).count == raw.count)
        #expect(DiagnosticID.allCases.filter { $0.defaultSeverity == .warning } == [.caseIncompleteRecord, .checkUnusedFact])
    }

    @Test("a missing rules folder is read.unreadable")
    func missingFolder() {
        let (compiled, diagnostics) = RuleCompiler.compile(.directory("/nonexistent/tvpa-rules-\(UUID().uuidString)"))
        #expect(compiled == nil)
        #expect(diagnostics.map(\.id) == [.readUnreadable])
    }

    @Test("an empty rules folder is read.unreadable, not an empty rule set")
    func emptyFolder() throws {
        let dir = try Inline.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (compiled, diagnostics) = RuleCompiler.compile(.directory(dir.path))
        #expect(compiled == nil)
        #expect(diagnostics.map(\.id) == [.readUnreadable])
    }

    @Test("a diagnostic renders as file:line:column: severity[id]: message")
    func rendering() {
        let d = Diagnostic(.checkUnknownFact, "unknown fact 'b'", at: TVPARules.SourceLocation(file: "r.yaml", line: 3, column: 7), help: "did you mean 'a'?")
        #expect(d.description.hasPrefix("r.yaml:3:7: error[check.unknown-fact]: unknown fact 'b'"))
        #expect(d.description.contains("help: did you mean 'a'?"))
    }
}
