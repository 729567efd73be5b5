/// Diagnostics as people read them: one per block, sorted, then a count.
public enum DiagnosticRenderer {
    public static func render(_ diagnostics: [Diagnostic]) -> String {
        guard !diagnostics.isEmpty else { return "" }
        let sorted = diagnostics.sortedForDisplay()
        // A summary ("… and N more") counts the diagnostics it stands for.
        let errors = sorted.filter { $0.severity == .error }.reduce(0) { $0 + max(1, $1.omitted) }
        let warnings = sorted.filter { $0.severity == .warning }.reduce(0) { $0 + max(1, $1.omitted) }
        var out = sorted.map(block).joined(separator: "\n") + "\n"
        var counts: [String] = []
        if errors > 0 { counts.append("\(errors) error\(errors == 1 ? "" : "s")") }
        if warnings > 0 { counts.append("\(warnings) warning\(warnings == 1 ? "" : "s")") }
        out += counts.joined(separator: ", ")
        return out
    }

    /// One diagnostic: `file:line:column: error[id]: message`, then `note:` and `help:` lines.
    /// Every part is escaped (`Escape.text`), so nothing in a path or a quoted value can break
    /// the block into lines of its own or reach the terminal as a control sequence.
    public static func block(_ d: Diagnostic) -> String {
        var text = "\(Escape.text(d.location.description)): \(d.severity.rawValue)[\(d.id.rawValue)]: \(Escape.text(d.message))"
        for note in d.notes { text += "\n  note: \(Escape.text(note))" }
        if let help = d.help { text += "\n  help: \(Escape.text(help))" }
        return text
    }
}
