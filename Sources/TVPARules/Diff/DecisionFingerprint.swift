/// What decides each program's outcome, written out so two compiled programs can be compared:
/// every condition, value, fact, parameter table and date span under the program, with rules
/// and facts named rather than numbered. Wording, citations and notes are left out — they never
/// change an outcome. Two sides whose fingerprints for a program are equal decide it the same
/// way for every case (given the same vocabulary and decision date), so a diff evaluates it once.
struct DecisionFingerprint {
    private let program: Program
    private var ruleText: [Int: String] = [:]

    init(_ program: Program) { self.program = program }

    /// Per program entry, in the program's order.
    static func of(_ program: Program, graph: RuleGraph) -> [String] {
        var f = DecisionFingerprint(program)
        return program.programs.indices.map { p in
            let entry = program.programs[p]
            var out = "program \(entry.id) \(entry.subject) na[" + entry.notApplicable.map { f.condition($0) }.joined(separator: ";") + "]\n"
            for r in graph.programRules[p] { out += f.rule(r) + "\n" }
            return out
        }
    }

    /// What decides whether a case file is valid and what its facts hold: every fact with its
    /// slot, type, values, fields, formula and bounds, and every contradiction. Equal on both
    /// sides, a case loads alike.
    static func ofVocabulary(_ program: Program) -> String {
        var f = DecisionFingerprint(program)
        return program.legend.facts.indices.map { i in
            let d = program.legend.facts[i]
            return "\(d.type) \(d.subject) \(d.values) \(d.unknownValues) \(d.fields.map(\.name)) " + f.fact(i)
        }.joined(separator: "\n") + "\n" + program.contradictions.map { f.condition($0) }.joined(separator: "\n")
    }

    private func name(_ r: Int) -> String { program.legend.rules[r].id }

    mutating func rule(_ r: Int) -> String {
        if let done = ruleText[r] { return done }
        let rule = program.rules[r]
        var out = "rule \(name(r)) \(rule.from)...\(rule.until) \(rule.hasDeclaredVersions) \(rule.combine.map(\.rawValue) ?? "-") \(rule.perMember):"
        for v in rule.versions {
            let version = program.versions[v]
            out += " version \(version.name) \(version.from)...\(version.until) applies[" + (version.applies < 0 ? "always" : condition(version.applies)) + "]"
            out += " when[" + condition(version.when) + "] unless[" + version.unless.map { condition($0) }.joined(separator: ";") + "]"
        }
        ruleText[r] = out
        return out
    }

    mutating func condition(_ n: Int32) -> String {
        switch program.conditions[Int(n)] {
        case .all(let first, let count): return "all(" + (first..<(first + count)).map { condition(program.children[Int($0)]) }.joined(separator: ",") + ")"
        case .any(let first, let count): return "any(" + (first..<(first + count)).map { condition(program.children[Int($0)]) }.joined(separator: ",") + ")"
        case .not(let c): return "not(" + condition(c) + ")"
        case .possible(let c): return "possible(" + condition(c) + ")"
        // A reference carries a digest of the rule it names, so a change under it shows here too.
        case .rule(let r): return "rule(" + name(Int(r)) + "#\(rule(Int(r)).hashValue))"
        case .pinnedVersion(let r, let v): return "rule(" + name(Int(r)) + "@" + program.versions[Int(v)].name + "#\(rule(Int(r)).hashValue))"
        case .test(let operand, let test):
            let subject: String
            switch operand {
            case .fact(let f): subject = fact(f)
            case .field(let i): subject = "field \(i)"
            }
            return "test(\(subject) \(test))"
        case .compare(let op, let a, let b): return "\(op.rawValue)(" + value(a) + "," + value(b) + ")"
        case .records(let every, let f, let body): return "\(every ? "all_records" : "any_record")(" + fact(Int(f)) + "," + condition(body) + ")"
        // The rule it names is the subject's own program rule, fingerprinted there; naming it
        // is enough (and following it would loop: a T-6 reads the rule it is part of).
        case .memberRule(let i): return "member_rule(" + name(Int(program.memberRules[Int(i)].rule)) + "," + fact(Int(program.memberRules[Int(i)].reference)) + ")"
        case .decision(let f, let granted, let denied, let pending): return "decision(" + fact(Int(f)) + " \(granted) \(denied) \(pending))"
        }
    }

    mutating func value(_ n: Int32) -> String {
        switch program.values[Int(n)] {
        case .fact(let f): return fact(Int(f))
        case .field(let i): return "field \(i)"
        case .decisionDate: return "decision_date"
        case .constant(let c): return "\(c)"
        case .parameter(let p): return "param[" + program.parameterTables[Int(p)].map { "\($0.from):\($0.value)" }.joined(separator: ",") + "]"
        case .yearsBetween(let a, let b): return "years(" + value(a) + "," + value(b) + ")"
        case .addDays(let a, let b): return "days(" + value(a) + "," + value(b) + ")"
        case .addMonths(let a, let b): return "months(" + value(a) + "," + value(b) + ")"
        case .addYears(let a, let b): return "years+(" + value(a) + "," + value(b) + ")"
        case .ifThenElse(let c, let a, let b): return "if(" + condition(c) + "," + value(a) + "," + value(b) + ")"
        case .knownOr(let a, let b): return "known_or(" + value(a) + "," + value(b) + ")"
        case .daysBetween(let a, let b): return "days_between(" + value(a) + "," + value(b) + ")"
        case .sumRecords(let f, let of, let w): return "sum_records(" + fact(Int(f)) + "," + value(of) + "," + (w >= 0 ? condition(w) : "*") + ")"
        }
    }

    /// A fact by name, with what its value depends on: a formula, the dates that bound it.
    mutating func fact(_ f: Int) -> String {
        let compiled = program.facts[f]
        var out = program.legend.facts[f].name
        if compiled.derived >= 0 { out += "=" + value(compiled.derived) }
        if !compiled.notAfter.isEmpty || !compiled.notBefore.isEmpty || !compiled.givenAges.isEmpty {
            out += "{" + compiled.notAfter.map { program.legend.facts[Int($0)].name }.joined(separator: ",") + "|"
                + compiled.notBefore.map { program.legend.facts[Int($0)].name }.joined(separator: ",") + "|"
                + compiled.givenAges.map { program.legend.facts[Int($0.slot)].name + ":" + value($0.other) }.joined(separator: ",") + "}"
        }
        return out + "/\(compiled.unknownMask)\(compiled.future ? "+" : "")"
    }
}
