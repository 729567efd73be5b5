/// Builds decisions and explanation trees from the evaluator's trace: a filter over node
/// statuses, then sentences filled with the facts that decided them.
public struct Explainer: Sendable {
    public var view: ExplainView
    public var redact: Bool

    public init(view: ExplainView = .decision, redact: Bool = false) {
        self.view = view
        self.redact = redact
    }

    /// Evaluates every program for the principal and each family member and explains it.
    public func report(_ file: CaseFile, program: Program, decisionDate: Int, programs only: Set<String>? = nil, evaluator existing: Evaluator? = nil) -> CaseReport {
        var evaluator = existing ?? Evaluator(program: program)
        var decisions: [Decision] = []
        let selected = program.programs.indices.filter { only == nil || only!.contains(program.programs[$0].id) }
        Evaluator.trace(selected, for: file, decisionDate: decisionDate, with: &evaluator) { trace in
            decisions.append(decision(trace, program: program, subject: subject(trace.decision.member, in: file), file: file))
        }
        // Rank the questions by how many undetermined decisions each would help settle.
        var counts: [String: (MissingFact, Int, Int)] = [:]
        var order = 0
        for d in decisions {
            for f in d.missingFacts {
                let key = f.subject + "\u{0}" + f.name
                if let existing = counts[key] {
                    counts[key] = (existing.0, existing.1 + 1, existing.2)
                } else {
                    counts[key] = (f, 1, order)
                    order += 1
                }
            }
        }
        for i in decisions.indices {
            for j in decisions[i].missingFacts.indices {
                let f = decisions[i].missingFacts[j]
                decisions[i].missingFacts[j].decides = counts[f.subject + "\u{0}" + f.name]?.1 ?? 1
            }
        }
        // A declined fact is still a question, but after every one not yet asked: an interview
        // asks it again only if the advocate chooses to.
        let questions = counts.values.sorted { a, b in
            a.0.declined != b.0.declined ? !a.0.declined : a.1 != b.1 ? a.1 > b.1 : a.2 < b.2
        }.map { entry -> MissingFact in
            var f = entry.0
            f.decides = entry.1
            return f
        }
        // Redacted, the report holds nothing of the envelope; the case is named by a pseudonym
        // once its place in the output is known (`CaseReport.pseudonymized`).
        return CaseReport(
            caseId: redact ? Redaction.withheld : file.id, title: redact ? nil : file.title, path: redact ? Redaction.withheld : file.path,
            asOf: decisionDate, source: redact ? nil : file.source, narrative: redact ? nil : file.narrative,
            rulesSource: program.sourceName, rulesDigest: program.digest, decisions: decisions, questions: questions, redacted: redact)
    }

    /// Who a decision is about: `principal`, a member's id, or redacted, the member's number in
    /// the order members appear in the report (every member decision lists them in file order).
    func subject(_ member: Int?, in file: CaseFile) -> String {
        guard let member else { return "principal" }
        return redact ? Redaction.member(member + 1) : file.members[member].id
    }

    func decision(_ trace: Trace, program: Program, subject: String, file: CaseFile) -> Decision {
        let raw = trace.decision
        let entry = program.programs[raw.program]
        let decl = program.legend.programs[raw.program]
        var notes: [String] = []
        if let na = raw.notApplicable {
            let n = decl.notApplicable[na]
            notes.append("Not applicable: \(n.because)" + (n.cite.isEmpty ? "" : " (\(n.cite.joined(separator: "; ")))"))
            if let instead = n.instead { notes.append("Instead: \(instead)") }
        }
        for (i, n) in entry.notes.enumerated() where trace.status[Int(n)] == .yes {
            notes.append(fill(decl.notes[i].text, trace, program) + citeSuffix(decl.notes[i].cite))
        }
        for node in raw.pendingDecisions {
            if let by = program.nodeInfo[Int(node)].decisionBy, !by.isEmpty {
                notes.append("Awaiting a decision: \(by)")
            }
        }
        var context = TreeContext()
        context.declined = file.declined + (raw.member.map { file.members[$0].declined } ?? [])
        let tree = raw.notApplicable == nil || view == .full ? ruleNode(Int(entry.rule), version: nil, trace: trace, program: program, context: &context) : nil
        notes += context.notes.filter { !notes.contains($0) }
        var lawVersions: [String] = decl.lawVersion.map { [$0] } ?? []
        for label in context.versions where !lawVersions.contains(label) { lawVersions.append(label) }
        func missingFact(_ slot: Int32, of member: String) -> MissingFact {
            let fact = program.legend.facts[Int(slot)]
            return MissingFact(
                name: fact.name, subject: fact.subject == .familyMember ? member : "principal",
                question: fact.question ?? fact.name, type: fact.type.rawValue,
                values: fact.type == .enumeration || fact.type == .list ? fact.values : [], decides: 1,
                declined: context.declined.contains(slot))
        }
        var missing = raw.missingFacts.map { missingFact($0, of: subject) }
        // Facts of another member this decision reads (a T-6's derivative parent), asked of them.
        for other in raw.memberFacts where Int(other.member) < file.members.count {
            var f = missingFact(other.slot, of: self.subject(Int(other.member), in: file))
            f.declined = file.isDeclined(other.slot, member: Int(other.member))
            if !missing.contains(where: { $0.name == f.name && $0.subject == f.subject }) { missing.append(f) }
        }
        let expected = raw.member.map { file.members[$0].expect[entry.id] } ?? file.expect[entry.id]
        return Decision(
            program: entry.id, programTitle: decl.title, subject: subject, outcome: raw.outcome, reason: raw.reason,
            lawVersions: lawVersions, discretionary: decl.discretionary != nil || context.discretionary,
            notes: notes, explanation: view == .off ? nil : tree, missingFacts: missing, expected: expected)
    }

