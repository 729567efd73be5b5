/// A collector that a stage appends to, capped per file: the first `limit` diagnostics of
/// each file are kept; the rest are only counted, in constant memory, and `all` ends each such
/// file with one diagnostic "… and N more in this file" (an error if any of them was one). A
/// file with a million bad list items costs a hundred diagnostics and a count, not a million.
public struct DiagnosticBag: Sendable {
    /// How many diagnostics of one file are shown.
    public static let limitPerFile = 100

    public let limit: Int
    /// The id of the diagnostic that stands for those not kept (the stage's `*.more-diagnostics`).
    public let summaryID: DiagnosticID
    /// The limit the summary's help names (a stream's, when the stream keeps nothing itself).
    var shownLimit: Int
    private var kept: [Diagnostic] = []
    private var keptPerFile: [String: Int] = [:]
    private var omittedPerFile: [String: Omitted] = [:]

    private struct Omitted: Sendable {
        var count: Int
        var anyError: Bool
        var first: SourceLocation
    }

    public init(summary id: DiagnosticID, limit: Int = DiagnosticBag.limitPerFile) {
        summaryID = id
        self.limit = limit
        shownLimit = limit
    }

    /// Keeps the diagnostic, or counts it when its file already has `limit`. A summary (one
    /// this or another bag made) adds the diagnostics it stands for to the count.
    public mutating func append(_ diagnostic: Diagnostic) {
        let file = diagnostic.location.file
        let kept = keptPerFile[file, default: 0]
        if diagnostic.omitted == 0 && kept < limit {
            self.kept.append(diagnostic)
            keptPerFile[file] = kept + 1
            return
        }
        omit(max(1, diagnostic.omitted), diagnostic.severity, at: diagnostic.location)
    }

    /// Whether a diagnostic of `file` would be kept rather than only counted: when it would
    /// not, a stage counts it (`count`) without making its message or its hint.
    public func keeps(_ file: String) -> Bool { keptPerFile[file, default: 0] < limit }

    /// Counts a diagnostic that would not be kept, without making it.
    public mutating func count(_ severity: Severity, at location: SourceLocation) {
        omit(1, severity, at: location)
    }

    private mutating func omit(_ count: Int, _ severity: Severity, at location: SourceLocation) {
        var o = omittedPerFile[location.file] ?? Omitted(count: 0, anyError: false, first: location)
        o.count += count
        o.anyError = o.anyError || severity == .error
        if location < o.first { o.first = location }
        omittedPerFile[location.file] = o
    }

    public mutating func append(contentsOf diagnostics: some Sequence<Diagnostic>) {
        for d in diagnostics { append(d) }
    }

    /// What was kept, then per capped file the diagnostic that counts the rest, placed where
    /// the first of them is.
    public var all: [Diagnostic] {
        kept + omittedPerFile.keys.sorted().map { file in
            let o = omittedPerFile[file]!
            var d = Diagnostic(summaryID, DiagnosticMessages.more(o.count), at: o.first, severity: o.anyError ? .error : .warning, help: DiagnosticMessages.moreHelp(shownLimit))
            d.omitted = o.count
            return d
        }
    }

    public var hasErrors: Bool { kept.hasErrors || omittedPerFile.values.contains { $0.anyError } }
    public var isEmpty: Bool { kept.isEmpty && omittedPerFile.isEmpty }
    public func sortedForDisplay() -> [Diagnostic] { all.sortedForDisplay() }
}
