/// One case decided for the bulk form (`--format bulk`, schema `tvpa.bulk/1`): each program's
/// outcome, reason and missing facts as indices into the program, with no explanation, no note
/// and no text. The evaluator runs without its trace: a bulk line needs the outcomes and the
/// missing facts, both of which the untraced evaluation gives (`BulkFormTests` holds them equal
/// to the decision JSON's on every scenario).
public struct BulkCase: Sendable {
    public struct Decision: Sendable, Hashable {
        public var program: Int32
        /// nil for the principal, else the family member's index in the case.
        public var member: Int32?
        public var outcome: Outcome
        public var reason: Reason
        /// Fact slots the decision's own subject could answer (a principal fact is the
        /// principal's), as `MissingFact` lists them.
        public var missing: [Int32]
        /// Facts of another family member (a T-6's derivative parent), not already in `missing`.
        public var otherMembers: [MemberFact]
    }

    /// The case's id; redacted, `Redaction.withheld` until the run names it by a pseudonym.
    public var caseId: String
    public var asOf: Int
    /// Each family member's id, in file order; redacted, `member 1`, `member 2`, … .
    public var members: [String]
    public var decisions: [Decision]
    public var redacted: Bool

    /// Decides `programs` (indices into `program.programs`) for the case.
    public static func decide(_ file: CaseFile, programs: [Int], decisionDate: Int, redact: Bool, with evaluator: inout Evaluator) -> BulkCase {
        evaluator.tracing = false
        var decisions: [Decision] = []
        decisions.reserveCapacity(programs.count * (1 + file.members.count))
        Evaluator.decide(programs, for: file, decisionDate: decisionDate, with: &evaluator) { evaluator, raw, member in
            var others: [MemberFact] = []
            // As `Explainer.decision`: another member's fact is listed unless the decision lists it.
            for other in raw.memberFacts where Int(other.member) < file.members.count && Int(other.member) != member {
                if !others.contains(other) { others.append(other) }
            }
            // The same member's fact through another member's reference is the decision's own.
            var missing = raw.missingFacts
            for other in raw.memberFacts where Int(other.member) == member && !missing.contains(other.slot) {
                missing.append(other.slot)
            }
            decisions.append(Decision(
                program: Int32(raw.program), member: member.map(Int32.init), outcome: raw.outcome, reason: raw.reason,
                missing: missing, otherMembers: others))
        }
        return BulkCase(
            caseId: redact ? Redaction.withheld : file.id, asOf: decisionDate,
            members: redact ? file.members.indices.map { Redaction.member($0 + 1) } : file.members.map(\.id),
            decisions: decisions, redacted: redact)
    }

    /// A redacted case under its pseudonym, its members under theirs (`case 1 · member 2`).
    public func pseudonymized(as name: String) -> BulkCase {
        guard redacted else { return self }
        var named = self
        named.caseId = name
        named.members = members.map { Redaction.member($0, of: name) }
        return named
    }
}