    struct TreeContext {
        var versions: [String] = []
        var notes: [String] = []
        var discretionary = false
        var depth = 0
        /// The facts the decision's subject declined to answer (slots).
        var declined: [Int32] = []
        /// A rule shared by several elements is explained once per decision and reused.
        var built: [Int: ExplanationNode] = [:]
    }

    func citeSuffix(_ cite: [String]) -> String { cite.isEmpty ? "" : " (\(cite.joined(separator: "; ")))" }

    func ruleNode(_ r: Int, version pinned: Int?, trace: Trace, program: Program, context: inout TreeContext) -> ExplanationNode {
        let key = r << 24 | ((pinned ?? -1) + 1)
        if let node = context.built[key] { return node }
        let node = buildRuleNode(r, version: pinned, trace: trace, program: program, context: &context)
        context.built[key] = node
        return node
    }

    func buildRuleNode(_ r: Int, version pinned: Int?, trace: Trace, program: Program, context: inout TreeContext) -> ExplanationNode {
        let decl = program.legend.rules[r]
        let compiled = program.rules[r]
        let legendVersions = program.legend.versions
        let status: Tri = pinned.map { trace.versionBody[$0] } ?? trace.ruleStatus[r] ?? .unknown
        context.depth += 1
        defer { context.depth -= 1 }
        var node = ExplanationNode(
            rule: decl.id, title: decl.title, status: status, text: "", citations: decl.cite, version: nil,
            discretionary: decl.discretionary, unverified: decl.unverified.map { [$0] } ?? [], facts: [], notes: [], children: [])
        if decl.discretionary != nil && status != .no { context.discretionary = true }
        let date = trace.decisionDate
        if date < compiled.from || date > compiled.until {
            node.text = "Not in force on \(CivilDate.format(date))" + (compiled.from > date ? " (in force from \(CivilDate.format(compiled.from)))." : ".")
            return node
        }
        node.text = says(decl.says, status, title: decl.title, trace, program)
        for p in decl.parameters where status != .no {
            let parameter = program.legend.parameters[Int(p)]
            guard let value = parameter.values.last(where: { $0.from <= date }) else { continue }
            let shown = parameter.type == .date ? CivilDate.format(value.value) : String(value.value)
            node.notes.append("\(parameter.title ?? parameter.name): \(shown) from \(CivilDate.format(value.from))" + citeSuffix(value.cite))
            if let unverified = value.unverified { node.unverified.append(unverified) }
        }
        for (i, n) in compiled.notes.enumerated() where trace.status[Int(n)] == .yes {
            node.notes.append(fill(decl.notes[i].text, trace, program) + citeSuffix(decl.notes[i].cite))
        }
        if context.depth > 40 { return node }
        if !compiled.hasDeclaredVersions {
            let v = compiled.versions.lowerBound
            collectVersion(v, status: status, into: &node, trace: trace, program: program, context: &context)
            return node
        }
        let versionRange = pinned.map { $0..<($0 + 1) } ?? compiled.versions
        for v in versionRange {
            let vdecl = legendVersions[v]
            let applies = pinned != nil ? Tri.yes : trace.versionApplies[v]
            if applies == .no && view != .full { continue }
            let body = trace.versionBody[v]
            let vstatus: Tri = applies == .no ? .no : (applies == .yes ? body : (body == .no ? .no : .unknown))
            if applies != .no && !context.versions.contains(vdecl.label) { context.versions.append(vdecl.label) }
            var child = ExplanationNode(
                rule: "\(decl.id)@\(vdecl.name)", title: vdecl.label, status: vstatus, text: "", citations: vdecl.cite,
                version: vdecl.label, discretionary: nil, unverified: vdecl.unverified.map { [$0] } ?? [], facts: [], notes: [], children: [])
            if applies == .no {
                child.text = "This version does not apply on these dates."
            } else {
                if let own = vdecl.says {
                    child.text = says(own, body, title: vdecl.label, trace, program)
                } else {
                    let verdict = body == .yes ? "met" : body == .no ? "not met" : "not yet decided"
                    let scope = pinned != nil ? "This program applies this text whatever the decision date" : (applies == .yes ? "Applies on these dates" : "May apply on these dates")
                    child.text = scope + "; under this text the test is \(verdict)."
                }
                if applies == .unknown { child.notes.append("Whether this version applies depends on facts not yet known.") }
                for (i, n) in vdecl.notes.enumerated() {
                    if trace.status[Int(program.versions[v].notes[i])] == .yes {
                        child.notes.append(fill(n.text, trace, program) + citeSuffix(n.cite))
                        context.notes.append(fill(n.text, trace, program))
                    }
                }
                collectVersion(v, status: body, into: &child, trace: trace, program: program, context: &context)
            }
            node.children.append(child)
        }
        return node
    }

