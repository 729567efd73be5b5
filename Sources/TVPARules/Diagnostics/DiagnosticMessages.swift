/// The messages every stage shares: the count that ends a file's capped diagnostics.
enum DiagnosticMessages {
    static func more(_ count: Int) -> String { "… and \(count) more in this file" }
    static func moreHelp(_ limit: Int) -> String { "only the first \(limit) diagnostics of a file are shown: fix these and run again" }
}
