import Foundation
import Testing
@testable import TVPARules

/// The rest of the rule language as rule-language.md and semantics.md describe it: list and
/// enum tests, unknown enum values, not_applicable, rule versions, value forms, family members,
/// ranking of questions, and the digest.
@Suite("Rule language")
struct LanguageTests {
    static let lists = """
        facts:
          means: {type: list, values: [force, fraud, coercion]}
          kind: {type: enum, values: [sex, labor, both, unclear], unknown_values: [unclear]}
        rules:
          has_force:
            cite: ["T"]
            when: {fact: means, has: force}
          force_or_fraud:
            cite: ["T"]
            when: {fact: means, in: [force, fraud]}
          none:
            cite: ["T"]
            when: {fact: means, subset_of: []}
          labor_branch:
            cite: ["T"]
            when: {fact: kind, in: [labor, both]}
        programs:
          has_force: {rule: has_force}
          force_or_fraud: {rule: force_or_fraud}
          none: {rule: none}
          labor_branch: {rule: labor_branch}
        """

    @Test("list tests: has, in, subset_of", arguments: [
        ("[force]", Outcome.eligible, Outcome.eligible, Outcome.notEligible),
        ("[coercion]", Outcome.notEligible, Outcome.notEligible, Outcome.notEligible),
        ("[fraud, coercion]", Outcome.notEligible, Outcome.eligible, Outcome.notEligible),
        ("[]", Outcome.notEligible, Outcome.notEligible, Outcome.eligible),
        ("null", Outcome.undetermined, Outcome.undetermined, Outcome.undetermined),
    ])
    func listTests(_ means: String, _ hasForce: Outcome, _ forceOrFraud: Outcome, _ none: Outcome) throws {
        let program = try Inline.compile(Self.lists)
        let report = try Inline.decide(facts: ["means": means], program: program)
        #expect(try report.decision("has_force").outcome == hasForce)
        #expect(try report.decision("force_or_fraud").outcome == forceOrFraud)
        #expect(try report.decision("none").outcome == none)
    }

    @Test("an enum value declared unknown reads as unknown and is asked for", arguments: [
        ("labor", Outcome.eligible), ("sex", Outcome.notEligible), ("unclear", Outcome.undetermined),
    ])
    func unknownValues(_ kind: String, _ expected: Outcome) throws {
        let program = try Inline.compile(Self.lists)
        let d = try Inline.decide(facts: ["kind": kind], program: program).decision("labor_branch")
        #expect(d.outcome == expected)
        if expected == .undetermined {
            #expect(d.missingNames == ["kind"])
            #expect(d.missingFacts.first?.values == ["sex", "labor", "both", "unclear"])
            #expect(d.missingFacts.first?.type == "enum")
        }
    }

    static let notApplicable = """
        facts:
          citizen: {type: bool}
          victim: {type: bool}
        rules:
          relief:
            cite: ["T"]
            when: {fact: victim}
        programs:
          relief:
            rule: relief
            not_applicable:
              - when: {fact: citizen}
                because: a citizen needs no immigration relief
                instead: state benefits
        """

    @Test("not_applicable wins over the rule, and is undetermined only while it could hold")
    func notApplicableProgram() throws {
        let program = try Inline.compile(Self.notApplicable)
        let citizen = try Inline.decide(facts: ["citizen": "true", "victim": "true"], program: program).decision("relief")
        #expect(citizen.outcome == .notEligible)
        #expect(citizen.reason == .notApplicable)
        #expect(citizen.renderedNotes.contains { $0.contains("a citizen needs no immigration relief") })
        #expect(citizen.renderedNotes.contains { $0.contains("state benefits") })
        let noncitizen = try Inline.decide(facts: ["citizen": "false", "victim": "true"], program: program).decision("relief")
        #expect(noncitizen.outcome == .eligible)
        #expect(noncitizen.reason == .criteriaMet)
        let unknownCitizen = try Inline.decide(facts: ["victim": "true"], program: program).decision("relief")
        #expect(unknownCitizen.outcome == .undetermined)
        #expect(unknownCitizen.missingNames == ["citizen"])
        let notVictim = try Inline.decide(facts: ["victim": "false"], program: program).decision("relief")
        #expect(notVictim.outcome == .notEligible)
        #expect(notVictim.reason == .criteriaNotMet)
    }

