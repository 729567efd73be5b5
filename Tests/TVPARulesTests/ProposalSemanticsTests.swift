import Foundation
import Testing
@testable import TVPARules

/// A small rule set whose every part a proposal verb can address: a rule with an `all` and a
/// condition id, a rule reading a dated parameter, a rule with two dated versions, and a
/// program with a `not_applicable` entry.
enum SemanticsFixture {
    static let rules = """
        facts:
          a: {type: bool, question: A?}
          b: {type: bool, question: B?}
          c: {type: bool, question: C?}
          citizen: {type: bool, question: Citizen?}
          n: {type: integer, question: N?}
        parameters:
          limit:
            type: integer
            title: The limit
            values:
              - from: 2000-01-01
                value: 10
                cite: ["Limit Act 2000"]
              - from: 2020-01-01
                value: 20
                cite: ["Limit Act 2020"]
        rules:
          base:
            title: Base rule
            cite: ["Act 1"]
            when:
              all:
                - fact: a
                - fact: b
                  id: needs-b
          under_limit:
            title: Under the limit
            cite: ["Act 3"]
            when: {lt: [n, {param: limit}]}
          dated:
            title: Dated rule
            cite: ["Act 2"]
            combine: latest
            versions:
              v2000:
                cite: ["Act 2 (2000)"]
                when: {all: [{fact: a}, {fact: c}]}
              v2020:
                cite: ["Act 2 (2020)"]
                from: 2020-01-01
                when: {all: [{fact: a}, {fact: c}]}
        programs:
          p_base:
            title: Base program
            rule: base
            cite: ["Act"]
            not_applicable:
              - when: {fact: citizen}
                because: A citizen needs none.
          p_limit:
            title: Limit program
            rule: under_limit
            cite: ["Act"]
          p_dated:
            title: Dated program
            rule: dated
            cite: ["Act"]
        """

    static let title = "Semantics"
    static let cite = "Test Commission, report (2024), recommendation 2"
    /// The citation the overlay adds to every rule it changes.
    static let citation = "Proposal \u{201C}\(title)\u{201D}: \(cite)"

    static func proposal(_ changes: String) -> String {
        "proposal:\n  title: \(title)\n  cite: [\"\(cite)\"]\nchanges:\n" + changes
    }
}

@Suite("Proposal verbs")
struct ProposalSemanticsTests {
    typealias F = SemanticsFixture

    let base: Program

    init() throws {
        base = try Inline.compile(F.rules)
    }

