import Testing
@testable import TVPARules

/// Small inline rule sets decided on tiny inline cases: Kleene's logic, exceptions, which
/// unknown facts are worth asking for, record lists, pending decisions, dated parameters and
/// bounded unknown dates, as semantics.md defines them.
@Suite("Three-valued logic")
struct ThreeValuedLogicTests {
    static let values: [Bool?] = [true, false, nil]
    static let pairs: [(Bool?, Bool?)] = values.flatMap { a in values.map { b in (a, b) } }

    static let connectives = """
        facts:
          a: {type: bool, question: Is a so?}
          b: {type: bool, question: Is b so?}
        rules:
          both:
            cite: ["T"]
            when: {all: [{fact: a}, {fact: b}]}
          either:
            cite: ["T"]
            when: {any: [{fact: a}, {fact: b}]}
          neither:
            cite: ["T"]
            when: {not: {fact: a}}
        programs:
          both: {rule: both}
          either: {rule: either}
          neither: {rule: neither}
        """

    /// The facts of a case: an unknown value is left out, which is how a case file says unknown.
    static func facts(_ pairs: [(String, Bool?)]) -> [String: String] {
        var result: [String: String] = [:]
        for (name, value) in pairs { if let value { result[name] = value ? "true" : "false" } }
        return result
    }

    @Test("all / any / not follow Kleene's strong logic", arguments: pairs)
    func kleene(_ a: Bool?, _ b: Bool?) throws {
        let program = try Inline.compile(Self.connectives)
        let report = try Inline.decide(facts: Self.facts([("a", a), ("b", b)]), program: program)
        #expect(try report.decision("both").outcome == Kleene.outcome(Kleene.and(a, b)))
        #expect(try report.decision("either").outcome == Kleene.outcome(Kleene.or(a, b)))
        #expect(try report.decision("neither").outcome == Kleene.outcome(Kleene.not(a)))
    }

    @Test("null in a case file is unknown, exactly like an absent fact", arguments: pairs)
    func nullIsUnknown(_ a: Bool?, _ b: Bool?) throws {
        let program = try Inline.compile(Self.connectives)
        let withNulls = try Inline.decide(facts: ["a": Kleene.yaml(a), "b": Kleene.yaml(b)], program: program)
        let withoutNulls = try Inline.decide(facts: Self.facts([("a", a), ("b", b)]), program: program)
        for p in ["both", "either", "neither"] {
            #expect(try withNulls.decision(p).outcome == withoutNulls.decision(p).outcome)
            #expect(try Set(withNulls.decision(p).missingNames) == Set(withoutNulls.decision(p).missingNames))
        }
    }

    @Test("an undetermined decision lists exactly the unknown facts that could change it", arguments: pairs)
    func missingFactsOfConnectives(_ a: Bool?, _ b: Bool?) throws {
        let program = try Inline.compile(Self.connectives)
        let report = try Inline.decide(facts: Self.facts([("a", a), ("b", b)]), program: program)
        let unknown = Set([("a", a), ("b", b)].filter { $0.1 == nil }.map(\.0))
        let both = try report.decision("both"), either = try report.decision("either")
        // A known false under `all`, or a known true under `any`, makes the other fact irrelevant.
        #expect(Set(both.missingNames) == (both.outcome == .undetermined ? unknown : []))
        #expect(Set(either.missingNames) == (either.outcome == .undetermined ? unknown : []))
        for d in [both, either] where d.outcome == .undetermined {
            #expect(d.reason == .missingFacts)
            #expect(d.missingFacts.allSatisfy { !$0.question.isEmpty && $0.type == "bool" })
        }
    }

    @Test("any: [a, b] with a true and b unknown is met, and b is not asked for")
    func irrelevantUnknownUnderAny() throws {
        let program = try Inline.compile(Self.connectives)
        let d = try Inline.decide(facts: ["a": "true"], program: program).decision("either")
        #expect(d.outcome == .eligible)
        #expect(d.reason == .criteriaMet)
        #expect(d.missingFacts.isEmpty)
    }

    @Test("all: [a, b] with a false and b unknown is not met, and b is not asked for")
    func irrelevantUnknownUnderAll() throws {
        let program = try Inline.compile(Self.connectives)
        let d = try Inline.decide(facts: ["a": "false"], program: program).decision("both")
        #expect(d.outcome == .notEligible)
        #expect(d.reason == .criteriaNotMet)
        #expect(d.missingFacts.isEmpty)
    }

