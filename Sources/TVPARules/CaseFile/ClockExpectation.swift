/// What a case file expects of a clock (`expect: {clocks: {id: …}}`, issue 13): the date, its
/// bounds when a fact is unknown, or that it does not apply.
public enum ClockExpectation: Sendable, Hashable {
    /// `id: 2025-01-10`: the clock applies and its date is known.
    case date(Int)
    /// `id: {earliest: D1, latest: D2}` (either may be `null`: unbounded): the date is not known.
    case between(earliest: Int?, latest: Int?)
    /// `id: none`: the clock does not apply to the case.
    case none

    /// Whether a reported deadline (nil: not reported) meets the expectation.
    public func matches(_ d: Deadline?) -> Bool {
        switch self {
        case .none: return d == nil
        case .date(let day): return d?.date == day
        case .between(let e, let l): return d != nil && d!.date == nil && d!.earliest == e && d!.latest == l
        }
    }

    /// The expectation in the words of the case file.
    public var written: String {
        switch self {
        case .none: return "none"
        case .date(let day): return CivilDate.format(day)
        case .between(let e, let l): return "{earliest: \(e.map(CivilDate.format) ?? "null"), latest: \(l.map(CivilDate.format) ?? "null")}"
        }
    }
}
