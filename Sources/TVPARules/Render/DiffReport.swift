/// A diff report for people, as text or Markdown: the heading, a summary per program with its
/// transition table, then the changed cases (the first `show` of them) with the rules whose
/// status changed and their citations. Streams in, renders at the end. Every string it did not
/// write itself (paths, ids, titles, the proposal's text) passes through `Escape`.
public struct DiffReport: DiffSink {
    public enum Style: Sendable { case text, markdown }

    public var style: Style
    /// How many changed cases to list in full (all are counted).
    public var show: Int
    private var header: DiffHeader?
    private var changes: [ChangedCase] = []
    private var unlisted = 0
    public private(set) var rendered = ""

    public init(style: Style, show: Int = 50) {
        self.style = style
        self.show = show
    }

    public mutating func begin(_ header: DiffHeader) { self.header = header }

    public mutating func changed(_ change: ChangedCase) {
        if changes.count < show { changes.append(change) } else { unlisted += 1 }
    }

    public mutating func end(_ summary: DiffSummary) {
        guard let header else { return }
        rendered = style == .markdown ? markdown(header, summary) : text(header, summary)
    }

    /// What a redacted diff leaves out.
    static let redactedNote = "cases and their family members are named by pseudonyms, in the order they appear; paths are withheld."

    static func status(_ s: Tri?) -> String {
        guard let s else { return "not reached" }
        switch s {
        case .yes: return "met"
        case .no: return "not met"
        case .unknown: return "unknown"
        }
    }

    static func side(_ s: DiffSide) -> String {
        "\(e(s.rules)) (\(s.digest.prefix(19))…)" + (s.asOf.map { ", every case decided as of \(CivilDate.format($0))" } ?? "")
    }

    static func move(_ d: ChangedDecision) -> String {
        "\(d.before.rawValue) (\(d.beforeReason.rawValue)) → \(d.after.rawValue) (\(d.afterReason.rawValue))"
    }

    static func moves(_ t: Transitions) -> String {
        if !t.reached { return "not reached by the change" }
        var parts: [String] = []
        for a in 0..<3 {
            for b in 0..<3 where a != b && t.moves[a][b] > 0 {
                parts.append("\(Transitions.order[a].rawValue) → \(Transitions.order[b].rawValue): \(t.moves[a][b])")
            }
        }
        if !parts.isEmpty { return parts.joined(separator: "; ") }
        if t.total > 0 { return "no outcome changed" }
        return t.perMember ? "no decisions (no family members in the cases evaluated)" : "no decisions"
    }

    static func counts(_ s: DiffSummary) -> String {
        "\(s.cases) case\(s.cases == 1 ? "" : "s") read, \(s.invalid) could not be evaluated, \(s.changedCases) with an outcome that changed."
    }

    /// Why cases could not be evaluated: how many record an event after each side's decision
    /// date (and so cannot be decided on it), and how many have other errors; nil when every
    /// case was evaluated.
    static func notEvaluated(_ s: DiffSummary, _ h: DiffHeader) -> String? {
        guard s.invalid > 0 else { return nil }
        func cases(_ n: Int) -> String { "\(n) case\(n == 1 ? "" : "s")" }
        func date(_ side: DiffSide) -> String { side.asOf.map { "as of \(CivilDate.format($0))" } ?? "on its own decision date" }
        var parts: [String] = []
        if s.eventsAfterDate > 0 {
            let b = s.eventsAfterBeforeDate, a = s.eventsAfterAfterDate
            let counts = h.before.asOf == h.after.asOf && a == b
                ? "\(cases(b)) cannot be decided \(date(h.before))"
                : "\(cases(b)) cannot be decided \(date(h.before)) (before) and \(cases(a)) \(date(h.after)) (after)"
            parts.append(counts + ", because they record an event after that date and a case is decided on what has happened by its decision date")
        }
        let other = s.invalid - s.eventsAfterDate
        if other > 0 { parts.append("\(cases(other)) \(other == 1 ? "has" : "have") errors in the case file") }
        return "Not evaluated: " + parts.joined(separator: "; ") + " (each error is on standard error)."
    }

