import Foundation
import Testing
@testable import TVPARules

/// `DecisionJSON.render` writes the compact JSON v1 straight into bytes; `DecisionJSON.object`
/// builds the same document as a `JSON` tree (the pretty form still renders it). The two must
/// agree byte for byte, or JSON v1 would mean one thing at corpus scale and another in a report.
@Suite("JSON v1 written directly")
struct DecisionJSONWriterTests {
    static let today = CivilDate.parse("2024-06-01")!

    static func agree(_ report: CaseReport, _ what: String) {
        #expect(DecisionJSON.render(report) == DecisionJSON.object(report).render(), "\(what)")
    }

    @Test("every scenario, in every view, redacted and not")
    func everyScenario() throws {
        let program = try #require(RuleCompiler.compile(.embedded).0).program
        let paths = try BulkFormTests.scenarioFiles()
        #expect(paths.count > 100)
        for view in [ExplainView.off, .decision, .full] {
            for redact in [false, true] {
                CaseRun.stream(paths, program: program, options: .init(view: view, redact: redact, today: Self.today)) { result in
                    guard let report = result.report else { return }
                    Self.agree(redact ? report.pseudonymized(as: "case 1") : report, "\(result.path) \(view) redact \(redact)")
                }
            }
        }
    }

    @Test("generated cases, family members included (escaping itself: JSONBytesTests)")
    func generatedCases() throws {
        let program = try #require(RuleCompiler.compile(.embedded).0).program
        var generator = CaseGenerator(program: program, seed: 3)
        let loader = CaseLoader(program: program, today: Self.today)
        var decided = 0
        for i in 0..<300 {
            let line = generator.next(index: i).render()
            let (file, _) = loader.load(CaseInput(path: "g.jsonl", line: i + 1, text: line, format: .jsonLine))
            guard let file else { continue }
            decided += 1
            let view: ExplainView = [.off, .decision, .full][i % 3]
            let report = Explainer(view: view).report(file, program: program, decisionDate: file.decisionDate(override: nil, today: Self.today))
            Self.agree(report, "generated case \(i)")
        }
        #expect(decided == 300)
    }
}
