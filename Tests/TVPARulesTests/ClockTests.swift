import Foundation
import Testing
@testable import TVPARules

/// Clocks (issue 13): the date arithmetic on birthdays (29 February included), both sides of a
/// deadline, an unknown date's bounds and the fact that would fix it, a passed deadline, the
/// redacted buckets, and one located diagnostic per clock or evidence error.
@Suite("Clocks and evidence")
struct ClockTests {
    static let rules = """
        facts:
          born: {type: date, question: When were you born?}
          letter: {type: date, question: When was the letter issued?}
          extended: {type: bool, question: Was it extended?}
          proof: {type: list, values: [statement, records], labels: {statement: a statement, records: records}, question: What is on file?}
        derived:
          years: {type: integer, min: 0, max: 130, compute: {years_between: [born, decision_date]}}
        parameters:
          term: {type: integer, values: [{from: 2000-01-01, value: 90, cite: ["Example Act 2"]}]}
        rules:
          minor:
            title: Under 18
            cite: ["Example Act 1"]
            when: {lt: [years, 18]}
        programs:
          child: {title: Child, rule: minor, cite: ["Example Act"]}
        clocks:
          request_by:
            kind: act_by
            title: Ask before the 18th birthday
            date: {add_days: [{add_years: [born, 18]}, -1]}
            when: {lt: [years, 18]}
            says: Ask before the 18th birthday.
            cite: ["Example Act 1"]
            warn_within: 30
          period_ends:
            kind: ends_on
            title: The period ends
            date: {add_days: [{add_days: [letter, {param: term}]}, {if: {fact: extended}, then: 30, else: 0}]}
            when: {ge: [letter, 1900-01-01]}
            says: "{param:term} days from the letter."
            cite: ["Example Act 2"]
        evidence:
          minor:
            guide: Any credible evidence; a guide, not a requirement.
            cite: ["Example Act 3"]
            items:
              statement: {text: A statement, cite: ["Example Act 3(a)"], required: true, on_file: {fact: proof, has: statement}}
              records: {text: Records, cite: ["Example Act 3(b)"], on_file: {fact: proof, has: records}}
              photo: {text: A photograph, cite: ["Example Act 3(c)"]}
        """

    static func deadline(_ report: CaseReport, _ id: String) -> Deadline? { report.deadlines.first { $0.id == id } }

    static func report(_ facts: [String: String], asOf: String, redact: Bool = false) throws -> CaseReport {
        let program = try Inline.compile(rules)
        var yaml = "id: inline\nas_of: \(asOf)\nfacts:\n"
        for (k, v) in facts.sorted(by: { $0.key < $1.key }) { yaml += "  \(k): \(v)\n" }
        let (file, diagnostics) = Inline.load(yaml, program: program)
        #expect(!diagnostics.hasErrors, "\(diagnostics)")
        let valid = try #require(file)
        return Explainer(view: .decision, redact: redact).report(valid, program: program, decisionDate: CivilDate.parse(asOf)!)
    }

    static func day(_ s: String) -> Int { CivilDate.parse(s)! }

    @Test("a 29 February birthday: the 18th birthday is 1 March in a common year, so the last day is 28 February", arguments: [
        ("2008-02-29", "2026-01-10", "2026-02-28"),  // 2026 is common: 18 on 1 March
        ("2004-02-29", "2021-06-01", "2022-02-28"),  // 2022 is common
        ("2008-03-01", "2026-01-10", "2026-02-28"),  // born 1 March: the same last day
        ("2008-02-28", "2026-01-10", "2026-02-27"),  // born 28 February: the day before it
    ])
    func leapBirthday(_ born: String, _ asOf: String, _ expected: String) throws {
        let r = try Self.report(["born": born], asOf: asOf)
        #expect(Self.deadline(r, "request_by")?.date == Self.day(expected))
    }

