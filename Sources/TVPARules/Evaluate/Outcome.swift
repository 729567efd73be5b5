/// A program's answer, as `semantics.md` defines it.
public enum Outcome: String, Sendable, Hashable, CaseIterable, Codable {
    case eligible
    case notEligible = "not_eligible"
    case undetermined
}

/// Why the answer is what it is.
public enum Reason: String, Sendable, Hashable, CaseIterable, Codable {
    case criteriaMet = "criteria_met"
    case criteriaNotMet = "criteria_not_met"
    case notApplicable = "not_applicable"
    case missingFacts = "missing_facts"
    case awaitingDecision = "awaiting_decision"
}

/// What evaluation yields for one program and one subject: indices only, no text.
public struct RawDecision: Sendable {
    public var program: Int
    /// nil for the principal, else the family member's index in the case.
    public var member: Int?
    public var outcome: Outcome
    public var reason: Reason
    /// The `not_applicable` entry that held, if any.
    public var notApplicable: Int?
    /// Fact slots whose values could change an undetermined outcome, most relevant first.
    public var missingFacts: [Int32]
    /// Decision nodes pending (a waiver not yet granted, a review pending).
    public var pendingDecisions: [Int32]
    /// Facts of another family member that could change it (a T-6's derivative parent's).
    public var memberFacts: [MemberFact] = []
}

/// A fact of a family member other than the decision's subject.
public struct MemberFact: Sendable, Hashable {
    public var member: Int32
    public var slot: Int32
}