    static let versions = """
        facts:
          filed: {type: date, question: When was it filed?}
          old_ok: {type: bool}
          new_ok: {type: bool}
        rules:
          eligible:
            cite: ["Act"]
            combine: any
            versions:
              v2024:
                label: the 2024 rule
                cite: ["Act (2024)"]
                from: 2024-08-28
                when: {fact: new_ok}
              v2016:
                label: the 2016 rule
                cite: ["Act (2016)"]
                applies: {lt: [{known_or: [filed, decision_date]}, 2024-08-28]}
                when: {fact: old_ok}
          latest:
            cite: ["Act"]
            combine: latest
            versions:
              early:
                cite: ["Act (early)"]
                when: {fact: old_ok}
              late:
                cite: ["Act (late)"]
                from: 2024-08-28
                when: {fact: new_ok}
          pinned:
            cite: ["Act"]
            when: {rule: eligible, version: v2016}
        programs:
          eligible: {rule: eligible}
          latest: {rule: latest}
          pinned: {rule: pinned}
        """

    @Test("combine: any is the or of the versions that apply", arguments: [
        // decision date, filed, old_ok, new_ok, expected
        ("2024-01-01", nil, "true", "false", Outcome.eligible),       // only the 2016 rule is in force
        ("2024-01-01", nil, "false", "true", Outcome.notEligible),
        ("2024-10-01", "2024-09-01", "true", "false", Outcome.notEligible), // filed after the switch: 2024 rule only
        ("2024-10-01", "2024-09-01", "false", "true", Outcome.eligible),
        ("2024-10-01", "2024-06-01", "true", "false", Outcome.eligible),   // pending across the switch: either
        ("2024-10-01", "2024-06-01", "false", "true", Outcome.eligible),
        ("2024-10-01", "2024-06-01", "false", "false", Outcome.notEligible),
    ] as [(String, String?, String, String, Outcome)])
    func combineAny(_ asOf: String, _ filed: String?, _ oldOK: String, _ newOK: String, _ expected: Outcome) throws {
        let program = try Inline.compile(Self.versions)
        var facts = ["old_ok": oldOK, "new_ok": newOK]
        if let filed { facts["filed"] = filed }
        let d = try Inline.decide(facts: facts, asOf: asOf, program: program).decision("eligible")
        #expect(d.outcome == expected)
    }

    @Test("both versions that applied are named in law_versions")
    func lawVersionsNamed() throws {
        let program = try Inline.compile(Self.versions)
        let d = try Inline.decide(facts: ["filed": "2024-06-01", "old_ok": "true", "new_ok": "true"], asOf: "2024-10-01", program: program).decision("eligible")
        #expect(d.lawVersions.contains("the 2024 rule"))
        #expect(d.lawVersions.contains("the 2016 rule"))
        let single = try Inline.decide(facts: ["filed": "2024-09-01", "old_ok": "true", "new_ok": "true"], asOf: "2024-10-01", program: program).decision("eligible")
        #expect(single.lawVersions.contains("the 2024 rule"))
        #expect(!single.lawVersions.contains("the 2016 rule"))
    }

    @Test("combine: latest takes the version with the latest from in force", arguments: [
        ("2024-08-27", "true", "false", Outcome.eligible),
        ("2024-08-27", "false", "true", Outcome.notEligible),
        ("2024-08-28", "true", "false", Outcome.notEligible),
        ("2024-08-28", "false", "true", Outcome.eligible),
    ])
    func combineLatest(_ asOf: String, _ oldOK: String, _ newOK: String, _ expected: Outcome) throws {
        let program = try Inline.compile(Self.versions)
        let d = try Inline.decide(facts: ["old_ok": oldOK, "new_ok": newOK], asOf: asOf, program: program).decision("latest")
        #expect(d.outcome == expected)
    }

    @Test("a pinned version is evaluated on its own, not as the whole rule")
    func pinnedVersion() throws {
        let program = try Inline.compile(Self.versions)
        // Filed before the switch and decided after it: both versions apply to the whole rule.
        let yes = try Inline.decide(facts: ["old_ok": "true", "new_ok": "false", "filed": "2024-06-01"], asOf: "2024-10-01", program: program)
        #expect(try yes.decision("pinned").outcome == .eligible)
        let no = try Inline.decide(facts: ["old_ok": "false", "new_ok": "true", "filed": "2024-06-01"], asOf: "2024-10-01", program: program)
        #expect(try no.decision("eligible").outcome == .eligible)
        #expect(try no.decision("pinned").outcome == .notEligible)
    }

