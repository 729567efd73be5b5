import TVPARules

/// Escaping for the page: every value that reaches HTML — from a case, the rules, a proposal
/// or the vocabulary — goes through `HTML.text` (element content) or `HTML.attribute`, after
/// the library's `Escape.text` has made control characters visible.
enum HTML {
    static func text(_ s: String) -> String {
        let safe = Escape.text(s)
        // Most strings hold none of the five characters: return them as they are.
        guard safe.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") }) else { return safe }
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in safe.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// The same escaping serves attribute values, which are always written in double quotes.
    static func attribute(_ s: String) -> String { text(s) }
}
