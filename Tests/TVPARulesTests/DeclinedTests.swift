import Foundation
import Testing
@testable import TVPARules

/// `declined:` (case-file.md, "Values"): the facts a person chose not to answer. Read from YAML,
/// JSON Lines (both readers alike) and CSV, decided as unknown, marked declined wherever a
/// report lists them, asked after every fact not yet asked, and never both given and declined.
@Suite("Declined facts")
struct DeclinedTests {
    static let rules = """
        facts:
          reported: {type: bool, question: Did you report it?}
          committed: {type: bool, question: Did you recruit others?, sensitive: true}
          afraid: {type: bool, question: Are you afraid to go back?}
          fm_rel: {type: enum, subject: family_member, values: [spouse, child], question: How are you related?}
          fm_abroad: {type: bool, subject: family_member, question: Is the member abroad?}
        rules:
          clean_report:
            cite: ["Test Act 1"]
            when: {all: [{fact: reported}, {not: {fact: committed}}]}
          clean:
            cite: ["Test Act 2"]
            when: {not: {fact: committed}}
          fear:
            cite: ["Test Act 3"]
            when: {fact: afraid}
          follows:
            cite: ["Test Act 4"]
            when: {all: [{fact: fm_rel, is: spouse}, {fact: fm_abroad}]}
        programs:
          p_report: {subject: principal, rule: clean_report}
          p_clean: {subject: principal, rule: clean}
          p_fear: {subject: principal, rule: fear}
          p_member: {subject: family_member, rule: follows}
        """

    static let program: Program = try! Inline.compile(rules)

    /// A case that knows nothing but the members' relationships, with the given `declined:`
    /// lines (top level, then each member's).
    static func yaml(declined: String? = nil, first: String? = nil, second: String? = nil) -> String {
        var text = "id: declining\nas_of: 2024-06-01\nfamily_members:\n  - id: wife\n    facts: {fm_rel: spouse}\n"
        if let first { text += "    declined: \(first)\n" }
        text += "  - id: husband\n    facts: {fm_rel: spouse}\n"
        if let second { text += "    declined: \(second)\n" }
        if let declined { text += "declined: \(declined)\n" }
        return text
    }

    static func slot(_ name: String) -> Int32 { Int32(program.factIndex(name)!) }

    static func report(_ yaml: String) throws -> CaseReport { try Inline.decide(yaml, program: program) }

    @Test("declined: at the top level and beside a member's facts is read, and the facts stay unknown")
    func readsYAML() throws {
        let (file, diagnostics) = Inline.load(Self.yaml(declined: "[committed, afraid]", first: "[fm_abroad]"), program: Self.program)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let loaded = try #require(file)
        #expect(loaded.declined == [Self.slot("committed"), Self.slot("afraid")].sorted())
        #expect(loaded.members[0].declined == [Self.slot("fm_abroad")])
        #expect(loaded.members[1].declined == [])
        #expect(loaded.values[Int(Self.slot("committed"))] == .unknown)
        #expect(loaded.isDeclined(Self.slot("committed"), member: nil))
        #expect(loaded.isDeclined(Self.slot("committed"), member: 1), "a member decision reads the principal's declined facts")
        #expect(loaded.isDeclined(Self.slot("fm_abroad"), member: 0))
        #expect(!loaded.isDeclined(Self.slot("fm_abroad"), member: 1), "a member's declined facts are its own")
        #expect(!loaded.isDeclined(Self.slot("reported"), member: nil))
    }

    @Test("declined: [] and declined: null decline nothing")
    func empty() throws {
        for written in ["[]", "null"] {
            let (file, diagnostics) = Inline.load(Self.yaml(declined: written, first: written), program: Self.program)
            #expect(diagnostics.isEmpty, "\(written): \(diagnostics)")
            #expect(file?.declined == [] && file?.members[0].declined == [], "\(written)")
        }
    }

    @Test("a declined fact is decided as unknown: the same outcomes, reasons and missing facts as an absent one")
    func decidedAsUnknown() throws {
        let absent = try Self.report(Self.yaml())
        let declined = try Self.report(Self.yaml(declined: "[committed, reported, afraid]", first: "[fm_abroad]"))
        #expect(absent.decisions.count == 5)
        for (a, d) in zip(absent.decisions, declined.decisions) {
            #expect(a.program == d.program && a.subject == d.subject)
            #expect(a.outcome == d.outcome && a.reason == d.reason, "\(a.program)")
            #expect(a.outcome == .undetermined, "\(a.program): nothing is known")
            #expect(a.missingNames == d.missingNames, "\(a.program)")
        }
        // Unknown, never false: with `committed` declined, `not committed` is not known either.
        #expect(try declined.decision("p_clean").reason == .missingFacts)
    }

