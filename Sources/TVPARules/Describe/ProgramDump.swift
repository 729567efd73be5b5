/// `tvpa dump --stage compiled`: the flat program the evaluator runs — fact slots, parameter
/// tables, rules in order, versions, and every condition and value node with its origin.
public enum ProgramDump {
    public static func render(_ p: Program) -> String {
        let facts = p.legend.facts
        var out = "program \(p.sourceName) \(p.digest)\n"
        out += "facts (\(p.facts.count) slots):\n"
        for (i, f) in p.facts.enumerated() {
            let decl = facts[i]
            var line = "  f\(i) \(decl.name): \(f.type.rawValue)"
            if f.derived >= 0 { line += " = $\(f.derived)" }
            if !f.notAfter.isEmpty { line += " notAfter[" + f.notAfter.map { "f\($0)" }.joined(separator: ",") + "]" }
            if !f.notBefore.isEmpty { line += " notBefore[" + f.notBefore.map { "f\($0)" }.joined(separator: ",") + "]" }
            if f.future { line += " future" }
            out += line + " @\(decl.location.line):\(decl.location.column)\n"
        }
        out += "parameters:\n"
        for (i, table) in p.parameterTables.enumerated() {
            let decl = p.legend.parameters[i]
            out += "  p\(i) \(decl.name): " + table.map { "\(CivilDate.format($0.from)) → \($0.value)" }.joined(separator: "; ")
            out += " @\(decl.location.line):\(decl.location.column)\n"
        }
        out += "rules:\n"
        for (i, r) in p.rules.enumerated() {
            let decl = p.legend.rules[i]
            var line = "  r\(i) \(decl.id) versions[" + r.versions.map { "v\($0)" }.joined(separator: ",") + "]"
            if r.from != .min { line += " from \(CivilDate.format(r.from))" }
            if r.until != .max { line += " until \(CivilDate.format(r.until))" }
            if let combine = r.combine { line += " combine \(combine)" }
            if r.perMember { line += " per-member" }
            out += line + " @\(decl.location.line):\(decl.location.column)\n"
        }
        out += "versions:\n"
        for (i, v) in p.versions.enumerated() {
            var line = "  v\(i) \(v.name) when #\(v.when)"
            if v.applies >= 0 { line += " applies #\(v.applies)" }
            if !v.unless.isEmpty { line += " unless[" + v.unless.map { "#\($0)" }.joined(separator: ",") + "]" }
            if v.from != .min { line += " from \(CivilDate.format(v.from))" }
            if v.until != .max { line += " until \(CivilDate.format(v.until))" }
            out += line + "\n"
        }
        out += "conditions:\n"
        for (i, c) in p.conditions.enumerated() {
            let info = p.nodeInfo[i]
            out += "  #\(i) \(describe(c, p)) ; \(info.path) @\(info.location.line):\(info.location.column)\n"
        }
        out += "values:\n"
        for (i, v) in p.values.enumerated() { out += "  $\(i) \(describe(v, p))\n" }
        out += "programs:\n"
        for entry in p.programs {
            out += "  \(entry.id) (\(entry.subject)) rule r\(entry.rule)"
            if !entry.notApplicable.isEmpty { out += " not_applicable[" + entry.notApplicable.map { "#\($0)" }.joined(separator: ",") + "]" }
            out += "\n"
        }
        if !p.clocks.isEmpty {
            out += "clocks:\n"
            for (i, c) in p.clocks.enumerated() {
                let info = p.legend.clocks[i]
                var line = "  c\(i) \(info.id) (\(info.kind.rawValue), \(c.subject)) date $\(c.date)"
                if c.when >= 0 { line += " when #\(c.when)" }
                if !c.dateFacts.isEmpty { line += " fixed by[" + c.dateFacts.map { "f\($0)" }.joined(separator: ",") + "]" }
                if let w = info.warnWithin { line += " warn \(w)d" }
                out += line + " @\(info.location.line):\(info.location.column)\n"
            }
        }
        if !p.evidence.isEmpty {
            out += "evidence:\n"
            for (i, e) in p.evidence.enumerated() {
                let info = p.legend.evidence[i]
                out += "  e\(i) r\(e.rule) " + zip(info.items, e.onFile).map { item, n in n >= 0 ? "\(item.id) #\(n)" : item.id }.joined(separator: ", ") + "\n"
            }
        }
        return out
    }

    static func describe(_ c: Program.ConditionOp, _ p: Program) -> String {
        func kids(_ first: Int32, _ count: Int32) -> String {
            (first..<(first + count)).map { "#\(p.children[Int($0)])" }.joined(separator: ", ")
        }
        switch c {
        case .all(let first, let count): return "all(\(kids(first, count)))"
        case .any(let first, let count): return "any(\(kids(first, count)))"
        case .not(let n): return "not #\(n)"
        case .possible(let n): return "possible #\(n)"
        case .rule(let r): return "rule r\(r) \(p.legend.rules[Int(r)].id)"
        case .pinnedVersion(let r, let v): return "rule r\(r) \(p.legend.rules[Int(r)].id) pinned v\(v)"
        case .test(let operand, let test): return "test \(operand) \(test)"
        case .compare(let op, let a, let b): return "\(op) $\(a) $\(b)"
        case .records(let every, let fact, let body): return "\(every ? "all_records" : "any_record") f\(fact) where #\(body)"
        case .memberRule(let i):
            let pair = p.memberRules[Int(i)]
            return "rule r\(pair.rule) \(p.legend.rules[Int(pair.rule)].id) of member f\(pair.reference) \(p.legend.facts[Int(pair.reference)].name)"
        case .decision(let fact, let granted, let denied, let pending):
            return "decision f\(fact) granted=\(bits(granted)) denied=\(bits(denied)) pending=\(bits(pending))"
        }
    }

    static func describe(_ v: Program.ValueOp, _ p: Program) -> String {
        switch v {
        case .fact(let f): return "fact f\(f) \(p.legend.facts[Int(f)].name)"
        case .field(let f): return "field \(f)"
        case .decisionDate: return "decision_date"
        case .constant(let n): return "const \(n)"
        case .parameter(let i): return "param p\(i)"
        case .yearsBetween(let a, let b): return "years_between $\(a) $\(b)"
        case .addDays(let a, let b): return "add_days $\(a) $\(b)"
        case .addMonths(let a, let b): return "add_months $\(a) $\(b)"
        case .addYears(let a, let b): return "add_years $\(a) $\(b)"
        case .ifThenElse(let c, let a, let b): return "if #\(c) then $\(a) else $\(b)"
        case .knownOr(let a, let b): return "known_or $\(a) $\(b)"
        case .daysBetween(let a, let b): return "days_between $\(a) $\(b)"
        case .sumRecords(let f, let of, let w): return "sum_records f\(f) $\(of)" + (w >= 0 ? " where #\(w)" : "")
        }
    }

    static func bits(_ mask: UInt64) -> String {
        "{" + (0..<64).filter { mask & (1 << UInt64($0)) != 0 }.map(String.init).joined(separator: ",") + "}"
    }
}
