import Foundation
import Testing
@testable import TVPARules

/// `days_between` and `sum_records` (issue 13): the aggregate of a list of records — here the
/// shape of INA 245(l)(3), "any periods in the aggregate exceeding 180 days" unless excused.
@Suite("sum_records and days_between")
struct SumRecordsTests {
    static let rules = """
        facts:
          trips:
            type: records
            fields: {left: date, back: date, excused: bool}
        rules:
          over_180:
            cite: ["Test Act 1"]
            when:
              gt:
                - sum_records:
                    records: trips
                    of: {days_between: [{field: left}, {field: back}]}
                    where: {not: {field: excused}}
                - 180
          any_trip_days:
            cite: ["Test Act 2"]
            when: {ge: [{sum_records: {records: trips, of: 1}}, 2]}
        programs:
          p: {subject: principal, rule: over_180}
          q: {subject: principal, rule: any_trip_days}
        """
    static let program: Program = try! Inline.compile(rules)

    static func outcome(_ trips: String, _ program: String = "p") throws -> Outcome {
        try Inline.decide(facts: ["trips": trips], program: Self.program).decision(program).outcome
    }

    @Test("days_between is the later date less the earlier, in days, across a leap day")
    func daysBetween() throws {
        // 2024-02-01 → 2024-05-01: 29 + 31 + 30 + 1… = 90 days (2024 is a leap year).
        let p = try Inline.compile("""
            facts:
              a: {type: date}
              b: {type: date}
            rules:
              r: {cite: ["Test Act 1"], when: {eq: [{days_between: [a, b]}, 90]}}
            programs:
              p: {subject: principal, rule: r}
            """)
        #expect(try Inline.decide(facts: ["a": "2024-02-01", "b": "2024-05-01"], program: p).decision("p").outcome == .eligible)
        #expect(try Inline.decide(facts: ["a": "2023-02-01", "b": "2023-05-01"], program: p).decision("p").outcome == .notEligible, "89 days in a common year")
    }

    @Test("the sum counts the records the condition holds for: over 180 unexcused days, exactly 180, and excused days left out")
    func aggregate() throws {
        // 80 + 80 + 30 = 190 unexcused days: over 180.
        #expect(try Self.outcome("[{left: 2023-01-01, back: 2023-03-22, excused: false}, {left: 2023-06-01, back: 2023-08-20, excused: false}, {left: 2023-10-01, back: 2023-10-31, excused: false}]") == .eligible)
        // 80 + 80 + 20 = 180: not "exceeding 180".
        #expect(try Self.outcome("[{left: 2023-01-01, back: 2023-03-22, excused: false}, {left: 2023-06-01, back: 2023-08-20, excused: false}, {left: 2023-10-01, back: 2023-10-21, excused: false}]") == .notEligible)
        // 80 + 80 unexcused, 60 excused: 160 count.
        #expect(try Self.outcome("[{left: 2023-01-01, back: 2023-03-22, excused: false}, {left: 2023-06-01, back: 2023-08-20, excused: false}, {left: 2023-10-01, back: 2023-11-30, excused: true}]") == .notEligible)
        // No records: a sum of nothing is 0.
        #expect(try Self.outcome("[]") == .notEligible)
        #expect(try Self.outcome("[{left: 2023-01-01, back: 2023-01-05}, {left: 2023-02-01, back: 2023-02-02}]", "q") == .eligible, "of: 1 counts the records")
    }

    @Test("unknown parts give an interval: an unknown condition may add 0 or the days; an unknown list or date is unbounded")
    func unknowns() throws {
        // 160 known unexcused days and one 30-day trip whose excuse is not known: 160 or 190.
        let open = "[{left: 2023-01-01, back: 2023-03-22, excused: false}, {left: 2023-06-01, back: 2023-08-20, excused: false}, {left: 2023-10-01, back: 2023-10-31}]"
        let report = try Inline.decide(facts: ["trips": open], program: Self.program)
        #expect(try report.decision("p").outcome == .undetermined)
        // The same trip too short to tip it: 160 or 170, never over 180.
        #expect(try Self.outcome("[{left: 2023-01-01, back: 2023-03-22, excused: false}, {left: 2023-06-01, back: 2023-08-20, excused: false}, {left: 2023-10-01, back: 2023-10-11}]") == .notEligible)
        // A trip whose return is not known: its days are unbounded.
        #expect(try Self.outcome("[{left: 2023-01-01, excused: false}]") == .undetermined)
        // The list itself unknown: the records fact is the question.
        let none = try Inline.decide(facts: [:], program: Self.program).decision("p")
        #expect(none.outcome == .undetermined)
        #expect(none.missingNames == ["trips"])
    }

    @Test("sum_records is checked: a record list, an integer to add, fields of that list; records and of are required")
    func checked() throws {
        func errors(_ when: String) throws -> [Diagnostic] {
            let dir = try Inline.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: dir) }
            let yaml = "facts:\n  trips: {type: records, fields: {left: date, back: date}}\n  n: {type: integer}\nrules:\n  r: {cite: [\"Test Act 1\"], when: \(when)}\nprograms:\n  p: {subject: principal, rule: r}\n"
            try yaml.write(to: dir.appendingPathComponent("rules.yaml"), atomically: true, encoding: .utf8)
            return RuleCompiler.compile(.directory(dir.path)).1.filter { $0.severity == .error }
        }
        #expect(try errors("{gt: [{sum_records: {records: trips, of: {days_between: [{field: left}, {field: back}]}}}, 1]}").isEmpty)
        let notList = try errors("{gt: [{sum_records: {records: n, of: 1}}, 1]}")
        #expect(notList.map(\.id) == [.checkTypeMismatch], "n is no record list: \(notList)")
        #expect(notList.first?.message.contains("sum_records") == true)
        let dates = try errors("{gt: [{sum_records: {records: trips, of: {field: left}}}, 1]}")
        #expect(dates.map(\.id) == [.checkTypeMismatch], "a date is not added")
        #expect(dates.first?.help?.contains("days_between") == true)
        let field = try errors("{gt: [{sum_records: {records: trips, of: {days_between: [{field: lefft}, {field: back}]}}}, 1]}")
        #expect(field.contains { $0.id == .checkUnknownField && $0.help?.contains("left") == true }, "\(field)")
        #expect(try errors("{gt: [{sum_records: {of: 1}}, 1]}").map(\.id) == [.parseMissingKey])
        #expect(try errors("{gt: [{days_between: [trips, n]}, 1]}").contains { $0.id == .checkTypeMismatch || $0.id == .checkTypeMismatch })
    }
}
