import Foundation
import Testing
@testable import TVPARules

/// Golden outputs: the compiler's dumps of the shipped rules, and the text and JSON
/// explanations of the conformance examples. A change to the rules, the engine or a renderer
/// that changes an output fails here until it is looked at and re-recorded (the rules' digest is
/// masked, so editing a rule file alone does not):
///
///     RECORD_SNAPSHOTS=1 swift test --filter Golden
@Suite("Golden outputs")
struct GoldenTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static let recording = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
    static let conformance = ["e01-seed-minor-childcare", "e02-citizen", "e03-pending-across-2024", "e04-waiver-pending", "e05-unwaivable-ground",
                              "e06-request-at-17", "e07-cp-and-certification", "e08-no-federal-agency", "e09-family-young-principal", "e10-almost-nothing-known"]

    /// The rules' digest (in full, or its first twelve digits in a text report) as a mask: a
    /// change to the rule files that changes no explanation then changes no golden.
    static func masked(_ text: String) -> String {
        text.replacing(#/sha256:[0-9a-f]{12,64}/#, with: "sha256:<digest>")
    }

    static func compare(_ unmasked: String, to name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let actual = masked(unmasked)
        let file = goldenDirectory.appendingPathComponent(name)
        if recording {
            try FileManager.default.createDirectory(at: goldenDirectory, withIntermediateDirectories: true)
            try actual.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        if expected != actual {
            let a = actual.split(separator: "\n", omittingEmptySubsequences: false), e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let line = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, e.count)
            Issue.record("\(name) differs from its golden copy at line \(line + 1):\n  golden: \(line < e.count ? String(e[line]) : "<end>")\n  actual: \(line < a.count ? String(a[line]) : "<end>")\nRe-record with RECORD_SNAPSHOTS=1 if the change is intended.", sourceLocation: sourceLocation)
        }
    }

    static func program() throws -> Program {
        try #require(RuleCompiler.compile(.embedded).0).program
    }

    @Test("tvpa dump --stage syntax | checked | compiled of the shipped rules")
    func dumps() throws {
        let (files, _, diagnostics) = RuleCompiler.parse(.embedded)
        #expect(!diagnostics.hasErrors)
        try Self.compare(files.map { TreeDump.render($0, label: "file") }.joined(separator: "\n"), to: "dump-syntax.txt")
        let checked = try #require(RuleCompiler.check(.embedded).0)
        try Self.compare(TreeDump.render(CheckedView(checked), label: "rules"), to: "dump-checked.txt")
        try Self.compare(ProgramDump.render(try Self.program()), to: "dump-compiled.txt")
    }

    @Test("explanations of the conformance examples, text and JSON, decision and full views", arguments: conformance)
    func explanations(_ name: String) throws {
        let program = try Self.program()
        let path = "Cases/conformance/\(name).yaml"
        let text = try String(contentsOf: Self.root.appendingPathComponent(path), encoding: .utf8)
        let (file, diagnostics) = CaseLoader(program: program).load(SourceText(path: path, text: text))
        #expect(!diagnostics.hasErrors)
        let valid = try #require(file)
        let date = valid.decisionDate(override: nil, today: CivilDate.today())
        let decision = Explainer(view: .decision).report(valid, program: program, decisionDate: date)
        let full = Explainer(view: .full).report(valid, program: program, decisionDate: date)
        try Self.compare(TextRenderer().render(decision), to: "\(name).txt")
        try Self.compare(TextRenderer().render(full, options: .init(expandVersions: true)), to: "\(name).full.txt")
        try Self.compare(DecisionJSON.render(decision, pretty: true), to: "\(name).json")
        // The reports for people as a reader gets them: 80 columns, Markdown, HTML (redacted,
        // as a trainer shares it), and the codes for rule authors.
        let layout = ReportLayout(decision)
        try Self.compare(ReportText(width: 80).render(layout), to: "\(name).80.txt")
        try Self.compare(ReportMarkdown.render([layout]), to: "\(name).md")
        let redacted = Explainer(view: .decision, redact: true).report(valid, program: program, decisionDate: date).pseudonymized(as: "case 1")
        try Self.compare(ReportHTML.render([ReportLayout(redacted)]), to: "\(name).redacted.html")
        try Self.compare(ReportText(width: 100).render(ReportLayout(decision, options: .init(codes: true))), to: "\(name).codes.txt")
    }
}
