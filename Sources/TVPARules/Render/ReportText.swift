/// Render: the report for people as text — `ReportLayout`'s blocks wrapped to a width, with
/// hanging indents for the tree and each citation on its own line, colour only when asked
/// (the CLI asks on a terminal). Every string it did not write itself passes through
/// `Escape`, so no control character or terminal escape sequence in a case or a rules folder
/// reaches the terminal and no line break in it begins a line of the report.
public struct ReportText {
    public var width: Int
    public var color: Bool

    /// The width when standard output is not a terminal.
    public static let defaultWidth = 100
    /// The narrowest width the layout keeps to (a narrower `--width` is raised to it).
    public static let minimumWidth = 40

    public init(width: Int = ReportText.defaultWidth, color: Bool = false) {
        self.width = max(width, Self.minimumWidth)
        self.color = color
    }

    func paint(_ s: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }

    static func mark(_ status: Tri) -> (String, String) {
        switch status {
        case .yes: return ("[met]", "32")
        case .no: return ("[not met]", "31")
        case .unknown: return ("[unknown]", "33")
        }
    }

    static func outcomeColor(_ o: Outcome) -> String {
        switch o {
        case .eligible: return "1;32"
        case .notEligible: return "1;31"
        case .undetermined: return "1;33"
        }
    }

    /// Wrapped, then the first occurrence of `plain` on the first line painted.
    func wrap(_ text: String, first: String, rest: String, paint plain: String? = nil, _ code: String = "") -> String {
        var lines = TextWrap.lines(text, width: width, first: first, rest: rest)
        if color, let plain, let range = lines[0].range(of: plain) { lines[0].replaceSubrange(range, with: paint(plain, code)) }
        return lines.map { $0 + "\n" }.joined()
    }

    func e(_ s: String) -> String { Escape.text(s) }

    public func render(_ layout: ReportLayout) -> String {
        var out = wrap(e(layout.heading) + (layout.title.map { " — " + e($0) } ?? ""), first: "", rest: "  ", paint: e(layout.heading), "1")
        out += wrap("\(ReportWords.decisionDate): \(layout.asOf) · \(ReportWords.rules): \(e(layout.rulesSource)) (\(layout.rulesDigest))", first: "", rest: "  ")
        if let narrative = layout.narrative {
            // The narrative's own line breaks are kept, each line wrapped under the label.
            let lines = narrative.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n", omittingEmptySubsequences: false)
            for (i, line) in lines.enumerated() {
                out += wrap(e(String(line)), first: i == 0 ? "\(ReportWords.narrative): " : "  ", rest: "  ")
            }
        }
        if layout.redacted { out += wrap(ReportWords.redacted, first: "", rest: "  ") }
        for block in layout.blocks {
            switch block {
            case .summary: out += summary(layout)
            case .deadlines: out += deadlines(layout)
            case .questions: out += questions(layout)
            case .explanations: out += explanations(layout)
            case .evidence: out += evidence(layout)
            case .unverified: out += unverified(layout)
            case .disclaimer: out += "\n" + wrap(layout.disclaimer, first: "", rest: "")
            }
        }
        return out
    }

    func heading(_ s: String) -> String { "\n" + paint(s, "1;4") + "\n" }

    func who(_ program: String, _ title: String, _ member: String?, codes: Bool) -> String {
        e(title) + (codes ? " [\(e(program))]" : "") + (member.map { e(ReportWords.memberSuffix($0)) } ?? "")
    }

    func summary(_ layout: ReportLayout) -> String {
        var out = heading(ReportWords.summary)
        for line in layout.summary {
            var text = "\(who(line.program, line.programTitle, line.member, codes: layout.options.codes)): \(line.outcomeWords) — \(e(line.reasonWords))"
            if line.discretionary { text += " (\(ReportWords.discretionaryShort))" }
            if layout.options.codes { text += " [\(line.outcome.rawValue), \(line.reason.rawValue)]" }
            text += "."
            if let expected = line.expected { text += " Expected: \(ReportWords.outcome(expected))." }
            out += wrap(text, first: "  ", rest: "      ", paint: line.outcomeWords, Self.outcomeColor(line.outcome))
            if let by = line.decidedBy { out += wrap("\(ReportWords.decidedBy): \(e(by))", first: "      ", rest: "        ") }
            if let instead = line.instead { out += wrap("\(ReportWords.instead): \(e(instead))", first: "      ", rest: "        ") }
        }
        return out
    }

