/// Render: every word of an explanation that does not come from the rules. The rules' own
/// words (titles, `says` sentences, notes, citations, labels) are read from the decision's
/// legend and filled with the case's values; the text and JSON renderers both word a
/// decision through this, so they say the same thing.
public struct ExplanationText {
    public let decision: Decision
    // Held once: a computed copy of the legend or the tree per call retained every array in
    // them, for every word of every node.
    let legend: Legend
    let explanation: Explanation

    /// Values in words (the rules' `labels:`, yes and no) rather than codes: for the reports
    /// people read. JSON keeps the codes.
    let labels: Bool

    public init(_ decision: Decision, labels: Bool = false) {
        self.decision = decision
        self.labels = labels
        legend = decision.legend
        explanation = decision.explanation ?? Explanation()
    }

    // MARK: The decision

    /// The decision's notes, in order; a version's note that says what an earlier note already
    /// says is left out.
    public var notes: [String] {
        var base: [String] = []
        var fromVersions: [String] = []
        let program = legend.programs[decision.programIndex]
        for note in decision.notes {
            switch note {
            case .notApplicable(let i):
                let n = program.notApplicable[Int(i)]
                base.append("Not applicable: \(n.because)" + (n.cite.isEmpty ? "" : " (\(n.cite.joined(separator: "; ")))"))
            case .instead(let i):
                if let instead = program.notApplicable[Int(i)].instead { base.append("Instead: \(instead)") }
            case .programNote(let i):
                base.append(fill(program.notes[Int(i)].text) + citeSuffix(program.notes[Int(i)].cite))
            case .awaitingDecision(let by):
                base.append("Awaiting a decision: \(by)")
            case .versionNote(let v, let i):
                fromVersions.append(fill(legend.versions[Int(v)].notes[Int(i)].text))
            }
        }
        return base + fromVersions.filter { !base.contains($0) }
    }

    // MARK: A node

    /// The node's address: the rule's id, or `rule@version` for a version.
    public func rule(_ n: Int32) -> String {
        let node = node(n)
        guard let v = node.version else { return legend.rules[Int(node.rule)].id }
        return "\(legend.rules[Int(node.rule)].id)@\(legend.versions[Int(v)].name)"
    }

    public func title(_ n: Int32) -> String {
        let node = node(n)
        return node.version.map { legend.versions[Int($0)].label } ?? legend.rules[Int(node.rule)].title
    }

    public func citations(_ n: Int32) -> [String] {
        let node = node(n)
        return node.version.map { legend.versions[Int($0)].cite } ?? legend.rules[Int(node.rule)].cite
    }

    /// A version node's label.
    public func version(_ n: Int32) -> String? { node(n).version.map { legend.versions[Int($0)].label } }

    public func discretionary(_ n: Int32) -> String? {
        let node = node(n)
        return node.version == nil ? legend.rules[Int(node.rule)].discretionary : nil
    }

    /// What is not yet verified: the rule's (or version's) own, then each dated value it read.
    public func unverified(_ n: Int32) -> [String] {
        let node = node(n)
        if let v = node.version { return legend.versions[Int(v)].unverified.map { [$0] } ?? [] }
        var out = legend.rules[Int(node.rule)].unverified.map { [$0] } ?? []
        for note in explanation.notes(of: n) {
            if case .parameter(let p, let value) = note, let u = legend.parameters[Int(p)].values[Int(value)].unverified { out.append(u) }
        }
        return out
    }

    public func text(_ n: Int32) -> String {
        let node = node(n)
        switch node.sentence {
        case .notInForce(let date, let from):
            return "Not in force on \(CivilDate.format(date))" + (from.map { " (in force from \(CivilDate.format($0)))." } ?? ".")
        case .says(let status):
            let says = node.version.map { legend.versions[Int($0)].says } ?? legend.rules[Int(node.rule)].says
            if let template = says?.template(for: status) { return fill(template) }
            let title = self.title(n)
            switch status {
            case .yes: return "\(title): met."
            case .no: return "\(title): not met."
            case .unknown: return "\(title): not yet known."
            }
        case .versionDoesNotApply:
            return "This version does not apply on these dates."
        case .versionVerdict(let scope, let body):
            let verdict = body == .yes ? "met" : body == .no ? "not met" : "not yet decided"
            let said: String
            switch scope {
            case .pinned: said = "This program applies this text whatever the decision date"
            case .applies: said = "Applies on these dates"
            case .mayApply: said = "May apply on these dates"
            }
            return said + "; under this text the test is \(verdict)."
        }
    }

