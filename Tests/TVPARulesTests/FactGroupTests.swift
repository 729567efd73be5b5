import Foundation
import Testing
@testable import TVPARules

/// `group:` on facts: the heading a form lists a fact under, declared in `Rules/` as law.md §8
/// groups the vocabulary, and carried through Parse and Check to the legend.
@Suite("Fact groups")
struct FactGroupTests {
    /// law.md §8's sections, in order.
    static let sections = [
        "Identity, age, status", "Trafficking experience", "Presence, entries, departures", "Law enforcement",
        "Applications, grants, letters", "Hardship and admissibility", "Family members",
    ]

    @Test func everyShippedFactIsInASectionOfLawMd() throws {
        let program = try #require(RuleCompiler.compile(.embedded).0).program
        for fact in program.legend.facts {
            let group = try #require(fact.group, "'\(fact.name)' has no group")
            #expect(Self.sections.contains(group), "'\(fact.name)' is in '\(group)', not a section of law.md §8")
            // Family-member facts, and only they, are in §8.7.
            #expect((group == "Family members") == (fact.subject == .familyMember), "'\(fact.name)'")
        }
        let facts = program.legend.facts
        #expect(facts[try #require(program.factIndex("lea_requests"))].group == "Law enforcement")
        #expect(facts[try #require(program.factIndex("age"))].group == "Identity, age, status")
        #expect(facts[try #require(program.factIndex("hardship_factors"))].group == "Hardship and admissibility")
    }

    @Test func aGroupReachesTheLegendAndIsOptional() throws {
        let program = try Inline.compile("""
            facts:
              place: {type: enum, values: [here, there], group: Where}
              plain: {type: bool}
              born: {type: date}
            derived:
              twice: {type: integer, group: Numbers, compute: {years_between: [born, decision_date]}}
            rules:
              r: {title: Here, cite: ["a source"], when: {all: [{fact: place, is: here}, {fact: plain, is: true}, {ge: [twice, 18]}]}}
            programs:
              p: {rule: r}
            """)
        let facts = program.legend.facts
        #expect(facts[program.factIndex("place")!].group == "Where")
        #expect(facts[program.factIndex("plain")!].group == nil)
        #expect(facts[program.factIndex("twice")!].group == "Numbers")
    }
}
