/// Explain: a clock that matters for the case, as data (issue 13). Render words it from the
/// legend (`Legend.clocks[clock]`); nothing here is a sentence.
public struct Deadline: Sendable, Hashable {
    /// Where the date stands against the decision date.
    public enum Status: String, Sendable, Hashable {
        /// The date is the decision date or later (for `from`: not yet reached).
        case upcoming
        /// The date is before the decision date (for `act_by`: too late; `ends_on`: ended;
        /// `from`: possible since then).
        case passed
        /// Not known, and its bounds lie on both sides of the decision date.
        case uncertain
    }

    /// How a redacted report shows it (case-file.md, "Redaction"): never a date or a count.
    public enum Bucket: String, Sendable, Hashable {
        case passed
        case within30 = "within_30_days"
        case within90 = "within_90_days"
        case later
    }

    /// The clock's index in `Program.clocks` (and `Legend.clocks`).
    public var clock: Int
    public var id: String
    public var kind: ClockKind
    /// `principal`, a family member's id, or redacted, their pseudonym.
    public var subject: String
    /// The member's index (nil: the principal), for sorting and expectations.
    public var member: Int?
    /// The earliest and latest possible date; nil: unbounded on that side.
    public var earliest: Int?
    public var latest: Int?
    public var asOf: Int
    public var status: Status
    /// Days from the decision date to the date (negative: past), when the date is known.
    public var days: Int?
    /// The date is (or may be) within the clock's warning window, and not passed.
    public var warning: Bool
    /// The facts whose value would fix the date, by name.
    public var fixedBy: [String]
    /// The report is redacted: Render shows no date and no day count, only `bucket`.
    public var redacted = false

    public var date: Int? { earliest != nil && earliest == latest ? earliest : nil }

    /// The redacted bucket: by the earliest possible date, the most urgent reading.
    public var bucket: Bucket {
        if let latest, latest < asOf { return .passed }
        guard let earliest else { return .passed }
        let d = earliest - asOf
        if d < 0 { return .passed }
        if d <= 30 { return .within30 }
        if d <= 90 { return .within90 }
        return .later
    }

    init(_ reading: ClockReading, info: ClockInfo, subject: String, asOf: Int, facts: [FactInfo]) {
        clock = reading.clock
        id = info.id
        kind = info.kind
        self.subject = subject
        member = reading.member
        earliest = reading.earliest == .min ? nil : reading.earliest
        latest = reading.latest == .max ? nil : reading.latest
        self.asOf = asOf
        if let latest, latest < asOf {
            status = .passed
        } else if let earliest, earliest >= asOf {
            status = .upcoming
        } else {
            status = .uncertain
        }
        days = reading.isKnown ? reading.earliest - asOf : nil
        if let window = info.warnWithin, status != .passed {
            warning = earliest.map { $0 - asOf <= window } ?? true
        } else {
            warning = false
        }
        fixedBy = reading.fixedBy.map { facts[Int($0)].name }
    }

    /// Soonest first: by the earliest possible date (unbounded first), then the latest, then the
    /// rules' order and the subject's.
    static func soonestFirst(_ a: Deadline, _ b: Deadline) -> Bool {
        let ea = a.earliest ?? .min, eb = b.earliest ?? .min
        if ea != eb { return ea < eb }
        let la = a.latest ?? .max, lb = b.latest ?? .max
        if la != lb { return la < lb }
        if a.clock != b.clock { return a.clock < b.clock }
        return (a.member ?? -1) < (b.member ?? -1)
    }
}

/// Explain: one element's evidence list against the case (issue 13): which kinds are on file.
public struct EvidenceCheck: Sendable, Hashable {
    /// The list's index in `Legend.evidence`, and the element (rule) it belongs to.
    public var list: Int
    public var rule: Int
    /// The element's status in the decision (met or unknown: a failed element needs no proof).
    public var status: Tri
    /// Per item: on file (`yes`), recorded as not on file (`no`), not said (`unknown`), or nil
    /// when the case file has no fact that records it.
    public var onFile: [Tri?]
}
