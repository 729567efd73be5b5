import Foundation
import Testing
import TVPARules
@testable import tvpa_workbench

/// What the page shows, computed without a browser: a draft read as the case file it makes, the
/// scenarios it lists, the notices in place of a report, and the redacted view.
@Suite("Workbench engine")
struct EngineTests {
    static let program: Program = RuleCompiler.compile(.embedded).0!.program
    static let engine = Engine(base: program)

    /// A scenario's draft, written back as a case file, decides every program as the file
    /// itself does (the form loses nothing a scenario says).
    @Test func everyScenarioSurvivesTheFormUnchanged() throws {
        let library = ScenarioLibrary(folders: [])
        #expect(library.scenarios.count == embeddedCaseFiles.count && library.scenarios.count > 100)
        let loader = CaseLoader(program: Self.program)
        for (i, scenario) in library.scenarios.enumerated() {
            let original = try #require(loader.load(SourceText(path: scenario.path, text: library.texts[i])).0, "\(scenario.path)")
            let draft = try #require(library.draft(i))
            let written = draft.yaml(vocabulary: Self.program.legend)
            let (again, diagnostics) = loader.load(SourceText(path: "case.yaml", text: written.text))
            let reread = try #require(again, "\(scenario.path): \(diagnostics)\n\(written.text)")
            #expect(reread.values == original.values, "\(scenario.path)")
            // The form does not yet carry `expect: clocks:` (issue 13's expected deadlines, read
            // by `tvpa test`, not by the page): those are left out of the comparison, and the
            // README says a scenario saved from the page loses them.
            #expect(reread.members == original.members.map { m in var m = m; m.location = reread.members.first { $0.id == m.id }?.location ?? m.location; m.expectClocks = [:]; return m }, "\(scenario.path)")
            #expect(reread.expect == original.expect && reread.asOf == original.asOf && reread.declined == original.declined, "\(scenario.path)")
            let explainer = Explainer()
            let date = original.decisionDate(override: nil, today: CivilDate.today())
            let a = explainer.report(original, program: Self.program, decisionDate: date).decisions.map { "\($0.program) \($0.subject) \($0.outcome) \($0.reason)" }
            let b = explainer.report(reread, program: Self.program, decisionDate: date).decisions.map { "\($0.program) \($0.subject) \($0.outcome) \($0.reason)" }
            #expect(a == b, "\(scenario.path)")
        }
        #expect(Set(library.scenarios.map(\.shelf)).isSuperset(of: ["conformance", "hhs", "t_visa", "continued_presence"]))
    }

    /// Every value reaches the page escaped: a title, a member id, a free-text record field.
    @Test func everyValueIsEscaped() throws {
        var draft = PageDraft()
        draft.id = "x"
        draft.title = "<script>alert(1)</script> & \"quoted\" 'single'"
        draft.asOf = "2024-01-01"
        draft.facts = ["lea_requests": .array([.object(["request": .string("<img src=x onerror=alert(1)>"), "complied": .string("full")])])]
        let html = try #require(Self.engine.evaluate(EvaluateRequest(draft: draft)).html)
        #expect(!html.contains("<script") && !html.contains("<img"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot; &#39;single&#39;"))
        #expect(HTML.text("a\u{1B}[31mb") == Escape.text("a\u{1B}[31mb"))
    }

    @Test func aDiagnosticIsShownBesideTheFieldItIsAbout() throws {
        var draft = PageDraft()
        draft.id = "a-case"
        draft.facts = ["date_of_birth": .string("1998-02-30"), "trafficking_type": .string("labour"), "is_us_citizen_or_lpr": .string("yes")]
        draft.members = [.init(id: "kid", facts: ["fm_relationship": .string("cousin")])]
        let response = Self.engine.evaluate(EvaluateRequest(draft: draft))
        #expect(response.html == nil)
        let byField = Dictionary(grouping: response.diagnostics, by: { $0.field ?? "" })
        #expect(byField["facts.date_of_birth"]?.first?.id == "case.invalid-date")
        #expect(byField["facts.trafficking_type"]?.first?.help?.contains("labor") == true)
        #expect(byField["facts.is_us_citizen_or_lpr"]?.first?.id == "case.yes-no-boolean")
        #expect(byField["family_members.0.facts.fm_relationship"]?.first?.id == "case.unknown-value")
    }

    @Test func aDateBeforeTheCasesEventsIsSaidPlainly() throws {
        var draft = PageDraft()
        draft.id = "early"
        draft.facts = ["date_of_birth": .string("1990-01-01"), "t_application_filed_date": .string("2024-05-01")]
        let response = Self.engine.evaluate(EvaluateRequest(draft: draft, date: "2020-01-01"))
        #expect(response.html == nil && response.diagnostics.isEmpty)
        #expect(response.notice == WorkbenchMessages.beforeEvents(CivilDate.parse("2020-01-01")!, latest: ("t_application_filed_date", CivilDate.parse("2024-05-01")!), redacted: false))
        #expect(response.notice?.contains("2024-05-01") == true)
        let redacted = Self.engine.evaluate(EvaluateRequest(draft: draft, date: "2020-01-01", redact: true))
        #expect(redacted.notice?.contains("2024-05-01") == false && redacted.notice?.contains("t_application_filed_date") == true)
        #expect(Self.engine.evaluate(EvaluateRequest(draft: draft, date: "2024-05-01")).html != nil)
        #expect(Self.engine.evaluate(EvaluateRequest(draft: draft, date: "2024-02-30")).notice == WorkbenchMessages.notADate("2024-02-30"))
    }

    @Test func theDateAcrossTheTwentyTwentyFourRuleChangesTheDecision() throws {
        let library = ScenarioLibrary(folders: [])
        let key = try #require(library.scenarios.first { $0.id == "e03-pending-across-2024" }?.key)
        let draft = try #require(library.draft(key))
        func tVisa(_ date: String) -> String? {
            let html = Self.engine.evaluate(EvaluateRequest(draft: draft, date: date)).html ?? ""
            return html.range(of: "data-program=\"t_visa\"").map { String(html[$0.upperBound...].prefix(300)) }
        }
        // semantics.md: filed before 2024-08-28 and decided after it, either rule may apply;
        // decided before it, only the 2016 rule, under which this case fails presence.
        #expect(tVisa("2024-08-28")?.contains("class=\"outcome eligible\"") == true)
        #expect(tVisa("2024-08-27")?.contains("class=\"outcome eligible\"") == false)
    }

    @Test func aProposalIsComparedDecisionByDecision() throws {
        let library = ScenarioLibrary(folders: [])
        let key = try #require(library.scenarios.first { $0.id == "e03-pending-across-2024" }?.key)
        let response = Self.engine.evaluate(EvaluateRequest(draft: try #require(library.draft(key)), proposal: "benefits-first"))
        #expect(response.proposalHTML != nil)
        // Benefits first certifies every adult victim of a severe form (its own summary).
        #expect(response.changes?.map(\.program) == ["hhs_certification"])
        #expect(Self.engine.evaluate(EvaluateRequest(draft: try #require(library.draft(key)), proposal: "../facts")).notice == WorkbenchMessages.proposalFailed("../facts"))
    }
}
