/// Render: the words for a case's deadlines (issue 13) — the "Deadlines" block of the text
/// report, and the phrases the JSON and other formats share. Dates and day counts never appear
/// in a redacted report: a deadline is then only passed / within 30 days / within 90 days / later
/// (case-file.md, "Redaction").
public enum DeadlineText {
    /// The block's heading line.
    public static let heading = "Deadlines (soonest first):"

    /// What the kind of date is, as a phrase before it.
    public static func kind(_ k: ClockKind) -> String {
        switch k {
        case .actBy: return "act by"
        case .endsOn: return "ends on"
        case .from: return "possible from"
        }
    }

    /// The redacted bucket in words.
    public static func bucket(_ b: Deadline.Bucket) -> String {
        switch b {
        case .passed: return "passed"
        case .within30: return "within 30 days"
        case .within90: return "within 90 days"
        case .later: return "later"
        }
    }

    static func days(_ n: Int) -> String { n == 1 ? "1 day" : "\(n) days" }

    /// Where the date stands, without the date: "12 days left", "passed 3 days ago", "today".
    public static func standing(_ d: Deadline) -> String {
        if d.redacted { return bucket(d.bucket) + (d.date == nil ? " (at the earliest)" : "") }
        if let n = d.days {
            if n == 0 { return d.kind == .from ? "possible from today" : "today is the last day" }
            if n > 0 { return d.kind == .from ? "in \(days(n))" : "\(days(n)) left" }
            switch d.kind {
            case .actBy: return "passed \(days(-n)) ago"
            case .endsOn: return "ended \(days(-n)) ago"
            case .from: return "possible since \(days(-n)) ago"
            }
        }
        switch d.status {
        case .passed: return d.kind == .from ? "possible already" : (d.kind == .actBy ? "passed" : "ended")
        case .upcoming: return d.earliest.map { $0 == d.asOf ? "as soon as today" : "at least \(days($0 - d.asOf)) away" } ?? "date not known"
        case .uncertain: return d.kind == .from ? "may be possible already" : "may already have passed"
        }
    }

    /// The date, or its bounds: "2025-01-10", "between 2024-12-02 and 2025-12-01", "not before 2024-12-02".
    public static func date(_ d: Deadline) -> String {
        if d.redacted { return "" }
        if let date = d.date { return CivilDate.format(date) }
        switch (d.earliest, d.latest) {
        case (let e?, let l?): return "as early as \(CivilDate.format(e)), as late as \(CivilDate.format(l))"
        case (let e?, nil): return "not before \(CivilDate.format(e))"
        case (nil, let l?): return "not after \(CivilDate.format(l))"
        case (nil, nil): return "date not known"
        }
    }

    /// The flag in front of a line: passed deadlines and those inside their warning window.
    public static func flag(_ d: Deadline) -> String? {
        if d.status == .passed && d.kind != .from { return "PASSED" }
        if d.status == .uncertain && d.kind != .from { return "MAY HAVE PASSED" }
        if d.warning { return "SOON" }
        return nil
    }

    /// The clock's sentence, its parameters filled (a fact named in it is shown by name).
    public static func says(_ d: Deadline, legend: Legend, parameters: [Int?]) -> String? {
        guard let t = legend.clocks[d.clock].says else { return nil }
        if let plain = t.plain { return plain }
        var out = ""
        for piece in t.pieces {
            switch piece {
            case .text(let s): out += s
            case .parameter(let p): out += (Int(p) < parameters.count ? parameters[Int(p)] : nil).map { legend.parameters[Int(p)].type == .date ? CivilDate.format($0) : String($0) } ?? "unknown"
            case .fact(let f): out += "{\(legend.facts[Int(f)].name)}"
            }
        }
        return out
    }

    /// A deadline on one line, unescaped (each front end escapes for its medium):
    /// "[SOON] Title [family member x]: act by 2025-01-10 — 12 days left (within the 30 days the
    /// rules warn at)". The report layout's lines (`ReportLayout.DeadlineLine`) use the same pieces.
    public static func line(_ d: Deadline, legend: Legend) -> String {
        let info = legend.clocks[d.clock]
        var line = flag(d).map { "[\($0)] " } ?? ""
        line += info.title + (d.subject == "principal" ? "" : " [family member \(d.subject)]") + ": "
        line += when(d, info: info)
        return line
    }

    /// "act by 2025-01-10 — 12 days left (within the 30 days the rules warn at)".
    static func when(_ d: Deadline, info: ClockInfo) -> String {
        let shown = date(d)
        var when = kind(d.kind) + (shown.isEmpty ? " — " : " \(shown) — ") + standing(d)
        if d.warning && !d.redacted, let w = info.warnWithin { when += " (within the \(days(w)) the rules warn at)" }
        return when
    }

    /// What an answer did to a deadline (issue 14), unescaped: "New deadline: …", "Deadline
    /// changed: … (was …)", "Deadline no longer applies: …".
    public static func change(_ c: DeadlineChange, legend: Legend) -> String {
        switch c.kind {
        case .revealed:
            return "New deadline: " + line(c.deadline, legend: legend)
        case .changed:
            let was = c.before.map { kind($0.kind) + " " + date($0) } ?? ""
            return "Deadline changed: " + line(c.deadline, legend: legend) + (was.isEmpty || c.before?.redacted == true ? "" : " (was \(was))")
        case .removed:
            let d = c.deadline
            let who = d.subject == "principal" ? "" : " [family member \(d.subject)]"
            return "Deadline no longer applies: " + legend.clocks[d.clock].title + who
        }
    }

    /// The "Deadlines" block of the text report (empty when no clock matters).
    public static func block(_ report: CaseReport, paint: (String, String) -> String = { s, _ in s }) -> String {
        guard !report.deadlines.isEmpty, let legend = report.legend else { return "" }
        var out = heading + "\n"
        for d in report.deadlines {
            let info = legend.clocks[d.clock]
            let who = d.subject == "principal" ? "" : " [family member \(Escape.text(d.subject))]"
            var line = "  - "
            if let flag = flag(d) { line += paint("[\(flag)]", flag == "SOON" ? "1;33" : "1;31") + " " }
            line += "\(Escape.text(info.title))\(who): \(kind(d.kind))"
            let when = date(d)
            line += when.isEmpty ? " — " : " \(when) — "
            line += standing(d)
            if d.warning && !d.redacted, let w = info.warnWithin { line += " (within the \(days(w)) the rules warn at)" }
            out += line + "\n"
            if !d.fixedBy.isEmpty { out += "      would be fixed by: \(Escape.text(d.fixedBy.joined(separator: ", ")))\n" }
            if let s = says(d, legend: legend, parameters: report.parameters) { out += "      \(Escape.text(s))" + paint(" [\(Escape.text(info.cite.joined(separator: "; ")))]", "2") + "\n" }
            if let u = info.unverified { out += "      unverified: \(Escape.text(u))\n" }
        }
        return out + "\n"
    }
}
