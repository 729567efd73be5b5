import Foundation
import Testing
@testable import TVPARules

/// Every integer and date a case, a rule file or a proposal holds is range-checked where it
/// is read (issue 10, "Crashes and impossible values"), and date arithmetic never traps.
@Suite("Value ranges")
struct RangeTests {
    static let shipped: Program = {
        let (compiled, diagnostics) = RuleCompiler.compile(.embedded)
        precondition(compiled != nil, "the shipped rules do not compile: \(diagnostics)")
        return compiled!.program
    }()

    static func load(_ yaml: String) -> (CaseFile?, [Diagnostic]) { Inline.load(yaml, program: shipped) }

    /// The one error a case file gives, as `id at line:column`.
    static func errors(_ yaml: String) -> [String] {
        load(yaml).1.filter { $0.severity == .error }.map { "\($0.id.rawValue) at \($0.location.line):\($0.location.column)" }
    }

    // MARK: Date arithmetic

    static let extremes = [Int.min, Int.min + 1, -1 << 62, -100_000_000_000_000_000, -1, 0, 1, 100_000_000_000_000_000, 1 << 62, Int.max - 1, Int.max]

    @Test("CivilDate takes any Int and never traps: results stay inside its documented domain")
    func arithmeticNeverTraps() {
        // Before the clamp, days_from_civil overflowed (signal 4) on a year of 1e17.
        for a in Self.extremes {
            let c = CivilDate.components(a)
            #expect(abs(c.year) <= CivilDate.years + 1)
            #expect(CivilDate.days.contains(CivilDate.dayNumber(year: a, month: 1, day: 1)))
            #expect(!CivilDate.format(a).isEmpty)
            for b in Self.extremes {
                #expect(CivilDate.days.contains(CivilDate.addDays(a, b)))
                #expect(CivilDate.days.contains(CivilDate.addMonths(a, b)))
                #expect(CivilDate.days.contains(CivilDate.addYears(a, b)))
                _ = CivilDate.yearsBetween(a, b)
            }
        }
        // Far from the sentinels the evaluator reads as unbounded.
        #expect(CivilDate.days.upperBound < Int.max / 2 && CivilDate.days.lowerBound > Int.min / 2)
    }

    @Test("clamping leaves every date a case can hold unchanged")
    func clampingIsInvisible() throws {
        let d = try #require(CivilDate.parse("2024-02-29"))
        #expect(CivilDate.format(CivilDate.addYears(d, 1)) == "2025-03-01")
        #expect(CivilDate.format(CivilDate.addDays(d, 1)) == "2024-03-01")
        #expect(CivilDate.format(CivilDate.addMonths(d, -1)) == "2024-01-29")
        #expect(CivilDate.format(CivilDate.addYears(d, ValueLimits.integers.upperBound)) == "1000002024-02-29")
    }

    // MARK: Case files

    @Test("an age of 1e17 is out of range, not a crash", arguments: ["age: 100000000000000000", "age: 5000", "age: -1", "age: 99999999999999999999999"])
    func hugeAge(_ fact: String) {
        #expect(Self.errors("id: a\nas_of: 2024-06-01\nfacts:\n  \(fact)\n") == ["case.out-of-range at 4:8"])
    }

    @Test("age_at_first_trafficking_act of 1e17 with a known start is out of range, not a crash")
    func hugeAgeAtFirstAct() {
        let yaml = "id: a\nas_of: 2024-06-01\nfacts:\n  trafficking_start_date: 2020-01-01\n  age_at_first_trafficking_act: 100000000000000000\n"
        #expect(Self.errors(yaml) == ["case.out-of-range at 5:33"])
    }

