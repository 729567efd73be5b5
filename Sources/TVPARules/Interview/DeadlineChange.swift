/// A deadline an answer revealed, moved or removed (issue 14): the case's deadlines
/// (`CaseReport.deadlines`) before an answer against those after it. A pure comparison, so any
/// front end (the terminal, the workbench) shows the same; Render words it
/// (`DeadlineText.change`).
public struct DeadlineChange: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// The clock did not matter before the answer and does now.
        case revealed
        /// It mattered before and after, with another date or other bounds.
        case changed
        /// It mattered before the answer and no longer does.
        case removed
    }

    public var kind: Kind
    /// The deadline before the answer (nil when revealed).
    public var before: Deadline?
    /// The deadline after the answer (nil when removed).
    public var after: Deadline?

    /// The deadline as it stands now: after the answer, or as it was when removed.
    public var deadline: Deadline { after ?? before! }

    /// The changes from `before` to `after`, in the order of `after` (soonest first), then the
    /// removed in the order of `before`. A deadline is the same clock for the same subject (the
    /// member's index: members are only ever added after the last). Only its dates count as a
    /// change: the decision date is the interview's, so a day count moves only with the date.
    public static func changes(from before: [Deadline], to after: [Deadline]) -> [DeadlineChange] {
        struct Key: Hashable { var clock: Int; var member: Int? }
        var was: [Key: Deadline] = [:]
        for d in before { was[Key(clock: d.clock, member: d.member)] = d }
        var out: [DeadlineChange] = []
        var seen: Set<Key> = []
        for d in after {
            let key = Key(clock: d.clock, member: d.member)
            seen.insert(key)
            guard let old = was[key] else {
                out.append(DeadlineChange(kind: .revealed, before: nil, after: d))
                continue
            }
            if old.earliest != d.earliest || old.latest != d.latest || old.asOf != d.asOf {
                out.append(DeadlineChange(kind: .changed, before: old, after: d))
            }
        }
        for d in before where !seen.contains(Key(clock: d.clock, member: d.member)) {
            out.append(DeadlineChange(kind: .removed, before: d, after: nil))
        }
        return out
    }
}