    @Test("missing facts mark a declined fact, for the principal and for the member who declined it")
    func marked() throws {
        let report = try Self.report(Self.yaml(declined: "[committed]", first: "[fm_abroad]"))
        let clean = try report.decision("p_clean")
        #expect(clean.missingFacts.map(\.declined) == [true])
        let both = try report.decision("p_report")
        #expect(Dictionary(uniqueKeysWithValues: both.missingFacts.map { ($0.name, $0.declined) }) == ["reported": false, "committed": true])
        let wife = try #require(report.decisions.first { $0.subject == "wife" })
        let husband = try #require(report.decisions.first { $0.subject == "husband" })
        #expect(wife.missingFacts.map(\.declined) == [true])
        #expect(husband.missingFacts.map(\.declined) == [false])
        // The explanation's facts say it too.
        let shown = try #require(clean.renderedExplanation?.facts.first { $0.name == "committed" })
        #expect(shown.value == "unknown" && shown.declined)
    }

    @Test("a declined fact is asked after every fact not yet asked, even one that settles less")
    func rankedLast() throws {
        let before = try Self.report(Self.yaml()).questions.filter { $0.subject == "principal" }
        // `committed` settles two decisions, the others one each: it leads while it is not declined.
        #expect(before.map(\.name) == ["committed", "reported", "afraid"])
        let after = try Self.report(Self.yaml(declined: "[committed]")).questions.filter { $0.subject == "principal" }
        #expect(after.map(\.name) == ["reported", "afraid", "committed"])
        #expect(after.map(\.declined) == [false, false, true])
        #expect(after.last?.decides == 2, "it still settles what it settles")
        let members = try Self.report(Self.yaml(first: "[fm_abroad]")).questions.filter { $0.subject != "principal" }
        #expect(members.map(\.subject) == ["husband", "wife"], "the member who declined is asked last")
    }

    @Test("text and JSON reports say a fact was declined; an undeclined one is written as before")
    func rendered() throws {
        let report = try Self.report(Self.yaml(declined: "[committed]"))
        let layout = ReportLayout(report)
        let asked = try #require(layout.questions.last)
        #expect(asked.fact == "committed" && asked.declined && layout.questions.dropLast().allSatisfy { !$0.declined })
        let text = ReportText(width: 200).render(layout)
        #expect(text.contains("\(asked.number). \(asked.text) (declined to answer)\n"), "\(text)")
        #expect(text.contains("? declined to answer\n"), "the fact's line says so")
        let codes = ReportText(width: 200).render(ReportLayout(report, options: .init(codes: true)))
        #expect(codes.contains("Missing facts: committed (declined to answer)"), "\(codes)")
        #expect(codes.contains("• committed = declined to answer"))
        #expect(codes.contains("\(asked.text) — committed (declined to answer)"))
        #expect(!codes.contains("reported (declined"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(DecisionJSON.render(report).utf8)) as? [String: Any])
        let decisions = try #require(json["decisions"] as? [[String: Any]])
        let missing = decisions.flatMap { ($0["missing_facts"] as? [[String: Any]]) ?? [] }
        #expect(missing.filter { $0["name"] as? String == "committed" }.allSatisfy { $0["declined"] as? Bool == true })
        #expect(missing.filter { $0["name"] as? String != "committed" }.allSatisfy { $0["declined"] == nil }, "no new key on an undeclined fact")
        let questions = try #require(json["questions"] as? [[String: Any]])
        #expect(questions.last?["name"] as? String == "committed" && questions.last?["declined"] as? Bool == true)
    }

    /// The diagnostics of a case (YAML) with these lines after an `id:`.
    static func diagnostics(_ body: String) -> [Diagnostic] {
        let (file, diagnostics) = Inline.load("id: bad\n" + body, program: program)
        #expect(file == nil, "a case with an error yields no case")
        return diagnostics
    }