    static let valueForms = """
        facts:
          filed: {type: date}
          not_filed: {type: bool}
          months: {type: integer}
        rules:
          early_filing:
            cite: ["T"]
            when: {lt: [{known_or: [filed, {if: {fact: not_filed}, then: decision_date, else: filed}]}, 2024-08-28]}
          long:
            cite: ["T"]
            when: {gt: [{if: {fact: not_filed}, then: 0, else: months}, 6]}
        programs:
          early_filing: {rule: early_filing}
          long: {rule: long}
        """

    @Test("known_or and if choose a value, and an unknown condition spans both branches", arguments: [
        // as_of, facts, early_filing
        ("2024-10-01", ["filed": "2024-06-01"], Outcome.eligible),
        ("2024-10-01", ["filed": "2024-09-01"], Outcome.notEligible),
        ("2024-10-01", ["not_filed": "true"], Outcome.notEligible),
        ("2024-06-01", ["not_filed": "true"], Outcome.eligible),
        ("2024-06-01", [:], Outcome.eligible),   // either branch is before 2024-08-28
        ("2024-10-01", [:], Outcome.undetermined),
    ] as [(String, [String: String], Outcome)])
    func knownOrIf(_ asOf: String, _ facts: [String: String], _ expected: Outcome) throws {
        let program = try Inline.compile(Self.valueForms)
        #expect(try Inline.decide(facts: facts, asOf: asOf, program: program).decision("early_filing").outcome == expected)
    }

    @Test("if with an unknown condition is known when both branches agree")
    func ifHull() throws {
        let program = try Inline.compile(Self.valueForms)
        #expect(try Inline.decide(facts: ["months": "3"], program: program).decision("long").outcome == .notEligible)
        #expect(try Inline.decide(facts: ["months": "12"], program: program).decision("long").outcome == .undetermined)
        #expect(try Inline.decide(facts: ["months": "12", "not_filed": "false"], program: program).decision("long").outcome == .eligible)
    }

    static let family = """
        facts:
          principal_ok: {type: bool, question: Is the principal eligible?}
          fm_relationship: {type: enum, subject: family_member, values: [spouse, child, parent, sibling], question: How are they related?}
          fm_in_us: {type: bool, subject: family_member, question: Are they in the US?}
        rules:
          principal:
            cite: ["T"]
            when: {fact: principal_ok}
          derivative:
            cite: ["T"]
            when: {all: [{rule: principal}, {fact: fm_relationship, in: [spouse, child]}, {fact: fm_in_us}]}
        programs:
          principal: {rule: principal}
          derivative: {subject: family_member, rule: derivative}
        """

    @Test("each family member is decided separately, under their own id")
    func familyMembers() throws {
        let program = try Inline.compile(Self.family)
        let report = try Inline.decide("""
            id: family
            as_of: 2024-06-01
            facts:
              principal_ok: true
            family_members:
              - id: wife
                facts:
                  fm_relationship: spouse
                  fm_in_us: true
                expect: {derivative: eligible}
              - id: father
                facts:
                  fm_relationship: parent
                  fm_in_us: true
              - id: son
                facts:
                  fm_relationship: child
            """, program: program)
        let derivative = report.decisions.filter { $0.program == "derivative" }
        #expect(derivative.map(\.subject) == ["wife", "father", "son"])
        #expect(derivative.map(\.outcome) == [.eligible, .notEligible, .undetermined])
        #expect(derivative.first?.expected == .eligible)
        let son = try #require(derivative.last)
        #expect(son.missingNames == ["fm_in_us"])
        #expect(son.missingFacts.first?.subject == "son")
        #expect(!report.decisions.contains { $0.program == "principal" && $0.subject != "principal" })
    }

