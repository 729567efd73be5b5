/// Render: text wrapped to a width, with a first-line prefix and a hanging indent for the rest.
/// Widths count characters (`—` and `§` are one column each, as terminals show them); a word
/// longer than a line is cut, so no line is ever wider than the width.
public enum TextWrap {
    /// The lines of `text` after `first` (on the first line) and `rest` (on each other line).
    public static func lines(_ text: String, width: Int, first: String, rest: String) -> [String] {
        var lines: [String] = []
        var line = first
        var lineWidth = first.count
        var empty = true
        let restWidth = rest.count
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            var word = Substring(word)
            var w = word.count
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
                line += (empty ? "" : " ") + word[..<cut]
                lines.append(line)
                line = rest
                lineWidth = restWidth
                empty = true
                word = word[cut...]
                w = word.count
            }
            guard w > 0 else { continue }
            line += (empty ? "" : " ") + word
            lineWidth += (empty ? 0 : 1) + w
            empty = false
        }
        if !empty || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// The same, joined, each line ending in a line break.
    public static func block(_ text: String, width: Int, first: String, rest: String) -> String {
        lines(text, width: width, first: first, rest: rest).map { $0 + "\n" }.joined()
    }
}
