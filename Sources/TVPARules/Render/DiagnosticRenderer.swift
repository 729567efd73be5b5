/// Diagnostics as people read them: one per block, sorted, then a count.
public enum DiagnosticRenderer {
    public static func render(_ diagnostics: [Diagnostic]) -> String {
        guard !diagnostics.isEmpty else { return "" }
        let sorted = diagnostics.sortedForDisplay()
        let errors = sorted.filter { $0.severity == .error }.count
        let warnings = sorted.count - errors
        var out = sorted.map(\.description).joined(separator: "\n") + "\n"
        var counts: [String] = []
        if errors > 0 { counts.append("\(errors) error\(errors == 1 ? "" : "s")") }
        if warnings > 0 { counts.append("\(warnings) warning\(warnings == 1 ? "" : "s")") }
        out += counts.joined(separator: ", ")
        return out
    }
}
