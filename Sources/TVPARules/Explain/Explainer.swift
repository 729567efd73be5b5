/// Explain: a pure function of the program and a decision's trace. It keeps the steps that
/// justify the outcome (the `decision` view) or all of them (`full`), each with its status, the
/// facts it read and the notes that held — as data. It writes no word: `Render/` does.
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
        return report(file, program: program, decisionDate: decisionDate, programs: only, with: &evaluator)
    }

    /// The same, with an evaluator kept from case to case (a corpus run: making one costs
    /// about as much as explaining a case with `--explain off`).
    public func report(_ file: CaseFile, program: Program, decisionDate: Int, programs only: Set<String>? = nil, with evaluator: inout Evaluator) -> CaseReport {
        var decisions: [Decision] = []
        let selected = program.programs.indices.filter { only == nil || only!.contains(program.programs[$0].id) }
        Evaluator.trace(selected, for: file, decisionDate: decisionDate, with: &evaluator) { trace in
            decisions.append(decision(trace, program: program, file: file))
        }
        // Rank the questions by how many undetermined decisions each would help settle.
        func key(_ f: MissingFact) -> Int { Int(f.asked.member + 1) << 32 | Int(f.asked.slot) }
        var counts: [Int: (MissingFact, Int, Int)] = [:]
        var order = 0
        for i in decisions.indices {
            for f in decisions[i].missingFacts {
                if let existing = counts[key(f)] {
                    counts[key(f)] = (existing.0, existing.1 + 1, existing.2)
                } else {
                    counts[key(f)] = (f, 1, order)
                    order += 1
                }
            }
        }
        for i in decisions.indices {
            for j in decisions[i].missingFacts.indices {
                decisions[i].missingFacts[j].decides = counts[key(decisions[i].missingFacts[j])]?.1 ?? 1
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
        let deadlines = Evaluator.clocks(for: file, decisionDate: decisionDate, with: &evaluator).map { reading in
            var d = Deadline(reading, info: program.legend.clocks[reading.clock], subject: subject(reading.member, in: file), asOf: decisionDate, facts: program.legend.facts)
            d.redacted = redact
            return d
        }.sorted(by: Deadline.soonestFirst)
        var expectedClocks = file.expectClocks.sorted { $0.key < $1.key }.map { ExpectedClock(clock: $0.key, member: nil, subject: "principal", expectation: $0.value) }
        for (m, member) in file.members.enumerated() {
            expectedClocks += member.expectClocks.sorted { $0.key < $1.key }.map { ExpectedClock(clock: $0.key, member: m, subject: subject(m, in: file), expectation: $0.value) }
        }
        return CaseReport(
            caseId: redact ? Redaction.withheld : file.id, title: redact ? nil : file.title, path: redact ? Redaction.withheld : file.path,
            asOf: decisionDate, source: redact ? nil : file.source, narrative: redact ? nil : file.narrative,
            rulesSource: program.sourceName, rulesDigest: program.digest, decisions: decisions, questions: questions, redacted: redact,
            deadlines: deadlines, legend: program.legend, parameters: program.parameterTables.indices.map { evaluator.parameter($0) },
            expectedClocks: expectedClocks)
    }

    /// The rules a decision rests on: from the program's rule, through the versions that apply
    /// on the case's dates (or may), so an element of a version that does not apply — the 2024
    /// rule for a case decided under the 2016 one — gets no evidence list. A trace evaluates
    /// every version to explain it, so the rule's own status does not say this.
    /// Indexed by rule (an array, not a set: hashing each rule was a tenth of explaining).
    func rulesInForce(_ trace: Trace, program: Program, from rule: Int) -> [Bool] {
        let refs = program.legend.graph.versionReferences
        guard refs.count == program.versions.count else { return Array(repeating: true, count: program.rules.count) }
        var seen = Array(repeating: false, count: program.rules.count), stack = [rule]
        while let r = stack.popLast() {
            guard !seen[r] else { continue }
            seen[r] = true
            for v in program.rules[r].versions where trace.versionApplies[v] != .no { stack += refs[v] }
        }
        return seen
    }

    /// Who a decision is about: `principal`, a member's id, or redacted, the member's number in
    /// the order members appear in the report (every member decision lists them in file order).
    func subject(_ member: Int?, in file: CaseFile) -> String {
        guard let member else { return "principal" }
        return redact ? Redaction.member(member + 1) : file.members[member].id
    }

    /// One decision, explained: `(Program, Trace) → Decision`, reading nothing else but the
    /// case file's envelope (who declined what, what it expected).
    public func decision(_ trace: Trace, program: Program, file: CaseFile) -> Decision {
        let raw = trace.decision
        let entry = program.programs[raw.program]
        let decl = program.legend.programs[raw.program]  // one per decision: a copy is cheap here
        let subject = self.subject(raw.member, in: file)
        var notes: [DecisionNote] = []
        if let na = raw.notApplicable {
            notes.append(.notApplicable(Int32(na)))
            if decl.notApplicable[na].instead != nil { notes.append(.instead(Int32(na))) }
        }
        for (i, n) in entry.notes.enumerated() where trace.status[Int(n)] == .yes { notes.append(.programNote(Int32(i))) }
        for node in raw.pendingDecisions {
            if let by = program.nodeInfo[Int(node)].decisionBy, !by.isEmpty { notes.append(.awaitingDecision(by: by)) }
        }
        // With `off` the tree is walked for what the decision itself says (the versions that
        // applied, their notes, discretion) but not stored.
        var builder = TreeBuilder(program: program, trace: trace, full: view == .full, record: view != .off)
        builder.declined = file.declined + (raw.member.map { file.members[$0].declined } ?? [])
        if raw.notApplicable == nil || view == .full {
            builder.tree.root = builder.ruleNode(entry.rule, version: nil)
        }
        notes += builder.versionNotes
        var lawVersions: [String] = decl.lawVersion.map { [$0] } ?? []
        for v in builder.appliedVersions {
            let label = program.legend.versions[Int(v)].label
            if !lawVersions.contains(label) { lawVersions.append(label) }
        }
        let facts = program.legend.facts
        func missingFact(_ slot: Int32, of member: String, index: Int?) -> MissingFact {
            let s = Int(slot), type = facts[s].type
            let ofMember = facts[s].subject == .familyMember
            var f = MissingFact(
                name: facts[s].name, subject: ofMember ? member : "principal",
                question: facts[s].question ?? facts[s].name, type: type.rawValue,
                values: type == .enumeration || type == .list ? facts[s].values : [], decides: 1,
                declined: builder.declined.contains(slot))
            f.asked = (ofMember ? Int32(index ?? -1) : -1, slot)
            return f
        }
        var missing = raw.missingFacts.map { missingFact($0, of: subject, index: raw.member) }
        // Facts of another member this decision reads (a T-6's derivative parent), asked of them.
        for other in raw.memberFacts where Int(other.member) < file.members.count {
            var f = missingFact(other.slot, of: self.subject(Int(other.member), in: file), index: Int(other.member))
            f.declined = file.isDeclined(other.slot, member: Int(other.member))
            if !missing.contains(where: { $0.name == f.name && $0.subject == f.subject }) { missing.append(f) }
        }
        let expected = raw.member.map { file.members[$0].expect[entry.id] } ?? file.expect[entry.id]
        var evidence: [EvidenceCheck] = []
        // The checklist is per element, as the explanation is: `--explain off` gives neither.
        if view != .off, raw.notApplicable == nil, !program.legend.evidence.isEmpty {
            let inForce = rulesInForce(trace, program: program, from: Int(entry.rule))
            for r in program.legend.graph.programRules[raw.program] where inForce[r] {
                let list = Int(program.legend.evidenceOfRule[r])
                guard list >= 0, let status = trace.ruleStatus[r], status != .no else { continue }
                let onFile: [Tri?] = program.evidence[list].onFile.map { $0 >= 0 ? trace.status[Int($0)] : nil }
                evidence.append(EvidenceCheck(list: list, rule: r, status: status, onFile: onFile))
            }
        }
        return Decision(
            programIndex: raw.program, program: entry.id, programTitle: decl.title, subject: subject, outcome: raw.outcome, reason: raw.reason,
            lawVersions: lawVersions, discretionary: decl.discretionary != nil || builder.discretionary,
            notes: notes, explanation: view == .off ? nil : builder.tree, missingFacts: missing, expected: expected, evidence: evidence,
            legend: program.legend, values: trace.values, parameters: trace.parameters, redacted: redact)
    }
}

/// Builds one decision's explanation tree into flat arrays (`Explanation`). Scratch stacks are
/// shared by the recursion: each call pushes above what its callers hold and pops back.
struct TreeBuilder {
    let program: Program
    let trace: Trace
    let full: Bool
    var tree = Explanation()
    /// The versions that applied (or may), in the order met.
    var appliedVersions: [Int32] = []
    /// Version notes that held, for the decision's own notes.
    var versionNotes: [DecisionNote] = []
    var discretionary = false
    var depth = 0
    /// The facts the decision's subject declined to answer (slots).
    var declined: [Int32] = []
    /// A rule shared by several elements is explained once per decision and reused (a
    /// pinned version of it is keyed by the version, in `builtPinned`).
    var built: [Int32]
    var builtPinned: [Int: Int32] = [:]
    var childStack: [Int32] = []
    var factStack: [Int32] = []
    var ruleStack: [(rule: Int32, version: Int32?)] = []

    /// Store the tree (false: walk it only, for the decision's versions, notes and discretion).
    let record: Bool

    init(program: Program, trace: Trace, full: Bool, record: Bool = true) {
        self.program = program
        self.trace = trace
        self.full = full
        self.record = record
        built = Array(repeating: -1, count: program.rules.count)
    }

    mutating func ruleNode(_ r: Int32, version pinned: Int32?) -> Int32 {
        guard let pinned else {
            if built[Int(r)] >= 0 { return built[Int(r)] }
            let node = buildRuleNode(Int(r), version: nil)
            built[Int(r)] = node
            return node
        }
        if let node = builtPinned[Int(pinned)] { return node }
        let node = buildRuleNode(Int(r), version: Int(pinned))
        builtPinned[Int(pinned)] = node
        return node
    }

    mutating func add(_ node: Explanation.Node) -> Int32 {
        guard record else { return 0 }
        tree.nodes.append(node)
        return Int32(tree.nodes.count - 1)
    }

    /// Moves the children pushed since `start` into the tree: the node's range of children.
    mutating func popChildren(from start: Int) -> Range<Int32> {
        guard record else {
            childStack.removeSubrange(start...)
            return 0..<0
        }
        let first = Int32(tree.childList.count)
        tree.childList.append(contentsOf: childStack[start...])
        childStack.removeSubrange(start...)
        return first..<Int32(tree.childList.count)
    }

    var noteCount: Int32 { Int32(tree.notes.count) }
    var factCount: Int32 { Int32(tree.facts.count) }

    // The legend's and the program's entries are read field by field, never copied out whole:
    // a copy of a `RuleInfo` retains a dozen strings and arrays, and a full tree has hundreds
    // of nodes.
    mutating func buildRuleNode(_ r: Int, version pinned: Int?) -> Int32 {
        let status: Tri = pinned.map { trace.versionBody[$0] } ?? trace.ruleStatus[r] ?? .unknown
        depth += 1
        defer { depth -= 1 }
        if program.legend.rules[r].discretionary != nil && status != .no { discretionary = true }
        let date = trace.decisionDate
        let from = program.rules[r].from, until = program.rules[r].until
        let empty = noteCount..<noteCount, noFacts = factCount..<factCount, noChildren = Int32(tree.childList.count)..<Int32(tree.childList.count)
        if date < from || date > until {
            return add(.init(
                rule: Int32(r), version: nil, status: status, sentence: .notInForce(on: date, from: from > date ? from : nil),
                facts: noFacts, notes: empty, children: noChildren))
        }
        let sentence = Explanation.Sentence.says(status)
        let notesStart = noteCount
        if status != .no && !program.legend.rules[r].parameters.isEmpty {
            for p in program.legend.rules[r].parameters {
                guard let value = program.legend.parameters[Int(p)].values.lastIndex(where: { $0.from <= date }) else { continue }
                if record { tree.notes.append(.parameter(p, value: Int32(value))) }
            }
        }
        if !program.rules[r].notes.isEmpty {
            for (i, n) in program.rules[r].notes.enumerated() where record && trace.status[Int(n)] == .yes { tree.notes.append(.ruleNote(rule: Int32(r), index: Int32(i))) }
        }
        let notes = notesStart..<noteCount
        if depth > 40 {
            return add(.init(rule: Int32(r), version: nil, status: status, sentence: sentence, facts: factCount..<factCount, notes: notes, children: noChildren))
        }
        let childStart = childStack.count
        let ruleVersions = program.rules[r].versions
        if !program.rules[r].hasDeclaredVersions {
            let facts = collectVersion(ruleVersions.lowerBound)
            return add(.init(rule: Int32(r), version: nil, status: status, sentence: sentence, facts: facts, notes: notes, children: popChildren(from: childStart)))
        }
        let versionRange = pinned.map { $0..<($0 + 1) } ?? ruleVersions
        for v in versionRange {
            let applies = pinned != nil ? Tri.yes : trace.versionApplies[v]
            if applies == .no && !full { continue }
            let body = trace.versionBody[v]
            let vstatus: Tri = applies == .no ? .no : (applies == .yes ? body : (body == .no ? .no : .unknown))
            if applies != .no && !appliedVersions.contains(Int32(v)) { appliedVersions.append(Int32(v)) }
            let child: Explanation.Node
            if applies == .no {
                child = .init(rule: Int32(r), version: Int32(v), status: vstatus, sentence: .versionDoesNotApply, facts: factCount..<factCount, notes: noteCount..<noteCount, children: Int32(tree.childList.count)..<Int32(tree.childList.count))
            } else {
                let vSentence: Explanation.Sentence = program.legend.versions[v].says != nil
                    ? .says(body) : .versionVerdict(pinned != nil ? .pinned : (applies == .yes ? .applies : .mayApply), body: body)
                let vNotesStart = noteCount
                if applies == .unknown && record { tree.notes.append(.applicabilityUnknown) }
                for (i, n) in program.versions[v].notes.enumerated() where trace.status[Int(n)] == .yes {
                    if record { tree.notes.append(.versionNote(version: Int32(v), index: Int32(i))) }
                    versionNotes.append(.versionNote(version: Int32(v), index: Int32(i)))
                }
                let vNotes = vNotesStart..<noteCount
                let grandStart = childStack.count
                let facts = collectVersion(v)
                child = .init(rule: Int32(r), version: Int32(v), status: vstatus, sentence: vSentence, facts: facts, notes: vNotes, children: popChildren(from: grandStart))
            }
            childStack.append(add(child))
        }
        return add(.init(rule: Int32(r), version: nil, status: status, sentence: sentence, facts: noFacts, notes: notes, children: popChildren(from: childStart)))
    }

    /// The facts a version's justifying conditions read (into the tree; their range), and its
    /// rule children (pushed on `childStack`).
    mutating func collectVersion(_ v: Int) -> Range<Int32> {
        let factStart = factStack.count, ruleStart = ruleStack.count
        let when = program.versions[v].when
        collect(when)
        // An exception matters only where the rule's own conditions do not already fail.
        let whenFailed = trace.status[Int(when)] == .no
        for u in program.versions[v].unless {
            let s = trace.status[Int(u)]
            if full || (!whenFailed && s != .no) { collect(u) }
        }
        let applies = program.versions[v].applies
        if applies >= 0 && full { collect(applies) }
        let first = factCount
        for i in factStack.indices[factStart...] where record {
            let f = factStack[i]
            if factStack[factStart..<i].contains(f) { continue }
            let value = trace.values[Int(f)]
            tree.facts.append(ShownFact(slot: f, value: value, declined: !value.isKnown && declined.contains(f)))
        }
        factStack.removeSubrange(factStart...)
        let facts = first..<factCount
        let ruleEnd = ruleStack.count
        var i = ruleStart
        while i < ruleEnd {
            let (r, pinned) = ruleStack[i]
            if !ruleStack[ruleStart..<i].contains(where: { $0.rule == r && $0.version == pinned }) {
                childStack.append(ruleNode(r, version: pinned))
            }
            i += 1
        }
        ruleStack.removeSubrange(ruleStart...)
        return facts
    }

    /// The justifying part of a condition: in the decision view, only the children that made
    /// the node come out as it did; in the full view, all of them.
    mutating func collect(_ n: Int32) {
        let s = trace.status[Int(n)]
        switch program.conditions[Int(n)] {
        case .all(let first, let count), .any(let first, let count):
            let isAll: Bool
            if case .all = program.conditions[Int(n)] { isAll = true } else { isAll = false }
            for k in first..<(first + count) {
                let child = program.children[Int(k)]
                let cs = trace.status[Int(child)]
                let keep: Bool
                if full {
                    keep = true
                } else if s == .unknown {
                    keep = cs == .unknown
                } else if isAll {
                    keep = s == .yes || cs == .no
                } else {
                    keep = s == .no || cs == .yes
                }
                if keep { collect(child) }
            }
        case .not(let c), .possible(let c):
            collect(c)
        case .rule(let r):
            ruleStack.append((r, nil))
        case .pinnedVersion(let r, let v):
            ruleStack.append((r, v))
        case .test, .compare, .records, .decision, .memberRule:
            factStack += program.nodeInfo[Int(n)].facts
        }
    }
}
