/// Read: bytes to text, strictly, for every reader (rule files, YAML case files, JSON Lines,
/// CSV). The text must be UTF-8; a byte-order mark (U+FEFF) may begin a file, and nowhere
/// else: a second one, or one at the start of a later line, is an error where it is, as it is
/// invisible in an editor and readers disagree about it (libyaml skips one at the start of any
/// line, Foundation drops one at the start of any string it decodes, so `\u{FEFF}age` was read
/// as `age`). Nothing is repaired: a byte that is not UTF-8 is an error at its line and column,
/// never a replacement character.
public enum TextDecoding {
    /// What is wrong with a text, and where: a byte offset into it.
    public struct Problem: Sendable, Hashable {
        public enum Kind: Sendable, Hashable {
            /// A byte that does not begin or continue a UTF-8 character.
            case notUTF8
            /// U+FEFF (raw), other than at the very start of a file.
            case byteOrderMark
            /// `\uFEFF` or `\U0000FEFF` written as an escape in a YAML file: libyaml decodes it
            /// and Foundation then drops it from the start of a value.
            case escapedByteOrderMark
        }
        public var kind: Kind
        public var offset: Int
    }

    static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Decodes bytes: the text, with one leading byte-order mark removed when the bytes begin a
    /// file, and the first problem in them (the text is then only for locating it).
    public static func decode(_ bytes: some Collection<UInt8>, startOfFile: Bool) -> (text: String, problem: Problem?) {
        let array = Array(bytes)
        return array.withUnsafeBufferPointer { buffer in
            var start = 0
            if startOfFile, buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { start = 3 }
            let body = UnsafeBufferPointer(rebasing: buffer[start...])
            if let bad = firstInvalidUTF8(body) {
                return (String(decoding: body, as: UTF8.self), Problem(kind: .notUTF8, offset: bad))
            }
            let text = String(decoding: body, as: UTF8.self)
            return (text, firstByteOrderMark(body).map { Problem(kind: .byteOrderMark, offset: $0) })
        }
    }

    /// The first byte-order mark in a valid text, other than one at its very start when the text
    /// begins a file; with `yamlEscapes`, also the escapes that spell one.
    public static func problem(in text: String, startOfFile: Bool, yamlEscapes: Bool = false) -> Problem? {
        var text = text
        return text.withUTF8 { buffer -> Problem? in
            var start = 0
            if startOfFile, buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { start = 3 }
            if let at = firstByteOrderMark(UnsafeBufferPointer(rebasing: buffer[start...])) {
                return Problem(kind: .byteOrderMark, offset: start + at)
            }
            if yamlEscapes, let at = firstEscapedByteOrderMark(buffer) {
                return Problem(kind: .escapedByteOrderMark, offset: at)
            }
            return nil
        }
    }

    /// The offset of the first byte that is not part of a well-formed UTF-8 character (no
    /// overlong forms, no surrogates, nothing past U+10FFFF), or nil. One pass.
    static func firstInvalidUTF8(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            if c < 0x80 {
                i += 1
                continue
            }
            let length: Int
            var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
            switch c {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE, 0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return i
            }
            guard i + 1 < n, b[i + 1] >= lower, b[i + 1] <= upper else { return i }
            for k in 2..<length {
                guard i + k < n, b[i + k] & 0xC0 == 0x80 else { return i }
            }
            i += length
        }
        return nil
    }

    /// The offset of the first U+FEFF (EF BB BF) in valid UTF-8.
    static func firstByteOrderMark(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        while i + 2 < b.count {
            if b[i] == 0xEF && b[i + 1] == 0xBB && b[i + 2] == 0xBF { return i }
            i += 1
        }
        return nil
    }

    /// The offset of the first `"\uFEFF` or `"\U0000FEFF` (any case): a double-quoted YAML
    /// scalar that begins with an escaped byte-order mark, the one Foundation drops.
    static func firstEscapedByteOrderMark(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        let short = Array("\"\\ufeff".utf8), long = Array("\"\\u0000feff".utf8)
        var i = 0
        while i < b.count {
            if b[i] == UInt8(ascii: "\"") {
                for pattern in [short, long] where i + pattern.count <= b.count {
                    // Case-insensitive, except the escape letter, which says how many digits follow.
                    let letter = pattern.count == short.count ? UInt8(ascii: "u") : UInt8(ascii: "U")
                    if b[i + 1] == pattern[1], b[i + 2] == letter, (3..<pattern.count).allSatisfy({ b[i + $0] | 0x20 == pattern[$0] }) { return i + 1 }
                }
            }
            i += 1
        }
        return nil
    }

    /// The line and column (1-based, the column counted in characters as libyaml counts them)
    /// of a byte offset in a text that begins at `firstLine`; a text that is one line (a JSON
    /// line) counts a line feed inside it as a character, as its reader does.
    public static func location(of offset: Int, in text: String, file: String, firstLine: Int = 1, oneLine: Bool = false) -> SourceLocation {
        var line = firstLine
        var column = 1
        var k = 0
        for byte in text.utf8 {
            if k >= offset { break }
            if byte == 0x0A && !oneLine {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            k += 1
        }
        return SourceLocation(file: file, line: line, column: column)
    }

    /// The diagnostic for a problem, at its place.
    public static func diagnostic(_ problem: Problem, at location: SourceLocation) -> Diagnostic {
        switch problem.kind {
        case .notUTF8:
            return Diagnostic(.readUnreadable, ReadMessages.notUTF8, at: location, help: ReadMessages.notUTF8Help)
        case .byteOrderMark:
            return Diagnostic(.readUnreadable, ReadMessages.byteOrderMark, at: location, help: ReadMessages.byteOrderMarkHelp)
        case .escapedByteOrderMark:
            return Diagnostic(.readUnreadable, ReadMessages.escapedByteOrderMark, at: location, help: ReadMessages.escapedByteOrderMarkHelp)
        }
    }
}
