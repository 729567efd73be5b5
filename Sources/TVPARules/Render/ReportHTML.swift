/// Render: the report for people as one self-contained HTML page, for a screen or paper.
///
/// - Nothing is fetched: the style is inline, there is no script, font or image, and the page's
///   Content-Security-Policy (`default-src 'none'; style-src 'unsafe-inline'`) forbids any, so
///   it works opened from disk, offline.
/// - On screen each explanation is a `<details>` section, collapsed; on paper every one is open
///   (`::details-content`, pure CSS), the explanations begin on a new page so the summary and
///   the questions hold page one, and the disclaimer is printed in every page's bottom margin
///   (`@page` margin boxes) as well as at the top and the end of the report.
/// - The stylesheet sets margins, not a paper size, so it prints on Letter and A4 alike.
/// - Several cases are one document: a table of contents, then each case from a new page. One
///   file is what `--output` writes complete or not at all, and what a trainer opens or prints
///   at once; the contents link to each case.
///
/// Every string it did not write itself passes through `Escape.html`.
///
/// A page served by a host whose Content-Security-Policy forbids inline style (the workbench)
/// takes `Assets.linked`: the same stylesheet (`stylesheet`, the one copy) by URL, which the
/// host serves, and, if it wants, one script of its own; and a host page that has its own head
/// takes one case as an `<article>` (`article(_:id:)`), its ids under a prefix of its choosing.
public enum ReportHTML {
    /// Where the page's stylesheet comes from.
    public enum Assets: Sendable, Equatable {
        /// Inline: a file that stands alone, offline (`check --format html`).
        case inline
        /// `stylesheet` linked from this URL, and a script from that one if given, both of the
        /// page's own origin (its policy allows `'self'` and nothing inline).
        case linked(stylesheet: String, script: String?)
    }

    /// The report's stylesheet, for a host that serves it (`Assets.linked`).
    public static var stylesheet: String { style }

