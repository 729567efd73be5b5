/// Evaluate: the case's clocks (`clocks:`), as values. A clock whose date is not known is an
/// interval — the bounds the evaluator already has for unknown dates and ages — with the facts
/// that would fix it.
public struct ClockReading: Sendable, Hashable {
    /// The clock's index in `Program.clocks`.
    public var clock: Int
    /// The family member it is about (nil: the principal).
    public var member: Int?
    /// The earliest and latest date it can be (`Int.min` / `Int.max`: unbounded).
    public var earliest: Int
    public var latest: Int
    /// Facts whose value would fix the date (slots), when it is not known.
    public var fixedBy: [Int32]

    public var isKnown: Bool { earliest == latest }
}

extension Evaluator {
    /// Every clock that matters for the case: the principal's, then each family member's, in
    /// the order the rules declare them. A clock matters when its `when` holds (known true);
    /// one whose condition is unknown is left out, as a note whose condition is unknown is.
    public static func clocks(for file: CaseFile, decisionDate: Int, with evaluator: inout Evaluator) -> [ClockReading] {
        let clocks = evaluator.program.clocks
        guard !clocks.isEmpty else { return [] }
        var readings: [ClockReading] = []
        evaluator.begin(values: file.values, records: file.records, decisionDate: decisionDate)
        for c in clocks.indices where clocks[c].subject == .principal {
            if let r = evaluator.readClock(c, member: nil) { readings.append(r) }
        }
        guard clocks.contains(where: { $0.subject == .familyMember }), !file.members.isEmpty else { return readings }
        evaluator.resolveMemberRules(file)
        for (m, member) in file.members.enumerated() {
            evaluator.select(memberValues: member.values, member: m)
            for c in clocks.indices where clocks[c].subject == .familyMember {
                if let r = evaluator.readClock(c, member: m) { readings.append(r) }
            }
        }
        return readings
    }

    mutating func readClock(_ c: Int, member: Int?) -> ClockReading? {
        let clock = program.clocks[c]
        if clock.when >= 0, eval(clock.when) != .yes { return nil }
        let s = span(clock.date)
        var fixedBy: [Int32] = []
        if !s.isKnown {
            fixedBy = clock.dateFacts.filter { !values[Int($0)].isKnown }
        }
        return ClockReading(clock: c, member: member, earliest: s.lo, latest: s.hi, fixedBy: fixedBy)
    }
}