    @Test("both sides of the deadline: the day before (1 day left), the day (0, in time), the day after (18: no clock)")
    func bothSides() throws {
        let before = try Self.report(["born": "2008-12-02"], asOf: "2026-11-30")
        let d1 = try #require(Self.deadline(before, "request_by"))
        #expect(d1.date == Self.day("2026-12-01") && d1.days == 1 && d1.status == .upcoming && d1.warning && d1.bucket == .within30)
        let on = try Self.report(["born": "2008-12-02"], asOf: "2026-12-01")
        let d2 = try #require(Self.deadline(on, "request_by"))
        #expect(d2.days == 0 && d2.status == .upcoming && DeadlineText.standing(d2) == "today is the last day")
        let after = try Self.report(["born": "2008-12-02"], asOf: "2026-12-02")
        #expect(Self.deadline(after, "request_by") == nil)
    }

    @Test("a period's end: day before, the day, the day after (passed, flagged), and with the extension unknown, both ends")
    func periodEnds() throws {
        let facts = ["born": "2012-01-01", "letter": "2024-09-20", "extended": "false"]
        let before = try #require(Self.deadline(try Self.report(facts, asOf: "2024-12-18"), "period_ends"))
        #expect(before.date == Self.day("2024-12-19") && before.days == 1)
        let on = try #require(Self.deadline(try Self.report(facts, asOf: "2024-12-19"), "period_ends"))
        #expect(on.days == 0 && on.status == .upcoming)
        let after = try #require(Self.deadline(try Self.report(facts, asOf: "2024-12-20"), "period_ends"))
        #expect(after.days == -1 && after.status == .passed && after.bucket == .passed && DeadlineText.flag(after) == "PASSED")
        #expect(DeadlineText.standing(after) == "ended 1 day ago")
        let unknown = try #require(Self.deadline(try Self.report(["born": "2012-01-01", "letter": "2024-09-20"], asOf: "2024-12-01"), "period_ends"))
        #expect(unknown.date == nil && unknown.earliest == Self.day("2024-12-19") && unknown.latest == Self.day("2025-01-18"))
        #expect(unknown.fixedBy == ["extended"])
    }

    @Test("an unknown date of birth with a given age: the earliest and latest last day, and the fact that fixes it")
    func unknownBounds() throws {
        let r = try Self.report(["years": "17"], asOf: "2026-12-01")
        let d = try #require(Self.deadline(r, "request_by"))
        #expect(d.earliest == Self.day("2026-12-01") && d.latest == Self.day("2027-11-30"))
        #expect(d.fixedBy == ["born"] && d.status == .upcoming && d.warning)
        #expect(DeadlineText.date(d) == "as early as 2026-12-01, as late as 2027-11-30")
    }

    @Test("deadlines are listed soonest first, and redacted they show a bucket, never a date or a count")
    func orderAndRedaction() throws {
        let facts = ["born": "2008-12-02", "letter": "2026-10-01", "extended": "false"]
        let r = try Self.report(facts, asOf: "2026-11-01")
        #expect(r.deadlines.map(\.id) == ["request_by", "period_ends"])  // 2026-12-01, then 2026-12-30
        let redacted = try Self.report(facts, asOf: "2026-11-01", redact: true)
        let text = TextRenderer().render(redacted)
        #expect(text.contains("Ask before the 18th birthday: act by — within 30 days"), "\(text)")
        #expect(!text.contains("2026-12-01") && !text.contains("2026-12-30") && !text.contains("days left"), "\(text)")
        let json = DecisionJSON.render(redacted)
        #expect(!json.contains("\"date\"") && !json.contains("\"days\"") && json.contains("\"bucket\":\"within_30_days\""), "\(json)")
        let plain = DecisionJSON.render(r)
        #expect(plain.contains("\"date\":\"2026-12-01\"") && plain.contains("\"days\":30"), "\(plain)")
        #expect(plain.contains("\"says\":\"90 days from the letter.\""), "\(plain)")
    }

