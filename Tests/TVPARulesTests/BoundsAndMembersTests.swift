import Foundation
import Testing
@testable import TVPARules

/// Revision 2 of semantics.md, as the engine implements it on small fixture rule sets (not the
/// law): a given age at an earlier date floors every later age, the dates that bound an unknown
/// date are asked beside it, and a rule read for the family member a reference names.
@Suite("Bounds and member references")
struct BoundsAndMembersTests {
    static let ages = """
        facts:
          date_of_birth: {type: date}
          start: {type: date, not_after: [request]}
          request: {type: date}
        derived:
          age_at_start:
            type: integer
            compute: {years_between: [date_of_birth, start]}
          under_18_at_start:
            type: bool
            compute: {lt: [age_at_start, 18]}
        rules:
          child_at_request:
            cite: ["T"]
            when: {lt: [{years_between: [date_of_birth, request]}, 18]}
          adult_now:
            cite: ["T"]
            when: {ge: [{years_between: [date_of_birth, decision_date]}, 18]}
        programs:
          child_at_request: {rule: child_at_request}
          adult_now: {rule: adult_now}
        """

    @Test("a given age at the start floors the age on every later date", arguments: [
        ("age_at_start", "25", Outcome.notEligible, Outcome.eligible),
        ("age_at_start", "18", Outcome.notEligible, Outcome.eligible),
        ("under_18_at_start", "false", Outcome.notEligible, Outcome.eligible),
        // Under 18 at the start says nothing about a later date.
        ("age_at_start", "12", Outcome.undetermined, Outcome.undetermined),
        ("under_18_at_start", "true", Outcome.undetermined, Outcome.undetermined),
    ])
    func ageFloor(_ fact: String, _ value: String, _ child: Outcome, _ adult: Outcome) throws {
        let program = try Inline.compile(Self.ages)
        let report = try Inline.decide(facts: [fact: value], program: program)
        #expect(try report.decision("child_at_request").outcome == child)
        #expect(try report.decision("adult_now").outcome == adult)
    }

    @Test("a floor never overrides known dates: a known birth and request decide")
    func floorWithKnownDates() throws {
        let program = try Inline.compile(Self.ages)
        let report = try Inline.decide(facts: ["date_of_birth": "2010-01-01", "request": "2024-01-01"], program: program)
        #expect(try report.decision("child_at_request").outcome == .eligible)
    }

    @Test("an unknown date decided only through its bounds asks for the dates that bound it")
    func boundsAreAsked() throws {
        let program = try Inline.compile(Self.ages)
        let report = try Inline.decide(facts: ["date_of_birth": "1990-01-01"], program: program)
        let d = try report.decision("child_at_request")
        #expect(d.outcome == .undetermined)
        #expect(d.missingNames == ["request", "start"])
        // Once the start is known it bounds the request and is not asked again.
        let known = try Inline.decide(facts: ["date_of_birth": "1990-01-01", "start": "2000-01-01"], program: program)
        #expect(try known.decision("child_at_request").missingNames == ["request"])
    }

    static let members = """
        facts:
          fm_rel: {type: enum, subject: family_member, values: [spouse, child_of_member]}
          fm_ok: {type: bool, subject: family_member}
          fm_parent: {type: reference, subject: family_member}
        rules:
          eligible:
            cite: ["T"]
            when:
              any:
                - all: [{fact: fm_rel, is: spouse}, {fact: fm_ok}]
                - all:
                    - {fact: fm_rel, is: child_of_member}
                    - {rule: parent_eligible}
          parent_eligible:
            cite: ["T"]
            when: {rule: eligible, of: fm_parent}
        programs:
          member: {subject: family_member, rule: eligible}
        """

    func memberCase(_ parentOk: String, childParent: String? = "wife", extra: String = "") -> String {
        """
        id: refs
        as_of: 2024-01-01
        family_members:
          - id: son
            facts: {fm_rel: child_of_member\(childParent.map { ", fm_parent: \($0)" } ?? "")}
          - id: wife
            facts: {fm_rel: spouse\(parentOk.isEmpty ? "" : ", fm_ok: \(parentOk)")}
        \(extra)
        """
    }

    func memberDecision(_ report: CaseReport, _ member: String) throws -> Decision {
        try #require(report.decisions.first { $0.program == "member" && $0.subject == member })
    }