    func questions(_ layout: ReportLayout) -> String {
        guard !layout.questions.isEmpty else { return "" }
        var out = heading("\(ReportWords.whatToAsk) (\(ReportWords.whatToAskRanked))")
        let numberWidth = String(layout.questions.count).count
        for q in layout.questions {
            let number = String(repeating: " ", count: numberWidth - String(q.number).count) + "\(q.number). "
            let hang = String(repeating: " ", count: 2 + number.count)
            var text = e(q.text) + (q.member.map { " [\(e($0))]" } ?? "")
            if layout.options.codes { text += " — \(e(q.fact))" }
            if q.declined { text += " (\(ReportWords.declined))" }
            out += wrap(text, first: "  " + number, rest: hang)
            if q.answers.isEmpty {
                out += wrap("\(ReportWords.answers): \(q.kind). \(ReportWords.settles(q.decides))", first: hang, rest: hang + "  ")
            } else {
                let answers = q.answers.map { e($0.label) + (layout.options.codes && $0.label != $0.code ? " (\(e($0.code)))" : "") }.joined(separator: " · ")
                out += wrap("\(ReportWords.answers), \(q.kind): \(answers).", first: hang, rest: hang + "  ")
                out += wrap(ReportWords.settles(q.decides), first: hang, rest: hang)
            }
        }
        return out
    }

    func deadlines(_ layout: ReportLayout) -> String {
        guard !layout.deadlines.isEmpty else { return "" }
        var out = heading("\(ReportWords.deadlines) (\(ReportWords.deadlinesOrder))")
        for d in layout.deadlines {
            var text = (d.flag.map { "[\($0)] " } ?? "") + e(d.title) + (d.member.map { e(ReportWords.memberSuffix($0)) } ?? "") + ": " + e(d.when)
            text += "."
            out += wrap(text, first: "  - ", rest: "      ", paint: d.flag.map { "[\($0)]" }, d.flag == "SOON" ? "1;33" : "1;31")
            if let says = d.says { out += wrap(e(says), first: "      ", rest: "      ") }
            if !d.fixedBy.isEmpty { out += wrap("\(ReportWords.fixedBy): \(e(d.fixedBy.joined(separator: ", ")))", first: "      ", rest: "        ") }
            if !d.cite.isEmpty { out += paint(wrap("\(ReportWords.cited): \(e(d.cite.joined(separator: "; ")))", first: "      ", rest: "        "), "2") }
            if let u = d.unverified { out += wrap("\(ReportWords.unverifiedShort): \(e(u))", first: "      ", rest: "        ") }
        }
        return out
    }

    func evidence(_ layout: ReportLayout) -> String {
        guard !layout.evidence.isEmpty else { return "" }
        var out = heading(ReportWords.evidence)
        out += wrap(ReportWords.evidenceGuide, first: "  ", rest: "  ")
        for g in layout.evidence {
            out += "\n" + wrap(e(g.programTitle) + (g.member.map { e(ReportWords.memberSuffix($0)) } ?? ""), first: "  ", rest: "    ")
            for el in g.elements {
                let (mark, code) = Self.mark(el.status)
                out += wrap(e(el.title), first: "    " + mark + " ", rest: "        ", paint: mark, code)
                if let guide = el.guide {
                    out += wrap(e(guide), first: "        ", rest: "        ")
                    if !el.guideCite.isEmpty { out += paint(wrap("\(ReportWords.cited): \(e(el.guideCite.joined(separator: "; ")))", first: "        ", rest: "          "), "2") }
                }
                for item in el.items {
                    out += wrap("[\(item.standing)] \(e(item.text))" + (item.required ? " (\(ReportWords.required))" : ""), first: "      - ", rest: "          ")
                    if !item.cite.isEmpty { out += paint(wrap("\(ReportWords.cited): \(e(item.cite.joined(separator: "; ")))", first: "          ", rest: "            "), "2") }
                    if let u = item.unverified { out += wrap("\(ReportWords.unverifiedShort): \(e(u))", first: "          ", rest: "            ") }
                }
            }
        }
        return out
    }

