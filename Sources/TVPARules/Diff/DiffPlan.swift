/// The two sides of a diff, compiled and matched once: what every worker compares with.
public struct DiffPlan: Sendable {
    public let before: Program
    public let after: Program
    public let beforeAsOf: Int?
    public let afterAsOf: Int?
    public let today: Int
    public let header: DiffHeader
    let pairs: [(before: Int, after: Int)]
    /// A program's place in `pairs` (and in the summary), by its index on the before side.
    let pairIndex: [Int: Int]
    /// Both sides read a case file alike and decide it on the same date, so each case is
    /// loaded once and a program can be compared by its fingerprint.
    let loadsOnce: Bool
    let beforeGraph: RuleGraph
    let afterGraph: RuleGraph
    /// Rule id → index, on each side.
    let beforeRuleIndex: [String: Int]
    let afterRuleIndex: [String: Int]
    /// Per pair: both sides decide the program the same way for every case, so it is
    /// evaluated once (it loads once and the fingerprints are equal).
    let decidedAlike: [Bool]

    public init(before: Program, after: Program, beforeLabel: String, afterLabel: String, beforeAsOf: Int? = nil, afterAsOf: Int? = nil, proposal: ProposalInfo? = nil, today: Int = CivilDate.today()) {
        self.before = before
        self.after = after
        self.beforeAsOf = beforeAsOf
        self.afterAsOf = afterAsOf
        self.today = today
        pairs = before.programs.indices.compactMap { b in after.programIndex(before.programs[b].id).map { (b, $0) } }
        pairIndex = Dictionary(uniqueKeysWithValues: pairs.enumerated().map { ($0.element.before, $0.offset) })
        loadsOnce = beforeAsOf == afterAsOf && DecisionFingerprint.ofVocabulary(before) == DecisionFingerprint.ofVocabulary(after)
        beforeGraph = before.legend.graph
        afterGraph = after.legend.graph
        beforeRuleIndex = Dictionary(uniqueKeysWithValues: before.legend.rules.enumerated().map { ($0.element.id, $0.offset) })
        afterRuleIndex = Dictionary(uniqueKeysWithValues: after.legend.rules.enumerated().map { ($0.element.id, $0.offset) })
        if loadsOnce {
            let b = DecisionFingerprint.of(before, graph: beforeGraph), a = DecisionFingerprint.of(after, graph: afterGraph)
            decidedAlike = pairs.map { b[$0.before] == a[$0.after] }
        } else {
            decidedAlike = pairs.map { _ in false }
        }
        header = DiffHeader(
            before: DiffSide(label: beforeLabel, rules: before.sourceName, digest: before.digest, asOf: beforeAsOf),
            after: DiffSide(label: afterLabel, rules: after.sourceName, digest: after.digest, asOf: afterAsOf),
            proposal: proposal,
            programs: pairs.map { (after.legend.programs[$0.after].id, after.legend.programs[$0.after].title) })
    }

    /// Evaluate the programs the change cannot reach too, for their full transition tables
    /// (their decisions are all unchanged; without this they are counted, not evaluated).
    public var tableEveryProgram = false

    /// Per pair: evaluated at all (reached by the change, or every table wanted).
    var evaluated: [Bool] { decidedAlike.map { !$0 || tableEveryProgram } }

    func emptySummary() -> DiffSummary {
        DiffSummary(programs: header.programs.indices.map { i in
            var t = Transitions(program: header.programs[i].id, title: header.programs[i].title)
            t.reached = !decidedAlike[i]
            t.perMember = before.programs[pairs[i].before].subject == .familyMember
            return t
        })
    }
}

extension ProposalInfo {
    /// The head of a proposal file, for a report's heading.
    public static func read(_ source: SourceText) -> ProposalInfo? {
        guard let syntax = ProposalParser.parse(source).0 else { return nil }
        return ProposalInfo(title: syntax.title, description: syntax.description, cite: syntax.cite.map(\.value), path: source.path)
    }
}