    static let nested = """
        facts:
          a: {type: bool}
          b: {type: bool}
          c: {type: bool}
        rules:
          inner:
            cite: ["T"]
            when: {all: [{fact: a}, {fact: b}]}
          outer:
            cite: ["T"]
            when: {any: [{rule: inner}, {fact: c}]}
          guarded:
            cite: ["T"]
            when: {all: [{fact: a}, {any: [{fact: b}, {fact: c}]}]}
        programs:
          outer: {rule: outer}
          guarded: {rule: guarded}
        """

    @Test("a fact made irrelevant deeper down is not listed")
    func nestedIrrelevance() throws {
        let program = try Inline.compile(Self.nested)
        // a false settles `inner` (false), so only c can still decide `outer`.
        let outer = try Inline.decide(facts: ["a": "false"], program: program).decision("outer")
        #expect(outer.outcome == .undetermined)
        #expect(outer.missingNames == ["c"])
        // b true settles the `any`, so only a is left for `guarded`.
        let guarded = try Inline.decide(facts: ["b": "true"], program: program).decision("guarded")
        #expect(guarded.outcome == .undetermined)
        #expect(guarded.missingNames == ["a"])
    }

    static let exception = """
        facts:
          r: {type: bool}
          e: {type: bool}
        rules:
          main:
            cite: ["T"]
            when: {fact: r}
            unless:
              - {fact: e}
        programs:
          main: {rule: main}
        """

    @Test("an exception is R and not E", arguments: pairs)
    func exceptionTable(_ r: Bool?, _ e: Bool?) throws {
        let program = try Inline.compile(Self.exception)
        let d = try Inline.decide(facts: Self.facts([("r", r), ("e", e)]), program: program).decision("main")
        #expect(d.outcome == Kleene.outcome(Kleene.and(r, Kleene.not(e))))
        let unknown = Set([("r", r), ("e", e)].filter { $0.1 == nil }.map(\.0))
        #expect(Set(d.missingNames) == (d.outcome == .undetermined ? unknown : []))
    }

    @Test("R true, E unknown is unknown and asks for E; E false leaves R; E true defeats R")
    func exceptionUnderUnknown() throws {
        let program = try Inline.compile(Self.exception)
        let unknownE = try Inline.decide(facts: ["r": "true"], program: program).decision("main")
        #expect(unknownE.outcome == .undetermined)
        #expect(unknownE.reason == .missingFacts)
        #expect(unknownE.missingNames == ["e"])
        #expect(try Inline.decide(facts: ["r": "true", "e": "false"], program: program).decision("main").outcome == .eligible)
        #expect(try Inline.decide(facts: ["r": "true", "e": "true"], program: program).decision("main").outcome == .notEligible)
        let falseR = try Inline.decide(facts: ["r": "false"], program: program).decision("main")
        #expect(falseR.outcome == .notEligible)
        #expect(falseR.missingFacts.isEmpty)
    }

    static let records = """
        facts:
          reqs:
            type: records
            question: What was asked, and was it done?
            fields:
              complied: {type: enum, values: [full, partial, none]}
        rules:
          some_full:
            cite: ["T"]
            when: {any_record: reqs, where: {field: complied, is: full}}
          every_full:
            cite: ["T"]
            when: {all_records: reqs, where: {field: complied, is: full}}
        programs:
          some_full: {rule: some_full}
          every_full: {rule: every_full}
        """

    @Test("record lists: empty is a known none, absent is unknown", arguments: [
        ("[]", Outcome.notEligible, Outcome.eligible),
        (nil, Outcome.undetermined, Outcome.undetermined),
        ("[{complied: none}, {complied: full}]", Outcome.eligible, Outcome.notEligible),
        ("[{complied: none}]", Outcome.notEligible, Outcome.notEligible),
        ("[{complied: full}, {complied: full}]", Outcome.eligible, Outcome.eligible),
        ("[{complied: full}, {}]", Outcome.eligible, Outcome.undetermined),
        ("[{complied: none}, {}]", Outcome.undetermined, Outcome.notEligible),
    ] as [(String?, Outcome, Outcome)])
    func recordLists(_ reqs: String?, _ some: Outcome, _ every: Outcome) throws {
        let program = try Inline.compile(Self.records)
        let report = try Inline.decide(facts: reqs.map { ["reqs": $0] } ?? [:], program: program)
        let s = try report.decision("some_full"), e = try report.decision("every_full")
        #expect(s.outcome == some)
        #expect(e.outcome == every)
        if reqs == nil {
            #expect(s.missingNames == ["reqs"])
            #expect(e.missingNames == ["reqs"])
        }
    }

