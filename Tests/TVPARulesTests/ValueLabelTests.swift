import Foundation
import Testing
@testable import TVPARules

/// `labels:` on enum and list facts (and record fields): the words a report prints for a
/// value, kept in `Rules/` beside the code so the law folder owns them.
@Suite("Value labels")
struct ValueLabelTests {
    @Test func everyShippedValueHasALabel() throws {
        let program = try #require(RuleCompiler.compile(.embedded).0).program
        for fact in program.legend.facts where !fact.values.isEmpty {
            #expect(fact.labels.count == fact.values.count, "'\(fact.name)' has \(fact.values.count) values and \(fact.labels.count) labels")
            #expect(fact.labels.allSatisfy { !$0.isEmpty && !$0.contains("_") }, "'\(fact.name)' has a label that reads as a code")
            for field in fact.fields where !field.values.isEmpty {
                #expect(field.labels.count == field.values.count, "'\(fact.name).\(field.name)' is not labelled")
            }
        }
        let location = try #require(program.factIndex("current_location"))
        let facts = program.legend.facts
        #expect(facts[location].labels[facts[location].values.firstIndex(of: "us_state_dc_pr_usvi_guam")!]
            == "in a U.S. state, D.C., Puerto Rico, the U.S. Virgin Islands or Guam")
        // A merged mapping (`<<: *grounds`) brings the labels with the values.
        let grounds = facts[try #require(program.factIndex("fm_inadmissibility_grounds"))]
        #expect(grounds.labels == facts[try #require(program.factIndex("inadmissibility_grounds"))].labels)
    }

    @Test func labelsFollowTheValuesOrderAndReachFields() throws {
        let program = try Inline.compile("""
            facts:
              place:
                type: enum
                values: [here, there]
                labels: {there: abroad, here: in this country}
              trips:
                type: records
                fields:
                  why: {type: enum, values: [work, rest], labels: {work: for work, rest: to rest}}
            rules:
              r:
                title: Here
                cite: ["a source"]
                when: {all: [{fact: place, is: here}, {any_record: trips, where: {field: why, is: work}}]}
            programs:
              p: {rule: r}
            """)
        let facts = program.legend.facts
        #expect(facts[program.factIndex("place")!].labels == ["in this country", "abroad"])
        #expect(facts[program.factIndex("trips")!].fields[0].labels == ["for work", "to rest"])
    }

    @Test func aLabelForAnUndeclaredValueIsAnError() throws {
        let diagnostics = try compileDiagnostics("""
            facts:
              place:
                type: enum
                values: [here, there]
                labels: {here: in this country, ther: abroad}
            rules:
              r: {title: Here, cite: ["a source"], when: {fact: place, is: here}}
            programs:
              p: {rule: r}
            """)
        let unknown = try #require(diagnostics.first { $0.id == .checkUnknownValue })
        #expect(unknown.location.line == 5)
        #expect(unknown.help?.contains("there") == true)
        // The value left unlabelled is reported too: a report never mixes words and codes.
        #expect(diagnostics.contains { $0.id == .checkMissingLabel })
    }

    @Test func aLabelIsOneLineOfWords() throws {
        let diagnostics = try compileDiagnostics("""
            facts:
              place:
                type: enum
                values: [here, there]
                labels:
                  here: "in this\\ncountry"
                  there: " "
            rules:
              r: {title: Here, cite: ["a source"], when: {fact: place, is: here}}
            programs:
              p: {rule: r}
            """)
        #expect(diagnostics.filter { $0.id == .checkTypeMismatch }.count == 2)
    }

    private func compileDiagnostics(_ yaml: String) throws -> [Diagnostic] {
        let dir = try Inline.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try yaml.write(to: dir.appendingPathComponent("rules.yaml"), atomically: true, encoding: .utf8)
        let (compiled, diagnostics) = RuleCompiler.compile(.directory(dir.path))
        #expect(compiled == nil)
        return diagnostics
    }
}
