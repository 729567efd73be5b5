import Foundation
import Testing
@testable import TVPARules

/// Golden explanations over a small fixture rule set (`Fixtures/engine/rules`, cases in `Fixtures/engine/cases`), not the shipped law:
/// they pin down what the engine and the renderers write — every kind of sentence and note,
/// both views, text and JSON — so a change in the law does not touch them, and a change in the
/// engine touches a few short files. The law's own goldens are the conformance examples
/// (`GoldenTests`). Re-recorded with `RECORD_SNAPSHOTS=1 swift test --filter Golden`.
@Suite("Golden outputs of the engine, on a fixture rule set")
struct EngineGoldenTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/engine")
    static let cases = ["met", "unknown", "not-applicable"]

    static func program() throws -> Program {
        let (compiled, diagnostics) = RuleCompiler.compile(.directory(fixtures.appendingPathComponent("rules").path))
        #expect(!diagnostics.hasErrors, "\(diagnostics.map(\.description))")
        return try #require(compiled).program
    }

    @Test("explanations of the fixture cases, text and JSON, decision and full views, plain and redacted", arguments: cases)
    func explanations(_ name: String) throws {
        let program = try Self.program()
        let path = "engine/\(name).yaml"
        let text = try String(contentsOf: Self.fixtures.appendingPathComponent("cases/\(name).yaml"), encoding: .utf8)
        let (file, diagnostics) = CaseLoader(program: program).load(SourceText(path: path, text: text))
        #expect(!diagnostics.hasErrors, "\(diagnostics.map(\.description))")
        let valid = try #require(file)
        let date = valid.decisionDate(override: nil, today: CivilDate.today())
        let decision = Explainer(view: .decision).report(valid, program: program, decisionDate: date)
        let full = Explainer(view: .full).report(valid, program: program, decisionDate: date)
        let redacted = Explainer(view: .full, redact: true).report(valid, program: program, decisionDate: date).pseudonymized(as: "case 1")
        // The rules are named by the folder they were read from: shown relative to the tests.
        func relative(_ s: String) -> String { s.replacingOccurrences(of: Self.fixtures.path, with: "Fixtures/engine") }
        try GoldenTests.compare(relative(TextRenderer().render(decision)), to: "engine-\(name).txt")
        try GoldenTests.compare(relative(TextRenderer().render(full) + "\n" + TextRenderer().render(redacted)), to: "engine-\(name).full.txt")
        try GoldenTests.compare(relative(DecisionJSON.render(full, pretty: true)), to: "engine-\(name).full.json")
    }

    @Test("the digest is masked in goldens, in full and as a text report shortens it")
    func digestMask() {
        let digest = "sha256:" + String(repeating: "0123456789abcdef", count: 4)
        #expect(GoldenTests.masked("rules \(digest) and (\(digest.prefix(19))…)") == "rules sha256:<digest> and (sha256:<digest>…)")
    }
}
