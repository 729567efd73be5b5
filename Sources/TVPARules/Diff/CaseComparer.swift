/// Decides one case under both sides of a diff and says what changed. One per worker thread:
/// it owns its evaluators, so nothing is shared while comparing.
struct CaseComparer {
    let plan: DiffPlan
    let beforeLoader: CaseLoader
    let afterLoader: CaseLoader
    /// The before side's programs to evaluate, and the pairs left unevaluated (the change
    /// cannot reach them; `tableEveryProgram` off): (pair, decided per family member).
    let beforePrograms: [Int]
    let notEvaluated: [(pair: Int, perMember: Bool)]
    /// The after side's programs that can decide differently (see `DiffPlan.decidedAlike`).
    let afterProgramsToDecide: [Int]
    private var beforeEvaluator: Evaluator
    private var afterEvaluator: Evaluator
    /// With the trace on, for the rare case whose outcome changed.
    private var beforeTrace: Evaluator
    private var afterTrace: Evaluator
    private var beforeOutcomes: [RawDecision] = []
    private var afterOutcomes: [RawDecision] = []
    private var decided: [RawDecision] = []

    private var before: Program { plan.before }
    private var after: Program { plan.after }

    init(_ plan: DiffPlan, redact: Bool = false) {
        self.plan = plan
        beforeLoader = CaseLoader(program: plan.before, today: plan.today, redact: redact)
        afterLoader = CaseLoader(program: plan.after, today: plan.today, redact: redact)
        let evaluated = plan.evaluated
        beforePrograms = plan.pairs.indices.filter { evaluated[$0] }.map { plan.pairs[$0].before }
        notEvaluated = plan.pairs.indices.filter { !evaluated[$0] }.map { ($0, plan.before.programs[plan.pairs[$0].before].subject == .familyMember) }
        afterProgramsToDecide = plan.pairs.indices.filter { !plan.decidedAlike[$0] }.map { plan.pairs[$0].after }
        beforeEvaluator = Evaluator(program: plan.before)
        afterEvaluator = Evaluator(program: plan.after)
        beforeTrace = Evaluator(program: plan.before)
        afterTrace = Evaluator(program: plan.after)
    }

    /// Compares one case, counting it in `summary`; the changed case, if its outcome moved
    /// anywhere, and the diagnostics of an input that could not be read.
    mutating func compare(_ input: CaseInput, into summary: inout DiffSummary) -> (ChangedCase?, [Diagnostic]) {
        summary.cases += 1
        let (beforeFile, beforeDiagnostics) = beforeLoader.load(input, asOfOverride: plan.beforeAsOf)
        guard let beforeFile else {
            summary.invalid += 1
            if Self.onlyEventsAfterDate(beforeDiagnostics) {
                // Not decidable on the before date: say whether it is on the after date.
                summary.eventsAfterDate += 1
                summary.eventsAfterBeforeDate += 1
                if plan.loadsOnce || Self.onlyEventsAfterDate(afterLoader.load(input, asOfOverride: plan.afterAsOf).1) {
                    summary.eventsAfterAfterDate += 1
                }
            }
            return (nil, beforeDiagnostics)
        }
        var afterFile = beforeFile
        if !plan.loadsOnce {
            let (file, afterDiagnostics) = afterLoader.load(input, asOfOverride: plan.afterAsOf)
            guard let file else {
                summary.invalid += 1
                if Self.onlyEventsAfterDate(afterDiagnostics) {
                    summary.eventsAfterDate += 1
                    summary.eventsAfterAfterDate += 1
                }
                return (nil, afterDiagnostics.map { d in
                    var d = d
                    d.message += " (under the compared rules)"
                    return d
                })
            }
            afterFile = file
        }
        let beforeDay = beforeFile.decisionDate(override: plan.beforeAsOf, today: plan.today)
        let afterDay = afterFile.decisionDate(override: plan.afterAsOf, today: plan.today)

        for (p, perMember) in notEvaluated { summary.programs[p].notReached += perMember ? beforeFile.members.count : 1 }
        beforeOutcomes.removeAll(keepingCapacity: true)
        afterOutcomes.removeAll(keepingCapacity: true)
        Evaluator.decide(beforePrograms, for: beforeFile, decisionDate: beforeDay, with: &beforeEvaluator) { _, raw, _ in beforeOutcomes.append(raw) }
        // Decide on the after side only what can differ; the rest is the before side's answer.
        decided.removeAll(keepingCapacity: true)
        Evaluator.decide(afterProgramsToDecide, for: afterFile, decisionDate: afterDay, with: &afterEvaluator) { _, raw, _ in decided.append(raw) }
        var next = 0
        for b in beforeOutcomes {
            let p = plan.pairIndex[b.program]!
            if plan.decidedAlike[p] {
                var same = b
                same.program = plan.pairs[p].after
                afterOutcomes.append(same)
            } else {
                afterOutcomes.append(decided[next])
                next += 1
            }
        }

        var anyChange = false
        for (b, a) in zip(beforeOutcomes, afterOutcomes) {
            guard let p = plan.pairIndex[b.program] else { continue }
            summary.programs[p].moves[Transitions.index(b.outcome)][Transitions.index(a.outcome)] += 1
            if b.outcome != a.outcome { anyChange = true }
        }
        guard anyChange else { return (nil, []) }
        summary.changedCases += 1
        return (explainChange(beforeFile, afterFile, beforeDay, afterDay, input), [])
    }