    @Test("a rule read for the member a reference names follows that member's decision, whatever the order of members", arguments: [
        ("true", Outcome.eligible), ("false", Outcome.notEligible), ("", Outcome.undetermined),
    ])
    func memberRule(_ parentOk: String, _ expected: Outcome) throws {
        let program = try Inline.compile(Self.members)
        let report = try Inline.decide(memberCase(parentOk), program: program)
        #expect(try memberDecision(report, "son").outcome == expected)
        #expect(try memberDecision(report, "wife").outcome == expected)
        if expected == .undetermined {
            // What would settle the son's decision is asked of the member it depends on.
            let missing = try memberDecision(report, "son").missingFacts
            #expect(missing.map(\.name) == ["fm_ok"])
            #expect(missing.map(\.subject) == ["wife"])
        }
    }

    @Test("an absent reference leaves the member rule unknown and asks for the reference")
    func absentReference() throws {
        let program = try Inline.compile(Self.members)
        let report = try Inline.decide(memberCase("true", childParent: nil), program: program)
        let son = try memberDecision(report, "son")
        #expect(son.outcome == .undetermined)
        #expect(son.missingFacts.map(\.name) == ["fm_parent"])
        #expect(son.missingFacts.map(\.subject) == ["son"])
    }

    @Test("a loop of references is a located case error, in the YAML and the JSON Lines readers")
    func referenceLoop() throws {
        let program = try Inline.compile(Self.members)
        let yaml = """
            id: refs
            family_members:
              - id: a
                facts: {fm_rel: child_of_member, fm_parent: b}
              - id: b
                facts: {fm_rel: child_of_member, fm_parent: a}
            """
        let (file, diagnostics) = Inline.load(yaml, program: program)
        #expect(file == nil)
        #expect(diagnostics.map(\.id) == [.caseReferenceCycle])
        #expect(diagnostics.first?.location.line == 6)
        let selfLoop = "id: refs\nfamily_members:\n  - id: a\n    facts: {fm_rel: child_of_member, fm_parent: a}\n"
        #expect(Inline.load(selfLoop, program: program).1.map(\.id) == [.caseReferenceCycle])
        // The byte-level JSON Lines reader gives up on a loop, and the line gets the same error.
        let line = #"{"id": "refs", "family_members": [{"id": "a", "facts": {"fm_rel": "child_of_member", "fm_parent": "b"}}, {"id": "b", "facts": {"fm_rel": "child_of_member", "fm_parent": "a"}}]}"#
        let loader = CaseLoader(program: program, today: CivilDate.parse("2024-06-01")!)
        let input = CaseInput(path: "cases.jsonl", line: 3, text: line, format: .jsonLine)
        #expect(loader.loadFastJSONLine(input, asOfOverride: nil) == nil)
        let (jsonFile, jsonDiagnostics) = loader.load(input)
        #expect(jsonFile == nil)
        #expect(jsonDiagnostics.map(\.id) == [.caseReferenceCycle])
        // Without the loop the fast reader takes the line.
        let fine = line.replacingOccurrences(of: #""fm_parent": "a""#, with: #""fm_rel2": 1"#).replacingOccurrences(of: #", "fm_rel2": 1"#, with: "")
        #expect(loader.loadFastJSONLine(CaseInput(path: "cases.jsonl", line: 3, text: fine, format: .jsonLine), asOfOverride: nil) != nil)
    }

    @Test("'of:' needs a reference fact and cannot pin a version")
    func memberRuleChecks() throws {
        let notReference = Self.members.replacingOccurrences(of: "{rule: eligible, of: fm_parent}", with: "{rule: eligible, of: fm_ok}")
        let dir = try Inline.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try notReference.write(to: dir.appendingPathComponent("rules.yaml"), atomically: true, encoding: .utf8)
        let (compiled, diagnostics) = RuleCompiler.compile(.directory(dir.path))
        #expect(compiled == nil)
        #expect(diagnostics.contains { $0.id == .checkTypeMismatch && $0.message.contains("'of:'") })
        let pinned = Self.members.replacingOccurrences(of: "{rule: eligible, of: fm_parent}", with: "{rule: eligible, of: fm_parent, version: v1}")
        try pinned.write(to: dir.appendingPathComponent("rules.yaml"), atomically: true, encoding: .utf8)
        let (again, more) = RuleCompiler.compile(.directory(dir.path))
        #expect(again == nil)
        #expect(more.contains { $0.id == .parseWrongShape })
    }
}

/// The same revision-2 behaviours through the shipped law, on the README's own example.
@Suite("Bounds in the shipped rules")
struct ShippedBoundsTests {
    static let program: Program = RuleCompiler.compile(.embedded).0!.program

