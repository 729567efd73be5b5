/// The range of every integer and date a case file, a rule file or a proposal can hold,
/// checked when it is read, each value out of range a located diagnostic (`case.out-of-range`,
/// `check.out-of-range`). The engine knows no law: what is impossible for one fact (an age
/// below 0 or over 130) is declared on the fact, `min:` / `max:` in the rules; these are the
/// bounds of the language itself, kept far from `Int.min` / `Int.max` (which the evaluator
/// reads as "unbounded") and inside the range `CivilDate` computes in.
public enum ValueLimits {
    /// Every integer: a literal or `is:` value in a rule, a parameter's value, a fact's
    /// `min:` / `max:`, an integer given in a case.
    public static let integers: ClosedRange<Int> = -1_000_000_000...1_000_000_000
    /// The earliest date a case holds (any date fact or field, and `as_of` or `--as-of`):
    /// 1900-01-01. Rule files may name earlier dates; the calendar's four-digit years bound them.
    public static let earliestCaseDate = CivilDate.dayNumber(year: 1900, month: 1, day: 1)
    /// How many years after the decision date a `future` date (an expiry) may lie.
    public static let futureYears = 50

    /// The latest day a `future` date may be, for a decision date.
    public static func latestFutureDate(decisionDate: Int) -> Int { CivilDate.addYears(decisionDate, futureYears) }

    /// Whether a written integer (an optional sign, then digits) is in `range`, without
    /// overflowing however many digits it has; nil when the text is not an integer at all.
    static func integer(_ text: String, in range: ClosedRange<Int> = integers) -> (value: Int?, inRange: Bool)? {
        let digits = text.utf8.drop { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "+") }
        guard text.utf8.count - digits.count <= 1, !digits.isEmpty, digits.allSatisfy({ (48...57).contains($0) }) else { return nil }
        guard let value = Int(text) else { return (nil, false) }
        return (value, range.contains(value))
    }
}