    public func notes(_ n: Int32) -> [String] {
        explanation.notes(of: n).map { note in
            switch note {
            case .parameter(let p, let value):
                let parameter = legend.parameters[Int(p)]
                let dated = parameter.values[Int(value)]
                let shown = parameter.type == .date ? CivilDate.format(dated.value) : String(dated.value)
                return "\(parameter.title ?? parameter.name): \(shown) from \(CivilDate.format(dated.from))" + citeSuffix(dated.cite)
            case .ruleNote(let r, let i):
                let note = legend.rules[Int(r)].notes[Int(i)]
                return fill(note.text) + citeSuffix(note.cite)
            case .versionNote(let v, let i):
                let note = legend.versions[Int(v)].notes[Int(i)]
                return fill(note.text) + citeSuffix(note.cite)
            case .applicabilityUnknown:
                return "Whether this version applies depends on facts not yet known."
            }
        }
    }

    /// A shown fact's name and value as written.
    public func fact(_ f: ShownFact) -> (name: String, value: String) {
        (legend.facts[Int(f.slot)].name, value(f.slot, f.value))
    }

    /// A shown enum or list value in words, when the rules label the fact and the value is
    /// shown (not unknown, not redacted): what JSON adds beside the code.
    public func label(_ f: ShownFact) -> String? {
        let info = legend.facts[Int(f.slot)]
        guard !decision.redacted, !info.labels.isEmpty else { return nil }
        switch f.value {
        case .choice, .set: return Self.words(f.value, fact: info)
        default: return nil
        }
    }

    // MARK: Values

    func node(_ n: Int32) -> Explanation.Node { explanation.nodes[Int(n)] }

    func citeSuffix(_ cite: [String]) -> String { cite.isEmpty ? "" : " (\(cite.joined(separator: "; ")))" }

    /// A template with the case's values in place of `{fact}` and `{param:name}`.
    func fill(_ template: Template) -> String {
        if let plain = template.plain { return plain }
        var out = ""
        for piece in template.pieces {
            switch piece {
            case .text(let t): out += t
            case .parameter(let p):
                out += decision.parameters[Int(p)].map { legend.parameters[Int(p)].type == .date ? CivilDate.format($0) : String($0) } ?? "unknown"
            case .fact(let f): out += value(f, decision.values[Int(f)])
            }
        }
        return out
    }

    func value(_ slot: Int32, _ value: FactValue) -> String {
        if case .unknown = value { return labels ? ReportWords.notKnown : "unknown" }
        if decision.redacted { return Redaction.withheld }
        if labels { return Self.words(value, fact: legend.facts[Int(slot)]) }
        return Self.format(value, fact: legend.facts[Int(slot)], texts: [])
    }

    /// A value in words: a value's label where the rules give one, yes or no, "none" for an
    /// empty list.
    public static func words(_ value: FactValue, fact: FactInfo) -> String {
        func label(_ i: Int) -> String { i < fact.labels.count ? fact.labels[i] : i < fact.values.count ? fact.values[i] : "?" }
        switch value {
        case .bool(let b): return b ? ReportWords.yes : ReportWords.no
        case .choice(let c): return label(c)
        case .set(let s):
            let chosen = fact.values.indices.filter { s & (1 << UInt64($0)) != 0 }.map(label)
            return chosen.isEmpty ? ReportWords.none : chosen.joined(separator: "; ")
        default: return format(value, fact: fact, texts: [])
        }
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

/// An explanation node in words: what the JSON renderer writes and what tests read.
public struct RenderedNode: Sendable {
    public var rule: String
    public var title: String
    public var status: Tri
    public var text: String
    public var citations: [String]
    public var version: String?
    public var discretionary: String?
    public var unverified: [String]
    public var facts: [(name: String, value: String, declined: Bool)]
    public var notes: [String]
    public var children: [RenderedNode]
}

extension Decision {
    /// The decision's notes in words.
    public var renderedNotes: [String] { ExplanationText(self).notes }

    /// The explanation tree in words, or nil when there is none.
    public var renderedExplanation: RenderedNode? {
        guard let e = explanation, let root = e.root else { return nil }
        let words = ExplanationText(self)
        func build(_ n: Int32) -> RenderedNode {
            RenderedNode(
                rule: words.rule(n), title: words.title(n), status: e.nodes[Int(n)].status, text: words.text(n), citations: words.citations(n),
                version: words.version(n), discretionary: words.discretionary(n), unverified: words.unverified(n),
                facts: e.facts(of: n).map { f in
                    let (name, value) = words.fact(f)
                    return (name, value, f.declined)
                },
                notes: words.notes(n), children: e.children(of: n).map(build))
        }
        return build(root)
    }
}