    public static func render(_ layouts: [ReportLayout], assets: Assets = .inline) -> String {
        let title = layouts.count == 1 ? "\(layouts[0].heading) — tvpa report" : "\(layouts.count) cases — tvpa report"
        let head: String
        switch assets {
        case .inline:
            head = """
                <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="generator" content="tvpa">
                <title>\(h(title))</title>
                <style>
                \(style)
                </style>
                """
        case .linked(let css, let script):
            head = """
                <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'self'\(script == nil ? "" : "; script-src 'self'")">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="generator" content="tvpa">
                <title>\(h(title))</title>
                <link rel="stylesheet" href="\(h(css))">
                """ + (script.map { "\n<script src=\"\(h($0))\" defer></script>" } ?? "")
        }
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            \(head)
            </head>
            <body>
            <p class="disclaimer top">\(h(Disclaimer.text))</p>

            """
        if layouts.count > 1 {
            out += "<nav class=\"contents\"><h1>\(ReportWords.contents)</h1><ol>\n"
            for (i, l) in layouts.enumerated() {
                let outcomes = l.summary.map { "\(h($0.programTitle))\($0.member.map { h(ReportWords.memberSuffix($0)) } ?? ""): \(h($0.outcomeWords))" }.joined(separator: "; ")
                out += "<li><a href=\"#c\(i + 1)\">\(h(l.heading))\(l.title.map { " — " + h($0) } ?? "")</a><br><span class=\"small\">\(outcomes)</span></li>\n"
            }
            out += "</ol></nav>\n"
        }
        for (i, l) in layouts.enumerated() { out += article(l, id: "c\(i + 1)") }
        out += "</body>\n</html>\n"
        return out
    }

    static func h(_ s: String) -> String { Escape.html(s) }

    static func cls(_ o: Outcome) -> String {
        switch o {
        case .eligible: return "eligible"
        case .notEligible: return "not-eligible"
        case .undetermined: return "undetermined"
        }
    }

    static func mark(_ status: Tri) -> String {
        switch status {
        case .yes: return "<span class=\"mark met\">met</span>"
        case .no: return "<span class=\"mark not-met\">not met</span>"
        case .unknown: return "<span class=\"mark unknown\">unknown</span>"
        }
    }

    static func who(_ program: String, _ title: String, _ member: String?, codes: Bool) -> String {
        h(title) + (codes ? " <code>\(h(program))</code>" : "") + (member.map { h(ReportWords.memberSuffix($0)) } ?? "")
    }

    /// One case as an `<article>`, for a host page with its own head and stylesheet link: its
    /// ids are `id` and `id-d1`, `id-d2`…, so two reports on one page (before and after a
    /// proposal) take two prefixes and no id is used twice.
    public static func article(_ l: ReportLayout, id: String) -> String {
        let id = h(id)
        var out = "<article class=\"case\" id=\"\(id)\">\n<header>\n<h1>\(h(l.heading))\(l.title.map { " <span class=\"title\">— \(h($0))</span>" } ?? "")</h1>\n"
        out += "<p class=\"meta\">\(ReportWords.decisionDate): \(h(l.asOf)) · \(ReportWords.rules): \(h(l.rulesSource)) (\(h(l.rulesDigest)))</p>\n"
        if let narrative = l.narrative {
            let lines = narrative.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n", omittingEmptySubsequences: false)
            out += "<p class=\"narrative\"><strong>\(ReportWords.narrative):</strong> " + lines.map { h(String($0)) }.joined(separator: "<br>") + "</p>\n"
        }
        if l.redacted { out += "<p class=\"redacted\">\(h(ReportWords.redacted))</p>\n" }
        out += "</header>\n"
        for block in l.blocks {
            switch block {
            case .summary: out += summary(l, id: id)
            case .deadlines: out += deadlines(l)
            case .questions: out += questions(l)
            case .explanations: out += explanations(l, id: id)
            case .evidence: out += evidence(l)
            case .unverified: out += unverified(l)
            case .disclaimer: out += "<footer class=\"disclaimer\">\(h(l.disclaimer))</footer>\n"
            }
        }
        return out + "</article>\n"
    }

    static func summary(_ l: ReportLayout, id: String) -> String {
        var out = "<section class=\"summary\">\n<h2>\(ReportWords.summary)</h2>\n<table>\n<thead><tr><th>Program</th><th>Outcome</th><th>Why</th></tr></thead>\n<tbody>\n"
        for s in l.summary {
            var why = h(s.reasonWords)
            if s.discretionary { why += " (\(ReportWords.discretionaryShort))" }
            if let by = s.decidedBy { why += "<br><span class=\"small\">\(ReportWords.decidedBy): \(h(by))</span>" }
            if let instead = s.instead { why += "<br><span class=\"small\">\(ReportWords.instead): \(h(instead))</span>" }
            if let expected = s.expected { why += "<br><strong>Expected: \(ReportWords.outcome(expected)).</strong>" }
            out += "<tr><td><a href=\"#\(id)-\(l.sections[s.section].anchor)\">\(who(s.program, s.programTitle, s.member, codes: l.options.codes))</a></td>"
            out += "<td><span class=\"outcome \(cls(s.outcome))\">\(s.outcomeWords)</span></td><td>\(why)</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n</section>\n"
    }

    static func deadlines(_ l: ReportLayout) -> String {
        guard !l.deadlines.isEmpty else { return "" }
        var out = "<section class=\"deadlines\">\n<h2>\(ReportWords.deadlines) <span class=\"small\">(\(ReportWords.deadlinesOrder))</span></h2>\n<ul>\n"
        for d in l.deadlines {
            out += "<li>" + (d.flag.map { "<strong class=\"flag\">[\(h($0))]</strong> " } ?? "") + "<strong>\(h(d.title))</strong>" + (d.member.map { h(ReportWords.memberSuffix($0)) } ?? "") + ": \(h(d.when))."
            if let says = d.says { out += "<br>\(h(says))" }
            if !d.fixedBy.isEmpty { out += "<br><span class=\"small\">\(ReportWords.fixedBy): \(h(d.fixedBy.joined(separator: ", ")))</span>" }
            if !d.cite.isEmpty { out += "<br><span class=\"cite\">\(ReportWords.cited): \(h(d.cite.joined(separator: "; ")))</span>" }
            if let u = d.unverified { out += "<br><span class=\"small\">\(ReportWords.unverifiedShort): \(h(u))</span>" }
            out += "</li>\n"
        }
        return out + "</ul>\n</section>\n"
    }

    static func evidence(_ l: ReportLayout) -> String {
        guard !l.evidence.isEmpty else { return "" }
        var out = "<section class=\"evidence\">\n<h2>\(ReportWords.evidence)</h2>\n<p class=\"small\">\(h(ReportWords.evidenceGuide))</p>\n"
        for g in l.evidence {
            out += "<h3>\(h(g.programTitle))\(g.member.map { h(ReportWords.memberSuffix($0)) } ?? "")</h3>\n<ul>\n"
            for el in g.elements {
                out += "<li>\(mark(el.status)) \(h(el.title))"
                if let guide = el.guide { out += "<br><span class=\"small\">\(h(guide))</span>" + (el.guideCite.isEmpty ? "" : " <span class=\"cite\">\(h(el.guideCite.joined(separator: "; ")))</span>") }
                out += "<ul>\n"
                for item in el.items {
                    out += "<li>[\(h(item.standing))] \(h(item.text))" + (item.required ? " <em>(\(ReportWords.required))</em>" : "")
                    if !item.cite.isEmpty { out += "<br><span class=\"cite\">\(ReportWords.cited): \(h(item.cite.joined(separator: "; ")))</span>" }
                    if let u = item.unverified { out += "<br><span class=\"small\">\(ReportWords.unverifiedShort): \(h(u))</span>" }
                    out += "</li>\n"
                }
                out += "</ul></li>\n"
            }
            out += "</ul>\n"
        }
        return out + "</section>\n"
    }

    static func questions(_ l: ReportLayout) -> String {
        guard !l.questions.isEmpty else { return "" }
        var out = "<section class=\"questions\">\n<h2>\(ReportWords.whatToAsk) <span class=\"small\">(\(ReportWords.whatToAskRanked))</span></h2>\n<ol>\n"
        for q in l.questions {
            out += "<li><span class=\"question\">\(h(q.text))</span>" + (q.member.map { " <span class=\"member\">(\(h($0)))</span>" } ?? "")
            if l.options.codes { out += " <code>\(h(q.fact))</code>" }
            if q.declined { out += " <em>(\(ReportWords.declined))</em>" }
            if q.answers.isEmpty {
                out += "<br><span class=\"small\">\(ReportWords.answers): \(q.kind). \(ReportWords.settles(q.decides))</span>"
            } else {
                let answers = q.answers.map { "<li>\(h($0.label))" + (l.options.codes && $0.label != $0.code ? " <code>\(h($0.code))</code>" : "") + "</li>" }.joined()
                out += "<br><span class=\"small\">\(ReportWords.answers), \(q.kind):</span><ul class=\"answers\">\(answers)</ul><span class=\"small\">\(ReportWords.settles(q.decides))</span>"
            }
            out += "</li>\n"
        }
        return out + "</ol>\n</section>\n"
    }

    static func explanations(_ l: ReportLayout, id: String) -> String {
        var out = "<section class=\"explanations\">\n<h2>\(ReportWords.explanations)</h2>\n"
        for s in l.sections {
            out += "<details id=\"\(id)-\(s.anchor)\">\n<summary><span class=\"outcome \(cls(s.outcome))\">\(s.outcomeWords)</span> \(who(s.program, s.programTitle, s.member, codes: l.options.codes)) <span class=\"small\">— \(h(s.reasonWords))</span></summary>\n"
            if !s.lawApplied.isEmpty { out += "<p class=\"law\"><strong>\(ReportWords.lawApplied):</strong> \(h(s.lawApplied.joined(separator: "; ")))</p>\n" }
            if s.discretionary { out += "<p class=\"discretionary\">\(h(ReportWords.discretionary))</p>\n" }
            for note in s.notes { out += "<p class=\"note\">\(ReportWords.note): \(h(note))</p>\n" }
            out += tree(s.elements, l, id: id)
            if !s.settledBy.isEmpty { out += "<p class=\"settle\">\(ReportWords.settledBy(s.settledBy))</p>\n" }
            if l.options.codes && !s.missingFacts.isEmpty { out += "<p class=\"settle\">Missing facts: <code>\(h(s.missingFacts.joined(separator: ", ")))</code></p>\n" }
            if let expected = s.expected { out += "<p><strong>Expected: \(ReportWords.outcome(expected)).</strong></p>\n" }
            out += "</details>\n"
        }
        return out + "</section>\n"
    }

    /// The flat elements as nested lists, by depth.
    static func tree(_ elements: [ReportLayout.Element], _ l: ReportLayout, id: String) -> String {
        guard !elements.isEmpty else { return "" }
        var out = ""
        var open = 0
        for e in elements {
            let depth = e.depth + 1
            if depth > open {
                while open < depth {
                    out += "<ul class=\"tree\">"
                    open += 1
                    if open < depth { out += "<li>" }
                }
            } else {
                out += "</li>"
                while open > depth {
                    out += "</ul></li>"
                    open -= 1
                }
            }
            out += "<li>" + element(e, l, id: id)
        }
        out += "</li>"
        while open > 1 {
            out += "</ul></li>"
            open -= 1
        }
        return out + "</ul>\n"
    }

    static func element(_ e: ReportLayout.Element, _ l: ReportLayout, id: String) -> String {
        var out = "<div class=\"el\">\(mark(e.status)) <span class=\"element\">\(h(e.title))</span>"
        if l.options.codes { out += " <code>\(h(e.rule))</code>" }
        if let ref = e.reference { out += " <span class=\"ref\">— \(ReportWords.referenceTo) <a href=\"#\(id)-\(l.sections[ref.section].anchor)\">\(h(ref.title))</a>.</span>" }
        if let text = e.text { out += "<div class=\"says\">\(h(text))</div>" }
        if !e.citations.isEmpty { out += "<div class=\"cite\">\(ReportWords.cited): \(h(e.citations.joined(separator: "; ")))</div>" }
        if !e.facts.isEmpty {
            out += "<ul class=\"facts\">" + e.facts.map { f in
                "<li>" + (l.options.codes ? "<code>\(h(f.name))</code> = \(h(f.value))" : "\(h(f.asked)) <strong>\(h(f.value))</strong>") + "</li>"
            }.joined() + "</ul>"
        }
        if let d = e.discretionary { out += "<div class=\"discretionary\">Discretionary: \(h(d))</div>" }
        for note in e.notes { out += "<div class=\"note\">\(ReportWords.note): \(h(note))</div>" }
        if !e.unverified.isEmpty { out += "<div class=\"unverified-ref\">\(ReportWords.seePoints(e.unverified))</div>" }
        return out + "</div>"
    }

    static func unverified(_ l: ReportLayout) -> String {
        guard !l.unverified.isEmpty else { return "" }
        var out = "<section class=\"unverified\">\n<h2>\(ReportWords.unverified)</h2>\n<ol>\n"
        for p in l.unverified {
            out += "<li>\(h(p.text))<br><span class=\"small\">\(ReportWords.touches): \(h(p.elements.joined(separator: "; ")))</span></li>\n"
        }
        return out + "</ol>\n</section>\n"
    }

    /// The disclaimer as a CSS string (for the pages' margin boxes).
    static var cssDisclaimer: String {
        "\"" + Disclaimer.text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    static let style = """
        :root { color-scheme: light; --met: #1b6e20; --not: #a61b1b; --unk: #8a5a00; --muted: #555; }
        body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #111; background: #fff; max-width: 60rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; }
        h1 { font-size: 1.45rem; margin: 0.6rem 0 0.2rem; }
        h1 .title { font-weight: normal; }
        h2 { font-size: 1.15rem; border-bottom: 1px solid #ccc; padding-bottom: 0.15rem; margin: 1.4rem 0 0.5rem; }
        .meta, .small { color: var(--muted); font-size: 0.88em; }
        .disclaimer { border: 1px solid #999; background: #f6f6f6; padding: 0.4rem 0.6rem; font-size: 0.88em; }
        .redacted { font-style: italic; }
        table { border-collapse: collapse; width: 100%; }
        th, td { text-align: left; vertical-align: top; padding: 0.3rem 0.5rem; border-bottom: 1px solid #ddd; }
        th { font-size: 0.9em; color: var(--muted); }
        .outcome { font-weight: 600; white-space: nowrap; padding: 0 0.3rem; border-radius: 3px; }
        .outcome.eligible { color: var(--met); background: #e7f4e8; }
        .outcome.not-eligible { color: var(--not); background: #fbe9e9; }
        .outcome.undetermined { color: var(--unk); background: #fdf3dc; }
        .mark { font-size: 0.8em; font-weight: 600; text-transform: uppercase; letter-spacing: 0.02em; padding: 0 0.25rem; border: 1px solid; border-radius: 3px; white-space: nowrap; }
        .mark.met { color: var(--met); }
        .mark.not-met { color: var(--not); }
        .mark.unknown { color: var(--unk); }
        .element { font-weight: 600; }
        .says { margin: 0.1rem 0; }
        .cite { color: var(--muted); font-size: 0.88em; }
        .note, .discretionary, .unverified-ref { font-size: 0.9em; }
        .unverified-ref { color: var(--unk); }
        ul.tree { list-style: none; padding-left: 1.1rem; margin: 0.2rem 0; border-left: 1px solid #e3e3e3; }
        ul.tree > li { margin: 0.35rem 0; }
        details > ul.tree { padding-left: 0.2rem; border-left: none; }
        ul.facts { margin: 0.1rem 0; padding-left: 1.2rem; font-size: 0.92em; }
        ul.answers { margin: 0.1rem 0 0.1rem; padding-left: 1.2rem; columns: 2 18rem; font-size: 0.92em; }
        .questions > ol > li { margin: 0.45rem 0; }
        .question { font-weight: 600; }
        details { border: 1px solid #ddd; border-radius: 4px; padding: 0.3rem 0.6rem; margin: 0.5rem 0; }
        details > summary { cursor: pointer; font-weight: 600; }
        details[open] > summary { margin-bottom: 0.3rem; }
        code { font-size: 0.9em; background: #f2f2f2; padding: 0 0.2rem; }
        nav.contents li { margin: 0.3rem 0; }
        footer.disclaimer { margin-top: 1.5rem; }
        @page { margin: 16mm 15mm 24mm; @bottom-center { content: \(cssDisclaimer); font: 7.5pt/1.3 system-ui, Arial, sans-serif; color: #444; vertical-align: top; padding-top: 3mm; } @bottom-right { content: counter(page) "\\00a0/\\00a0" counter(pages); white-space: nowrap; width: 14mm; font: 7.5pt system-ui, Arial, sans-serif; color: #444; vertical-align: top; padding-top: 3mm; } }
        @media print {
          body { max-width: none; padding: 0; font-size: 10.5pt; }
          a { color: inherit; text-decoration: none; }
          details { border: none; padding: 0; }
          details::details-content { content-visibility: visible; display: block; }
          details > summary { list-style: none; font-size: 1.05rem; border-bottom: 1px solid #ccc; break-after: avoid; }
          details > summary::-webkit-details-marker { display: none; }
          .explanations { break-before: page; }
          article.case + article.case { break-before: page; }
          nav.contents { break-after: page; }
          h2, h3 { break-after: avoid; }
          .summary tr, .el, .questions > ol > li { break-inside: avoid; }
          ul.answers { columns: 2; }
        }
        """
}