    static func e(_ s: String) -> String { Escape.text(s) }
    func e(_ s: String) -> String { Escape.text(s) }

    // MARK: Text

    func text(_ h: DiffHeader, _ s: DiffSummary) -> String {
        var out = ""
        if let p = h.proposal {
            out += "Proposal: \(e(p.title)) (\(e(p.path)))\n"
            for c in p.cite { out += "  Source: \(e(c))\n" }
            if let d = p.description { out += "  \(Escape.lines(d, indent: "  "))\n" }
        }
        out += "Before: \(e(h.before.label)) — \(Self.side(h.before))\n"
        out += "After:  \(e(h.after.label)) — \(Self.side(h.after))\n"
        if h.redacted { out += "Redacted: " + Self.redactedNote + "\n" }
        out += Self.counts(s) + "\n"
        if let why = Self.notEvaluated(s, h) { out += why + "\n" }
        out += "\n"
        let width = max(7, s.programs.map { e($0.title).count + e($0.program).count + 3 }.max() ?? 0)
        out += "Program".padding(toLength: width, withPad: " ", startingAt: 0) + "  decisions  unchanged  changed  moves\n"
        for t in s.programs {
            let name = "\(e(t.title)) [\(e(t.program))]"
            out += name.padding(toLength: width, withPad: " ", startingAt: 0)
            out += "  " + pad(t.total, 9) + "  " + pad(t.unchanged, 9) + "  " + pad(t.changed, 7) + "  " + Self.moves(t) + "\n"
        }
        for t in s.programs where t.changed > 0 {
            out += "\n\(e(t.title)) [\(e(t.program))] — before (rows) × after (columns):\n"
            out += "".padding(toLength: 14, withPad: " ", startingAt: 0) + Transitions.order.map { pad($0.rawValue, 14) }.joined() + "\n"
            for a in 0..<3 {
                out += Transitions.order[a].rawValue.padding(toLength: 14, withPad: " ", startingAt: 0)
                out += (0..<3).map { pad(t.moves[a][$0], 14) }.joined() + "\n"
            }
        }
        if !changes.isEmpty { out += "\nChanged cases\n" }
        for c in changes {
            out += "\n" + e(c.redacted ? Redaction.heading(c.id, redacted: true) : "\(c.id) (\(c.path):\(c.line))") + (c.beforeDate == c.afterDate ? ", decided as of \(CivilDate.format(c.afterDate))" : ", as of \(CivilDate.format(c.beforeDate)) vs \(CivilDate.format(c.afterDate))") + "\n"
            for d in c.decisions {
                out += "  \(e(d.programTitle))" + (d.subject == "principal" ? "" : " — family member \(e(d.subject))") + ": \(Self.move(d))\n"
                for r in d.rules where r.before != nil && r.after != nil {
                    out += "    \(r.cause ? "*" : "-") \(e(r.rule)): \(Self.status(r.before)) → \(Self.status(r.after)) — \(e(r.title))\n"
                    if r.cause { out += "        \(e(r.cite.joined(separator: "; ")))\n" }
                }
                for r in d.rules where r.before == nil {
                    out += "    \(r.cause ? "*" : "+") \(e(r.rule)): now part of the decision, \(Self.status(r.after)) — \(e(r.title))\n"
                    if r.cause { out += "        \(e(r.cite.joined(separator: "; ")))\n" }
                }
                let dropped = d.rules.filter { $0.after == nil }.map(\.rule)
                if !dropped.isEmpty { out += "    no longer part of the decision: \(e(dropped.joined(separator: ", ")))\n" }
            }
        }
        if unlisted > 0 { out += "\n… and \(unlisted) more changed case\(unlisted == 1 ? "" : "s") (raise --show, or use --format csv or json for every one).\n" }
        if !changes.isEmpty { out += "\n* the change starts at this rule (no rule under it changed); its citations are shown.\n" }
        out += "\n" + Disclaimer.text + "\n"
        return out
    }

