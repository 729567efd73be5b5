/// `tvpa test`: compares what each case file expects with what the law gives.
public struct ExpectationCheck: Sendable {
    public struct Failure: Sendable {
        public var path: String
        public var caseId: String
        public var decision: Decision
        public var expected: Outcome
    }

    /// An expected clock the report does not bear out (issue 13).
    public struct ClockFailure: Sendable {
        public var path: String
        public var caseId: String
        public var expected: ExpectedClock
        /// What the report gives (nil: the clock does not apply).
        public var got: Deadline?
    }

    public var passed = 0
    public var failures: [Failure] = []
    public var clockFailures: [ClockFailure] = []
    /// Files that could not be evaluated (their diagnostics are in the run results).
    public var invalidFiles = 0
    /// Cases that state no expectation at all, by place (`path`, or `path:line` in a corpus file).
    public var withoutExpectations: [String] = []

    public init() {}

    /// Counts one case's result (results stream in, one at a time).
    public mutating func add(_ result: CaseRun.Result) {
        guard let report = result.report else {
            invalidFiles += 1
            return
        }
        var any = false
        for d in report.decisions {
            guard let expected = d.expected else { continue }
            any = true
            if expected == d.outcome {
                passed += 1
            } else {
                failures.append(Failure(path: result.path, caseId: report.caseId, decision: d, expected: expected))
            }
        }
        for e in report.expectedClocks {
            any = true
            let got = report.deadlines.first { $0.id == e.clock && $0.member == e.member }
            if e.expectation.matches(got) {
                passed += 1
            } else {
                clockFailures.append(ClockFailure(path: result.path, caseId: report.caseId, expected: e, got: got))
            }
        }
        if !any { withoutExpectations.append(result.place) }
    }

    /// The closing line that test runners and CI read.
    public var summary: String { "\(passed) passed, \(failures.count + clockFailures.count) failed" }
}

extension ExpectationCheck {
    /// A reported deadline as a case file would write it (for a failure message).
    public static func written(_ d: Deadline) -> String {
        if let date = d.date { return CivilDate.format(date) }
        return ClockExpectation.between(earliest: d.earliest, latest: d.latest).written
    }
}
