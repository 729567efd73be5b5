/// Decides one case under both sides of a diff and says what changed. One per worker thread:
/// it owns its evaluators, so nothing is shared while comparing.
struct CaseComparer {
    let before: Program
    let after: Program
    let beforeLoader: CaseLoader
    let afterLoader: CaseLoader
    /// Both sides read case files the same way, so each case is loaded once.
    let sharedVocabulary: Bool
    let beforeDate: Int?
    let afterDate: Int?
    /// Programs on both sides, matched by id: (before index, after index).
    let pairs: [(before: Int, after: Int)]
    let beforePrograms: [Int]
    /// Pairs the change cannot reach, left unevaluated: (pair, decided per family member).
    let notEvaluated: [(pair: Int, perMember: Bool)]
    /// A program's place in the summary, by its index on the before side.
    let beforeIndex: [Int: Int]
    /// The after side's programs that can decide differently (see `DiffPlan.decidedAlike`).
    let afterProgramsToDecide: [Int]
    let decidedAlike: [Bool]
    private var decided: [RawDecision] = []
    let beforeGraph: RuleGraph
    let afterGraph: RuleGraph
    /// Rule id → index, on each side.
    let beforeRuleIndex: [String: Int]
    let afterRuleIndex: [String: Int]
    private var beforeEvaluator: Evaluator
    private var afterEvaluator: Evaluator
    /// With the trace on, for the rare case whose outcome changed.
    private var beforeTrace: Evaluator
    private var afterTrace: Evaluator
    private var beforeOutcomes: [RawDecision] = []
    private var afterOutcomes: [RawDecision] = []

    init(_ plan: DiffPlan) {
        before = plan.before
        after = plan.after
        beforeLoader = CaseLoader(program: before, today: plan.today)
        afterLoader = CaseLoader(program: after, today: plan.today)
        sharedVocabulary = plan.sharedVocabulary
        beforeDate = plan.beforeAsOf
        afterDate = plan.afterAsOf
        pairs = plan.pairs
        let evaluated = plan.evaluated
        beforePrograms = plan.pairs.indices.filter { evaluated[$0] }.map { plan.pairs[$0].before }
        notEvaluated = plan.pairs.indices.filter { !evaluated[$0] }.map { ($0, plan.before.programs[plan.pairs[$0].before].subject == .familyMember) }
        beforeIndex = Dictionary(uniqueKeysWithValues: plan.pairs.enumerated().map { ($0.element.before, $0.offset) })
        decidedAlike = plan.decidedAlike
        afterProgramsToDecide = plan.pairs.indices.filter { !plan.decidedAlike[$0] }.map { plan.pairs[$0].after }
        beforeGraph = plan.beforeGraph
        afterGraph = plan.afterGraph
        beforeRuleIndex = Dictionary(uniqueKeysWithValues: plan.before.checked.rules.enumerated().map { ($0.element.id, $0.offset) })
        afterRuleIndex = Dictionary(uniqueKeysWithValues: plan.after.checked.rules.enumerated().map { ($0.element.id, $0.offset) })
        beforeEvaluator = Evaluator(program: before)
        afterEvaluator = Evaluator(program: after)
        beforeTrace = Evaluator(program: before, tracing: true)
        afterTrace = Evaluator(program: after, tracing: true)
    }

    /// Compares one case, counting it in `summary`; the changed case, if its outcome moved
    /// anywhere, and the diagnostics of an input that could not be read.
    mutating func compare(_ input: CaseInput, into summary: inout DiffSummary) -> (ChangedCase?, [Diagnostic]) {
        summary.cases += 1
        let (beforeFile, beforeDiagnostics) = beforeLoader.load(input, asOfOverride: beforeDate)
        guard let beforeFile else {
            summary.invalid += 1
            return (nil, beforeDiagnostics)
        }
        var afterFile = beforeFile
        if !sharedVocabulary || afterDate != beforeDate {
            let (file, afterDiagnostics) = afterLoader.load(input, asOfOverride: afterDate)
            guard let file else {
                summary.invalid += 1
                return (nil, afterDiagnostics.map { d in
                    var d = d
                    d.message += " (under the compared rules)"
                    return d
                })
            }
            afterFile = file
        }
        let beforeDay = beforeFile.decisionDate(override: beforeDate, today: beforeLoader.today)
        let afterDay = afterFile.decisionDate(override: afterDate, today: afterLoader.today)

        for (p, perMember) in notEvaluated { summary.programs[p].notReached += perMember ? beforeFile.members.count : 1 }
        beforeOutcomes.removeAll(keepingCapacity: true)
        afterOutcomes.removeAll(keepingCapacity: true)
        Evaluator.decide(beforePrograms, for: beforeFile, decisionDate: beforeDay, with: &beforeEvaluator) { _, raw, _ in beforeOutcomes.append(raw) }
        // Decide on the after side only what can differ; the rest is the before side's answer.
        decided.removeAll(keepingCapacity: true)
        Evaluator.decide(afterProgramsToDecide, for: afterFile, decisionDate: afterDay, with: &afterEvaluator) { _, raw, _ in decided.append(raw) }
        var next = 0
        for b in beforeOutcomes {
            let p = beforeIndex[b.program]!
            if decidedAlike[p] {
                var same = b
                same.program = pairs[p].after
                afterOutcomes.append(same)
            } else {
                afterOutcomes.append(decided[next])
                next += 1
            }
        }

        var anyChange = false
        for (b, a) in zip(beforeOutcomes, afterOutcomes) {
            guard let p = beforeIndex[b.program] else { continue }
            summary.programs[p].moves[Transitions.index(b.outcome)][Transitions.index(a.outcome)] += 1
            if b.outcome != a.outcome { anyChange = true }
        }
        guard anyChange else { return (nil, []) }
        summary.changedCases += 1
        return (explainChange(beforeFile, afterFile, beforeDay, afterDay, input), [])
    }

