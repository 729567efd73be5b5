/// How the message catalogues quote what a file says: a diagnostic shows at most a short,
/// escaped excerpt of the offending token, never a whole line or a whole value.
enum Quote {
    /// What was written where the problem is (a value, an unknown key, an id): escaped, at
    /// most `Escape.excerptLimit` (40) characters, ending in `…` when cut.
    static func token(_ s: String) -> String { Escape.excerpt(s) }

    /// A name a rule file declares (a rule, version, fact or parameter id), which a message
    /// names to say where the problem is, and which may be longer than a token: escaped, at
    /// most 80 characters.
    static func name(_ s: String) -> String { Escape.excerpt(s, limit: 80) }

    /// The first `limit` items, each quoted by `quote`, then how many more: a message never
    /// lists a whole mapping's keys or a whole chain of rules.
    static func list(_ items: [String], limit: Int = 5, separator: String = ", ", _ quote: (String) -> String) -> String {
        let shown = items.prefix(limit).map(quote).joined(separator: separator)
        return items.count > limit ? shown + separator + "… (\(items.count - limit) more)" : shown
    }
}
