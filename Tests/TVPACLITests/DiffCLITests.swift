import Foundation
import Testing

/// `tvpa diff` end to end, over the shipped rules (built into the binary), the shipped
/// proposals and the scenario corpus.
@Suite("CLI diff")
struct DiffCLITests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    @Test("tvpa diff --proposal over Cases/ exits 0 with a summary naming the proposal")
    func summary() throws {
        let r = try CLITests.run(["diff", "--quiet", "--proposal", Self.path("Rules/proposals/benefits-first.yaml"), Self.path("Cases")])
        #expect(r.status == 0, "stderr:\n\(r.stderr)")
        #expect(r.stdout.contains("Proposal: Benefits first"))
        #expect(r.stdout.contains("0 could not be evaluated"))
        #expect(r.stdout.contains("[hhs_certification]"))
        #expect(r.stdout.contains("with an outcome that changed"))
    }

    @Test("--format csv starts with the header row")
    func csv() throws {
        let r = try CLITests.run(["diff", "--quiet", "--format", "csv", "--proposal", Self.path("Rules/proposals/t-visa-without-cooperation.yaml"), Self.path("Cases")])
        #expect(r.status == 0, "stderr:\n\(r.stderr)")
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.first == "case_id,path,line,subject,program,before,before_reason,after,after_reason,cause_rules,changed_rules,citations")
        #expect(lines.count > 1, "a changed decision is listed")
    }

    @Test("--output FILE writes the report there, not to standard output")
    func output() throws {
        let w = try CLITests.Workspace()
        defer { w.remove() }
        let file = w.root.appendingPathComponent("report.json").path
        let r = try CLITests.run(["diff", "--quiet", "--format", "json", "--output", file, "--proposal", Self.path("Rules/proposals/enforcement-only.yaml"), Self.path("Cases")])
        #expect(r.status == 0, "stderr:\n\(r.stderr)")
        #expect(r.stdout.isEmpty)
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["schema"] as? String == "tvpa.diff/1")
    }

    @Test("a proposal naming an unknown rule exits 65 with file:line:column and did-you-mean on stderr")
    func badProposal() throws {
        let w = try CLITests.Workspace()
        defer { w.remove() }
        let proposal = try w.write("bad.yaml", """
            proposal:
              title: Misspelled
              cite: ["X"]
            changes:
              - remove_condition: hhs.certificaton/when/all[1]
            """)
        let r = try CLITests.run(["diff", "--quiet", "--proposal", proposal, Self.path("Cases")])
        #expect(r.status == 65)
        #expect(r.stderr.contains("\(proposal):5:23: error[check.unknown-rule]"), "stderr:\n\(r.stderr)")
        #expect(r.stderr.contains("did you mean 'hhs.certification'?"))
    }

    @Test("tvpa diff with nothing to compare is a usage error: exit 2")
    func nothingToCompare() throws {
        let r = try CLITests.run(["diff", "--quiet", Self.path("Cases")])
        #expect(r.status == 2)
        #expect(r.stderr.contains("nothing to compare"))
    }

    @Test("--as-of A --vs-as-of B over the case pending across 2024-08-28 shows its T-1 outcome change")
    func twoDates() throws {
        let r = try CLITests.run(["diff", "--quiet", "--format", "csv", "--as-of", "2024-08-27", "--vs-as-of", "2024-08-28", Self.path("Cases/conformance/e03-pending-across-2024.yaml")])
        #expect(r.status == 0, "stderr:\n\(r.stderr)")
        let rows = r.stdout.split(separator: "\n").dropFirst()
        #expect(rows.count == 1)
        #expect(rows.first?.hasPrefix("e03-pending-across-2024,") == true)
        #expect(rows.first?.contains(",t_visa,not_eligible,criteria_not_met,eligible,criteria_met,") == true, "\(rows)")
    }
}