    func explanations(_ layout: ReportLayout) -> String {
        var out = heading(ReportWords.explanations)
        for (i, s) in layout.sections.enumerated() {
            if i > 0 { out += "\n" }
            out += wrap("\(who(s.program, s.programTitle, s.member, codes: layout.options.codes)) — \(s.outcomeWords): \(e(s.reasonWords))", first: "", rest: "  ", paint: s.outcomeWords, Self.outcomeColor(s.outcome))
            if !s.lawApplied.isEmpty { out += wrap("\(ReportWords.lawApplied): \(e(s.lawApplied.joined(separator: "; ")))", first: "  ", rest: "    ") }
            if s.discretionary { out += wrap(ReportWords.discretionary, first: "  ", rest: "    ") }
            for note in s.notes { out += wrap("\(ReportWords.note): \(e(note))", first: "  ", rest: "    ") }
            for element in s.elements { out += self.element(element, layout) }
            if !s.settledBy.isEmpty { out += wrap(ReportWords.settledBy(s.settledBy), first: "  ", rest: "    ") }
            if layout.options.codes && !s.missingFacts.isEmpty { out += wrap("Missing facts: \(e(s.missingFacts.joined(separator: ", ")))", first: "  ", rest: "    ") }
            if let expected = s.expected { out += wrap("Expected: \(ReportWords.outcome(expected)).", first: "  ", rest: "    ") }
        }
        return out
    }

    func element(_ el: ReportLayout.Element, _ layout: ReportLayout) -> String {
        let indent = String(repeating: " ", count: 2 + 2 * el.depth)
        let body = indent + "    "
        let (mark, code) = Self.mark(el.status)
        var title = e(el.title)
        if layout.options.codes { title += " [\(e(el.rule))]" }
        if let ref = el.reference { title += " — \(ReportWords.referenceTo) \(e(ref.title)), above." }
        var out = wrap(title, first: indent + mark + " ", rest: body, paint: mark, code)
        if let text = el.text { out += wrap(e(text), first: body, rest: body) }
        if !el.citations.isEmpty { out += paint(wrap("\(ReportWords.cited): \(e(el.citations.joined(separator: "; ")))", first: body, rest: body + "  "), "2") }
        for f in el.facts {
            let fact = layout.options.codes ? "\(e(f.name)) = \(e(f.value))" : (f.asked.hasSuffix("?") ? "\(e(f.asked)) \(e(f.value))" : "\(e(f.asked)): \(e(f.value))")
            out += wrap("• " + fact, first: body, rest: body + "  ")
        }
        if let d = el.discretionary { out += wrap("Discretionary: \(e(d))", first: body, rest: body + "  ") }
        for note in el.notes { out += wrap("\(ReportWords.note): \(e(note))", first: body, rest: body + "  ") }
        if !el.unverified.isEmpty { out += wrap(ReportWords.seePoints(el.unverified), first: body, rest: body + "  ") }
        return out
    }

    func unverified(_ layout: ReportLayout) -> String {
        guard !layout.unverified.isEmpty else { return "" }
        var out = heading(ReportWords.unverified)
        for p in layout.unverified {
            let number = "\(p.number). "
            let hang = String(repeating: " ", count: 2 + number.count)
            out += wrap(e(p.text), first: "  " + number, rest: hang)
            out += wrap("\(ReportWords.touches): \(e(p.elements.joined(separator: "; ")))", first: hang, rest: hang + "  ")
        }
        return out
    }
}