    @Test("'principal' is not a valid member id, and a principal fact under a member is an error")
    func memberErrors() throws {
        let program = try Inline.compile(Self.family)
        let (reserved, d1) = Inline.load("id: x\nfamily_members:\n  - id: principal\n", program: program)
        #expect(reserved == nil)
        #expect(d1.map(\.id) == [.caseInvalidId])
        let (misplaced, d2) = Inline.load("id: x\nfamily_members:\n  - id: wife\n    facts:\n      principal_ok: true\n", program: program)
        #expect(misplaced == nil)
        #expect(d2.map(\.id) == [.caseUnknownFact])
        let (upward, d3) = Inline.load("id: x\nfacts:\n  fm_in_us: true\n", program: program)
        #expect(upward == nil)
        #expect(d3.map(\.id) == [.caseUnknownFact])
    }

    static let ranking = """
        facts:
          shared: {type: bool, question: Asked by both}
          only_one: {type: bool, question: Asked by one}
          other: {type: bool, question: Asked by the other}
        rules:
          first:
            cite: ["T"]
            when: {all: [{fact: only_one}, {fact: shared}]}
          second:
            cite: ["T"]
            when: {all: [{fact: other}, {fact: shared}]}
        programs:
          first: {rule: first}
          second: {rule: second}
        """

    @Test("questions are ranked by how many undetermined decisions they appear in")
    func questionRanking() throws {
        let program = try Inline.compile(Self.ranking)
        let report = try Inline.decide(facts: [:], program: program)
        #expect(report.questions.first?.name == "shared")
        #expect(report.questions.first?.decides == 2)
        #expect(Set(report.questions.map(\.name)) == ["shared", "only_one", "other"])
        #expect(report.questions.filter { $0.name != "shared" }.allSatisfy { $0.decides == 1 })
        let first = try report.decision("first")
        #expect(first.missingFacts.first { $0.name == "shared" }?.decides == 2)
    }

    @Test("the digest does not depend on where the rules were read from")
    func digestIsLocationIndependent() throws {
        func compile(into dir: URL) throws -> Program {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try Self.ranking.write(to: dir.appendingPathComponent("rules.yaml"), atomically: true, encoding: .utf8)
            return try #require(RuleCompiler.compile(.directory(dir.path)).0).program
        }
        let a = try Inline.temporaryDirectory(), b = try Inline.temporaryDirectory()
        defer {
            try? FileManager.default.removeItem(at: a)
            try? FileManager.default.removeItem(at: b)
        }
        let first = try compile(into: a.appendingPathComponent("one"))
        let second = try compile(into: b.appendingPathComponent("two/deeper"))
        #expect(first.digest == second.digest)
        #expect(first.digest.hasPrefix("sha256:"))
        let changed = try Inline.compile(Self.ranking.replacingOccurrences(of: "Asked by both", with: "Asked by all"))
        #expect(changed.digest != first.digest)
    }

    @Test("rule files merge: sections may be split across files")
    func filesMerge() throws {
        let dir = try Inline.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "facts:\n  a: {type: bool}\n".write(to: dir.appendingPathComponent("facts.yaml"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("law"), withIntermediateDirectories: true)
        try "rules:\n  r:\n    cite: [\"T\"]\n    when: {fact: a}\nprograms:\n  p: {rule: r}\n".write(to: dir.appendingPathComponent("law/rules.yml"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("proposals"), withIntermediateDirectories: true)
        try "this: is: not: valid".write(to: dir.appendingPathComponent("proposals/p.yaml"), atomically: true, encoding: .utf8)
        let (compiled, diagnostics) = RuleCompiler.compile(.directory(dir.path))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let program = try #require(compiled).program
        #expect(program.programs.map(\.id) == ["p"])
    }

    @Test("the rules built into the binary compile without errors")
    func embeddedRules() {
        let (compiled, diagnostics) = RuleCompiler.compile(.embedded)
        #expect(!diagnostics.hasErrors, "\(diagnostics.filter { $0.severity == .error })")
        #expect(compiled != nil)
    }

    @Test("a pending decision names who makes it")
    func pendingNamesDecider() throws {
        let program = try Inline.compile(ThreeValuedLogicTests.decision)
        let d = try Inline.decide(facts: ["waiver": "pending", "a": "true"], program: program).decision("waived")
        #expect(d.reason == .awaitingDecision)
        #expect(d.renderedNotes.contains { $0.contains("USCIS") })
    }
}
