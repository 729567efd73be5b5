import Testing
@testable import TVPARules

@Suite("Dates")
struct CivilDateTests {
    static func d(_ text: String) -> Int { CivilDate.parse(text)! }

    @Test("impossible or malformed dates are rejected", arguments: [
        "2024-02-30", "2023-02-29", "1900-02-29", "2023-04-31", "2023-13-01", "2023-00-10", "2023-01-00", "2023-01-32",
        "2024-2-01", "24-02-01", "2024/02/01", "", "2024-02-01T00:00", "abcd-ef-gh",
        // Digits only in every part: Int() alone would read a sign, and a fullwidth digit is not ASCII.
        "2024-+1-05", "+202-01-05", "2024-01-+5", "２０２４-01-05",
    ])
    func rejects(_ text: String) {
        #expect(CivilDate.parse(text) == nil)
    }

    @Test("real dates parse and print back unchanged", arguments: [
        "2024-02-29", "2000-02-29", "2023-02-28", "1970-01-01", "1969-12-31", "2024-12-31", "2099-12-31", "2008-12-23", "0001-01-01",
    ])
    func roundTrip(_ text: String) throws {
        let day = try #require(CivilDate.parse(text))
        #expect(CivilDate.format(day) == text)
    }

    @Test("day numbers count days from 1970-01-01")
    func dayNumbers() {
        #expect(Self.d("1970-01-01") == 0)
        #expect(Self.d("1970-01-02") == 1)
        #expect(Self.d("1969-12-31") == -1)
        #expect(Self.d("2024-03-01") - Self.d("2024-02-28") == 2)
        #expect(Self.d("2023-03-01") - Self.d("2023-02-28") == 1)
        #expect(Self.d("2025-01-01") - Self.d("2024-01-01") == 366)
    }

    @Test("a person is 18 on the 18th birthday, 17 the day before")
    func eighteenthBirthday() {
        let born = Self.d("2006-06-01")
        #expect(CivilDate.yearsBetween(born, Self.d("2024-06-01")) == 18)
        #expect(CivilDate.yearsBetween(born, Self.d("2024-05-31")) == 17)
        #expect(CivilDate.yearsBetween(born, Self.d("2025-05-31")) == 18)
        #expect(CivilDate.yearsBetween(born, born) == 0)
        #expect(CivilDate.yearsBetween(Self.d("2006-12-31"), Self.d("2024-12-30")) == 17)
        #expect(CivilDate.yearsBetween(Self.d("2006-12-31"), Self.d("2024-12-31")) == 18)
    }

    @Test("a 29 February birthday falls on 1 March in common years")
    func leapDayBirthday() {
        let born = Self.d("2008-02-29")
        #expect(CivilDate.yearsBetween(born, Self.d("2026-02-28")) == 17)
        #expect(CivilDate.yearsBetween(born, Self.d("2026-03-01")) == 18)
        #expect(CivilDate.yearsBetween(born, Self.d("2028-02-28")) == 19)
        #expect(CivilDate.yearsBetween(born, Self.d("2028-02-29")) == 20)
        #expect(CivilDate.yearsBetween(born, Self.d("2009-02-28")) == 0)
        #expect(CivilDate.yearsBetween(born, Self.d("2009-03-01")) == 1)
    }

    @Test("adding months clamps to the end of a shorter month", arguments: [
        ("2024-01-31", 1, "2024-02-29"),
        ("2023-01-31", 1, "2023-02-28"),
        ("2024-03-31", -1, "2024-02-29"),
        ("2024-05-31", 1, "2024-06-30"),
        ("2024-12-15", 1, "2025-01-15"),
        ("2025-01-15", -1, "2024-12-15"),
        ("2024-01-31", -13, "2022-12-31"),
        ("2021-07-30", 24, "2023-07-30"),
        ("2024-02-29", 12, "2025-02-28"),
        ("2024-02-29", 48, "2028-02-29"),
    ])
    func addMonths(_ start: String, _ months: Int, _ expected: String) {
        #expect(CivilDate.format(CivilDate.addMonths(Self.d(start), months)) == expected)
    }

    @Test("adding days crosses month and year ends", arguments: [
        ("2024-02-28", 1, "2024-02-29"),
        ("2024-02-28", 2, "2024-03-01"),
        ("2023-02-28", 1, "2023-03-01"),
        ("2023-12-31", 1, "2024-01-01"),
        ("2024-03-01", -1, "2024-02-29"),
        ("2024-08-28", 90, "2024-11-26"),
    ])
    func addDays(_ start: String, _ days: Int, _ expected: String) {
        #expect(CivilDate.format(Self.d(start) + days) == expected)
    }

    static let ageRules = """
        facts:
          born: {type: date}
          start: {type: date}
        derived:
          age:
            type: integer
            compute: {years_between: [born, decision_date]}
        rules:
          adult:
            cite: ["T"]
            when: {ge: [age, 18]}
          month_after:
            cite: ["T"]
            when: {eq: [{add_months: [start, 1]}, 2024-02-29]}
          ninety_days:
            cite: ["T"]
            when: {le: [decision_date, {add_days: [start, 90]}]}
        programs:
          adult: {rule: adult}
          month_after: {rule: month_after}
          ninety_days: {rule: ninety_days}
        """

    @Test("the engine measures age on the decision date", arguments: [
        ("2006-06-01", "2024-06-01", Outcome.eligible),
        ("2006-06-01", "2024-05-31", Outcome.notEligible),
        ("2008-02-29", "2026-02-28", Outcome.notEligible),
        ("2008-02-29", "2026-03-01", Outcome.eligible),
    ])
    func ageInRules(_ born: String, _ asOf: String, _ expected: Outcome) throws {
        let program = try Inline.compile(Self.ageRules)
        let report = try Inline.decide(facts: ["born": born], asOf: asOf, program: program)
        #expect(try report.decision("adult").outcome == expected)
    }

    @Test("add_months and add_days in rules", arguments: [
        ("2024-01-31", "2024-06-01", Outcome.eligible, Outcome.notEligible),
        ("2024-01-28", "2024-04-27", Outcome.notEligible, Outcome.eligible),
        ("2024-01-28", "2024-04-28", Outcome.notEligible, Outcome.notEligible),
    ])
    func dateArithmeticInRules(_ start: String, _ asOf: String, _ monthAfter: Outcome, _ ninety: Outcome) throws {
        let program = try Inline.compile(Self.ageRules)
        let report = try Inline.decide(facts: ["start": start], asOf: asOf, program: program)
        #expect(try report.decision("month_after").outcome == monthAfter)
        #expect(try report.decision("ninety_days").outcome == ninety)
    }

    @Test("an impossible date in a case file is an error, not a guess")
    func impossibleDateInCase() throws {
        let program = try Inline.compile(Self.ageRules)
        let (file, diagnostics) = Inline.load("id: x\nas_of: 2024-06-01\nfacts:\n  born: 2023-02-29\n", program: program)
        #expect(file == nil)
        #expect(diagnostics.contains { $0.id == .caseInvalidDate && $0.location.line == 4 && $0.location.column == 9 })
    }
}
