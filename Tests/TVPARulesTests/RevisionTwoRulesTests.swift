import Foundation
import Testing
@testable import TVPARules

/// The shipped rules against the spec's revision 2 (semantics.md, "Clarifications (revision 2)";
/// law.md §8, row 58a and "Declared contradictions"): what the scenarios in `Cases/` cannot say
/// — reasons, missing facts, notes and the errors a contradictory case file must get.
@Suite("Shipped rules: revision 2")
struct RevisionTwoRulesTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func program() throws -> Program {
        try #require(RuleCompiler.compile(.embedded).0).program
    }

    /// Decides a scenario of `Cases/` (a valid file) with the explanation users see.
    static func report(_ path: String, program: Program, view: ExplainView = .decision, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> CaseReport {
        let url = root.appendingPathComponent(path)
        let text = try String(contentsOf: url, encoding: .utf8)
        let today = CivilDate.parse("2026-01-01")!
        let (file, diagnostics) = CaseLoader(program: program, today: today).load(SourceText(path: path, text: text))
        #expect(!diagnostics.hasErrors, "\(path) is invalid:\n\(diagnostics.map(\.description).joined(separator: "\n"))", sourceLocation: sourceLocation)
        let valid = try #require(file, sourceLocation: sourceLocation)
        return Explainer(view: view).report(valid, program: program, decisionDate: valid.decisionDate(override: nil, today: today))
    }

    /// Every note, text and unverified flag of an explanation, flattened.
    static func texts(_ node: RenderedNode?) -> [String] {
        guard let node else { return [] }
        return [node.text] + node.notes + node.unverified + node.children.flatMap { texts($0) }
    }

    static func member(_ report: CaseReport, _ id: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Decision {
        try #require(report.decisions.first { $0.program == "t_derivative" && $0.subject == id }, "no t_derivative decision for \(id)", sourceLocation: sourceLocation)
    }

    // MARK: The action element

    @Test("an unknown action list is asked, even when the person performed the acts; [] is a known none")
    func actionElement() throws {
        let program = try Self.program()
        let unknown = try Self.report("Cases/severe_trafficking_victim/def-actions-unknown-acts-performed.yaml", program: program).decision("severe_trafficking_victim")
        #expect(unknown.outcome == .undetermined)
        #expect(unknown.missingNames.contains("actions_by_trafficker"))
        let none = try Self.report("Cases/severe_trafficking_victim/def-sex-no-listed-action.yaml", program: program).decision("severe_trafficking_victim")
        #expect(none.outcome == .notEligible && none.reason == .criteriaNotMet)
        #expect(none.missingFacts.isEmpty)
    }

    // MARK: Where the trafficking happened

    @Test("escape from trafficking abroad fails presence, and the explanation says this is our reading")
    func abroadOnly() throws {
        let program = try Self.program()
        for path in ["Cases/t_visa/t-escaped-abroad-only.yaml", "Cases/t_visa/t-escaped-abroad-2016.yaml"] {
            let t = try Self.report(path, program: program).decision("t_visa")
            #expect(t.outcome == .notEligible && t.reason == .criteriaNotMet, "\(path)")
            #expect(Self.texts(t.renderedExplanation).contains { $0.hasPrefix("Our reading:") && $0.contains("regardless of where") }, "\(path): no note on our reading")
        }
    }

    @Test("an unknown location leaves the escape ground unknown and asks where it happened")
    func locationUnknown() throws {
        let program = try Self.program()
        let t = try Self.report("Cases/t_visa/t-escaped-location-unknown.yaml", program: program).decision("t_visa")
        #expect(t.outcome == .undetermined && t.reason == .missingFacts)
        #expect(t.missingNames == ["trafficking_location"])
        #expect(Self.texts(t.renderedExplanation).contains { $0.hasPrefix("Our reading:") })
    }

    @Test("trafficking in the U.S. needs no note on the reading")
    func inUSNoNote() throws {
        let program = try Self.program()
        let t = try Self.report("Cases/t_visa/t-liberated-trafficked-in-both.yaml", program: program, view: .full).decision("t_visa")
        #expect(t.outcome == .eligible)
        #expect(!Self.texts(t.renderedExplanation).contains { $0.hasPrefix("Our reading:") })
    }

    // MARK: Departure

    @Test("departure_type decides the departure question when the flag is absent; both unknown asks for both")
    func departure() throws {
        let program = try Self.program()
        #expect(try Self.report("Cases/t_visa/t-departure-type-none-only.yaml", program: program).decision("t_visa").outcome == .eligible)
        #expect(try Self.report("Cases/t_visa/t-departure-type-removed-only.yaml", program: program).decision("t_visa").outcome == .notEligible)
        let missing = try Self.report("Cases/t_visa/t-missing-departure.yaml", program: program).decision("t_visa")
        #expect(missing.outcome == .undetermined)
        #expect(Set(missing.missingNames).isSuperset(of: ["departed_us_after_trafficking", "departure_type"]))
    }

    // MARK: The interim letter

    @Test("hhs_interim_letter: none means no period has run out; issued with no date asks the date")
    func interimLetter() throws {
        let program = try Self.program()
        let none = try Self.report("Cases/hhs/hhs-interim-letter-none.yaml", program: program).decision("hhs_interim_assistance")
        #expect(none.outcome == .eligible && none.reason == .criteriaMet)
        let issued = try Self.report("Cases/hhs/hhs-interim-letter-issued-date-unknown.yaml", program: program).decision("hhs_interim_assistance")
        #expect(issued.outcome == .undetermined)
        #expect(issued.missingNames.contains("hhs_interim_letter_date"))
        #expect(!issued.missingNames.contains("hhs_interim_letter"))
    }

    @Test("with no letter recorded, an old request asks whether a letter was issued; a recent one decides")
    func interimLetterBounds() throws {
        let program = try Self.program()
        let child = ["date_of_birth": "2011-05-01", "is_us_citizen_or_lpr": "false", "trafficking_type": "labor",
                     "actions_by_trafficker": "[harbored, obtained]", "means_threats_serious_harm": "true",
                     "purpose_labor_end": "[involuntary_servitude]", "performed_labor_or_sex": "true",
                     "trafficking_start_date": "2023-09-01"]
        var old = child
        old["hhs_rfa_submitted_date"] = "2024-09-15"
        let lapse = try Inline.decide(facts: old, asOf: "2025-03-01", program: program).decision("hhs_interim_assistance")
        #expect(lapse.outcome == .undetermined)
        #expect(lapse.missingNames.contains("hhs_interim_letter"))
        #expect(lapse.missingNames.contains("hhs_interim_letter_date"))
        var recent = child
        recent["hhs_rfa_submitted_date"] = "2025-02-01"
        #expect(try Inline.decide(facts: recent, asOf: "2025-03-01", program: program).decision("hhs_interim_assistance").outcome == .eligible)
        // A given date implies a letter was issued: an old one has run out even with the flag absent.
        var dated = old
        dated["hhs_interim_letter_date"] = "2024-09-20"
        #expect(try Inline.decide(facts: dated, asOf: "2025-03-01", program: program).decision("hhs_interim_assistance").outcome == .notEligible)
    }

    // MARK: Family members

    @Test("a divorced, annulled or single spouse is not an eligible spouse; an unrecorded status leaves the marriage as recorded")
    func spouseStillMarried() throws {
        let program = try Self.program()
        let report = try Self.report("Cases/t_derivative/dv-spouse-marriage-ended.yaml", program: program)
        for id in ["former-wife", "annulled-marriage", "recorded-single"] {
            let d = try Self.member(report, id)
            #expect(d.outcome == .notEligible && d.reason == .criteriaNotMet, "\(id)")
        }
        #expect(try Self.member(report, "wife").outcome == .eligible)
    }

    @Test("a marriage or step-relation is dated by its own date (2016 rule); a sibling must be born by filing")
    func relationshipDates() throws {
        let program = try Self.program()
        let report = try Self.report("Cases/t_derivative/dv-relationship-dates-2016-rule.yaml", program: program)
        let wife = try Self.member(report, "wife")
        #expect(wife.outcome == .undetermined)
        #expect(wife.missingNames == ["fm_relationship_start_date"])
        #expect(try Self.member(report, "stepson").missingNames == ["fm_relationship_start_date"])
        #expect(try Self.member(report, "sister").outcome == .eligible)
        #expect(try Self.member(report, "brother").outcome == .notEligible)
    }

    @Test("t_derivative is the family member's program: a principal who cannot have T gives criteria_not_met")
    func derivativeOfCitizen() throws {
        let program = try Self.program()
        let report = try Self.report("Cases/t_derivative/dv-principal-permanent-resident.yaml", program: program)
        #expect(try report.decision("t_visa").reason == .notApplicable)
        let husband = try Self.member(report, "husband")
        #expect(husband.outcome == .notEligible)
        #expect(husband.reason == .criteriaNotMet)
        #expect(Self.texts(husband.renderedExplanation).contains { $0.contains("Form I-130") })
    }

    // MARK: Points of law verified (issue 9, section 2)

    @Test("the Continued Presence term is 12 months before 2017-06-27 and 24 from it, flagged unverified")
    func continuedPresenceTerm() throws {
        let program = try Self.program()
        let facts = ["is_us_citizen_or_lpr": "false", "trafficking_type": "labor", "actions_by_trafficker": "[recruited]",
                     "means_fraud": "true", "purpose_labor_end": "[involuntary_servitude]", "performed_labor_or_sex": "true",
                     "federal_le_involved": "true", "potential_witness": "true"]
        for (day, months) in [("2017-06-26", 12), ("2017-06-27", 24)] {
            let cp = try Inline.decide(facts: facts, asOf: day, program: program).decision("continued_presence")
            #expect(cp.outcome == .eligible)
            let text = Self.texts(cp.renderedExplanation)
            #expect(text.contains { $0.contains("lasts \(months) months") }, "on \(day)")
            if months == 24 { #expect(text.contains { $0.contains("2017-06-27") && $0.contains("latest date") }) }
        }
    }

    @Test("the 2016 minor exemption says it is measured on the filing date; the 2016 rule's start date is no longer unverified")
    func minorExemption2016() throws {
        let program = try Self.program()
        let t = try Self.report("Cases/t_visa/t-minor-at-act-adult-at-filing-2016.yaml", program: program, view: .full).decision("t_visa")
        let text = Self.texts(t.renderedExplanation)
        #expect(text.contains { $0.contains("\"is under 18 years of age\"") && $0.contains("filing date") })
        let decided2016 = try Self.report("Cases/t_visa/t-decided-2016-note.yaml", program: program).decision("t_visa")
        #expect(decided2016.renderedNotes.contains { $0.contains("2017-01-18") && !$0.contains("unverified") })
    }

    // MARK: Declared contradictions (law.md §8)

    struct Bad: CustomTestStringConvertible, Sendable {
        var name: String
        var yaml: String
        var id: DiagnosticID
        var says: String
        var testDescription: String { name }
    }

    static let minor = "  date_of_birth: 2010-01-01\n"
    static let bad: [Bad] = [
        Bad(name: "departed false with a departure type", yaml: "facts:\n  departed_us_after_trafficking: false\n  departure_type: removed\n", id: .caseContradiction, says: "a departure type is given"),
        Bad(name: "departed true with departure type none", yaml: "facts:\n  departed_us_after_trafficking: true\n  departure_type: none\n", id: .caseContradiction, says: "departure_type is 'none'"),
        Bad(name: "not filed with a filing date", yaml: "facts:\n  t_decision: not_filed\n  t_application_filed_date: 2023-01-01\n", id: .caseContradiction, says: "t_application_filed_date"),
        Bad(name: "no federal agency but a federal requester", yaml: "facts:\n  federal_le_involved: false\n  cp_requesting_entity: federal_le\n", id: .caseContradiction, says: "federal_le_involved is false"),
        Bad(name: "an age that disagrees with the date of birth", yaml: "facts:\n  date_of_birth: 1990-01-01\n  age: 20\n", id: .caseDerivedMismatch, says: "age"),
        Bad(name: "the trafficking ends before it starts", yaml: "facts:\n  trafficking_start_date: 2022-01-01\n  trafficking_end_date: 2021-01-01\n", id: .caseDateOutOfBounds, says: "trafficking_start_date"),
        Bad(name: "no interim letter, but a letter date", yaml: "facts:\n  hhs_interim_letter: none\n  hhs_interim_letter_date: 2024-01-10\n", id: .caseContradiction, says: "hhs_interim_letter is 'none'"),
        Bad(name: "a request received after the interim letter", yaml: "facts:\n  hhs_rfa_submitted_date: 2024-02-01\n  hhs_interim_letter_date: 2024-01-10\n", id: .caseDateOutOfBounds, says: "hhs_interim_letter_date"),
        Bad(name: "18 or older at the first act, but under 18 now", yaml: "facts:\n" + minor + "  under_18_at_any_trafficking_act: false\n", id: .caseContradiction, says: "18 or older when the trafficking began"),
        Bad(name: "a first act at 20, but 15 now", yaml: "facts:\n  age: 15\n  age_at_first_trafficking_act: 20\n", id: .caseContradiction, says: "18 or older when the trafficking began"),
        Bad(name: "a widowed spouse", yaml: "family_members:\n  - id: wife\n    facts: { fm_relationship: spouse, fm_marital_status: widowed }\n", id: .caseContradiction, says: "'widowed'"),
        Bad(name: "a request dated before birth", yaml: "facts:\n  date_of_birth: 2010-01-01\n  hhs_rfa_submitted_date: 2009-06-01\n", id: .caseDateOutOfBounds, says: "date_of_birth"),
        Bad(name: "trafficking dated before birth", yaml: "facts:\n  date_of_birth: 2010-01-01\n  trafficking_start_date: 2009-06-01\n", id: .caseDateOutOfBounds, says: "date_of_birth"),
        Bad(name: "a filing dated before birth", yaml: "facts:\n  date_of_birth: 2010-01-01\n  t_application_filed_date: 2009-06-01\n", id: .caseDateOutOfBounds, says: "date_of_birth"),
        Bad(name: "a report dated before birth", yaml: "facts:\n  date_of_birth: 2010-01-01\n  lea_report_date: 2009-06-01\n", id: .caseDateOutOfBounds, says: "date_of_birth"),
        Bad(name: "a child's relationship before the child's birth", yaml: "family_members:\n  - id: son\n    facts: { fm_relationship: child, fm_date_of_birth: 2012-01-01, fm_relationship_start_date: 2011-01-01 }\n", id: .caseContradiction, says: "before the family member's own date of birth"),
        Bad(name: "an event after the decision date", yaml: "facts:\n  lea_report_date: 2024-07-01\n", id: .caseDateAfterDecision, says: "lea_report_date"),
    ]

    @Test("each declared contradiction of law.md §8 is an error naming it", arguments: bad)
    func contradiction(_ bad: Bad) throws {
        let program = try Self.program()
        let (file, diagnostics) = Inline.load("id: bad\nas_of: 2024-06-01\n" + bad.yaml, program: program)
        #expect(file == nil, "a contradictory case file must not be evaluated")
        let matching = diagnostics.filter { $0.id == bad.id }
        #expect(!matching.isEmpty, "expected \(bad.id.rawValue); got:\n\(diagnostics.map(\.description).joined(separator: "\n"))")
        #expect(matching.contains { $0.message.contains(bad.says) }, "no \(bad.id.rawValue) says '\(bad.says)':\n\(matching.map(\.description).joined(separator: "\n"))")
        #expect(matching.allSatisfy { $0.severity == .error })
    }

    @Test("the consistent neighbours of those contradictions are valid")
    func consistent() throws {
        let program = try Self.program()
        let good = [
            "facts:\n  departed_us_after_trafficking: false\n  departure_type: none\n",
            "facts:\n  hhs_interim_letter: issued\n  hhs_interim_letter_date: 2024-01-10\n  hhs_rfa_submitted_date: 2024-01-10\n",
            "facts:\n" + Self.minor + "  under_18_at_any_trafficking_act: true\n",
            "facts:\n  date_of_birth: 2000-01-01\n  under_18_at_any_trafficking_act: false\n",
            "family_members:\n  - id: wife\n    facts: { fm_relationship: spouse, fm_marital_status: married }\n",
            "family_members:\n  - id: sister\n    facts: { fm_relationship: sibling, fm_marital_status: widowed }\n",
            // A stepchild's relationship is the marriage, which may come before the child's birth.
            "family_members:\n  - id: stepson\n    facts: { fm_relationship: stepchild, fm_date_of_birth: 2012-01-01, fm_relationship_start_date: 2011-01-01 }\n",
            "facts:\n  cp_expiry_date: 2026-01-01\n",
        ]
        for yaml in good {
            let (file, diagnostics) = Inline.load("id: good\nas_of: 2024-06-01\n" + yaml, program: program)
            #expect(file != nil && !diagnostics.hasErrors, "\(yaml)\n\(diagnostics.map(\.description).joined(separator: "\n"))")
        }
    }
}
