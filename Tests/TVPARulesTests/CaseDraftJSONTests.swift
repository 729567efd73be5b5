import Foundation
import Testing
import TVPARules

/// The case draft as a page holds it (JSON) and the canonical file's lines by field
/// (`CaseWriter.lineFields`): what the workbench's form needs of the library's one draft.
@Suite("Case draft: JSON and fields")
struct CaseDraftJSONTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let program: Program = RuleCompiler.compile(.embedded).0!.program

    static func scenarios() throws -> [(URL, CaseFile)] {
        let walk = FileManager.default.enumerator(at: root.appendingPathComponent("Cases"), includingPropertiesForKeys: nil)
        let urls = (walk?.allObjects as? [URL] ?? []).filter { $0.pathExtension == "yaml" }.sorted { $0.path < $1.path }
        let loader = CaseLoader(program: program)
        return try urls.compactMap { url in
            loader.load(SourceText(path: url.path, text: try String(contentsOf: url, encoding: .utf8))).0.map { (url, $0) }
        }
    }

    /// To JSON and back, then typed by the vocabulary: the same draft, expected deadlines and all.
    @Test func everyScenarioSurvivesJSON() throws {
        let all = try Self.scenarios()
        #expect(all.count > 100)
        var clocks = 0
        for (url, file) in all {
            let draft = CaseDraft(file, legend: Self.program.legend)
            let back = try JSONDecoder().decode(CaseDraft.self, from: try JSONEncoder().encode(draft))
            #expect(back.typed(by: Self.program.legend) == draft, "\(url.lastPathComponent)")
            clocks += draft.expectClocks.count + draft.members.reduce(0) { $0 + $1.expectClocks.count }
        }
        #expect(clocks > 10)
    }

    /// The writer writes `expect: clocks:`, and the loader reads them back as they were.
    @Test func expectedDeadlinesAreWritten() throws {
        var draft = CaseDraft(id: "clocks")
        draft.asOf = "2026-12-01"
        draft.facts = ["date_of_birth": .date("2006-06-15"), "t_decision": .word("not_filed")]
        let ids = Self.program.legend.clocks.filter { $0.subject == .principal }.map(\.id)
        try #require(ids.count >= 2)
        draft.expectClocks = [ids[0]: .none, ids[1]: .between(earliest: CivilDate.parse("2027-01-01"), latest: nil)]
        let text = CaseWriter.yaml(draft, legend: Self.program.legend)
        #expect(text.contains("expect:\n  clocks:\n"))
        let (file, diagnostics) = CaseLoader(program: Self.program).load(SourceText(path: "c.yaml", text: text))
        let loaded = try #require(file, "\(diagnostics)\n\(text)")
        #expect(loaded.expectClocks == draft.expectClocks)
    }

    /// A value as the page types it, given its fact's type; what does not fit stays as written.
    @Test func valuesAreTypedByTheirFact() {
        #expect(CaseDraft.Value.text("true").typed(.bool) == .bool(true))
        #expect(CaseDraft.Value.text("yes").typed(.bool) == .text("yes"))
        #expect(CaseDraft.Value.text("12").typed(.integer) == .integer(12))
        #expect(CaseDraft.Value.text("12x").typed(.integer) == .text("12x"))
        #expect(CaseDraft.Value.text("2024-02-30").typed(.date) == .date("2024-02-30"))
        #expect(CaseDraft.Value.text("labor").typed(.enumeration) == .word("labor"))
        #expect(CaseDraft.Value.text("  ").typed(.text) == nil)
        #expect(CaseDraft.Value.words([]).typed(.records) == .records([]))
    }

    /// Each line of the canonical file names the field it holds: every fact the draft gives,
    /// the principal's and each member's, every record line, the envelope and the expectations.
    @Test func everyLineSaysItsField() throws {
        for (url, file) in try Self.scenarios() {
            let draft = CaseDraft(file, legend: Self.program.legend)
            let text = CaseWriter.yaml(draft, legend: Self.program.legend)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let fields = CaseWriter.lineFields(text)
            func line(of field: String) -> String? { fields.filter { $0.value == field }.min { $0.key < $1.key }.map { lines[$0.key - 1] } }
            #expect(line(of: "id")?.hasPrefix("id: ") == true, "\(url.lastPathComponent)")
            for name in draft.facts.keys { #expect(line(of: "facts.\(name)")?.hasPrefix("  \(name):") == true, "\(url.lastPathComponent) \(name)") }
            for (i, m) in draft.members.enumerated() {
                #expect(line(of: "family_members.\(i).id")?.hasPrefix("  - id: ") == true)
                for name in m.facts.keys { #expect(line(of: "family_members.\(i).facts.\(name)")?.hasPrefix("      \(name):") == true, "\(url.lastPathComponent) \(name)") }
                for id in m.expectClocks.keys { #expect(line(of: "family_members.\(i).expect.clocks.\(id)")?.contains(id) == true, "\(url.lastPathComponent) \(id)") }
            }
            for id in draft.expect.keys { #expect(line(of: "expect.\(id)")?.hasPrefix("  \(id):") == true) }
            for id in draft.expectClocks.keys { #expect(line(of: "expect.clocks.\(id)")?.hasPrefix("    \(id):") == true) }
            // A record's own lines are its fact's.
            for (n, l) in lines.enumerated() where l.trimmingCharacters(in: .whitespaces).hasPrefix("- {") {
                #expect(fields[n + 1]?.contains("facts.") == true, "\(url.lastPathComponent):\(n + 1)")
            }
        }
    }
}
