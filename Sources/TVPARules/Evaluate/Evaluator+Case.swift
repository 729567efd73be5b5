extension Evaluator {
    /// Decides the given programs for one case — the principal's first, then each family
    /// member's — handing each decision to `body` with the evaluator on that decision's subject
    /// (`member` is nil for the principal). Checking, explaining, coverage and the benchmark
    /// all walk a case this way.
    public static func decide(
        _ programs: [Int], for file: CaseFile, decisionDate: Int, with evaluator: inout Evaluator,
        _ body: (inout Evaluator, RawDecision, _ member: Int?) -> Void
    ) {
        let entries = evaluator.program.programs
        evaluator.begin(values: file.values, records: file.records, decisionDate: decisionDate)
        for p in programs where entries[p].subject == .principal {
            let raw = evaluator.decide(p)
            body(&evaluator, raw, nil)
        }
        guard programs.contains(where: { entries[$0].subject == .familyMember }) else { return }
        evaluator.resolveMemberRules(file)
        for (m, member) in file.members.enumerated() {
            evaluator.select(memberValues: member.values, member: m)
            for p in programs where entries[p].subject == .familyMember {
                let raw = evaluator.decide(p, member: m)
                body(&evaluator, raw, m)
            }
        }
    }
}
