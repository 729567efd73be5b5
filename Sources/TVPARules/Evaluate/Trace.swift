/// Evaluate: what one decision's complete evaluation left, as a value. Explain, Coverage and
/// the diff read it; none of them re-enters the evaluator or asks it for a mode of its own.
public struct Trace: Sendable {
    public var decision: RawDecision
    public var decisionDate: Int
    /// Per condition node: its status in this decision (every node under the program, not
    /// short-circuited, and every note's condition, evaluated after the decision).
    public var status: [Tri]
    /// Per condition node: every status it took while this decision was evaluated (bit 0
    /// false, bit 1 true, bit 2 unknown) — a node under `any_record` takes one per record.
    public var seen: [UInt8]
    /// Per rule: its status, or nil when this decision did not evaluate it.
    public var ruleStatus: [Tri?]
    /// Per rule: every status it took (as `seen`).
    public var ruleSeen: [UInt8]
    /// Per version: whether it applied on the decision date, and what its body came to.
    public var versionApplies: [Tri]
    public var versionBody: [Tri]
    /// The subject's facts, each derived fact its computed value where the case settles it
    /// (the facts each node read are `Program.nodeInfo[n].facts`, their values here).
    public var values: [FactValue]
    /// Per dated parameter: the value in force on the decision date.
    public var parameters: [Int?]
}

extension Evaluator {
    /// Decides the given programs for one case as `decide` does, evaluating every node under
    /// each program (no short-circuit) and every note, and hands each decision's `Trace` to `body`.
    public static func trace(
        _ programs: [Int], for file: CaseFile, decisionDate: Int, with evaluator: inout Evaluator,
        _ body: (Trace) -> Void
    ) {
        let wasTracing = evaluator.tracing
        evaluator.tracing = true
        defer { evaluator.tracing = wasTracing }
        evaluator.clearSeen()
        decide(programs, for: file, decisionDate: decisionDate, with: &evaluator) { evaluator, raw, _ in
            body(evaluator.snapshot(raw))
            evaluator.clearSeen()
        }
    }

    /// The note and `on_file` conditions a decision of each program can show: the program's
    /// own notes, and those of the rules under it (`RuleGraph.programRules`, every rule its
    /// explanation can reach), their versions and their evidence lists. A decision's trace
    /// evaluates only these: evaluating every note of the rule set for every decision was a
    /// sixth of `--format json`. Empty (every note, for every decision) without a rule graph.
    static func decisionNotes(of program: Program) -> [[Int32]] {
        let graph = program.legend.graph
        guard graph.programRules.count == program.programs.count else { return [] }
        var evidence = [[Int]](repeating: [], count: program.rules.count)
        for (i, list) in program.evidence.enumerated() where Int(list.rule) < program.rules.count { evidence[Int(list.rule)].append(i) }
        return program.programs.indices.map { p in
            var notes = program.programs[p].notes
            for r in graph.programRules[p] {
                let rule = program.rules[r]
                notes += rule.notes
                for v in rule.versions { notes += program.versions[v].notes }
                for e in evidence[r] { notes += program.evidence[e].onFile.filter { $0 >= 0 } }
            }
            return notes
        }
    }

    mutating func clearSeen() {
        if seen.count != program.conditions.count {
            seen = Array(repeating: 0, count: program.conditions.count)
            ruleSeen = Array(repeating: 0, count: program.rules.count)
        } else {
            for i in seen.indices { seen[i] = 0 }
            for i in ruleSeen.indices { ruleSeen[i] = 0 }
        }
    }

    /// Notes are evaluated after the decision they annotate, then everything is copied out.
    mutating func snapshot(_ raw: RawDecision) -> Trace {
        for n in decisionNotes.isEmpty ? program.noteConditions : decisionNotes[raw.program] { _ = eval(n) }
        var values = self.values
        for f in program.derivedFacts where !values[Int(f)].isKnown {
            let s = factSpan(Int(f))
            if s.isKnown { values[Int(f)] = program.facts[Int(f)].type == .bool ? .bool(s.lo != 0) : .number(s.lo) }
        }
        var ruleStatus = [Tri?](repeating: nil, count: self.ruleStatus.count)
        for r in ruleStatus.indices where ruleStamp[r] == (program.perMemberRules[r] ? memberStamp : stamp) { ruleStatus[r] = self.ruleStatus[r] }
        return Trace(
            decision: raw, decisionDate: decisionDate, status: status, seen: seen,
            ruleStatus: ruleStatus, ruleSeen: ruleSeen,
            versionApplies: versionApplies, versionBody: versionBody, values: values,
            parameters: parameterValues.map { $0.isKnown ? $0.lo : nil })
    }
}