    func pad(_ n: Int, _ width: Int) -> String { pad(String(n), width) }
    func pad(_ s: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - s.count)) + s }

    // MARK: Markdown

    /// A Markdown table cell: escaped (`Escape.text`, so a line break is `\n` and cannot end
    /// the row), its `|` too.
    static func cell(_ s: String) -> String { Escape.text(s).replacingOccurrences(of: "|", with: "\\|") }

    func markdown(_ h: DiffHeader, _ s: DiffSummary) -> String {
        var out = "# " + e(h.proposal.map { "Proposal: \($0.title)" } ?? "Rule comparison: \(h.before.label) vs \(h.after.label)") + "\n\n"
        if let p = h.proposal {
            if let d = p.description { out += Escape.lines(d, indent: "") + "\n\n" }
            out += "Source: " + e(p.cite.joined(separator: "; ")) + " (`\(e(p.path))`)\n\n"
        }
        out += "- **Before:** \(e(h.before.label)) — `\(e(h.before.rules))` (`\(h.before.digest.prefix(19))…`)" + (h.before.asOf.map { ", as of \(CivilDate.format($0))" } ?? "") + "\n"
        out += "- **After:** \(e(h.after.label)) — `\(e(h.after.rules))` (`\(h.after.digest.prefix(19))…`)" + (h.after.asOf.map { ", as of \(CivilDate.format($0))" } ?? "") + "\n"
        out += "- **Cases:** " + Self.counts(s) + "\n"
        if h.redacted { out += "- **Redacted:** " + Self.redactedNote + "\n" }
        if let why = Self.notEvaluated(s, h) { out += "- " + why + "\n" }
        out += "\n"
        out += "## Summary\n\n| Program | Decisions | Unchanged | Changed | Moves |\n|---|---:|---:|---:|---|\n"
        for t in s.programs {
            out += "| \(Self.cell(t.title)) (`\(t.program)`) | \(t.total) | \(t.unchanged) | \(t.changed) | \(Self.moves(t)) |\n"
        }
        for t in s.programs where t.changed > 0 {
            out += "\n### \(Self.cell(t.title)): before (rows) × after (columns)\n\n| before \\ after | eligible | not_eligible | undetermined |\n|---|---:|---:|---:|\n"
            for a in 0..<3 {
                out += "| \(Transitions.order[a].rawValue) | " + (0..<3).map { String(t.moves[a][$0]) }.joined(separator: " | ") + " |\n"
            }
        }
        if !changes.isEmpty {
            out += "\n## Changed cases\n\nRules marked **cause** are where the change starts (no rule under them changed).\n"
        }
        for c in changes {
            out += c.redacted ? "\n### \(e(Redaction.heading(c.id, redacted: true)))\n\nDecided as of" : "\n### `\(e(c.id))`\n\n`\(e(c.path)):\(c.line)`, decided as of"
            out += " \(CivilDate.format(c.afterDate))" + (c.beforeDate == c.afterDate ? "" : " (before: \(CivilDate.format(c.beforeDate)))") + "\n\n"
            out += "| Program | Subject | Before | After |\n|---|---|---|---|\n"
            for d in c.decisions {
                out += "| \(Self.cell(d.programTitle)) | \(Self.cell(d.subject)) | \(d.before.rawValue) (\(d.beforeReason.rawValue)) | \(d.after.rawValue) (\(d.afterReason.rawValue)) |\n"
            }
            out += "\n| Rule | Before | After | Citations |\n|---|---|---|---|\n"
            var seen = Set<String>()
            var dropped: [String] = []
            for d in c.decisions {
                for r in d.rules where seen.insert(r.rule).inserted {
                    guard r.after != nil else {
                        dropped.append("`\(e(r.rule))`")
                        continue
                    }
                    out += "| \(r.cause ? "**cause** " : "")`\(Self.cell(r.rule))` \(Self.cell(r.title)) | \(Self.status(r.before)) | \(Self.status(r.after)) | \(Self.cell(r.cite.joined(separator: "; "))) |\n"
                }
            }
            if !dropped.isEmpty { out += "\nNo longer part of the decision: \(dropped.joined(separator: ", ")).\n" }
        }
        if unlisted > 0 { out += "\n… and \(unlisted) more changed case\(unlisted == 1 ? "" : "s"); the CSV or JSON report lists every one.\n" }
        out += "\n---\n\n*" + Disclaimer.text + "*\n"
        return out
    }
}