    static let decision = """
        facts:
          a: {type: bool}
          waiver: {type: enum, values: [not_filed, pending, granted, denied]}
        rules:
          waived:
            cite: ["T"]
            when: {decision: waiver, granted: [granted], denied: [denied], pending: [not_filed, pending], by: USCIS}
          waived_and_a:
            cite: ["T"]
            when: {all: [{fact: a}, {rule: waived}]}
        programs:
          waived: {rule: waived}
          waived_and_a: {rule: waived_and_a}
        """

    @Test("a pending decision is undetermined with reason awaiting_decision", arguments: ["pending", "not_filed"])
    func pendingDecision(_ state: String) throws {
        let program = try Inline.compile(Self.decision)
        let report = try Inline.decide(facts: ["waiver": state, "a": "true"], program: program)
        for p in ["waived", "waived_and_a"] {
            let d = try report.decision(p)
            #expect(d.outcome == .undetermined)
            #expect(d.reason == .awaitingDecision)
            #expect(d.missingFacts.isEmpty)
        }
    }

    @Test("granted is met, denied is not, unknown asks for the decision")
    func decidedDecision() throws {
        let program = try Inline.compile(Self.decision)
        #expect(try Inline.decide(facts: ["waiver": "granted"], program: program).decision("waived").outcome == .eligible)
        #expect(try Inline.decide(facts: ["waiver": "denied"], program: program).decision("waived").outcome == .notEligible)
        let unknown = try Inline.decide(facts: [:], program: program).decision("waived")
        #expect(unknown.outcome == .undetermined)
        #expect(unknown.reason == .missingFacts)
        #expect(unknown.missingNames == ["waiver"])
    }

    @Test("a pending decision with an unknown fact that could still change it is missing_facts")
    func pendingWithMissingFact() throws {
        let program = try Inline.compile(Self.decision)
        let d = try Inline.decide(facts: ["waiver": "pending"], program: program).decision("waived_and_a")
        #expect(d.outcome == .undetermined)
        #expect(d.reason == .missingFacts)
        #expect(d.missingNames == ["a"])
        // A known false makes the pending decision irrelevant.
        let settled = try Inline.decide(facts: ["waiver": "pending", "a": "false"], program: program).decision("waived_and_a")
        #expect(settled.outcome == .notEligible)
    }

    static let parameters = """
        facts:
          months: {type: integer}
        parameters:
          term:
            type: integer
            values:
              - from: 2000-10-28
                value: 12
                cite: ["28 CFR 1100.35(b)"]
              - from: 2021-07-30
                value: 24
                cite: ["press release of July 30, 2021"]
                unverified: the date on which grants became two years long
        rules:
          within_term:
            cite: ["T"]
            when: {le: [months, {param: term}]}
        programs:
          within_term: {rule: within_term}
        """

    @Test("a dated parameter takes the value in force on the decision date", arguments: [
        ("2021-07-29", "12", Outcome.eligible),
        ("2021-07-29", "13", Outcome.notEligible),
        ("2021-07-30", "13", Outcome.eligible),
        ("2021-07-30", "24", Outcome.eligible),
        ("2021-07-30", "25", Outcome.notEligible),
        ("2000-10-28", "12", Outcome.eligible),
    ])
    func datedParameter(_ asOf: String, _ months: String, _ expected: Outcome) throws {
        let program = try Inline.compile(Self.parameters)
        let d = try Inline.decide(facts: ["months": months], asOf: asOf, program: program).decision("within_term")
        #expect(d.outcome == expected)
    }

    @Test("the unverified flag of a parameter value is shown where that value is used")
    func unverifiedParameter() throws {
        let program = try Inline.compile(Self.parameters)
        func flags(_ node: RenderedNode?) -> [String] {
            guard let node else { return [] }
            return node.unverified + node.notes + node.children.flatMap(flags)
        }
        let later = try Inline.decide(facts: ["months": "13"], asOf: "2022-01-01", program: program).decision("within_term")
        #expect(flags(later.renderedExplanation).contains { $0.contains("two years") })
        let earlier = try Inline.decide(facts: ["months": "11"], asOf: "2020-01-01", program: program).decision("within_term")
        #expect(!flags(earlier.renderedExplanation).contains { $0.contains("two years") })
    }

    static let bounds = """
        facts:
          born: {type: date, question: Date of birth?}
          start: {type: date, question: When did it start?, not_after: [end]}
          end: {type: date, question: When did it end?}
        derived:
          age:
            type: integer
            question: How old are you?
            compute: {years_between: [born, decision_date]}
        rules:
          minor_at_start:
            cite: ["T"]
            when: {lt: [{years_between: [born, start]}, 18]}
          adult_at_end:
            cite: ["T"]
            when: {ge: [{years_between: [born, end]}, 18]}
          minor_now:
            cite: ["T"]
            when: {lt: [age, 18]}
        programs:
          minor_at_start: {rule: minor_at_start}
          adult_at_end: {rule: adult_at_end}
          minor_now: {rule: minor_now}
        """

