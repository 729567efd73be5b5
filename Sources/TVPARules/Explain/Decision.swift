/// Explain: one decision with its reason, its notes, the questions that would settle it and
/// the explanation tree — as data. Render words it (`Render/ExplanationText.swift`), reading
/// the rules' own words from `legend` and the case's values from `values`.
public struct Decision: Sendable {
    /// The program's index in `Program.programs`.
    public var programIndex: Int
    public var program: String
    public var programTitle: String
    /// `principal` or a family member's id.
    public var subject: String
    public var outcome: Outcome
    public var reason: Reason
    public var lawVersions: [String]
    public var discretionary: Bool
    public var notes: [DecisionNote]
    public var explanation: Explanation?
    public var missingFacts: [MissingFact]
    /// What the case file expected, if it said.
    public var expected: Outcome?
    /// The evidence lists of the elements that are met or unknown (none when not applicable).
    public var evidence: [EvidenceCheck] = []
    /// The rules' words, the subject's values and the parameters in force: what the notes
    /// and sentences are filled with.
    public var legend: Legend
    public var values: [FactValue]
    public var parameters: [Int?]
    /// Fact values are withheld.
    public var redacted: Bool
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
    /// Who is asked (a member's index, -1 the principal) and the fact's slot: the question's
    /// identity, as `subject` and `name` are, without hashing strings.
    var asked: (member: Int32, slot: Int32) = (-1, -1)

    public static func == (a: MissingFact, b: MissingFact) -> Bool {
        a.name == b.name && a.subject == b.subject && a.question == b.question && a.type == b.type && a.values == b.values && a.decides == b.decides && a.declined == b.declined
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(subject)
    }
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
    /// The clocks that matter for the case, soonest first (issue 13).
    public var deadlines: [Deadline] = []
    /// The rules' words for the deadlines (`legend.clocks`) and the evidence lists.
    public var legend: Legend? = nil
    /// Per dated parameter, the value in force on the decision date (for the clocks' sentences).
    public var parameters: [Int?] = []
    /// What the case file expects of its clocks (`expect: {clocks: …}`), principal's first.
    public var expectedClocks: [ExpectedClock] = []
}

/// One `expect: {clocks: {id: …}}` entry, with whom it is about.
public struct ExpectedClock: Sendable, Hashable {
    public var clock: String
    /// The member's index (nil: the principal) and how the report names them.
    public var member: Int?
    public var subject: String
    public var expectation: ClockExpectation
}

/// How much of the explanation to keep.
public enum ExplainView: String, Sendable, CaseIterable {
    /// Only the steps that justify the outcome.
    case decision
    case full
    case off
}
