/// Kleene's three truth values.
public enum Tri: UInt8, Sendable, Hashable {
    case no = 0
    case yes = 1
    case unknown = 2

    @inline(__always) public var negated: Tri {
        switch self {
        case .no: return .yes
        case .yes: return .no
        case .unknown: return .unknown
        }
    }

    public var status: String {
        switch self {
        case .yes: return "met"
        case .no: return "not_met"
        case .unknown: return "unknown"
        }
    }
}

/// One fact's value in a case. Plain data (no references), so copying a case's slot array is
/// cheap and evaluation allocates nothing.
public enum FactValue: Sendable, Hashable {
    case unknown
    case bool(Bool)
    /// An integer, or a date as a day number.
    case number(Int)
    /// An enum value's index in the fact's declared values.
    case choice(Int)
    /// A list of enum values as a bit set.
    case set(UInt64)
    /// Index into the case's record lists.
    case records(Int32)
    /// Index into the case's texts (free text and member references).
    case text(Int32)

    public var isKnown: Bool {
        if case .unknown = self { return false }
        return true
    }
}

/// The values an integer or a date can still take: a closed interval, infinite at either end
/// when nothing bounds it. A known value is an interval of one.
public struct Span: Sendable, Hashable {
    public var lo: Int
    public var hi: Int

    public static let everything = Span(lo: .min, hi: .max)
    @inline(__always) public static func exactly(_ v: Int) -> Span { Span(lo: v, hi: v) }
    @inline(__always) public var isKnown: Bool { lo == hi }
    @inline(__always) public func hull(_ other: Span) -> Span { Span(lo: Swift.min(lo, other.lo), hi: Swift.max(hi, other.hi)) }
}
