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

    /// A scenario's draft, sent to the page as JSON and back, then written as the case file the
    /// workbench loads, decides every program as the file itself does, and keeps what the file
    /// expects — outcomes and deadlines (`expect: clocks:`) alike.
    @Test func everyScenarioSurvivesTheFormUnchanged() throws {
        let library = ScenarioLibrary(folders: [], program: Self.program)
        #expect(library.scenarios.count == embeddedCaseFiles.count && library.scenarios.count > 100)
        let loader = CaseLoader(program: Self.program)
        var clocks = 0
        for (i, scenario) in library.scenarios.enumerated() {
            let original = try #require(loader.load(SourceText(path: scenario.path, text: library.texts[i])).0, "\(scenario.path)")
            let sent = try JSONEncoder().encode(try #require(library.draft(i)))
            let draft = try JSONDecoder().decode(CaseDraft.self, from: sent)
            let written = Self.engine.yaml(draft)
            let (again, diagnostics) = loader.load(SourceText(path: "case.yaml", text: written.text))
            let reread = try #require(again, "\(scenario.path): \(diagnostics)\n\(written.text)")
            #expect(reread.values == original.values, "\(scenario.path)")
            #expect(reread.members == original.members.map { m in var m = m; m.location = reread.members.first { $0.id == m.id }?.location ?? m.location; return m }, "\(scenario.path)")
            #expect(reread.expect == original.expect && reread.asOf == original.asOf && reread.declined == original.declined, "\(scenario.path)")
            #expect(reread.expectClocks == original.expectClocks, "\(scenario.path)")
            clocks += original.expectClocks.count + original.members.reduce(0) { $0 + $1.expectClocks.count }
            let explainer = Explainer()
            let date = original.decisionDate(override: nil, today: CivilDate.today())
            let a = explainer.report(original, program: Self.program, decisionDate: date).decisions.map { "\($0.program) \($0.subject) \($0.outcome) \($0.reason)" }
            let b = explainer.report(reread, program: Self.program, decisionDate: date).decisions.map { "\($0.program) \($0.subject) \($0.outcome) \($0.reason)" }
            #expect(a == b, "\(scenario.path)")
        }
        // The scenarios do expect deadlines, of the principal and of members: the comparison
        // above is not empty.
        #expect(clocks > 10)
        #expect(Set(library.scenarios.map(\.shelf)).isSuperset(of: ["conformance", "hhs", "t_visa", "continued_presence"]))
    }

    /// Every value reaches the page escaped: a title, a member id, a free-text record field.
    @Test func everyValueIsEscaped() throws {
        var draft = CaseDraft(id: "x")
        draft.title = "<script>alert(1)</script> & \"quoted\" 'single'"
        draft.asOf = "2024-01-01"
        draft.facts = ["lea_requests": .records([["request": .text("<img src=x onerror=alert(1)>"), "complied": .text("full")]])]
        let html = try #require(Self.engine.evaluate(EvaluateRequest(draft: draft)).html)
        #expect(!html.contains("<script") && !html.contains("<img"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot; &#39;single&#39;"))
    }

    /// The case view is the library's report (`ReportHTML.article` over `ReportLayout`): the
    /// summary names programs and outcomes in words, as `check --format html` does, not by code.
    @Test func theCaseViewIsTheLibrarysReportInWords() throws {
        let library = ScenarioLibrary(folders: [], program: Self.program)
        let key = try #require(library.scenarios.first { $0.id == "e02-citizen" }?.key)
        let draft = try #require(library.draft(key))
        let response = Self.engine.evaluate(EvaluateRequest(draft: draft))
        let html = try #require(response.html)
        let file = try #require(CaseLoader(program: Self.program).load(SourceText(path: "case.yaml", text: Self.engine.yaml(draft).text)).0)
        let date = try #require(response.decisionDate.flatMap(CivilDate.parse))
        let report = Explainer(view: .decision).report(file, program: Self.program, decisionDate: date)
        #expect(html == ReportHTML.article(ReportLayout(report), id: Engine.nowId))
        let summary = try #require(html.range(of: "<section class=\"summary\">").map { String(html[$0.lowerBound...]) })
        let table = String(summary[..<summary.range(of: "</section>")!.upperBound])
        let t = try #require(Self.program.legend.programs.first { $0.id == "t_visa" })
        #expect(table.contains(">\(Escape.html(t.title))</a>") && table.contains(ReportWords.outcome(.notEligible)))
        // No program id, outcome code or reason code in the summary.
        for code in Self.program.legend.programs.map(\.id) + ["not_eligible", "criteria_not_met", "missing_facts"] {
            #expect(!table.contains(">\(code)<") && !table.contains("<code>\(code)</code>"), "\(code)")
        }
        // The rows the page marks, in the summary's order.
        #expect(response.rows?.count == report.decisions.count && response.rows?.first { $0.program == "t_visa" }?.outcome == "not_eligible")
    }

    /// Two reports side by side (before and after a proposal) share no id, and every link in
    /// each goes to an id of its own side.
    @Test func theSideBySideViewUsesNoIdTwice() throws {
        let library = ScenarioLibrary(folders: [], program: Self.program)
        let key = try #require(library.scenarios.first { $0.id == "e03-pending-across-2024" }?.key)
        let response = Self.engine.evaluate(EvaluateRequest(draft: try #require(library.draft(key)), proposal: "benefits-first"))
        let before = try #require(response.html), after = try #require(response.proposalHTML)
        func ids(_ html: String) -> [String] { Self.matches(#"id="([^"]*)""#, in: html) }
        func links(_ html: String) -> [String] { Self.matches(##"href="#([^"]*)""##, in: html) }
        let all = ids(before) + ids(after)
        #expect(all.count > 4)
        #expect(Set(all).count == all.count, "\(Dictionary(grouping: all, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted())")
        // The page's own ids (index.html) are none of the reports'.
        let page = try #require(embeddedAssetFiles.first { $0.path == "index.html" }?.text)
        #expect(Set(ids(page)).isDisjoint(with: all))
        #expect(!links(before).isEmpty && links(before).allSatisfy(Set(ids(before)).contains) && links(after).allSatisfy(Set(ids(after)).contains))
    }

    static func matches(_ pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { Range($0.range(at: 1), in: text).map { String(text[$0]) } }
    }

    @Test func aDiagnosticIsShownBesideTheFieldItIsAbout() throws {
        // As the page sends it: every value the text typed or chosen.
        var draft = CaseDraft(id: "a-case")
        draft.facts = ["date_of_birth": .text("1998-02-30"), "trafficking_type": .text("labour"), "is_us_citizen_or_lpr": .text("yes"), "age": .text("3 years")]
        draft.members = [.init(id: "kid", facts: ["fm_relationship": .text("cousin")])]
        let response = Self.engine.evaluate(EvaluateRequest(draft: draft))
        #expect(response.html == nil)
        let byField = Dictionary(grouping: response.diagnostics, by: { $0.field ?? "" })
        #expect(byField["facts.date_of_birth"]?.first?.id == "case.invalid-date")
        #expect(byField["facts.trafficking_type"]?.first?.help?.contains("labor") == true)
        // Not true or false: written as the text it is, which a yes-or-no fact does not take.
        #expect(byField["facts.is_us_citizen_or_lpr"]?.first?.id == "case.type-mismatch")
        #expect(byField["facts.age"]?.first?.id == "case.type-mismatch")
        #expect(byField["family_members.0.facts.fm_relationship"]?.first?.id == "case.unknown-value")
    }

    @Test func aDateBeforeTheCasesEventsIsSaidPlainly() throws {
        var draft = CaseDraft(id: "early")
        draft.facts = ["date_of_birth": .text("1990-01-01"), "t_application_filed_date": .text("2024-05-01")]
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
        let library = ScenarioLibrary(folders: [], program: Self.program)
        let key = try #require(library.scenarios.first { $0.id == "e03-pending-across-2024" }?.key)
        let draft = try #require(library.draft(key))
        func tVisa(_ date: String) -> String? {
            let response = Self.engine.evaluate(EvaluateRequest(draft: draft, date: date))
            return response.rows?.first { $0.program == "t_visa" }?.outcome
        }
        // semantics.md: filed before 2024-08-28 and decided after it, either rule may apply;
        // decided before it, only the 2016 rule, under which this case fails presence.
        #expect(tVisa("2024-08-28") == "eligible")
        #expect(tVisa("2024-08-27") != nil && tVisa("2024-08-27") != "eligible")
    }

    @Test func aProposalIsComparedDecisionByDecision() throws {
        let library = ScenarioLibrary(folders: [], program: Self.program)
        let key = try #require(library.scenarios.first { $0.id == "e03-pending-across-2024" }?.key)
        let response = Self.engine.evaluate(EvaluateRequest(draft: try #require(library.draft(key)), proposal: "benefits-first"))
        #expect(response.proposalHTML != nil)
        // Benefits first certifies every adult victim of a severe form (its own summary).
        #expect(response.changes?.map(\.program) == ["hhs_certification"])
        #expect(response.changes?.first?.after.hasPrefix(ReportWords.outcome(.eligible)) == true)
        // The changed row is marked among the proposal's rows, and no other.
        #expect(response.proposalRows?.filter { $0.changed == true }.map(\.program) == ["hhs_certification"])
        #expect(Self.engine.evaluate(EvaluateRequest(draft: try #require(library.draft(key)), proposal: "../facts")).notice == WorkbenchMessages.proposalFailed("../facts"))
    }
}