    @Test("the evidence list of a met or unknown element says what is on file and what is still to gather")
    func evidence() throws {
        let r = try Self.report(["born": "2010-01-01", "proof": "[statement]"], asOf: "2024-06-01")
        let d = try r.decision("child")
        let e = try #require(d.evidence.first)
        #expect(e.status == .yes && e.onFile == [.yes, .no, nil])
        let text = EvidenceText.block(d)
        #expect(text.contains("Any credible evidence; a guide, not a requirement. [Example Act 3]"), "\(text)")
        #expect(text.contains("[on file] A statement (required) [Example Act 3(a)]"), "\(text)")
        #expect(text.contains("[to gather] Records"), "\(text)")
        #expect(text.contains("[to gather (the case file does not record it)] A photograph"), "\(text)")
        // An element that fails needs no proof: no list.
        let adult = try Self.report(["born": "1990-01-01"], asOf: "2024-06-01")
        #expect(try adult.decision("child").evidence.isEmpty)
        // Unknown on file: the list fact not given.
        let unknown = try Self.report(["years": "10"], asOf: "2024-06-01")
        #expect(try unknown.decision("child").evidence.first?.onFile == [.unknown, .unknown, nil])
    }

    /// The evidence lists a shipped scenario's T-1 decision shows, by element (rule id).
    static func tEvidence(_ scenario: String) throws -> [String] {
        let shipped = RuleCompiler.compile(.embedded).0!.program
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let url = root.appendingPathComponent("Cases/t_visa/\(scenario).yaml")
        let (file, diagnostics) = CaseLoader(program: shipped).load(SourceText(path: url.path, text: try String(contentsOf: url, encoding: .utf8)))
        let valid = try #require(file, "\(diagnostics)")
        let report = Explainer(view: .decision).report(valid, program: shipped, decisionDate: valid.decisionDate(override: nil, today: Self.day("2024-06-01")))
        let d = try report.decision("t_visa")
        return d.evidence.map { d.legend.rules[$0.rule].id }
    }

    @Test("an element decided under the 2016 rule shows the 2016 evidence list (former 8 CFR 214.11), one under the 2024 rule the 2024 list")
    func evidenceByRuleVersion() throws {
        let shipped = RuleCompiler.compile(.embedded).0!.program
        // Decided 2023-09-01, before the 2024 rule took effect (2024-08-28): the 2016 rule.
        let old = try Self.tEvidence("t-minor-at-filing-2016")
        for element in ["t.v2016.presence", "t.v2016.compliance", "t.v2016.minor_exemption", "t.v2016.hardship"] {
            #expect(old.contains(element), "\(element) in \(old)")
        }
        #expect(!old.contains { $0.hasPrefix("t.v2024.") }, "\(old)")
        // Filed after 2024-08-28: the 2024 rule only.
        let new = try Self.tEvidence("t-minor-at-act-adult-at-filing-2024")
        #expect(new.contains("t.v2024.presence") && !new.contains { $0.hasPrefix("t.v2016.") }, "\(new)")
        // Every kind of a 2016 list is cited to the 2016 rule (or the statute), and the guide too.
        for list in shipped.legend.evidence where shipped.legend.rules[list.rule].id.hasPrefix("t.v2016.") {
            #expect(list.cite.allSatisfy { $0.hasPrefix("former 8 CFR 214.11(") }, "\(list.cite)")
            for item in list.items {
                #expect(item.cite.allSatisfy { $0.hasPrefix("former 8 CFR 214.11(") || $0.hasPrefix("INA ") }, "\(item.cite)")
            }
        }
    }

    // MARK: Expected clocks in JSON Lines and CSV (both formats carry expect:)

    static func corpus(_ text: String, name: String) throws -> [(CaseFile?, [Diagnostic])] {
        try DeclinedTests.loadCorpus(text, name: name, program: Inline.compile(rules))
    }

    @Test("JSON Lines carry expect: {clocks: …} as a YAML file does: a date, none, bounds (null: unbounded), and an unknown id is an error")
    func expectedClocksJSONLines() throws {
        let rows = try Self.corpus("""
            {"id": "j1", "facts": {"born": "2010-01-01"}, "expect": {"child": "eligible", "clocks": {"request_by": "2027-12-31", "period_ends": "none"}}}
            {"id": "j2", "facts": {"years": 10}, "expect": {"clocks": {"request_by": {"earliest": "2031-06-02", "latest": null}}}}
            {"id": "j3", "expect": {"clocks": {"request_bye": "none"}}}

            """, name: "cases.jsonl")
        #expect(rows[0].1.isEmpty && rows[1].1.isEmpty, "\(rows.map(\.1))")
        #expect(rows[0].0?.expectClocks == ["request_by": .date(Self.day("2027-12-31")), "period_ends": ClockExpectation.none])
        #expect(rows[0].0?.expect.isEmpty == false, "the outcomes are still read beside the clocks")
        #expect(rows[1].0?.expectClocks == ["request_by": .between(earliest: Self.day("2031-06-02"), latest: nil)])
        #expect(rows[2].1.map(\.id) == [.caseUnknownKey] && rows[2].1.first?.help == "did you mean 'request_by'?", "\(rows[2].1)")
    }

