/// How bad a diagnostic is: an error stops the stage, a warning does not.
public enum Severity: String, Sendable, Codable, Comparable {
    case warning
    case error

    public static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }
}

/// A problem found in a rule file, a proposal or a case file, as a value: a stable id, a
/// severity, a message, where it is, and what might fix it.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public var id: DiagnosticID
    public var severity: Severity
    public var message: String
    public var location: SourceLocation
    public var notes: [String]
    public var help: String?
    /// For the one diagnostic that ends a file's capped list ("… and N more in this file"):
    /// how many diagnostics it stands for; 0 for every other.
    public var omitted: Int = 0

    public init(
        _ id: DiagnosticID, _ message: String, at location: SourceLocation,
        severity: Severity? = nil, notes: [String] = [], help: String? = nil
    ) {
        self.id = id
        self.severity = severity ?? id.defaultSeverity
        self.message = message
        self.location = location
        self.notes = notes
        self.help = help
    }

    /// `file:line:column: error[id]: message`, then `note:` and `help:` lines, every
    /// control character escaped (`DiagnosticRenderer.block`).
    public var description: String { DiagnosticRenderer.block(self) }
}

extension Array where Element == Diagnostic {
    /// True when any diagnostic is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Sorted by file, line, column, then id, so users read them in source order; a file's
    /// "… and N more" comes after the rest of that file's.
    public func sortedForDisplay() -> [Diagnostic] {
        sorted { a, b in
            let l = a.location, r = b.location
            return (l.file, a.omitted > 0 ? 1 : 0, l.line, l.column, a.id.rawValue, a.message) < (r.file, b.omitted > 0 ? 1 : 0, r.line, r.column, b.id.rawValue, b.message)
        }
    }
}