    @Test("a fact both given and declined is an error at the declined name, pointing at the value")
    func givenAndDeclined() throws {
        let principal = Self.diagnostics("facts:\n  committed: false\ndeclined: [afraid, committed]\n")
        let d = try #require(principal.first { $0.id == .caseDeclinedGiven })
        #expect((d.location.line, d.location.column) == (4, 20))
        #expect(d.message.contains("'committed'"))
        #expect(d.notes == ["its value is given at case.yaml:3:3"])
        #expect(d.help != nil)
        let member = Self.diagnostics("family_members:\n  - id: kid\n    facts: {fm_abroad: true}\n    declined: [fm_abroad]\n")
        #expect(member.contains { $0.id == .caseDeclinedGiven && $0.location.line == 5 && $0.location.column == 16 }, "\(member)")
        // Given as null, a fact is unknown: declining it too says nothing contrary.
        let (file, none) = Inline.load("id: ok\nfacts:\n  committed: null\ndeclined: [committed]\n", program: Self.program)
        #expect(none.isEmpty && file?.declined == [Self.slot("committed")])
    }

    @Test("an unknown or misplaced name, a name twice, and a declined: that is not a list are errors")
    func badNames() throws {
        let unknown = Self.diagnostics("declined: [comitted]\n")
        #expect(unknown.map(\.id) == [.caseUnknownFact])
        #expect(unknown.first?.help == "did you mean 'committed'?")
        #expect((unknown.first?.location.line, unknown.first?.location.column) == (2, 12))
        let twice = Self.diagnostics("declined: [afraid, afraid]\n")
        #expect(twice.map(\.id) == [.caseDuplicateDeclined])
        #expect((twice.first?.location.line, twice.first?.location.column) == (2, 20))
        let memberFact = Self.diagnostics("declined: [fm_abroad]\n")
        #expect(memberFact.map(\.id) == [.caseUnknownFact] && memberFact.first?.message.contains("family-member fact") == true)
        let principalFact = Self.diagnostics("family_members:\n  - id: kid\n    declined: [afraid]\n")
        #expect(principalFact.map(\.id) == [.caseUnknownFact] && principalFact.first?.message.contains("principal fact") == true)
        let word = Self.diagnostics("declined: afraid\n")
        #expect(word.map(\.id) == [.caseTypeMismatch])
    }

    // MARK: JSON Lines and CSV

    static let shipped: Program = RuleCompiler.compile(.embedded).0!.program

    @Test("the byte-level JSON reader and the YAML reader read declined facts alike")
    func jsonReadersAgree() throws {
        let loader = CaseLoader(program: Self.shipped, today: CivilDate.parse("2026-12-31")!)
        var generator = CaseGenerator(program: Self.shipped, seed: 5)
        var fast = 0
        var declinedSeen = 0
        for index in 0..<200 {
            guard case .object(var pairs) = generator.next(index: index) else { Issue.record("not an object"); continue }
            // Decline some of the facts each subject leaves unknown (absent or null).
            func unknown(_ facts: JSON?, _ subject: SubjectName) -> [JSON] {
                var given: [String: JSON] = [:]
                if case .object(let f)? = facts { given = Dictionary(f, uniquingKeysWith: { a, _ in a }) }
                let names = Self.shipped.legend.facts.filter { $0.subject == subject && !$0.isDerived }.map(\.name)
                return names.enumerated().filter { k, name in
                    guard (k + index) % 3 == 0 else { return false }
                    switch given[name] {
                    case nil, .null?: return true
                    default: return false
                    }
                }.map { .string($0.1) }
            }
            let facts = pairs.first { $0.0 == "facts" }?.1
            let principalDeclined = unknown(facts, .principal)
            // Before the facts on even lines, after them on odd ones.
            if index % 2 == 0 { pairs.insert(("declined", .array(principalDeclined)), at: 1) } else { pairs.append(("declined", .array(principalDeclined))) }
            if let m = pairs.firstIndex(where: { $0.0 == "family_members" }), case .array(let members) = pairs[m].1 {
                pairs[m].1 = .array(members.map { member in
                    guard case .object(var fields) = member else { return member }
                    fields.append(("declined", .array(unknown(fields.first { $0.0 == "facts" }?.1, .familyMember))))
                    return .object(fields)
                })
            }
            let line = JSON.object(pairs).render()
            let input = CaseInput(path: "cases.jsonl", line: index + 1, text: line, format: .jsonLine)
            let yaml = loader.load(input.sourceText)
            #expect(yaml.1.isEmpty, "\(index): \(yaml.1)")
            let quick = loader.loadFastJSONLine(input)
            if let quick {
                fast += 1
                #expect(quick == yaml.0, "line \(index) reads differently")
            }
            declinedSeen += (yaml.0?.declined.count ?? 0) + (yaml.0?.members.map(\.declined.count).reduce(0, +) ?? 0)
        }
        #expect(fast >= 198, "only \(fast) of 200 lines took the fast path")
        #expect(declinedSeen > 200, "the lines decline facts")
    }

