import Foundation
import Testing
@testable import TVPARules

/// Golden diff reports: each shipped proposal over `Cases/`, as text and Markdown (and one as
/// JSON), re-recorded like the other goldens:
///
///     RECORD_SNAPSHOTS=1 swift test --filter Golden
///
/// Paths in the reports are relative to the package root, and every case is decided on its
/// own `as_of` (today is fixed for any case without one), so the files do not depend on the
/// checkout or the day.
@Suite("Golden diff reports")
struct DiffGoldenTests {
    final class Text: @unchecked Sendable { var value = "" }

    static func relative(_ s: String) -> String {
        s.replacingOccurrences(of: Proposals.root.path + "/", with: "")
    }

    static func plan(_ name: String) throws -> DiffPlan {
        try DiffTests.proposalPlan(try Proposals.source("Rules/proposals/\(name)"))
    }

    static var names: [String] { Proposals.shipped.map { String($0.dropFirst("Rules/proposals/".count)) } }

    @Test("text and Markdown diff reports of each shipped proposal over Cases/", arguments: names)
    func reports(_ name: String) throws {
        let plan = try Self.plan(name)
        let stem = "diff-" + name.dropLast(".yaml".count)
        for (style, ext) in [(DiffReport.Style.text, "txt"), (.markdown, "md")] {
            var sink = DiffReport(style: style)
            var diagnostics: [Diagnostic] = []
            DiffRun.run(plan, paths: [DiffTests.cases], options: DiffRun.Options(workers: 2), into: &sink, diagnostics: { diagnostics += $0 })
            #expect(diagnostics.isEmpty)
            #expect(!sink.rendered.isEmpty)
            try GoldenTests.compare(Self.relative(sink.rendered), to: "\(stem).\(ext)")
        }
    }

    @Test("the JSON diff report of benefits-first over Cases/ is tvpa.diff/1 and matches its golden copy")
    func json() throws {
        let plan = try Self.plan("benefits-first.yaml")
        let out = Text()
        var sink = DiffJSONStream(write: { out.value += $0 })
        let summary = DiffRun.run(plan, paths: [DiffTests.cases], options: DiffRun.Options(workers: 2), into: &sink, diagnostics: { _ in })
        let text = Self.relative(out.value)
        // Valid JSON whose summary agrees with the run's.
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["schema"] as? String == "tvpa.diff/1")
        #expect((object["changed"] as? [Any])?.count == summary.changedCases)
        #expect((object["summary"] as? [String: Any])?["changed_cases"] as? Int == summary.changedCases)
        try GoldenTests.compare(text, to: "diff-benefits-first.json")
    }

    @Test("the CSV diff stream has the header row and one row per changed decision")
    func csv() throws {
        let plan = try Self.plan("t-visa-without-cooperation.yaml")
        let out = Text()
        var sink = DiffCSVStream(write: { out.value += $0 })
        let summary = DiffRun.run(plan, paths: [DiffTests.cases], options: DiffRun.Options(workers: 2), into: &sink, diagnostics: { _ in })
        let lines = out.value.split(separator: "\n")
        #expect(lines.first.map(String.init) == DiffCSVStream.columns.joined(separator: ","))
        #expect(lines.count - 1 == summary.programs.map(\.changed).reduce(0, +))
        #expect(lines.dropFirst().allSatisfy { $0.contains(",t_visa,") || $0.contains(",t_derivative,") })
    }
}