    func collectVersion(_ v: Int, status: Tri, into node: inout ExplanationNode, trace: Trace, program: Program, context: inout TreeContext) {
        let version = program.versions[v]
        var facts: [Int32] = []
        var rules: [(Int, Int?)] = []
        collect(version.when, &facts, &rules, trace, program)
        // An exception matters only where the rule's own conditions do not already fail.
        let whenFailed = trace.status[Int(version.when)] == .no
        for u in version.unless {
            let s = trace.status[Int(u)]
            if view == .full || (!whenFailed && s != .no) { collect(u, &facts, &rules, trace, program) }
        }
        if version.applies >= 0 && view == .full { collect(version.applies, &facts, &rules, trace, program) }
        var seenFacts = Set<Int32>()
        for f in facts where seenFacts.insert(f).inserted {
            let value = display(f, trace, program)
            node.facts.append(ShownFact(name: program.legend.facts[Int(f)].name, value: value, declined: value == "unknown" && context.declined.contains(f)))
        }
        var seenRules = Set<String>()
        for (r, pinned) in rules where seenRules.insert("\(r):\(pinned ?? -1)").inserted {
            node.children.append(ruleNode(r, version: pinned, trace: trace, program: program, context: &context))
        }
    }

    /// The justifying part of a condition: with `decision`, only the children that made the
    /// node come out as it did; with `full`, all of them.
    func collect(_ n: Int32, _ facts: inout [Int32], _ rules: inout [(Int, Int?)], _ trace: Trace, _ program: Program) {
        let s = trace.status[Int(n)]
        switch program.conditions[Int(n)] {
        case .all(let first, let count), .any(let first, let count):
            let isAll: Bool
            if case .all = program.conditions[Int(n)] { isAll = true } else { isAll = false }
            for k in first..<(first + count) {
                let child = program.children[Int(k)]
                let cs = trace.status[Int(child)]
                let keep: Bool
                if view == .full {
                    keep = true
                } else if s == .unknown {
                    keep = cs == .unknown
                } else if isAll {
                    keep = s == .yes || cs == .no
                } else {
                    keep = s == .no || cs == .yes
                }
                if keep { collect(child, &facts, &rules, trace, program) }
            }
        case .not(let c), .possible(let c):
            collect(c, &facts, &rules, trace, program)
        case .rule(let r):
            rules.append((Int(r), nil))
        case .pinnedVersion(let r, let v):
            rules.append((Int(r), Int(v)))
        case .test, .compare, .records, .decision, .memberRule:
            facts += program.nodeInfo[Int(n)].facts
        }
    }

    func says(_ says: SaysTemplates, _ status: Tri, title: String, _ trace: Trace, _ program: Program) -> String {
        guard let template = says.template(for: status) else {
            switch status {
            case .yes: return "\(title): met."
            case .no: return "\(title): not met."
            case .unknown: return "\(title): not yet known."
            }
        }
        return fill(template, trace, program)
    }

    /// Replaces `{fact}` and `{param:name}` with the case's values.
    func fill(_ template: Template, _ trace: Trace, _ program: Program) -> String {
        if let plain = template.plain { return plain }
        var out = ""
        for piece in template.pieces {
            switch piece {
            case .text(let t): out += t
            case .parameter(let p):
                out += trace.parameters[Int(p)].map { program.legend.parameters[Int(p)].type == .date ? CivilDate.format($0) : String($0) } ?? "unknown"
            case .fact(let f): out += display(f, trace, program)
            }
        }
        return out
    }

    func display(_ f: Int32, _ trace: Trace, _ program: Program) -> String {
        let fact = program.legend.facts[Int(f)]
        let value = trace.values[Int(f)]
        if case .unknown = value { return "unknown" }
        if redact { return "[redacted]" }
        return Self.format(value, fact: fact, texts: [])
    }

    public static func format(_ value: FactValue, fact: FactInfo, texts: [String]) -> String {
        switch value {
        case .unknown: return "unknown"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return fact.type == .date ? CivilDate.format(n) : String(n)
        case .choice(let c): return c < fact.values.count ? fact.values[c] : "?"
        case .set(let s):
            let names = fact.values.enumerated().filter { s & (1 << UInt64($0.offset)) != 0 }.map(\.element)
            return "[" + names.joined(separator: ", ") + "]"
        case .records: return "(records)"
        case .text(let t): return Int(t) < texts.count ? texts[Int(t)] : "(text)"
        }
    }
}