    @Test("ages 0 and 130 are accepted, 131 is not (Rules/facts.yaml: min 0, max 130)")
    func ageBounds() {
        for ok in ["0", "130"] { #expect(Self.errors("id: a\nfacts:\n  age: \(ok)\n").isEmpty) }
        #expect(Self.errors("id: a\nfacts:\n  age: 131\n") == ["case.out-of-range at 3:8"])
    }

    /// A minor by the rules' reading: sex trafficking of a person under 18 needs no force,
    /// fraud or coercion (22 U.S.C. 7102(11)(A)); an adult without them is not a victim.
    static func firstAct(_ age: String) -> String {
        """
        id: neg
        as_of: 2025-03-01
        facts:
          age_at_first_trafficking_act: \(age)
          trafficking_type: sex
          actions_by_trafficker: [recruited]
          commercial_sex_act_occurred: true
          performed_labor_or_sex: true
        """
    }

    @Test("age_at_first_trafficking_act: -5 is refused; it made the person a minor and the victim decision eligible")
    func negativeAgeAtFirstAct() throws {
        // The value decides the outcome: at 17 a minor (eligible); at 30 an adult, who needs
        // force, fraud or coercion, which this case does not say (undetermined).
        let minor = try Inline.decide(Self.firstAct("17"), program: Self.shipped).decision("severe_trafficking_victim")
        #expect(minor.outcome == .eligible)
        let adult = try Inline.decide(Self.firstAct("30"), program: Self.shipped).decision("severe_trafficking_victim")
        #expect(adult.outcome == .undetermined)
        // -5 was read as a minor: eligible. It is impossible, so the case is not decided at all.
        let (file, diagnostics) = Self.load(Self.firstAct("-5"))
        #expect(file == nil)
        #expect(diagnostics.map { "\($0.id.rawValue) at \($0.location.line):\($0.location.column)" } == ["case.out-of-range at 4:33"])
    }

    @Test("a date before 1900-01-01 is out of range; 1900-01-01 is not")
    func earliestDate() {
        #expect(Self.errors("id: a\nas_of: 2024-06-01\nfacts:\n  date_of_birth: 1899-12-31\n") == ["case.out-of-range at 4:18"])
        #expect(Self.errors("id: a\nas_of: 2024-06-01\nfacts:\n  date_of_birth: 1900-01-01\n").isEmpty)
    }

    @Test("an as_of before 1900 is out of range (0001-01-01 was accepted)")
    func earlyDecisionDate() {
        #expect(Self.errors("id: a\nas_of: 0001-01-01\n") == ["case.out-of-range at 2:8"])
    }

    @Test("a future date more than 50 years after the decision date is out of range (9999-12-31 was accepted)")
    func farFuture() {
        #expect(Self.errors("id: a\nas_of: 2025-03-01\nfacts:\n  cp_expiry_date: 9999-12-31\n") == ["case.out-of-range at 4:3"])
        #expect(Self.errors("id: a\nas_of: 2025-03-01\nfacts:\n  cp_expiry_date: 2075-03-02\n") == ["case.out-of-range at 4:3"])
        #expect(Self.errors("id: a\nas_of: 2025-03-01\nfacts:\n  cp_expiry_date: 2075-03-01\n").isEmpty)
    }

    @Test("an age the dates make impossible (139 from a birth in 1901, decided in 2040) is out of range")
    func computedAge() {
        #expect(Self.errors("id: a\nas_of: 2040-03-01\nfacts:\n  date_of_birth: 1901-01-01\n") == ["case.out-of-range at 4:3"])
        #expect(Self.errors("id: a\nas_of: 2030-03-01\nfacts:\n  date_of_birth: 1901-01-01\n").isEmpty)
    }

    @Test("redacted, an out-of-range diagnostic quotes no value")
    func redacted() {
        let loader = CaseLoader(program: Self.shipped, today: CivilDate.parse("2024-06-01")!, redact: true)
        let (_, diagnostics) = loader.load(SourceText(path: "c.yaml", text: "id: a\nas_of: 1850-01-01\nfacts:\n  age: 123456789012\n"))
        #expect(diagnostics.map(\.id) == [.caseOutOfRange, .caseOutOfRange])
        for d in diagnostics { #expect(!d.description.contains("1850") && !d.description.contains("123456789012")) }
    }

    @Test("the JSON Lines reader leaves an out-of-range value to the YAML path, which says where it is")
    func jsonLines() {
        let loader = CaseLoader(program: Self.shipped, today: CivilDate.parse("2024-06-01")!)
        let lines = [
            (#"{"id": "a", "facts": {"age": 100000000000000000}}"#, 30),
            (#"{"id": "b", "facts": {"age_at_first_trafficking_act": -5}}"#, 55),
            (#"{"id": "c", "as_of": "0001-01-01"}"#, 22),
            (#"{"id": "d", "facts": {"date_of_birth": "1899-12-31"}}"#, 40),
        ]
        for (text, column) in lines {
            let input = CaseInput(path: "c.jsonl", line: 3, text: text, format: .jsonLine)
            #expect(loader.loadFastJSONLine(input) == nil, "the fast reader accepted \(text)")
            let (file, diagnostics) = loader.load(input)
            #expect(file == nil)
            #expect(diagnostics.map { "\($0.id.rawValue) at \($0.location.line):\($0.location.column)" } == ["case.out-of-range at 3:\(column)"], "\(text)")
        }
        // In range, the fast reader reads it.
        #expect(loader.loadFastJSONLine(CaseInput(path: "c.jsonl", text: #"{"id": "e", "facts": {"age": 130}}"#, format: .jsonLine)) != nil)
    }

    @Test("a CSV cell out of range is placed at its cell")
    func csv() throws {
        let dir = try Inline.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("c.csv")
        try "id,as_of,age\na,2025-03-01,100000000000000000\nb,0001-01-01,\n".write(to: file, atomically: true, encoding: .utf8)
        var stream = CaseStream(paths: [file.path])
        let loader = CaseLoader(program: Self.shipped, today: CivilDate.parse("2024-06-01")!)
        let found = stream.all().flatMap { loader.load($0).1 }.map { "\($0.id.rawValue) at \($0.location.line):\($0.location.column)" }
        #expect(found == ["case.out-of-range at 2:3", "case.out-of-range at 3:2"])
    }

    @Test("the case file's JSON Schema and `tvpa facts` carry an integer fact's bounds, as the reader checks them")
    func schemaBounds() throws {
        let age = try #require(Self.shipped.legend.facts.first { $0.name == "age" })
        #expect(Vocabulary.schema(of: age).render().contains(#"{"type":"integer","minimum":0,"maximum":130}"#))
        #expect(Vocabulary.table(Self.shipped.legend).contains("  age  integer 0 to 130"))
    }

    // MARK: Rule files and proposals

    static let rules = """
        facts:
          n: {type: integer}
          d: {type: date}
        parameters:
          term:
            type: integer
            values:
              - {from: 2000-01-01, value: 12, cite: ["T"]}
        rules:
          r:
            cite: ["T"]
            when: {lt: [{add_days: [d, {param: term}]}, decision_date]}
        programs:
          p: {rule: r}
        """

    static func ruleErrors(_ yaml: String) throws -> [String] {
        let dir = try Inline.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try yaml.write(to: dir.appendingPathComponent("rules.yaml"), atomically: true, encoding: .utf8)
        return RuleCompiler.compile(.directory(dir.path)).1.filter { $0.severity == .error }.map { "\($0.id.rawValue) at \($0.location.line):\($0.location.column)" }
    }

    @Test("an integer literal near Int.max is out of range, not read as unbounded", arguments: ["100000000000000000", "9223372036854775807", "-9223372036854775808", "99999999999999999999"])
    func hugeLiteral(_ literal: String) throws {
        let yaml = Self.rules.replacingOccurrences(of: "{param: term}", with: literal)
        #expect(try Self.ruleErrors(yaml) == ["check.out-of-range at 12:32"])
    }

    @Test("add_years of 1e17 in a rule is out of range")
    func hugeAddYears() throws {
        let yaml = Self.rules.replacingOccurrences(of: "{add_days: [d, {param: term}]}", with: "{add_years: [d, 100000000000000000]}")
        #expect(try Self.ruleErrors(yaml) == ["check.out-of-range at 12:33"])
    }

    @Test("a parameter's value, an 'is' value, and min/max are range-checked")
    func ruleValues() throws {
        #expect(try Self.ruleErrors(Self.rules.replacingOccurrences(of: "value: 12", with: "value: 100000000000000000")) == ["check.out-of-range at 8:35"])
        let isTest = Self.rules.replacingOccurrences(of: "when: {lt: [{add_days: [d, {param: term}]}, decision_date]}", with: "when: {fact: n, is: 100000000000000000}")
        #expect(try Self.ruleErrors(isTest) == ["check.out-of-range at 12:25"])
        #expect(try Self.ruleErrors(Self.rules.replacingOccurrences(of: "n: {type: integer}", with: "n: {type: integer, max: 10000000000}")) == ["check.out-of-range at 2:27"])
        #expect(try Self.ruleErrors(Self.rules.replacingOccurrences(of: "n: {type: integer}", with: "n: {type: integer, min: 5, max: 2}")) == ["check.out-of-range at 2:27"])
        #expect(try Self.ruleErrors(Self.rules.replacingOccurrences(of: "d: {type: date}", with: "d: {type: date, min: 0}")) == ["check.type-mismatch at 3:24"])
        #expect(try Self.ruleErrors(Self.rules.replacingOccurrences(of: "n: {type: integer}", with: "n: {type: integer, min: 0, max: 130}")).isEmpty)
    }

    @Test("a proposal setting a huge hhs_interim_term_days fails lint (it passed, then crashed diff)")
    func hugeProposalParameter() {
        let proposal = """
            proposal:
              title: Huge
              cite: ["T"]
            changes:
              - set_parameter: hhs_interim_term_days
                value: 100000000000000000
            """
        let (compiled, diagnostics) = Proposals.diagnosticsOverShipped(proposal)
        #expect(compiled == nil)
        #expect(diagnostics.filter { $0.severity == .error }.map { "\($0.id.rawValue) at \($0.location.line):\($0.location.column)" } == ["check.out-of-range at 6:12"])
    }

    @Test("at the edge of the range, a proposal compiles and every shipped case evaluates without trapping", arguments: ["1000000000", "-1000000000"])
    func edgeProposal(_ value: String) throws {
        let proposal = "proposal:\n  title: Edge\n  cite: [\"T\"]\nchanges:\n  - set_parameter: hhs_interim_term_days\n    value: \(value)\n"
        let (compiled, diagnostics) = Proposals.diagnosticsOverShipped(proposal)
        let program = try #require(compiled, "\(diagnostics)").program
        var stream = CaseStream(paths: [Proposals.root.appendingPathComponent("Cases").path])
        let loader = CaseLoader(program: program, today: CivilDate.parse("2024-06-01")!)
        var decided = 0
        for input in stream.all() {
            guard let file = loader.load(input).0 else { continue }
            let report = Explainer(view: .full).report(file, program: program, decisionDate: file.decisionDate(override: nil, today: loader.today))
            decided += report.decisions.count
        }
        #expect(decided > 0)
    }

    @Test("a proposal of 100,000 added rules is applied and checked without exhausting the stack")
    func manyAddedRules() throws {
        let base = RuleCompiler.parse(.embedded)
        let here = TVPARules.SourceLocation(file: "p.yaml", line: 1, column: 1)
        let n = 100_000
        // Each rule names the next, as deep as the proposal's size; in memory, so the YAML
        // reader's time is not what is measured.
        let changes = (0..<n).map { i -> ChangeSyntax in
            let next = ConditionSyntax(kind: i + 1 < n ? .rule(Located("r\(i + 1)", here), version: nil) : .fact(Located("means_force", here), .isTrue), id: nil, location: here)
            let rule = RuleSyntax(
                id: Located("r\(i)", here), title: nil, cite: [Located("T", here)], says: SaysSyntax(), discretionary: nil, unverified: nil,
                from: nil, until: nil, when: next, unless: [], notes: [], versions: [], combine: nil)
            return ChangeSyntax(verb: .addRule, target: Located("r\(i)", here), version: nil, body: .rule(rule), title: nil, says: nil, because: nil, location: here)
        }
        let proposal = ProposalSyntax(path: "p.yaml", title: "Many", description: nil, cite: [Located("T", here)], changes: changes)
        let (files, overlayDiagnostics, changed) = ProposalOverlay.apply(proposal, to: base.files)
        #expect(overlayDiagnostics.isEmpty)
        let (checked, diagnostics) = Checker.check(files, sources: base.sources, changedRules: changed)
        #expect(checked == nil)
        #expect(diagnostics.filter { $0.severity == .error }.map(\.id) == [.checkTooDeep])
    }
}