    /// The case has errors, and every one is a date after the decision date: it could be
    /// decided on a later date, not this one.
    static func onlyEventsAfterDate(_ diagnostics: [Diagnostic]) -> Bool {
        let errors = diagnostics.filter { $0.severity == .error }
        return !errors.isEmpty && errors.allSatisfy { $0.id == .caseDateAfterDecision }
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
        let plan = self.plan
        Evaluator.trace(beforeChanged, for: beforeFile, decisionDate: beforeDay, with: &beforeTrace) { trace in
            beforeStatuses[Key(program: trace.decision.program, member: trace.decision.member)] = Self.statuses(trace, plan.before, plan.beforeGraph.programRules[trace.decision.program])
        }
        Evaluator.trace(afterChanged, for: afterFile, decisionDate: afterDay, with: &afterTrace) { trace in
            afterStatuses[Key(program: trace.decision.program, member: trace.decision.member)] = Self.statuses(trace, plan.after, plan.afterGraph.programRules[trace.decision.program])
        }
        let decisions = changed.map { b, a in
            let entry = after.legend.programs[a.program]
            return ChangedDecision(
                program: entry.id, programTitle: entry.title, subject: b.member.map { beforeFile.members[$0].id } ?? "principal",
                before: b.outcome, beforeReason: b.reason, after: a.outcome, afterReason: a.reason,
                rules: ruleChanges(
                    beforeStatuses[Key(program: b.program, member: b.member)] ?? [:], afterStatuses[Key(program: a.program, member: a.member)] ?? [:],
                    beforeProgram: b.program, afterProgram: a.program))
        }
        return ChangedCase(id: beforeFile.id, path: input.path, line: input.line, beforeDate: beforeDay, afterDate: afterDay, decisions: decisions)
    }

    private static func statuses(_ trace: Trace, _ program: Program, _ rules: [Int]) -> [String: Tri] {
        var result: [String: Tri] = [:]
        for r in rules {
            if let s = trace.ruleStatus[r] { result[program.legend.rules[r].id] = s }
        }
        return result
    }

    /// The rules under the program whose status differs, in reading order (the program's rule
    /// first); a rule is a cause when no rule under it changed too.
    private func ruleChanges(_ b: [String: Tri], _ a: [String: Tri], beforeProgram: Int, afterProgram: Int) -> [RuleChange] {
        var order = plan.afterGraph.programRules[afterProgram].map { after.legend.rules[$0].id }
        let known = Set(order)
        order += plan.beforeGraph.programRules[beforeProgram].map { before.legend.rules[$0].id }.filter { !known.contains($0) }
        let changed = Set(order.filter { b[$0] != a[$0] })
        return order.filter(changed.contains).map { id in
            let afterIndex = plan.afterRuleIndex[id]
            let beforeIndex = plan.beforeRuleIndex[id]
            let children = (afterIndex.map { plan.afterGraph.references[$0].map { after.legend.rules[$0].id } } ?? [])
                + (beforeIndex.map { plan.beforeGraph.references[$0].map { before.legend.rules[$0].id } } ?? [])
            let decl = afterIndex.map { after.legend.rules[$0] } ?? before.legend.rules[beforeIndex!]
            // A rule no longer reached cannot have moved the rule above it.
            let movedUnder = children.contains { changed.contains($0) && a[$0] != nil }
            return RuleChange(rule: id, title: decl.title, before: b[id], after: a[id], cite: decl.cite, cause: a[id] != nil && !movedUnder)
        }
    }
}
