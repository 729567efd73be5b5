/// Text from a case, a rule file or a path made safe to print: no control character, terminal
/// escape sequence or invisible reordering mark reaches a terminal or a reader as itself. The
/// diagnostic renderer and the text, Markdown and CSV reports pass every string they did not
/// write themselves through here (JSON escapes the same characters as `\u` escapes).
///
/// What is escaped: C0 controls (a line break would let a value forge a second
/// `file:line:col: error[…]` line; ESC begins a terminal escape sequence), DEL, C1 controls
/// (U+009B is a one-character CSI to some terminals), the bidirectional embeddings, overrides
/// and isolates (U+202E makes `txt.exe` read `exe.txt`) and marks, the line and paragraph
/// separators, the zero-width space and the byte-order mark. Each becomes `\n`, `\r`, `\t` or
/// `\u{1B}`; a backslash is left as it is, so escaping twice changes nothing.
public enum Escape {
    /// Whether a scalar must be escaped.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x061C, 0x200B, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069, 0xFEFF: return true
        default: return false
        }
    }

    /// Whether the text holds a scalar to escape: a test on its UTF-8 bytes, so that text with
    /// nothing to escape (nearly all of it, `—` and `→` included) is copied whole.
    static func needsEscape(_ s: String) -> Bool {
        if let found = s.utf8.withContiguousStorageIfAvailable(hasUnsafeBytes) { return found }
        return s.unicodeScalars.contains(where: isUnsafe)
    }

    /// The UTF-8 encodings of the unsafe scalars: C0 and DEL are one byte, C1 is C2 80–9F,
    /// U+061C is D8 9C, the marks at U+200B–U+206F are E2 80 xx / E2 81 xx, U+FEFF is EF BB BF.
    static func hasUnsafeBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = bytes.count
        var i = 0
        while i < n {
            let b = bytes[i]
            if b < 0x20 || b == 0x7F { return true }
            if b >= 0xC2 && i + 1 < n {
                let b1 = bytes[i + 1]
                switch b {
                case 0xC2 where (0x80...0x9F).contains(b1): return true
                case 0xD8 where b1 == 0x9C: return true
                case 0xE2 where i + 2 < n:
                    let b2 = bytes[i + 2]
                    if b1 == 0x80 && (b2 == 0x8B || b2 == 0x8E || b2 == 0x8F || (0xA8...0xAE).contains(b2)) { return true }
                    if b1 == 0x81 && (0xA6...0xA9).contains(b2) { return true }
                case 0xEF where i + 2 < n:
                    if b1 == 0xBB && bytes[i + 2] == 0xBF { return true }
                default: break
                }
            }
            i += 1
        }
        return false
    }

    /// How an unsafe scalar is written.
    static func escaped(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        default: return "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        }
    }

    /// The text on one line, every unsafe scalar escaped.
    public static func text(_ s: String) -> String {
        guard needsEscape(s) else { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            if isUnsafe(scalar) { out += escaped(scalar) } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    /// Text that may span lines, for a report read by people (a narrative): each line break
    /// (`\n`, `\r\n`) is kept and followed by `indent`, so no line of it can begin where the
    /// report's own lines begin; every other unsafe scalar is escaped.
    public static func lines(_ s: String, indent: String) -> String {
        guard needsEscape(s) else { return s }
        var out = ""
        var scalars = s.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar?
        while let scalar = pending ?? scalars.next() {
            pending = nil
            if scalar == "\r" {
                let next = scalars.next()
                if next == "\n" {
                    out += "\n" + indent
                } else {
                    out += escaped(scalar)
                    pending = next
                }
            } else if scalar == "\n" {
                out += "\n" + indent
            } else if isUnsafe(scalar) {
                out += escaped(scalar)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The longest excerpt a diagnostic shows of what was written.
    public static let excerptLimit = 40

    /// A short excerpt for a diagnostic: escaped, at most `limit` characters, ending in `…`
    /// when cut. Only the first characters of `s` are looked at, however long it is.
    public static func excerpt(_ s: String, limit: Int = excerptLimit) -> String {
        var out = ""
        var count = 0
        // The excerpt as it was when it still had room for the `…`.
        var beforeEllipsis = ""
        for character in s {
            let piece: String
            if character.unicodeScalars.contains(where: isUnsafe) {
                piece = character.unicodeScalars.map { isUnsafe($0) ? escaped($0) : String($0) }.joined()
            } else {
                piece = String(character)
            }
            let width = piece.count
            if count + width > limit { return beforeEllipsis + "…" }
            out += piece
            count += width
            if count <= limit - 1 { beforeEllipsis = out }
        }
        return out
    }
}
