/// What a diff finds: per program a transition table, and each case whose outcome changed
/// with the rules that changed under it. No fact values: a diff report names cases by id, or
/// redacted, by pseudonym.

/// The two rule sets (or two dates) being compared, as a report heads them.
public struct DiffSide: Sendable {
    public var label: String
    public var rules: String
    public var digest: String
    /// `--as-of` for this side: the decision date of every case (nil: each case's own).
    public var asOf: Int?
}

/// The proposal being measured, when there is one.
public struct ProposalInfo: Sendable {
    public var title: String
    public var description: String?
    public var cite: [String]
    public var path: String
}

public struct RuleChange: Sendable, Hashable {
    public var rule: String
    public var title: String
    /// nil: the rule does not exist on that side (added or removed), or is not reached.
    public var before: Tri?
    public var after: Tri?
    public var cite: [String]
    /// No rule under it changed: the change starts here.
    public var cause: Bool
}

public struct ChangedDecision: Sendable {
    public var program: String
    public var programTitle: String
    /// "principal" or the family member's id.
    public var subject: String
    public var before: Outcome
    public var beforeReason: Reason
    public var after: Outcome
    public var afterReason: Reason
    public var rules: [RuleChange]
}

public struct ChangedCase: Sendable {
    public var id: String
    public var path: String
    public var line: Int
    public var beforeDate: Int
    public var afterDate: Int
    public var decisions: [ChangedDecision]
    /// Named by a pseudonym, its path withheld (`--redact`).
    public var redacted = false
}

/// Counts per program: `moves[before][after]` over eligible, not_eligible, undetermined.
public struct Transitions: Sendable {
    public var program: String
    public var title: String
    public var moves: [[Int]] = Array(repeating: Array(repeating: 0, count: 3), count: 3)
    /// The change cannot reach this program (its compiled decision is the same on both sides),
    /// so its decisions were counted, not evaluated: every one is unchanged.
    public var reached = true
    public var notReached = 0
    /// Decided once per family member (`t_derivative`), so a corpus without family members
    /// gives it no decisions.
    public var perMember = false

    public var total: Int { moves.joined().reduce(0, +) + notReached }
    public var unchanged: Int { (0..<3).reduce(0) { $0 + moves[$1][$1] } + notReached }
    public var changed: Int { total - unchanged }

    static let order: [Outcome] = [.eligible, .notEligible, .undetermined]
    static func index(_ o: Outcome) -> Int { order.firstIndex(of: o)! }
}

public struct DiffSummary: Sendable {
    public var programs: [Transitions]
    /// Case inputs read, and how many could not be evaluated (their diagnostics go to the caller).
    public var cases = 0
    public var invalid = 0
    /// Of the cases not evaluated, those whose only errors are dates after a side's decision
    /// date (`case.date-after-decision`): the case cannot yet be decided on that date. Counted
    /// per side, and once per case in `eventsAfterDate`; the rest of `invalid` have other errors.
    public var eventsAfterDate = 0
    public var eventsAfterBeforeDate = 0
    public var eventsAfterAfterDate = 0
    /// Cases with at least one decision whose outcome changed.
    public var changedCases = 0

    mutating func add(_ other: DiffSummary) {
        cases += other.cases
        invalid += other.invalid
        eventsAfterDate += other.eventsAfterDate
        eventsAfterBeforeDate += other.eventsAfterBeforeDate
        eventsAfterAfterDate += other.eventsAfterAfterDate
        changedCases += other.changedCases
        for p in programs.indices {
            for a in 0..<3 { for b in 0..<3 { programs[p].moves[a][b] += other.programs[p].moves[a][b] } }
            programs[p].notReached += other.programs[p].notReached
        }
    }
}

public struct DiffHeader: Sendable {
    public var before: DiffSide
    public var after: DiffSide
    public var proposal: ProposalInfo?
    /// The programs compared: ids and titles, in the rules' order.
    public var programs: [(id: String, title: String)]
    /// Cases are named by pseudonyms and their paths withheld (`--redact`).
    public var redacted = false
}
