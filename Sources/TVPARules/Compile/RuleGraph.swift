/// Which rules each rule refers to, and which rules sit under each program: read from the
/// checked rules once, at compile time, so a diff can say which changed rule caused a change.
public struct RuleGraph: Sendable {
    /// Rules referred to by each rule's conditions (every version, exceptions included).
    public let references: [[Int]]
    /// Per program, its rules in the order a reader meets them: the program's rule first,
    /// then depth first.
    public let programRules: [[Int]]
    /// Rules referred to by each version (`Program.versions`' order: each rule's versions in
    /// turn), so a report can follow only the versions that apply on the case's dates.
    public let versionReferences: [[Int]]

    public init(references: [[Int]], programRules: [[Int]], versionReferences: [[Int]] = []) {
        self.references = references
        self.programRules = programRules
        self.versionReferences = versionReferences
    }

    init(_ checked: CheckedRuleSet) {
        var references: [[Int]] = []
        var versionReferences: [[Int]] = []
        for rule in checked.rules {
            var found: [Int] = []
            for version in rule.versions {
                var own: [Int] = []
                Self.collect(version.when, into: &own)
                version.applies.map { Self.collect($0, into: &own) }
                version.unless.forEach { Self.collect($0, into: &own) }
                found += own
                var seen = Set<Int>()
                versionReferences.append(own.filter { seen.insert($0).inserted })
            }
            var seen = Set<Int>()
            references.append(found.filter { seen.insert($0).inserted })
        }
        self.references = references
        self.versionReferences = versionReferences
        programRules = checked.programs.map { program in
            var order: [Int] = []
            var seen = Set<Int>()
            func visit(_ r: Int) {
                guard seen.insert(r).inserted else { return }
                order.append(r)
                references[r].forEach(visit)
            }
            visit(program.rule)
            return order
        }
    }

    static func collect(_ c: CheckedCondition, into found: inout [Int]) {
        switch c.kind {
        case .all(let items), .any(let items): items.forEach { collect($0, into: &found) }
        case .not(let inner), .possible(let inner): collect(inner, into: &found)
        case .records(_, _, let body): collect(body, into: &found)
        case .rule(let r, _): found.append(r)
        case .compare(_, let a, let b):
            collect(a, into: &found)
            collect(b, into: &found)
        case .test, .decision, .memberRule: break  // another member's decision: no edge
        }
    }

    static func collect(_ v: CheckedValue, into found: inout [Int]) {
        switch v.kind {
        case .ifThenElse(let c, let a, let b):
            collect(c, into: &found)
            collect(a, into: &found)
            collect(b, into: &found)
        case .yearsBetween(let a, let b), .addDays(let a, let b), .addMonths(let a, let b), .addYears(let a, let b), .knownOr(let a, let b), .daysBetween(let a, let b):
            collect(a, into: &found)
            collect(b, into: &found)
        case .sumRecords(_, let a, let c):
            collect(a, into: &found)
            if let c { collect(c, into: &found) }
        case .fact, .field, .decisionDate, .constant, .parameter: break
        }
    }
}
