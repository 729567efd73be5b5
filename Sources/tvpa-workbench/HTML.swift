import TVPARules

/// Escaping for the page: every value that reaches HTML — from a case, the rules, a proposal
/// or the vocabulary — goes through `HTML.text` (element content) or `HTML.attribute`: the
/// library's `Escape.html`, which the `check --format html` report uses too (control
/// characters made visible, then `&`, `<`, `>`, `"` and `'` as character references).
enum HTML {
    static func text(_ s: String) -> String { Escape.html(s) }

    /// The same escaping serves attribute values, which are always written in double quotes.
    static func attribute(_ s: String) -> String { text(s) }
}
