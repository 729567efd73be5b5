/// Render: text wrapped to a width, with a first-line prefix and a hanging indent for the rest.
/// Widths count characters (`—` and `§` are one column each, as terminals show them); a word
/// longer than a line is cut, so no line is ever wider than the width.
public enum TextWrap {
    /// The lines of `text` after `first` (on the first line) and `rest` (on each other line).
    public static func lines(_ text: String, width: Int, first: String, rest: String) -> [String] {
        lines(text, width: width, first: first, rest: rest, byCharacters: false)
    }

    /// `byCharacters` splits by characters even where splitting on the space byte gives the same
    /// words (the tests compare the two).
    static func lines(_ text: String, width: Int, first: String, rest: String, byCharacters: Bool) -> [String] {
        var lines: [String] = []
        var line = first
        var lineWidth = columns(first[...])
        var empty = true
        let restWidth = columns(rest[...])
        // Split on the space byte unless a space may be part of a longer character (a combining
        // mark after it), which splitting by characters, as a terminal shows them, keeps whole.
        let words: [Substring] = byCharacters ? text.split(separator: " ", omittingEmptySubsequences: true) : spaceSeparatedWords(text)
        for word in words {
            var word = word
            var w = columns(word)
            if !empty && lineWidth + 1 + w > width {
                lines.append(line)
                line = rest
                lineWidth = restWidth
                empty = true
            }
            // A word too long for any line is cut where the line ends.
            while lineWidth + (empty ? 0 : 1) + w > width && w > 0 {
                let room = width - lineWidth - (empty ? 0 : 1)
                if room <= 0 {
                    lines.append(line)
                    line = rest
                    lineWidth = restWidth
                    empty = true
                    if width - restWidth <= 0 { break }
                    continue
                }
                let cut = word.index(word.startIndex, offsetBy: room)
                if !empty { line.append(" ") }
                line.append(contentsOf: word[..<cut])
                lines.append(line)
                line = rest
                lineWidth = restWidth
                empty = true
                word = word[cut...]
                w = columns(word)
            }
            guard w > 0 else { continue }
            if !empty { line.append(" ") }
            line.append(contentsOf: word)
            lineWidth += (empty ? 0 : 1) + w
            empty = false
        }
        if !empty || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// The words between spaces, found on the UTF-8 bytes (one pass over contiguous storage),
    /// unless a space may be part of a longer character: then by characters.
    static func spaceSeparatedWords(_ text: String) -> [Substring] {
        var text = text
        var bounds: [Range<Int>] = []
        let nonASCII: Bool = text.withUTF8 { buffer in
            var high = false
            var i = 0
            let n = buffer.count
            while i < n {
                while i < n && buffer[i] == 0x20 { i += 1 }
                let start = i
                while i < n && buffer[i] != 0x20 {
                    if buffer[i] >= 0x80 { high = true }
                    i += 1
                }
                if i > start { bounds.append(start..<i) }
            }
            return high
        }
        if nonASCII && spaceJoinsAMark(text) { return text.split(separator: " ", omittingEmptySubsequences: true) }
        let utf8 = text.utf8
        return bounds.map { r in
            Substring(text[utf8.index(utf8.startIndex, offsetBy: r.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: r.upperBound)])
        }
    }

    /// Columns a piece of text takes: its bytes when printable ASCII, else its characters.
    static func columns(_ s: Substring) -> Int {
        isPrintableASCII(s.utf8) ? s.utf8.count : s.count
    }

    static func isPrintableASCII(_ bytes: Substring.UTF8View) -> Bool {
        if let all = bytes.withContiguousStorageIfAvailable({ $0.allSatisfy { $0 >= 0x20 && $0 < 0x7f } }) { return all }
        return bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7f }
    }

    /// Whether a space may be part of a longer character: beside it, a scalar that Unicode's
    /// grapheme rules could join to it (an extending or spacing mark, a joiner, an emoji
    /// modifier, a prepended sign). Only letters, digits, punctuation and symbols of the
    /// categories below are taken as safe; anything else sends the text down the character path.
    static func spaceJoinsAMark(_ text: String) -> Bool {
        func safe(_ scalar: Unicode.Scalar) -> Bool {
            if scalar.value < 0x80 { return true }
            switch scalar.properties.generalCategory {
            case .lowercaseLetter, .uppercaseLetter, .titlecaseLetter, .decimalNumber, .letterNumber, .otherNumber, .connectorPunctuation,
                .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation, .finalPunctuation, .otherPunctuation,
                .mathSymbol, .currencySymbol, .otherSymbol:
                return true
            default:
                return false
            }
        }
        var previous: Unicode.Scalar = " "
        var afterSpace = false
        for scalar in text.unicodeScalars {
            if scalar == " " && !safe(previous) { return true }
            if afterSpace && !safe(scalar) { return true }
            afterSpace = scalar == " "
            previous = scalar
        }
        return false
    }

    /// The same, joined, each line ending in a line break.
    public static func block(_ text: String, width: Int, first: String, rest: String) -> String {
        lines(text, width: width, first: first, rest: rest).map { $0 + "\n" }.joined()
    }
}
