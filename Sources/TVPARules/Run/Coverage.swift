/// `tvpa test --coverage`: which rules the corpus reached, and which way each condition went
/// (true, false, unknown). A corpus is complete when it reaches every rule and sees every
/// condition of every rule both true and false; notes only annotate, so they are not required.
public struct Coverage: Sendable {
    public struct Condition: Sendable {
        public var path: String
        public var location: SourceLocation
        public var seen: UInt8
        public var required: Bool
        public var complete: Bool { !required || (seen & 0b011) == 0b011 }
    }

    public struct Rule: Sendable {
        public var id: String
        public var seen: UInt8
        public var conditions: [Condition]
        public var reached: Bool { seen != 0 }
        public var complete: Bool { reached && conditions.allSatisfy(\.complete) }
    }

    public var rules: [Rule]
    public var cases: Int

    public var complete: Bool { rules.allSatisfy(\.complete) }
    public var rulesReached: Int { rules.filter(\.reached).count }
    public var requiredConditions: [Condition] { rules.flatMap { $0.conditions.filter(\.required) } }

    public static func measure(_ files: [CaseFile], program: Program) -> Coverage {
        // A client of the trace: what every node and rule took, over every decision of the corpus.
        var evaluator = Evaluator(program: program)
        var conditionSeen = Array(repeating: UInt8(0), count: program.conditions.count)
        var ruleSeen = Array(repeating: UInt8(0), count: program.rules.count)
        for file in files {
            let date = file.decisionDate(override: nil, today: CivilDate.today())
            Evaluator.trace(Array(program.programs.indices), for: file, decisionDate: date, with: &evaluator) { trace in
                for (i, s) in trace.seen.enumerated() { conditionSeen[i] |= s }
                for (i, s) in trace.ruleSeen.enumerated() { ruleSeen[i] |= s }
            }
        }
        var rules: [Rule] = program.legend.rules.enumerated().map { i, decl in
            Rule(id: decl.id, seen: ruleSeen[i], conditions: [])
        }
        for (n, info) in program.nodeInfo.enumerated() {
            guard case .rule(let r, let note) = info.owner else { continue }
            rules[Int(r)].conditions.append(Condition(
                path: info.path, location: info.location, seen: conditionSeen[n],
                required: !note && canBeFalse(Int32(n), program)))
        }
        return Coverage(rules: rules, cases: files.count)
    }

    /// Whether any case could make the node false. An enum test that accepts every value the
    /// vocabulary can know (`trafficking_type in [sex, labor, both]`, where `unclear` is unknown)
    /// is true or unknown, never false; so is an `any` holding one. Such a node is not required
    /// to be seen false, and the report says why.
    static func canBeFalse(_ n: Int32, _ program: Program) -> Bool {
        switch program.conditions[Int(n)] {
        case .test(.fact(let f), .oneOf(let mask)):
            let fact = program.facts[f]
            guard fact.type == .enumeration else { return true }
            let declared = program.legend.facts[f].values.count
            let known: UInt64 = (declared >= 64 ? ~0 : (1 << UInt64(declared)) - 1) & ~fact.unknownMask
            return known & ~mask != 0
        case .any(let first, let count):
            return (first..<(first + count)).allSatisfy { canBeFalse(program.children[Int($0)], program) }
        case .all(let first, let count):
            return (first..<(first + count)).contains { canBeFalse(program.children[Int($0)], program) }
        default:
            return true
        }
    }

    static func marks(_ seen: UInt8) -> String {
        (seen & 0b010 != 0 ? "T" : "-") + (seen & 0b001 != 0 ? "F" : "-") + (seen & 0b100 != 0 ? "U" : "-")
    }

    /// One line per rule (T F U: seen true, false, unknown), then every condition not yet
    /// seen both ways, with where it is.
    public var table: String {
        let required = requiredConditions
        let oneSided = rules.flatMap { $0.conditions.filter { !$0.required && !$0.path.contains("/notes[") } }
        // Say what is counted: only conditions a case can make false are required both ways.
        var out = "Coverage over \(cases) case files: \(rulesReached)/\(rules.count) rules reached; \(required.filter(\.complete).count)/\(required.count) conditions that a case can make false seen both true and false"
        out += oneSided.isEmpty ? "\n" : "; \(oneSided.count) that no case can make false \(oneSided.count == 1 ? "is" : "are") not counted (listed below)\n"
        out += "  rule                                              T F U  conditions complete\n"
        for rule in rules {
            let needed = rule.conditions.filter(\.required)
            let name = rule.id.count > 48 ? String(rule.id.prefix(47)) + "…" : rule.id.padding(toLength: 48, withPad: " ", startingAt: 0)
            out += "  \(name)  \(Self.marks(rule.seen).map(String.init).joined(separator: " "))  \(needed.filter(\.complete).count)/\(needed.count)\n"
        }
        let gaps = rules.flatMap { $0.conditions.filter { !$0.complete } }
        if !gaps.isEmpty {
            out += "Conditions not yet seen both true and false:\n"
            for c in gaps { out += "  \(c.location): \(c.path) seen \(Self.marks(c.seen))\n" }
        }
        for rule in rules where !rule.reached { out += "  rule \(rule.id) is never reached\n" }
        if !oneSided.isEmpty {
            out += "Conditions that no case can make false (every value the vocabulary can know satisfies them), so only 'true' is required:\n"
            for c in oneSided { out += "  \(c.location): \(c.path) seen \(Self.marks(c.seen))\n" }
        }
        return out
    }

    public var json: JSON {
        .object([
            ("cases", .int(cases)),
            ("complete", .bool(complete)),
            ("rules", .array(rules.map { rule in
                .object([
                    ("id", .string(rule.id)),
                    ("reached", .bool(rule.reached)),
                    ("seen", .object([("true", .bool(rule.seen & 2 != 0)), ("false", .bool(rule.seen & 1 != 0)), ("unknown", .bool(rule.seen & 4 != 0))])),
                    ("conditions", .array(rule.conditions.map { c in
                        .object([
                            ("path", .string(c.path)),
                            ("at", .string(c.location.description)),
                            ("required", .bool(c.required)),
                            ("seen", .object([("true", .bool(c.seen & 2 != 0)), ("false", .bool(c.seen & 1 != 0)), ("unknown", .bool(c.seen & 4 != 0))])),
                        ])
                    })),
                ])
            })),
        ])
    }
}