    /// Evaluates the changed case again with the trace on, to read the status of every rule
    /// under each changed decision.
    private mutating func explainChange(_ beforeFile: CaseFile, _ afterFile: CaseFile, _ beforeDay: Int, _ afterDay: Int, _ input: CaseInput) -> ChangedCase {
        let changed = zip(beforeOutcomes, afterOutcomes).filter { $0.0.outcome != $0.1.outcome }
        // Trace only the programs that changed; a decision is keyed by program and member.
        struct Key: Hashable { var program: Int; var member: Int? }
        let beforeChanged = Array(Set(changed.map(\.0.program))).sorted()
        let afterChanged = Array(Set(changed.map(\.1.program))).sorted()
        var beforeStatuses: [Key: [String: Tri]] = [:]
        var afterStatuses: [Key: [String: Tri]] = [:]
        Evaluator.decide(beforeChanged, for: beforeFile, decisionDate: beforeDay, with: &beforeTrace) { ev, raw, member in
            beforeStatuses[Key(program: raw.program, member: member)] = Self.statuses(ev, beforeGraph.programRules[raw.program])
        }
        Evaluator.decide(afterChanged, for: afterFile, decisionDate: afterDay, with: &afterTrace) { ev, raw, member in
            afterStatuses[Key(program: raw.program, member: member)] = Self.statuses(ev, afterGraph.programRules[raw.program])
        }
        let decisions = changed.map { b, a in
            let entry = after.checked.programs[a.program]
            return ChangedDecision(
                program: entry.id, programTitle: entry.title, subject: b.member.map { beforeFile.members[$0].id } ?? "principal",
                before: b.outcome, beforeReason: b.reason, after: a.outcome, afterReason: a.reason,
                rules: ruleChanges(
                    beforeStatuses[Key(program: b.program, member: b.member)] ?? [:], afterStatuses[Key(program: a.program, member: a.member)] ?? [:],
                    beforeProgram: b.program, afterProgram: a.program))
        }
        return ChangedCase(id: beforeFile.id, path: input.path, line: input.line, beforeDate: beforeDay, afterDate: afterDay, decisions: decisions)
    }

    private static func statuses(_ evaluator: Evaluator, _ rules: [Int]) -> [String: Tri] {
        var result: [String: Tri] = [:]
        for r in rules {
            if let s = evaluator.evaluatedStatus(ofRule: r) { result[evaluator.program.checked.rules[r].id] = s }
        }
        return result
    }

    /// The rules under the program whose status differs, in reading order (the program's rule
    /// first); a rule is a cause when no rule under it changed too.
    private func ruleChanges(_ b: [String: Tri], _ a: [String: Tri], beforeProgram: Int, afterProgram: Int) -> [RuleChange] {
        var order = afterGraph.programRules[afterProgram].map { after.checked.rules[$0].id }
        let known = Set(order)
        order += beforeGraph.programRules[beforeProgram].map { before.checked.rules[$0].id }.filter { !known.contains($0) }
        let changed = Set(order.filter { b[$0] != a[$0] })
        return order.filter(changed.contains).map { id in
            let afterIndex = afterRuleIndex[id]
            let beforeIndex = beforeRuleIndex[id]
            let children = (afterIndex.map { afterGraph.references[$0].map { after.checked.rules[$0].id } } ?? [])
                + (beforeIndex.map { beforeGraph.references[$0].map { before.checked.rules[$0].id } } ?? [])
            let decl = afterIndex.map { after.checked.rules[$0] } ?? before.checked.rules[beforeIndex!]
            // A rule no longer reached cannot have moved the rule above it.
            let movedUnder = children.contains { changed.contains($0) && a[$0] != nil }
            return RuleChange(rule: id, title: decl.title, before: b[id], after: a[id], cite: decl.cite, cause: a[id] != nil && !movedUnder)
        }
    }
}
