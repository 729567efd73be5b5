/// Two explanations of one case side by side — before on the left, after on the right — with
/// the lines that differ marked, for `tvpa diff --case ID`.
public struct SideBySide {
    public var header: DiffHeader
    public var width: Int
    public var markdown: Bool

    public init(header: DiffHeader, width: Int = 160, markdown: Bool = false) {
        self.header = header
        self.width = width
        self.markdown = markdown
    }

    public func render(before: CaseReport, after: CaseReport) -> String {
        let text = TextRenderer(color: false)
        let heading = Escape.text(Redaction.heading(before.caseId, redacted: before.redacted))
        var out = markdown ? "# \(before.redacted ? heading : "Case `\(Escape.text(before.caseId))`"): before and after\n\n" : "\(heading): before (left) and after (right); lines that differ are marked ›\n"
        if before.redacted { out += (markdown ? "*Redacted: " : "Redacted: ") + TextRenderer.redactedNote + (markdown ? "*\n\n" : "\n") }
        out += markdown
            ? "- **Before:** \(Escape.text(header.before.label)), as of \(CivilDate.format(before.asOf))\n- **After:** \(Escape.text(header.after.label)), as of \(CivilDate.format(after.asOf))\n"
            : "Before: \(Escape.text(header.before.label)), as of \(CivilDate.format(before.asOf))\nAfter:  \(Escape.text(header.after.label)), as of \(CivilDate.format(after.asOf))\n"
        var unchanged: [String] = []
        for b in before.decisions {
            guard let a = after.decisions.first(where: { $0.program == b.program && $0.subject == b.subject }) else { continue }
            let who = b.subject == "principal" ? "" : " — family member \(Escape.text(b.subject))"
            let changed = a.outcome != b.outcome || a.reason != b.reason
            let title = "\(Escape.text(b.programTitle))\(who): \(b.outcome.rawValue) (\(b.reason.rawValue)) → \(a.outcome.rawValue) (\(a.reason.rawValue))" + (changed ? "  [changed]" : "")
            let rows = Self.align(Self.lines(text.explanation(b)), Self.lines(text.explanation(a)))
            guard changed || rows.contains(where: { $0.0 != $0.1 }) else {
                unchanged.append("\(Escape.text(b.programTitle))\(who): \(b.outcome.rawValue)")
                continue
            }
            out += markdown ? "\n## \(title)\n\n" + table(rows) : "\n" + title + "\n" + columns(rows)
        }
        if !unchanged.isEmpty {
            out += (markdown ? "\n**Same outcome and explanation on both sides:** " : "\nSame outcome and explanation on both sides: ") + unchanged.joined(separator: "; ") + ".\n"
        }
        out += markdown ? "\n---\n\n*" + Disclaimer.text + "*\n" : "\n" + Disclaimer.text + "\n"
        return out
    }

    static func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty }
    }

    /// Pairs of lines aligned on their longest common subsequence: equal lines side by side,
    /// the rest against a gap or a differing line.
    static func align(_ left: [String], _ right: [String]) -> [(String?, String?)] {
        let n = left.count, m = right.count
        var lcs = Array(repeating: Array(repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                lcs[i][j] = left[i] == right[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var rows: [(String?, String?)] = []
        var i = 0, j = 0
        while i < n || j < m {
            if i < n && j < m && left[i] == right[j] {
                rows.append((left[i], right[j]))
                i += 1
                j += 1
            } else if j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j]) {
                // A differing pair sits on one row when both sides have a line to give.
                if i < n && lcs[i + 1][j + 1] == lcs[i][j] {
                    rows.append((left[i], right[j]))
                    i += 1
                } else {
                    rows.append((nil, right[j]))
                }
                j += 1
            } else {
                rows.append((left[i], nil))
                i += 1
            }
        }
        return rows
    }

    /// Two columns; a long line wraps within its column, and a row that differs is marked ›.
    func columns(_ rows: [(String?, String?)]) -> String {
        let half = max(20, (width - 3) / 2)
        var out = ""
        for (l, r) in rows {
            let left = wrap(l ?? "", half), right = wrap(r ?? "", half)
            for i in 0..<max(left.count, right.count) {
                let separator = i == 0 && l != r ? " › " : " │ "
                let cell = i < left.count ? left[i] : ""
                out += cell + String(repeating: " ", count: half - cell.count) + separator + (i < right.count ? right[i] : "") + "\n"
            }
        }
        return out
    }

    /// Pieces of at most `width` characters, broken at spaces where possible; continuation
    /// pieces keep the line's indentation.
    func wrap(_ s: String, _ width: Int) -> [String] {
        guard s.count > width else { return [s] }
        let indent = String(repeating: " ", count: min(s.prefix { $0 == " " }.count + 2, width / 2))
        var pieces: [String] = []
        var rest = Substring(s)
        var prefix = ""
        while prefix.count + rest.count > width {
            let room = width - prefix.count
            let window = rest.prefix(room)
            let cut = window.lastIndex(of: " ").map { rest.distance(from: rest.startIndex, to: $0) } ?? room
            let take = cut > room / 3 ? cut : room
            pieces.append(prefix + rest.prefix(take))
            rest = rest.dropFirst(take).drop { $0 == " " }
            prefix = indent
        }
        if !rest.isEmpty { pieces.append(prefix + rest) }
        return pieces
    }

    func table(_ rows: [(String?, String?)]) -> String {
        var out = "| | Before | After |\n|---|---|---|\n"
        for (l, r) in rows {
            out += "| \(l != r ? "›" : "") | " + DiffReport.cell(l.map(code) ?? "") + " | " + DiffReport.cell(r.map(code) ?? "") + " |\n"
        }
        return out
    }

    /// Keeps the explanation's indentation visible in a Markdown cell.
    func code(_ s: String) -> String {
        let depth = s.prefix { $0 == " " }.count
        return String(repeating: "\u{00A0}", count: depth) + s.dropFirst(depth)
    }
}
