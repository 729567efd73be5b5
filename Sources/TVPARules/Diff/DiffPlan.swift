/// The two sides of a diff, compiled and matched once: what every worker compares with.
public struct DiffPlan: Sendable {
    public let before: Program
    public let after: Program
    public let beforeAsOf: Int?
    public let afterAsOf: Int?
    public let today: Int
    public let header: DiffHeader
    let pairs: [(before: Int, after: Int)]
    let sharedVocabulary: Bool
    let beforeGraph: RuleGraph
    let afterGraph: RuleGraph
    /// Per pair: both sides decide the program the same way for every case, so it is
    /// evaluated once (same vocabulary, same decision dates, equal fingerprints).
    let decidedAlike: [Bool]

    public init(before: Program, after: Program, beforeLabel: String, afterLabel: String, beforeAsOf: Int? = nil, afterAsOf: Int? = nil, proposal: ProposalInfo? = nil, today: Int = CivilDate.today()) {
        self.before = before
        self.after = after
        self.beforeAsOf = beforeAsOf
        self.afterAsOf = afterAsOf
        self.today = today
        pairs = before.programs.indices.compactMap { b in after.programIndex(before.programs[b].id).map { (b, $0) } }
        sharedVocabulary = Self.sameVocabulary(before.checked.facts, after.checked.facts)
            && DecisionFingerprint.ofVocabulary(before) == DecisionFingerprint.ofVocabulary(after)
        beforeGraph = RuleGraph(before.checked)
        afterGraph = RuleGraph(after.checked)
        if sharedVocabulary && beforeAsOf == afterAsOf {
            let b = DecisionFingerprint.of(before, graph: beforeGraph), a = DecisionFingerprint.of(after, graph: afterGraph)
            decidedAlike = pairs.map { b[$0.before] == a[$0.after] }
        } else {
            decidedAlike = pairs.map { _ in false }
        }
        header = DiffHeader(
            before: DiffSide(label: beforeLabel, rules: before.sourceName, digest: before.digest, asOf: beforeAsOf),
            after: DiffSide(label: afterLabel, rules: after.sourceName, digest: after.digest, asOf: afterAsOf),
            proposal: proposal,
            programs: pairs.map { (after.checked.programs[$0.after].id, after.checked.programs[$0.after].title) })
    }

    /// Both sides read a case file into the same slots, with the same checks.
    static func sameVocabulary(_ a: [FactDecl], _ b: [FactDecl]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { x, y in
            x.name == y.name && x.type == y.type && x.values == y.values && x.subject == y.subject && x.future == y.future
                && x.notAfter == y.notAfter && x.fields.map(\.name) == y.fields.map(\.name) && x.unknownValues == y.unknownValues
        }
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