    @Test("CSV carries expect.clocks.ID columns: a date, none, EARLIEST..LATEST (a side empty: unbounded); an unknown clock is an error on the header")
    func expectedClocksCSV() throws {
        let rows = try Self.corpus("""
            id,born,expect.child,expect.clocks.request_by,expect.clocks.period_ends
            c1,2010-01-01,eligible,2027-12-31,none
            c2,,,2024-06-02..2025-06-01,
            c3,,,..2025-06-01,

            """, name: "sheet.csv")
        #expect(rows.allSatisfy { $0.1.isEmpty }, "\(rows.map(\.1))")
        #expect(rows[0].0?.expectClocks == ["request_by": .date(Self.day("2027-12-31")), "period_ends": ClockExpectation.none])
        #expect(rows[0].0?.expect.isEmpty == false)
        #expect(rows[1].0?.expectClocks == ["request_by": .between(earliest: Self.day("2024-06-02"), latest: Self.day("2025-06-01"))])
        #expect(rows[2].0?.expectClocks == ["request_by": .between(earliest: nil, latest: Self.day("2025-06-01"))])
        // The same row as a YAML file reads to the same expectations.
        let yaml = try #require(Inline.load("id: c1\nfacts: {born: 2010-01-01}\nexpect: {child: eligible, clocks: {request_by: 2027-12-31, period_ends: none}}\n", program: Inline.compile(Self.rules)).0)
        #expect(rows[0].0?.expectClocks == yaml.expectClocks && rows[0].0?.expect == yaml.expect)
        // A misspelt clock, and a date that is not one.
        let bad = try Self.corpus("id,expect.clocks.request_bye\nc1,none\n", name: "bad.csv")
        #expect(bad[0].1.map(\.id) == [.caseUnknownKey] && bad[0].1.first?.help == "did you mean 'expect.clocks.request_by'?", "\(bad[0].1)")
        #expect(bad[0].1.first?.location.line == 1)
        let notDate = try Self.corpus("id,expect.clocks.request_by\nc1,2027-02-30\n", name: "date.csv")
        #expect(notDate[0].1.map(\.id) == [.caseInvalidDate], "\(notDate[0].1)")
    }

    static let fixtures = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/clocks")

    @Test("each clock and evidence fixture gives its diagnostic at the stated place", arguments: ["missing-citation", "not-a-date", "unknown-fact", "bad-kind", "warn-window", "subject-mismatch", "evidence-unknown-rule", "evidence-missing-citation"])
    func diagnostic(_ name: String) throws {
        let file = Self.fixtures.appendingPathComponent("\(name).yaml")
        let expected = try DiagnosticFixtureTests.expectation(in: file)
        let dir = try Inline.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.copyItem(at: file, to: dir.appendingPathComponent("rules.yaml"))
        let (compiled, diagnostics) = RuleCompiler.compile(.directory(dir.path))
        #expect(compiled == nil)
        let found = diagnostics.first { $0.id.rawValue == expected.id }
        #expect(found?.location.line == expected.line && found?.location.column == expected.column, "\(name): \(diagnostics.map(\.description))")
    }

    @Test("an unknown fact in a clock gets a did-you-mean")
    func didYouMean() throws {
        let dir = try Inline.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent("unknown-fact.yaml"), to: dir.appendingPathComponent("rules.yaml"))
        let (_, diagnostics) = RuleCompiler.compile(.directory(dir.path))
        #expect(diagnostics.contains { $0.id == .checkUnknownFact && $0.help?.contains("born") == true }, "\(diagnostics.map(\.description))")
    }
}
