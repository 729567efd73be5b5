/// The diagnostics of a stream of inputs (the lines of a JSON Lines file, the rows of a CSV
/// file), capped per file as `DiagnosticBag` caps one input's: it passes the first `limit` of
/// each file through and counts the rest, so a file with a million bad lines prints a hundred
/// diagnostics and then one "… and N more in this file". Inputs come in corpus order, each
/// file's together: `begin` each input with its file, which gives the count left out of the
/// file before when the file changes, then `pass` its diagnostics; `finish` gives the last
/// file's count.
public struct DiagnosticStreamCap: Sendable {
    public let limit: Int
    private var file: String?
    private var passed = 0
    private var bag: DiagnosticBag

    public init(summary id: DiagnosticID = .caseMoreDiagnostics, limit: Int = DiagnosticBag.limitPerFile) {
        self.limit = limit
        bag = DiagnosticBag(summary: id, limit: 0)
        bag.shownLimit = limit
    }

    /// Starts an input of `file`: the count of what was left out of the previous file's
    /// diagnostics when `file` is another one (and something was left out).
    public mutating func begin(_ file: String) -> [Diagnostic] {
        if file == self.file { return [] }
        let summary = finish()
        self.file = file
        return summary
    }

    /// What to show of the current input's diagnostics. Diagnostics about another file (a
    /// folder, a header already said) pass as they are.
    public mutating func pass(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var shown: [Diagnostic] = []
        for d in diagnostics {
            if d.location.file != file {
                shown.append(d)
            } else if d.omitted == 0 && passed < limit {
                shown.append(d)
                passed += 1
            } else {
                bag.append(d)
            }
        }
        return shown
    }

    /// The count of what was left out of the current file's diagnostics, if anything was.
    public mutating func finish() -> [Diagnostic] {
        let summary = bag.all
        bag = DiagnosticBag(summary: bag.summaryID, limit: 0)
        bag.shownLimit = limit
        passed = 0
        file = nil
        return summary
    }
}
