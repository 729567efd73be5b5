/// The report for people: per program the outcome and reason, the explanation tree with
/// citations, then what to ask next. Every string it did not write itself (ids, the title and
/// narrative, fact values, and the rules' own text, which a proposal or a rules folder supplies)
/// passes through `Escape`, so no control character or terminal escape sequence in a case
/// reaches the terminal and no line break in it begins a line of the report.
public struct TextRenderer {
    public var color: Bool

    public init(color: Bool = false) { self.color = color }

    func paint(_ s: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }

    func mark(_ status: Tri) -> String {
        switch status {
        case .yes: return paint("[met]", "32")
        case .no: return paint("[not met]", "31")
        case .unknown: return paint("[unknown]", "33")
        }
    }

    func outcome(_ o: Outcome) -> String {
        switch o {
        case .eligible: return paint("ELIGIBLE", "1;32")
        case .notEligible: return paint("NOT ELIGIBLE", "1;31")
        case .undetermined: return paint("UNDETERMINED", "1;33")
        }
    }

    /// Beside a fact the person chose not to answer.
    public static let declinedMark = "(declined to answer)"
    /// What a redacted report leaves out.
    public static let redactedNote = "the title, narrative, source, free text and fact values are withheld; the case and its family members are named by pseudonyms."

    public func render(_ report: CaseReport) -> String {
        var out = Escape.text(Redaction.heading(report.caseId, redacted: report.redacted)) + (report.title.map { ": \(Escape.text($0))" } ?? "") + "\n"
        out += "Decision date: \(CivilDate.format(report.asOf))   Rules: \(Escape.text(report.rulesSource)) (\(report.rulesDigest.prefix(19))…)\n"
        // A narrative's own line breaks are kept, each following line indented under it.
        if let narrative = report.narrative { out += "Narrative: \(Escape.lines(narrative.trimmingCharacters(in: .whitespacesAndNewlines), indent: "  "))\n" }
        if report.redacted { out += "Redacted: \(Self.redactedNote)\n" }
        out += "\n"
        out += DeadlineText.block(report, paint: paint)  // issue 13: Render/DeadlineText.swift
        for d in report.decisions {
            let subject = d.subject == "principal" ? "" : " — family member \(Escape.text(d.subject))"
            out += "\(Escape.text(d.programTitle)) [\(Escape.text(d.program))]\(subject): \(outcome(d.outcome)) (\(d.reason.rawValue))"
            if let expected = d.expected, expected != d.outcome { out += paint("  expected \(expected.rawValue)", "1;35") }
            out += "\n" + explanation(d) + EvidenceText.block(d, paint: paint) + "\n"  // issue 13: Render/EvidenceText.swift
        }
        if !report.questions.isEmpty {
            out += "What to ask next (most decisive first):\n"
            for (i, q) in report.questions.enumerated() {
                let who = q.subject == "principal" ? "" : " [\(Escape.text(q.subject))]"
                out += "  \(i + 1). \(Escape.text(q.question))\(who) — \(Escape.text(q.name))"
                if !q.values.isEmpty { out += " (\(Escape.text(q.values.joined(separator: ", "))))" }
                out += "; settles \(q.decides) decision\(q.decides == 1 ? "" : "s")"
                if q.declined { out += " " + Self.declinedMark }
                out += "\n"
            }
            out += "\n"
        }
        out += Disclaimer.text + "\n"
        return out
    }

    /// One decision's body: law applied, notes, the explanation tree, what would settle it.
    public func explanation(_ d: Decision) -> String {
        var out = ""
        if !d.lawVersions.isEmpty { out += "  Law applied: \(Escape.text(d.lawVersions.joined(separator: "; ")))\n" }
        if d.discretionary && d.outcome != .notEligible { out += "  Discretionary: meeting the criteria does not decide the grant; it is a judgment by the agency named below.\n" }
        let words = ExplanationText(d)
        for note in words.notes { out += "  Note: \(Escape.text(note))\n" }
        if let e = d.explanation, let root = e.root { out += node(root, e, words, indent: "  ") }
        if !d.missingFacts.isEmpty {
            out += "  Would settle it: " + d.missingFacts.map { f in
                Escape.text(f.subject == "principal" ? f.name : "\(f.name) [\(f.subject)]") + (f.declined ? " " + Self.declinedMark : "")
            }.joined(separator: ", ") + "\n"
        }
        return out
    }

    func node(_ n: Int32, _ e: Explanation, _ words: ExplanationText, indent: String) -> String {
        let status = e.nodes[Int(n)].status
        var out = "\(indent)\(mark(status)) \(Escape.text(words.title(n))) — \(Escape.text(words.text(n)))"
        let citations = words.citations(n)
        if !citations.isEmpty { out += paint(" [\(Escape.text(citations.joined(separator: "; ")))]", "2") }
        out += "\n"
        let inner = indent + "    "
        let facts = e.facts(of: n)
        if !facts.isEmpty {
            out += inner + "facts: " + facts.map { f in
                let (name, value) = words.fact(f)
                return Escape.text("\(name) = \(value)") + (f.declined ? " " + Self.declinedMark : "")
            }.joined(separator: ", ") + "\n"
        }
        if let d = words.discretionary(n), status != .no { out += inner + "discretionary: \(Escape.text(d))\n" }
        for u in words.unverified(n) { out += inner + "unverified: \(Escape.text(u))\n" }
        for note in words.notes(n) { out += inner + "note: \(Escape.text(note))\n" }
        for child in e.children(of: n) { out += node(child, e, words, indent: indent + "  ") }
        return out
    }
}

extension String {
    func trimmingCharacters(in _: Whitespace) -> String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}

public enum Whitespace { case whitespacesAndNewlines }
