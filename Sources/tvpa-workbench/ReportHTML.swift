import TVPARules

/// The case report as HTML: the one renderer the case view and the print page call, so the
/// reports issue's `check --format html` renderer can take its place in one line each
/// (`fragment` for the case view, `document` for print). Until then it shows what the text
/// report shows — summary first, then each decision's explanation tree with citations and what
/// would settle it — and every string passes through `HTML.text`.
enum ReportHTML {
    /// The report as a section of the page (no `<html>`): the case view's body.
    static func fragment(_ report: CaseReport) -> String {
        var out = "<section class=\"report\">"
        out += "<h2>\(HTML.text(Redaction.heading(report.caseId, redacted: report.redacted)))\(report.title.map { ": " + HTML.text($0) } ?? "")</h2>"
        out += "<p class=\"meta\">Decision date <time>\(CivilDate.format(report.asOf))</time> · Rules: \(HTML.text(report.rulesSource))</p>"
        if report.redacted { out += "<p class=\"redacted-note\">Redacted: \(HTML.text(TextRenderer.redactedNote))</p>" }
        out += summary(report)
        for (i, d) in report.decisions.enumerated() { out += decision(d, index: i) }
        if !report.questions.isEmpty {
            out += "<h3>What to ask next</h3><ol class=\"questions\">"
            for q in report.questions {
                let who = q.subject == "principal" ? "" : " <span class=\"subject\">[\(HTML.text(q.subject))]</span>"
                out += "<li>\(HTML.text(q.question))\(who) <code>\(HTML.text(q.name))</code>"
                out += " — settles \(q.decides) decision\(q.decides == 1 ? "" : "s")"
                if q.declined { out += " <em>\(HTML.text(TextRenderer.declinedMark))</em>" }
                out += "</li>"
            }
            out += "</ol>"
        }
        out += "<p class=\"disclaimer\">\(HTML.text(Disclaimer.text))</p></section>"
        return out
    }

    /// The report as a whole page to print: the fragment, the stylesheet, and nothing to run
    /// but the print button's script.
    static func document(_ report: CaseReport) -> String {
        """
        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>tvpa report</title>\
        <link rel="stylesheet" href="/assets/app.css"><script src="/assets/print.js" defer></script></head>\
        <body class="print"><p class="noprint"><button id="print-now" type="button">Print</button></p>\(fragment(report))</body></html>
        """
    }

    /// One line per decision: the table a reader sees first.
    static func summary(_ report: CaseReport) -> String {
        var out = "<table class=\"summary\"><thead><tr><th>Program</th><th>For</th><th>Outcome</th><th>Reason</th></tr></thead><tbody>"
        for (i, d) in report.decisions.enumerated() {
            out += "<tr data-program=\"\(HTML.attribute(d.program))\" data-subject=\"\(HTML.attribute(d.subject))\">"
            out += "<td><a href=\"#decision-\(i)\">\(HTML.text(d.programTitle))</a></td><td>\(HTML.text(d.subject))</td>"
            out += "<td class=\"outcome \(outcomeClass(d.outcome))\">\(HTML.text(outcomeWords(d.outcome)))</td><td>\(HTML.text(d.reason.rawValue))</td></tr>"
        }
        return out + "</tbody></table>"
    }

    static func decision(_ d: Decision, index: Int) -> String {
        var out = "<article class=\"decision\" id=\"decision-\(index)\">"
        out += "<h3>\(HTML.text(d.programTitle)) <code>\(HTML.text(d.program))</code>"
        if d.subject != "principal" { out += " — family member \(HTML.text(d.subject))" }
        out += ": <span class=\"outcome \(outcomeClass(d.outcome))\">\(HTML.text(outcomeWords(d.outcome)))</span> <span class=\"reason\">(\(HTML.text(d.reason.rawValue)))</span></h3>"
        if let expected = d.expected, expected != d.outcome { out += "<p class=\"expected\">The scenario expects \(HTML.text(outcomeWords(expected))).</p>" }
        if !d.lawVersions.isEmpty { out += "<p>Law applied: \(HTML.text(d.lawVersions.joined(separator: "; ")))</p>" }
        if d.discretionary && d.outcome != .notEligible {
            out += "<p class=\"discretionary\">Discretionary: meeting the criteria does not decide the grant; it is a judgment by the agency named below.</p>"
        }
        for note in d.renderedNotes { out += "<p class=\"note\">Note: \(HTML.text(note))</p>" }
        if let root = d.renderedExplanation { out += "<ul class=\"tree\">\(node(root, open: true))</ul>" }
        if !d.missingFacts.isEmpty {
            out += "<p class=\"settle\">Would settle it: " + d.missingFacts.map { f in
                "<code>\(HTML.text(f.subject == "principal" ? f.name : "\(f.name) [\(f.subject)]"))</code>" + (f.declined ? " <em>\(HTML.text(TextRenderer.declinedMark))</em>" : "")
            }.joined(separator: ", ") + "</p>"
        }
        return out + "</article>"
    }

    /// A step of the explanation as a `<details>` element: collapsible without any script.
    static func node(_ n: RenderedNode, open: Bool) -> String {
        var head = "<span class=\"mark \(triClass(n.status))\">\(triWords(n.status))</span> <strong>\(HTML.text(n.title))</strong> — \(HTML.text(n.text))"
        if !n.citations.isEmpty { head += " <cite>\(HTML.text(n.citations.joined(separator: "; ")))</cite>" }
        var body = ""
        if !n.facts.isEmpty {
            body += "<p class=\"facts\">facts: " + n.facts.map { f in
                "<code>\(HTML.text(f.name))</code> = \(HTML.text(f.value))" + (f.declined ? " <em>\(HTML.text(TextRenderer.declinedMark))</em>" : "")
            }.joined(separator: ", ") + "</p>"
        }
        if let d = n.discretionary, n.status != .no { body += "<p class=\"discretionary\">discretionary: \(HTML.text(d))</p>" }
        for u in n.unverified { body += "<p class=\"unverified\">unverified: \(HTML.text(u))</p>" }
        for note in n.notes { body += "<p class=\"note\">note: \(HTML.text(note))</p>" }
        if !n.children.isEmpty { body += "<ul class=\"tree\">" + n.children.map { node($0, open: false) }.joined() + "</ul>" }
        if body.isEmpty { return "<li class=\"leaf\">\(head)</li>" }
        return "<li><details\(open ? " open" : "")><summary>\(head)</summary>\(body)</details></li>"
    }

    static func outcomeWords(_ o: Outcome) -> String {
        switch o {
        case .eligible: return "eligible"
        case .notEligible: return "not eligible"
        case .undetermined: return "undetermined"
        }
    }

    static func outcomeClass(_ o: Outcome) -> String {
        switch o {
        case .eligible: return "eligible"
        case .notEligible: return "not-eligible"
        case .undetermined: return "undetermined"
        }
    }

    static func triWords(_ t: Tri) -> String {
        switch t {
        case .yes: return "met"
        case .no: return "not met"
        case .unknown: return "unknown"
        }
    }

    static func triClass(_ t: Tri) -> String {
        switch t {
        case .yes: return "met"
        case .no: return "not-met"
        case .unknown: return "unknown"
        }
    }
}