    func after(_ changes: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Program {
        try Proposals.program(rules: F.rules, proposal: F.proposal(changes), sourceLocation: sourceLocation)
    }

    /// The program's outcome; `citizen` is false unless given, so p_base's not_applicable
    /// entry does not leave every decision undetermined.
    func outcome(_ program: Program, _ id: String, _ facts: [String: String], asOf: String = "2024-06-01", sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Outcome {
        try Inline.decide(facts: facts.merging(["citizen": "false"]) { given, _ in given }, asOf: asOf, program: program, sourceLocation: sourceLocation)
            .decision(id, sourceLocation: sourceLocation).outcome
    }

    func cite(_ program: Program, _ rule: String) throws -> [String] {
        try #require(program.legend.rules.first { $0.id == rule }).cite
    }

    // MARK: remove / replace / add a condition

    @Test("remove_condition by path and by #id drops the element", arguments: ["base/when/all[1]", "base#needs-b"])
    func removeCondition(_ address: String) throws {
        let p = try after("  - remove_condition: \(address)\n")
        let facts = ["a": "true", "b": "false"]
        #expect(try outcome(base, "p_base", facts) == .notEligible)
        #expect(try outcome(p, "p_base", facts) == .eligible)
        // The element left still counts.
        #expect(try outcome(p, "p_base", ["a": "false", "b": "true"]) == .notEligible)
        #expect(try cite(p, "base").contains(F.citation))
        #expect(try cite(p, "base").contains("Act 1"), "the rule keeps its own citation")
        #expect(try !cite(p, "under_limit").contains(F.citation), "an unchanged rule does not cite the proposal")
    }

    @Test("replace_condition by path and by #id puts the new condition in its place", arguments: ["base/when/all[1]", "base#needs-b"])
    func replaceCondition(_ address: String) throws {
        let p = try after("  - replace_condition: \(address)\n    with: {fact: c}\n")
        #expect(try outcome(base, "p_base", ["a": "true", "b": "false", "c": "true"]) == .notEligible)
        #expect(try outcome(p, "p_base", ["a": "true", "b": "false", "c": "true"]) == .eligible)
        #expect(try outcome(base, "p_base", ["a": "true", "b": "true", "c": "false"]) == .eligible)
        #expect(try outcome(p, "p_base", ["a": "true", "b": "true", "c": "false"]) == .notEligible)
        // b is no longer read: with a and c known, b's absence does not leave it undetermined.
        #expect(try outcome(p, "p_base", ["a": "true", "c": "true"]) == .eligible)
        #expect(try cite(p, "base").contains(F.citation))
    }

    @Test("add_condition to an all adds an element")
    func addCondition() throws {
        let p = try after("  - add_condition: base/when\n    with: {fact: c}\n")
        let facts = ["a": "true", "b": "true", "c": "false"]
        #expect(try outcome(base, "p_base", facts) == .eligible)
        #expect(try outcome(p, "p_base", facts) == .notEligible)
        #expect(try outcome(p, "p_base", ["a": "true", "b": "true", "c": "true"]) == .eligible)
        #expect(try outcome(p, "p_base", ["a": "true", "b": "true"]) == .undetermined)
    }

    @Test("add_exception makes the rule fail when the exception holds")
    func addException() throws {
        let p = try after("  - add_exception: base\n    with: {fact: c}\n")
        #expect(try outcome(base, "p_base", ["a": "true", "b": "true", "c": "true"]) == .eligible)
        #expect(try outcome(p, "p_base", ["a": "true", "b": "true", "c": "true"]) == .notEligible)
        #expect(try outcome(p, "p_base", ["a": "true", "b": "true", "c": "false"]) == .eligible)
        #expect(try cite(p, "base").contains(F.citation))
    }

    // MARK: versions

    @Test("a condition change without version: applies to every version")
    func everyVersion() throws {
        let p = try after("  - remove_condition: dated/when/all[1]\n")
        let facts = ["a": "true", "c": "false"]
        for date in ["2010-06-01", "2024-06-01"] {
            #expect(try outcome(base, "p_dated", facts, asOf: date) == .notEligible, "\(date)")
            #expect(try outcome(p, "p_dated", facts, asOf: date) == .eligible, "\(date)")
        }
        let versions = p.versions(ofRule: try #require(p.legend.ruleIndex("dated")))
        #expect(versions.allSatisfy { $0.cite.contains(F.citation) }, "every changed version cites the proposal")
    }

    @Test("a condition change with version: (or a versions/ path) changes that version only", arguments: [
        "  - remove_condition: dated/when/all[1]\n    version: v2020\n",
        "  - remove_condition: dated/versions/v2020/when/all[1]\n",
    ])
    func oneVersion(_ changes: String) throws {
        let p = try after(changes)
        let facts = ["a": "true", "c": "false"]
        #expect(try outcome(p, "p_dated", facts, asOf: "2010-06-01") == .notEligible, "the 2000 version is unchanged")
        #expect(try outcome(p, "p_dated", facts, asOf: "2024-06-01") == .eligible, "the 2020 version lost its element")
        let versions = p.versions(ofRule: try #require(p.legend.ruleIndex("dated")))
        #expect(versions.first { $0.name == "v2020" }?.cite.contains(F.citation) == true)
        #expect(versions.first { $0.name == "v2000" }?.cite.contains(F.citation) == false, "the untouched version does not cite the proposal")
    }

    @Test("replace_rule with version: replaces that version only")
    func replaceVersion() throws {
        let p = try after("""
              - replace_rule: dated
                version: v2020
                with:
                  cite: ["Act 2 (2020), as proposed"]
                  from: 2020-01-01
                  when: {fact: b}

            """)
        #expect(try outcome(p, "p_dated", ["a": "true", "c": "true", "b": "false"], asOf: "2010-06-01") == .eligible)
        #expect(try outcome(p, "p_dated", ["a": "true", "c": "true", "b": "false"], asOf: "2024-06-01") == .notEligible)
        #expect(try outcome(p, "p_dated", ["b": "true"], asOf: "2024-06-01") == .eligible)
    }

    // MARK: parameters

    @Test("set_parameter with one value uses it on every date")
    func setParameterValue() throws {
        let p = try after("  - set_parameter: limit\n    value: 15\n")
        // 2010: 10 → 15; 2024: 20 → 15.
        #expect(try outcome(base, "p_limit", ["n": "12"], asOf: "2010-06-01") == .notEligible)
        #expect(try outcome(p, "p_limit", ["n": "12"], asOf: "2010-06-01") == .eligible)
        #expect(try outcome(base, "p_limit", ["n": "17"], asOf: "2024-06-01") == .eligible)
        #expect(try outcome(p, "p_limit", ["n": "17"], asOf: "2024-06-01") == .notEligible)
        // A date before the first base value still gets no value: the span is the base's.
        let decl = try #require(p.legend.parameters.first { $0.name == "limit" })
        #expect(decl.values.map(\.value) == [15])
        #expect(decl.values.first?.from == CivilDate.parse("2000-01-01"))
        #expect(decl.values.first?.cite.contains(F.citation) == true)
        #expect(decl.values.first?.cite.contains(F.cite) == true, "a value without its own cite takes the proposal's")
    }

    @Test("set_parameter with dated values replaces the schedule")
    func setParameterValues() throws {
        let p = try after("""
              - set_parameter: limit
                values:
                  - from: 2000-01-01
                    value: 5
                    cite: ["Limit Act, as proposed"]
                  - from: 2015-01-01
                    value: 30
                    cite: ["Limit Act, as proposed (2015)"]

            """)
        #expect(try outcome(base, "p_limit", ["n": "7"], asOf: "2010-06-01") == .eligible)
        #expect(try outcome(p, "p_limit", ["n": "7"], asOf: "2010-06-01") == .notEligible)
        #expect(try outcome(base, "p_limit", ["n": "25"], asOf: "2016-06-01") == .notEligible)
        #expect(try outcome(p, "p_limit", ["n": "25"], asOf: "2016-06-01") == .eligible)
        #expect(try outcome(base, "p_limit", ["n": "25"], asOf: "2024-06-01") == .notEligible)
        #expect(try outcome(p, "p_limit", ["n": "25"], asOf: "2024-06-01") == .eligible)
        let decl = try #require(p.legend.parameters.first { $0.name == "limit" })
        #expect(decl.values.map(\.value) == [5, 30])
        #expect(decl.values.allSatisfy { $0.cite.contains(F.citation) })
    }

    // MARK: wording, new rules and facts

    @Test("reword_rule changes the title and the says, not the outcome, and cites the proposal")
    func reword() throws {
        let p = try after("""
              - reword_rule: base
                title: Base rule, reworded
                says:
                  met: Reworded met.
                  not_met: Reworded not met.

            """)
        for facts in [["a": "true", "b": "true"], ["a": "false"], [:]] {
            #expect(try outcome(p, "p_base", facts) == outcome(base, "p_base", facts), "\(facts)")
        }
        let rule = try #require(p.legend.rules.first { $0.id == "base" })
        #expect(rule.title == "Base rule, reworded")
        #expect(rule.says.met?.plain == "Reworded met.")
        #expect(rule.cite.contains(F.citation))
        let explained = try Inline.decide(facts: ["a": "true", "b": "true", "citizen": "false"], program: p).decision("p_base")
        #expect(explained.renderedExplanation?.text.contains("Reworded met.") == true, "\(String(describing: explained.renderedExplanation?.text))")
        #expect(explained.renderedExplanation?.citations.contains(F.citation) == true)
    }

    @Test("add_fact and add_rule make a new element that add_condition puts to use")
    func addFactAndRule() throws {
        let p = try after("""
              - add_fact: d
                with: {type: bool, question: D?}
              - add_rule: extra
                with:
                  title: The new element
                  cite: ["Act 4, as proposed"]
                  when: {fact: d}
              - add_condition: base/when
                with: {rule: extra}

            """)
        #expect(try outcome(p, "p_base", ["a": "true", "b": "true", "d": "true"]) == .eligible)
        #expect(try outcome(p, "p_base", ["a": "true", "b": "true", "d": "false"]) == .notEligible)
        let missing = try Inline.decide(facts: ["a": "true", "b": "true", "citizen": "false"], program: p).decision("p_base")
        #expect(missing.outcome == .undetermined)
        #expect(missing.missingNames == ["d"], "the new fact is what is missing")
        #expect(try cite(p, "extra").contains(F.citation), "an added rule cites the proposal")
        #expect(try cite(p, "extra").contains("Act 4, as proposed"))
        // The base rules do not know the new fact.
        let (file, d) = Inline.load("id: x\nfacts:\n  d: true\n", program: base)
        #expect(file == nil && d.contains { $0.id == .caseUnknownFact })
    }

    // MARK: a program's not_applicable entries

    @Test("replace_condition on program/not_applicable[0]/when changes when the program does not apply")
    func notApplicableReplace() throws {
        let p = try after("  - replace_condition: p_base/not_applicable[0]/when\n    with: {fact: c}\n    because: Whoever has c needs none.\n")
        let citizen = ["citizen": "true", "a": "true", "b": "true", "c": "false"]
        let before = try Inline.decide(facts: citizen, program: base).decision("p_base")
        #expect(before.outcome == .notEligible && before.reason == .notApplicable)
        #expect(try outcome(p, "p_base", citizen) == .eligible)
        let withC = try Inline.decide(facts: ["citizen": "false", "a": "true", "b": "true", "c": "true"], program: p).decision("p_base")
        #expect(withC.outcome == .notEligible && withC.reason == .notApplicable)
        let entry = try #require(p.legend.programs.first { $0.id == "p_base" }?.notApplicable.first)
        #expect(entry.because == "Whoever has c needs none.")
        #expect(entry.cite.contains(F.citation))
    }

    @Test("remove_condition on program/not_applicable[0] removes the entry; add_condition on program/not_applicable adds one")
    func notApplicableRemoveAndAdd() throws {
        let removed = try after("  - remove_condition: p_base/not_applicable[0]\n")
        #expect(try outcome(removed, "p_base", ["citizen": "true", "a": "true", "b": "true"]) == .eligible)
        #expect(removed.legend.programs.first { $0.id == "p_base" }?.notApplicable.isEmpty == true)

        let added = try after("  - add_condition: p_base/not_applicable\n    with: {fact: c}\n    because: Whoever has c needs none.\n")
        let d = try Inline.decide(facts: ["citizen": "false", "a": "true", "b": "true", "c": "true"], program: added).decision("p_base")
        #expect(d.outcome == .notEligible && d.reason == .notApplicable)
        #expect(added.legend.programs.first { $0.id == "p_base" }?.notApplicable.count == 2)
    }

    @Test("adding a not_applicable entry without because is parse.missing-key")
    func notApplicableNeedsBecause() throws {
        let (compiled, d) = try Proposals.compile(rules: F.rules, proposal: F.proposal("  - add_condition: p_base/not_applicable\n    with: {fact: c}\n"))
        #expect(compiled == nil)
        #expect(d.contains { $0.id == .parseMissingKey && $0.message.contains("because") }, "\(d.map(\.description))")
    }

    // MARK: changes compose

    @Test("changes apply in order: removing all[1] then all[0] leaves the third element")
    func order() throws {
        let rules = F.rules.replacingOccurrences(of: "          id: needs-b\n", with: "          id: needs-b\n        - fact: c\n")
        let p = try Proposals.program(rules: rules, proposal: F.proposal("  - remove_condition: base/when/all[1]\n  - remove_condition: base/when/all[0]\n"))
        #expect(try outcome(p, "p_base", ["a": "false", "b": "false", "c": "true"]) == .eligible)
        #expect(try outcome(p, "p_base", ["a": "true", "b": "true", "c": "false"]) == .notEligible)
    }
}
