import Foundation
import Testing
import TVPARules
@testable import tvpa_workbench

/// The redacted view (case-file.md, "Redaction"): a draft with a distinct marker in every
/// field goes through every response the page asks for with `redact`, and none survives.
@Suite("Workbench redacted view")
struct RedactedViewTests {
    static let markers = ["zqcaseid", "zqtitle", "zqsource", "zqnarrative", "zqstory", "zqrequest", "zqreason", "zqmember", "zqnote", "1990-01-02", "2020-03-04", "2020-05-06", "1991-02-03", "7777"]

    static func draft() -> CaseDraft {
        var d = CaseDraft(id: "zqcaseid")
        d.title = "zqtitle"
        d.source = "zqsource"
        d.narrative = "zqnarrative"
        d.asOf = "2024-01-01"
        d.facts = [
            "date_of_birth": .text("1990-01-02"), "trafficking_start_date": .text("2020-03-04"), "trafficking_type": .text("labor"),
            "lea_requests": .records([["request": .text("zqrequest"), "date": .text("2020-05-06"), "complied": .text("none"), "refusal_reason": .text("zqreason")]]),
        ]
        d.members = [.init(id: "zqmember", facts: ["fm_relationship": .text("spouse"), "fm_date_of_birth": .text("1991-02-03")])]
        return d
    }

    func leaks(_ value: some Encodable) throws -> [String] {
        let text = String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
        return Self.markers.filter { text.contains($0) }
    }

    @Test func noMarkerInTheRedactedReportOrItsComparison() throws {
        let engine = EngineTests.engine
        let plain = engine.evaluate(EvaluateRequest(draft: Self.draft()))
        #expect(plain.html != nil)
        // The markers are there to be found: without redaction the report shows them.
        #expect(try leaks(plain).contains("zqcaseid"))
        let redacted = engine.evaluate(EvaluateRequest(draft: Self.draft(), proposal: "benefits-first", redact: true))
        #expect(redacted.html?.contains("Case case 1") == true || redacted.html?.contains("Case 1") == true)
        #expect(redacted.proposalHTML != nil)
        #expect(try leaks(redacted) == [])
    }

    @Test func noMarkerInTheRedactedDiagnosticsOrNotices() throws {
        var bad = Self.draft()
        bad.facts["trafficking_end_date"] = .text("2020-02-31")
        bad.facts["count_zq"] = .text("7777")
        bad.facts["trafficking_type"] = .text("zqstory")
        let redacted = EngineTests.engine.evaluate(EvaluateRequest(draft: bad, redact: true))
        #expect(!redacted.diagnostics.isEmpty)
        #expect(try leaks(redacted.diagnostics.map { [$0.message, $0.help ?? ""] }) == [])
        let early = EngineTests.engine.evaluate(EvaluateRequest(draft: Self.draft(), date: "2000-01-01", redact: true))
        let earlyLeaks = try leaks(early)
        #expect(early.notice != nil && earlyLeaks.isEmpty)
    }
}
