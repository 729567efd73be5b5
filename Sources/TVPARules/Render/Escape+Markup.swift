extension Escape {
    /// Text for HTML (an element's content or a quoted attribute value): every unsafe scalar
    /// escaped as `text(_:)` does, then `&`, `<`, `>`, `"` and `'` as character references, so
    /// nothing in a case or a rules folder can open a tag, close an attribute or begin a
    /// reference.
    public static func html(_ s: String) -> String {
        let safe = text(s)
        guard safe.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return safe }
        var out = ""
        out.reserveCapacity(safe.utf8.count + 16)
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

    /// The characters Markdown (CommonMark, GitHub's) reads as markup within a line.
    static let markdownPunctuation: Set<Unicode.Scalar> = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "~", "#", "!"]

    /// Text for inline Markdown: every unsafe scalar escaped as `text(_:)` does (so no line
    /// break can begin a heading, a list or a block), then each character Markdown reads as
    /// markup backslash-escaped and `&` written `&amp;`, so a value is shown as written and
    /// can open no emphasis, link, image, raw HTML, table cell or code span.
    public static func markdown(_ s: String) -> String {
        let safe = text(s)
        var out = ""
        out.reserveCapacity(safe.utf8.count + 8)
        for c in safe.unicodeScalars {
            if c == "&" {
                out += "&amp;"
            } else {
                if markdownPunctuation.contains(c) { out += "\\" }
                out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
