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

    /// `file:line:column: error[id]: message`, then `note:` and `help:` lines.
    public var description: String {
        var text = "\(location): \(severity.rawValue)[\(id.rawValue)]: \(message)"
        for note in notes { text += "\n  note: \(note)" }
        if let help { text += "\n  help: \(help)" }
        return text
    }
}

extension Array where Element == Diagnostic {
    /// True when any diagnostic is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Sorted by file, line, column, then id, so users read them in source order.
    public func sortedForDisplay() -> [Diagnostic] {
        sorted { ($0.location, $0.id.rawValue, $0.message) < ($1.location, $1.id.rawValue, $1.message) }
    }
}

/// A collector that stages append to; the stage stops when it holds errors.
public struct DiagnosticBag: Sendable {
    public private(set) var all: [Diagnostic] = []
    public init() {}
    public mutating func add(_ diagnostic: Diagnostic) { all.append(diagnostic) }
    public mutating func add(contentsOf diagnostics: [Diagnostic]) { all.append(contentsOf: diagnostics) }
    public var hasErrors: Bool { all.hasErrors }
}
