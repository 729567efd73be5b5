/// Explain: what a person reads. A decision with its reason, its notes, the questions that
/// would settle it, and the explanation tree with citations.
public struct Decision: Sendable {
    public var program: String
    public var programTitle: String
    /// `principal` or a family member's id.
    public var subject: String
    public var outcome: Outcome
    public var reason: Reason
    public var lawVersions: [String]
    public var discretionary: Bool
    public var notes: [String]
    public var explanation: ExplanationNode?
    public var missingFacts: [MissingFact]
    /// What the case file expected, if it said.
    public var expected: Outcome?
}

/// One element of the law as it applied to the case.
public struct ExplanationNode: Sendable {
    public var rule: String
    public var title: String
    public var status: Tri
    public var text: String
    public var citations: [String]
    public var version: String?
    public var discretionary: String?
    public var unverified: [String]
    public var facts: [ShownFact]
    public var notes: [String]
    public var children: [ExplanationNode]
}

public struct ShownFact: Sendable, Hashable {
    public var name: String
    public var value: String
    /// Unknown because the person declined to answer it.
    public var declined = false
}

/// A fact whose value could settle an undetermined decision.
public struct MissingFact: Sendable, Hashable {
    public var name: String
    public var subject: String
    public var question: String
    public var type: String
    public var values: [String]
    /// How many undetermined decisions of the case list it.
    public var decides: Int
    /// The person declined to answer it (`declined:`): still unknown, not asked again unless
    /// the advocate chooses to.
    public var declined = false
}

/// Everything decided for one case file.
public struct CaseReport: Sendable {
    public var caseId: String
    public var title: String?
    public var path: String
    public var asOf: Int
    public var source: String?
    public var narrative: String?
    public var rulesSource: String
    public var rulesDigest: String
    public var decisions: [Decision]
    /// Every missing fact across the case's decisions, the most decisive first.
    public var questions: [MissingFact]
    public var redacted: Bool
}

/// How much of the explanation to keep.
public enum ExplainView: String, Sendable, CaseIterable {
    /// Only the steps that justify the outcome.
    case decision
    case full
    case off
}