    @Test("a person under 18 on the decision date was under 18 at an unknown earlier date")
    func underEighteenBoundsUnknownStart() throws {
        let program = try Inline.compile(Self.bounds)
        let d = try Inline.decide(facts: ["born": "2010-01-01"], asOf: "2024-06-01", program: program).decision("minor_at_start")
        #expect(d.outcome == .eligible)
    }

    @Test("under 18 on a known end date means under 18 at the unknown start")
    func underEighteenAtEnd() throws {
        let program = try Inline.compile(Self.bounds)
        let d = try Inline.decide(facts: ["born": "2000-01-01", "end": "2017-06-01"], asOf: "2024-06-01", program: program).decision("minor_at_start")
        #expect(d.outcome == .eligible)
    }

    @Test("an adult now with no start date is undetermined and asked for the start")
    func adultNowUnknownStart() throws {
        let program = try Inline.compile(Self.bounds)
        let d = try Inline.decide(facts: ["born": "2000-01-01"], asOf: "2024-06-01", program: program).decision("minor_at_start")
        #expect(d.outcome == .undetermined)
        #expect(d.missingNames.contains("start"))
        #expect(!d.missingNames.contains("born"))
        let known = try Inline.decide(facts: ["born": "2000-01-01", "start": "2019-01-01"], asOf: "2024-06-01", program: program).decision("minor_at_start")
        #expect(known.outcome == .notEligible)
    }

    @Test("an unknown end is on or after the known start")
    func unknownEndAfterStart() throws {
        let program = try Inline.compile(Self.bounds)
        let d = try Inline.decide(facts: ["born": "2000-01-01", "start": "2019-01-01"], asOf: "2024-06-01", program: program).decision("adult_at_end")
        #expect(d.outcome == .eligible)
    }

    @Test("a given age narrows an unknown date of birth")
    func givenAgeNarrowsBirth() throws {
        let program = try Inline.compile(Self.bounds)
        let report = try Inline.decide(facts: ["age": "17"], asOf: "2024-06-01", program: program)
        #expect(try report.decision("minor_now").outcome == .eligible)
        #expect(try report.decision("minor_at_start").outcome == .eligible)
        let adult = try Inline.decide(facts: ["age": "30", "start": "2024-01-01"], asOf: "2024-06-01", program: program)
        #expect(try adult.decision("minor_at_start").outcome == .notEligible)
    }

    @Test("an unknown age asks for the date of birth, not the age")
    func derivedAsksForSource() throws {
        let program = try Inline.compile(Self.bounds)
        let d = try Inline.decide(facts: [:], asOf: "2024-06-01", program: program).decision("minor_now")
        #expect(d.outcome == .undetermined)
        #expect(d.missingNames == ["born"])
    }

    @Test("known dates that break a bound make the case invalid")
    func brokenBounds() throws {
        let program = try Inline.compile(Self.bounds)
        let (order, orderDiagnostics) = Inline.load("id: x\nas_of: 2024-06-01\nfacts:\n  start: 2023-06-01\n  end: 2023-05-01\n", program: program)
        #expect(order == nil)
        #expect(orderDiagnostics.map(\.id) == [.caseDateOutOfBounds])
        let (future, futureDiagnostics) = Inline.load("id: x\nas_of: 2024-06-01\nfacts:\n  end: 2024-06-02\n", program: program)
        #expect(future == nil)
        #expect(futureDiagnostics.map(\.id) == [.caseDateAfterDecision])
        let (onTheDay, onTheDayDiagnostics) = Inline.load("id: x\nas_of: 2024-06-01\nfacts:\n  end: 2024-06-01\n  start: 2024-06-01\n", program: program)
        #expect(onTheDay != nil)
        #expect(onTheDayDiagnostics.isEmpty)
    }

    static let spans = """
        facts:
          a: {type: bool}
        rules:
          newer:
            cite: ["T"]
            from: 2021-07-30
            when: {fact: a}
        programs:
          newer: {rule: newer}
        """

    @Test("a rule outside its from / until span is not met", arguments: [
        ("2021-07-29", Outcome.notEligible), ("2021-07-30", Outcome.eligible),
    ])
    func ruleSpan(_ asOf: String, _ expected: Outcome) throws {
        let program = try Inline.compile(Self.spans)
        #expect(try Inline.decide(facts: ["a": "true"], asOf: asOf, program: program).decision("newer").outcome == expected)
    }
}
