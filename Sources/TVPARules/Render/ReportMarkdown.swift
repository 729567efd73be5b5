/// Render: the report for people as Markdown, for a memo — `ReportLayout`'s blocks as
/// headings, lists and nested lists. Every string it did not write itself passes through
/// `Escape.markdown`. Several cases are one document: a list of the cases first, then each case.
public enum ReportMarkdown {
    public static func render(_ layouts: [ReportLayout]) -> String {
        var out = ""
        if layouts.count > 1 {
            out += "# \(ReportWords.contents)\n\n"
            for (i, l) in layouts.enumerated() {
                out += "\(i + 1). \(m(l.heading))" + (l.title.map { " — " + m($0) } ?? "") + "\n"
            }
            out += "\n"
        }
        for (i, l) in layouts.enumerated() {
            if i > 0 { out += "\n---\n\n" }
            out += render(l)
        }
        return out
    }

    static func m(_ s: String) -> String { Escape.markdown(s) }

    /// A code span (an id, a fact name, a value code): no backtick can end it early.
    static func code(_ s: String) -> String { "`" + Escape.text(s.filter { $0 != "`" }) + "`" }

    static func who(_ program: String, _ title: String, _ member: String?, codes: Bool) -> String {
        m(title) + (codes ? " (\(code(program)))" : "") + (member.map { m(ReportWords.memberSuffix($0)) } ?? "")
    }

    public static func render(_ l: ReportLayout) -> String {
        var out = "# \(m(l.heading))" + (l.title.map { " — " + m($0) } ?? "") + "\n\n"
        out += "\(ReportWords.decisionDate): \(l.asOf) · \(ReportWords.rules): \(m(l.rulesSource)) (\(m(l.rulesDigest)))\n\n"
        if let narrative = l.narrative {
            let lines = narrative.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n", omittingEmptySubsequences: false)
            out += "**\(ReportWords.narrative):** " + lines.map { m(String($0)) }.joined(separator: "\\\n") + "\n\n"
        }
        if l.redacted { out += "*\(m(ReportWords.redacted))*\n\n" }
        for block in l.blocks {
            switch block {
            case .summary:
                out += "## \(ReportWords.summary)\n\n"
                for s in l.summary {
                    out += "- **\(who(s.program, s.programTitle, s.member, codes: l.options.codes))**: \(s.outcomeWords) — \(m(s.reasonWords))"
                    if s.discretionary { out += " (\(ReportWords.discretionaryShort))" }
                    out += "."
                    if let expected = s.expected { out += " Expected: \(ReportWords.outcome(expected))." }
                    if let by = s.decidedBy { out += "\\\n  \(ReportWords.decidedBy): \(m(by))" }
                    if let instead = s.instead { out += "\\\n  \(ReportWords.instead): \(m(instead))" }
                    out += "\n"
                }
                out += "\n"
            case .deadlines:
                guard !l.deadlines.isEmpty else { continue }
                out += "## \(ReportWords.deadlines) (\(ReportWords.deadlinesOrder))\n\n"
                for d in l.deadlines {
                    out += "- " + (d.flag.map { "**[\($0)]** " } ?? "") + "**\(m(d.title))**" + (d.member.map { m(ReportWords.memberSuffix($0)) } ?? "") + ": \(m(d.when))."
                    if let says = d.says { out += "\\\n  \(m(says))" }
                    if !d.fixedBy.isEmpty { out += "\\\n  \(ReportWords.fixedBy): \(m(d.fixedBy.joined(separator: ", ")))" }
                    if !d.cite.isEmpty { out += "\\\n  \(ReportWords.cited): \(m(d.cite.joined(separator: "; ")))" }
                    if let u = d.unverified { out += "\\\n  \(ReportWords.unverifiedShort): \(m(u))" }
                    out += "\n"
                }
                out += "\n"
            case .evidence:
                guard !l.evidence.isEmpty else { continue }
                out += "## \(ReportWords.evidence)\n\n\(ReportWords.evidenceGuide)\n\n"
                for g in l.evidence {
                    out += "### \(m(g.programTitle))" + (g.member.map { m(ReportWords.memberSuffix($0)) } ?? "") + "\n\n"
                    for el in g.elements {
                        out += "- \(mark(el.status)) \(m(el.title))"
                        if let guide = el.guide { out += "\\\n  \(m(guide))" + (el.guideCite.isEmpty ? "" : " (\(m(el.guideCite.joined(separator: "; "))))") }
                        out += "\n"
                        for item in el.items {
                            out += "  - [\(item.standing)] \(m(item.text))" + (item.required ? " (\(ReportWords.required))" : "")
                            if !item.cite.isEmpty { out += " — \(ReportWords.cited): \(m(item.cite.joined(separator: "; ")))" }
                            if let u = item.unverified { out += "\\\n    \(ReportWords.unverifiedShort): \(m(u))" }
                            out += "\n"
                        }
                    }
                    out += "\n"
                }
            case .questions:
                guard !l.questions.isEmpty else { continue }
                out += "## \(ReportWords.whatToAsk) (\(ReportWords.whatToAskRanked))\n\n"
                for q in l.questions {
                    out += "\(q.number). \(m(q.text))" + (q.member.map { " (\(m($0)))" } ?? "")
                    if l.options.codes { out += " — \(code(q.fact))" }
                    if q.declined { out += " (\(ReportWords.declined))" }
                    if q.answers.isEmpty {
                        out += "\\\n   \(ReportWords.answers): \(q.kind). \(ReportWords.settles(q.decides))\n"
                    } else {
                        let answers = q.answers.map { m($0.label) + (l.options.codes && $0.label != $0.code ? " (\(code($0.code)))" : "") }.joined(separator: " · ")
                        out += "\\\n   \(ReportWords.answers), \(q.kind): \(answers).\\\n   \(ReportWords.settles(q.decides))\n"
                    }
                }
                out += "\n"
            case .explanations:
                out += "## \(ReportWords.explanations)\n\n"
                for s in l.sections {
                    out += "### \(who(s.program, s.programTitle, s.member, codes: l.options.codes)) — \(s.outcomeWords): \(m(s.reasonWords))\n\n"
                    if !s.lawApplied.isEmpty { out += "\(ReportWords.lawApplied): \(m(s.lawApplied.joined(separator: "; ")))\n\n" }
                    if s.discretionary { out += "*\(ReportWords.discretionary)*\n\n" }
                    for note in s.notes { out += "\(ReportWords.note): \(m(note))\n\n" }
                    for e in s.elements { out += element(e, l) }
                    if !s.elements.isEmpty { out += "\n" }
                    if !s.settledBy.isEmpty { out += ReportWords.settledBy(s.settledBy) + "\n\n" }
                    if l.options.codes && !s.missingFacts.isEmpty { out += "Missing facts: \(m(s.missingFacts.joined(separator: ", ")))\n\n" }
                    if let expected = s.expected { out += "Expected: \(ReportWords.outcome(expected)).\n\n" }
                }
            case .unverified:
                guard !l.unverified.isEmpty else { continue }
                out += "## \(ReportWords.unverified)\n\n"
                for p in l.unverified {
                    out += "\(p.number). \(m(p.text))\\\n   \(ReportWords.touches): \(m(p.elements.joined(separator: "; ")))\n"
                }
                out += "\n"
            case .disclaimer:
                out += "> \(m(l.disclaimer))\n"
            }
        }
        return out
    }