    /// Writes a CSV (or any corpus file) and loads each case in it.
    static func loadCorpus(_ text: String, name: String, program: Program) throws -> [(CaseFile?, [Diagnostic])] {
        let dir = try Inline.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        var stream = CaseStream(paths: [path])
        let loader = CaseLoader(program: program, today: CivilDate.parse("2024-06-01")!)
        return stream.all().map { loader.load($0) }
    }

    @Test("a CSV declined column is a ;-separated list of names; '-' or an empty cell declines nothing")
    func csv() throws {
        let rows = try Self.loadCorpus("id,declined,reported\nr1, committed ; afraid ,true\nr2,-,\nr3,,false\n", name: "sheet.csv", program: Self.program)
        #expect(rows.allSatisfy { $0.1.isEmpty }, "\(rows.map(\.1))")
        #expect(rows.map { $0.0?.declined } == [[Self.slot("committed"), Self.slot("afraid")].sorted(), [], []])
        let yaml = try #require(Inline.load("id: r1\nfacts: {reported: true}\ndeclined: [committed, afraid]\n", program: Self.program).0)
        #expect(rows[0].0?.declined == yaml.declined && rows[0].0?.values == yaml.values)
    }

    @Test("CSV: a declined fact that has a cell too, and a misspelt name, are errors at the name")
    func csvErrors() throws {
        let rows = try Self.loadCorpus("id,reported,declined\nr1,true,afraid;reported\nr2,,afraid;comitted\n", name: "sheet.csv", program: Self.program)
        let given = rows[0].1
        #expect(rows[0].0 == nil && given.map(\.id) == [.caseDeclinedGiven], "\(given)")
        #expect(given.first?.location.line == 2 && given.first?.notes.contains { $0.contains("sheet.csv:2:") } == true, "\(given.first?.notes ?? [])")
        let misspelt = rows[1].1
        #expect(rows[1].0 == nil && misspelt.map(\.id) == [.caseUnknownFact] && misspelt.first?.help == "did you mean 'committed'?", "\(misspelt)")
    }

    @Test("JSON Lines: declined and given is the same error the YAML file gets")
    func jsonlError() throws {
        let rows = try Self.loadCorpus("{\"id\":\"j\",\"facts\":{\"afraid\":true},\"declined\":[\"afraid\"]}\n", name: "cases.jsonl", program: Self.program)
        #expect(rows.count == 1 && rows[0].0 == nil)
        #expect(rows[0].1.map(\.id) == [.caseDeclinedGiven])
        #expect(rows[0].1.first?.location.line == 1)
    }

    @Test("the case file's JSON Schema lists declined, at the top level and for members, by fact name")
    func schema() throws {
        let rendered = Vocabulary.jsonSchema(Self.program.legend).render()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(rendered.utf8)) as? [String: Any])
        let properties = try #require(object["properties"] as? [String: Any])
        // An optional key is its schema or null (not given): `anyOf: [schema, {type: null}]`.
        func given(_ value: Any?) -> [String: Any]? {
            (((value as? [String: Any])?["anyOf"] as? [Any])?.first as? [String: Any]) ?? value as? [String: Any]
        }
        let declined = try #require(given(properties["declined"]))
        #expect(declined["type"] as? String == "array")
        #expect((declined["items"] as? [String: Any])?["enum"] as? [String] == ["reported", "committed", "afraid"])
        let member = try #require((given(properties["family_members"])?["items"] as? [String: Any])?["properties"] as? [String: Any])
        #expect((given(member["declined"])?["items"] as? [String: Any])?["enum"] as? [String] == ["fm_rel", "fm_abroad"])
    }
}