    static let maria = """
        id: maria-2025-03
        as_of: 2025-03-01
        facts:
          date_of_birth: 1991-04-12
          is_us_citizen_or_lpr: false
        """

    @Test("an adult with no request date is asked when the trafficking began, which would settle the child letters")
    func adultIsAskedTheStart() throws {
        let report = try Inline.decide(Self.maria, program: Self.program)
        let letter = try report.decision("hhs_eligibility_letter")
        #expect(letter.outcome == .undetermined)
        #expect(letter.missingNames.contains("hhs_rfa_submitted_date"))
        #expect(letter.missingNames.contains("trafficking_start_date"))
        // And the start does settle it: at 18 or older when it began, the letter is not for her.
        let started = try Inline.decide(Self.maria + "\n  trafficking_start_date: 2015-01-01", program: Self.program)
        let decided = try started.decision("hhs_eligibility_letter")
        #expect(decided.outcome == .notEligible)
        #expect(decided.reason == .notApplicable)
    }
}

/// Rule sets whose shape the input controls never exhaust the stack.
@Suite("Deep rule sets")
struct DeepRuleSetTests {
    static func chain(_ n: Int, closing: Bool = false) -> String {
        var yaml = "facts:\n  x: {type: bool}\nrules:\n"
        for i in 0..<n {
            let next = i + 1 < n ? "{rule: r\(i + 1)}" : (closing ? "{rule: r0}" : "{fact: x}")
            yaml += "  r\(i):\n    cite: [\"T\"]\n    when: \(next)\n"
        }
        return yaml + "programs:\n  p: {rule: r0}\n"
    }

    static func diagnostics(_ yaml: String) throws -> [Diagnostic] {
        let dir = try Inline.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try yaml.write(to: dir.appendingPathComponent("rules.yaml"), atomically: true, encoding: .utf8)
        return RuleCompiler.compile(.directory(dir.path)).1
    }

    @Test("30,000 rules each naming the next: a located depth error, not a stack overflow")
    func longChain() throws {
        let found = try Self.diagnostics(Self.chain(30_000))
        #expect(found.map(\.id) == [.checkTooDeep])
    }

    @Test("a cycle through 30,000 rules is found without recursion")
    func longCycle() throws {
        let found = try Self.diagnostics(Self.chain(30_000, closing: true))
        #expect(found.filter { $0.severity == .error }.map(\.id) == [.checkCycle])
    }

    @Test("the shipped law is well within the depth limit")
    func shippedDepth() throws {
        let (compiled, found) = RuleCompiler.compile(.embedded)
        #expect(compiled != nil)
        #expect(!found.contains { $0.id == .checkTooDeep })
    }
}

extension DeepRuleSetTests {
    static func derivedChain(_ n: Int, closing: Bool = false) -> String {
        var yaml = "facts:\n  d0: {type: date}\nderived:\n"
        for i in 1..<n {
            yaml += "  d\(i):\n    type: date\n    compute: {known_or: [d\(i - 1), decision_date]}\n"
        }
        if closing { yaml = yaml.replacingOccurrences(of: "facts:\n  d0: {type: date}\nderived:\n", with: "derived:\n  d0:\n    type: date\n    compute: {known_or: [d\(n - 1), decision_date]}\n") }
        return yaml + "rules:\n  r:\n    cite: [\"T\"]\n    when: {le: [d\(n - 1), decision_date]}\nprograms:\n  p: {rule: r}\n"
    }

    @Test("5,000 derived facts each computed from the last: a located depth error, found without recursion")
    func longDerivedChain() throws {
        #expect(try Self.diagnostics(Self.derivedChain(5_000)).filter { $0.severity == .error }.map(\.id) == [.checkTooDeep])
        #expect(try Self.diagnostics(Self.derivedChain(5_000, closing: true)).filter { $0.severity == .error }.map(\.id).contains(.checkCycle))
        #expect(try Self.diagnostics(Self.derivedChain(8)).filter { $0.severity == .error }.isEmpty)
    }
}