    static func mark(_ status: Tri) -> String {
        switch status {
        case .yes: return "**[met]**"
        case .no: return "**[not met]**"
        case .unknown: return "**[unknown]**"
        }
    }

    static func element(_ e: ReportLayout.Element, _ l: ReportLayout) -> String {
        let indent = String(repeating: "  ", count: e.depth)
        let body = indent + "  "
        var lines = ["\(mark(e.status)) \(m(e.title))" + (l.options.codes ? " (\(code(e.rule)))" : "") + (e.reference.map { " — \(ReportWords.referenceTo) *\(m($0.title))*, above." } ?? "")]
        if let text = e.text { lines.append(m(text)) }
        if !e.citations.isEmpty { lines.append("*\(ReportWords.cited): \(m(e.citations.joined(separator: "; ")))*") }
        for f in e.facts {
            lines.append("• " + (l.options.codes ? "\(code(f.name)) = \(m(f.value))" : f.asked.hasSuffix("?") ? "\(m(f.asked)) \(m(f.value))" : "\(m(f.asked)): \(m(f.value))"))
        }
        if let d = e.discretionary { lines.append("Discretionary: \(m(d))") }
        for note in e.notes { lines.append("\(ReportWords.note): \(m(note))") }
        if !e.unverified.isEmpty { lines.append(ReportWords.seePoints(e.unverified)) }
        return indent + "- " + lines.joined(separator: "\\\n" + body) + "\n"
    }
}
