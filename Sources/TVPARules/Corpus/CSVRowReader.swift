/// Splits a CSV file (RFC 4180: comma-separated, `"` quotes, `""` inside quotes, line breaks
/// allowed inside quotes) into records. The first record is the header; each later record
/// becomes one case input. Fields are split by `CSV.fields`, which the loader calls.
struct CSVRowReader: CaseInputReader {
    private var lines: LineReader
    private let path: String
    private var header: CSVHeader?
    private var diagnostics: [Diagnostic] = []

    init?(path: String) {
        guard let lines = LineReader(path: path) else { return nil }
        self.lines = lines
        self.path = path
    }

    mutating func next() -> CaseInput? {
        while let (record, line) = nextRecord() {
            guard let header else {
                var fields = CSV.fields(record)
                if let first = fields.first, first.value.hasPrefix("\u{FEFF}") {
                    fields = fields.enumerated().map { i, f in (i == 0 ? String(f.value.dropFirst()) : f.value, i == 0 ? 1 : f.column - 1) }
                }
                self.header = CSVHeader(columns: fields.map(\.value), line: line, cellColumns: fields.map(\.column))
                continue
            }
            if record.utf8.allSatisfy({ $0 == 44 || $0 == 32 }) { continue }  // a blank row
            return CaseInput(path: path, line: line, text: record, format: .csvRow(header))
        }
        return nil
    }

    /// One record, which may span lines when a quoted field holds a line break.
    private mutating func nextRecord() -> (String, Int)? {
        guard var record = lines.next() else { return nil }
        let first = lines.lineNumber
        while CSV.hasOpenQuote(record), let more = lines.next() { record += "\n" + more }
        if CSV.hasOpenQuote(record) {
            // The open quote begins the last field: the rest of the file was read into it.
            let start = CSV.fields(record).last?.column ?? 1
            let (line, column) = CSV.position(start, in: record, firstLine: first)
            diagnostics.append(Diagnostic(.caseCSVShape, CaseMessages.unclosedQuote(), at: SourceLocation(file: path, line: line, column: column), help: CaseMessages.unclosedQuoteHelp))
            return nil
        }
        return (record, first)
    }

    mutating func takeDiagnostics() -> [Diagnostic] {
        defer { diagnostics = [] }
        return diagnostics
    }

    var bytesRead: Int { lines.bytesRead }

    func close() { lines.close() }
}

public enum CSV {
    /// A record's fields, each with the 1-based column (in characters) where it begins.
    public static func fields(_ record: String) -> [(value: String, column: Int)] {
        var result: [(String, Int)] = []
        var field = ""
        var column = 1
        var start = 1
        var quoted = false
        var iterator = record.makeIterator()
        var pending: Character? = nil
        while let c = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    let after = iterator.next()
                    if after == "\"" {
                        field.append("\"")
                        column += 1
                    } else {
                        quoted = false
                        pending = after
                    }
                } else {
                    field.append(c)
                }
            } else if c == "\"" && field.isEmpty {
                quoted = true
            } else if c == "," {
                result.append((field, start))
                field = ""
                start = column + 1
            } else {
                field.append(c)
            }
            column += 1
        }
        result.append((field, start))
        return result
    }

    /// The line and column of a record's `column`-th character, for a record that may span
    /// lines (a quoted field holding a line break).
    public static func position(_ column: Int, in record: String, firstLine: Int) -> (line: Int, column: Int) {
        var line = firstLine
        var lineStart = 0
        var offset = 0
        for c in record {
            offset += 1
            if offset >= column { break }
            if c == "\n" {
                line += 1
                lineStart = offset
            }
        }
        return (line, column - lineStart)
    }

    static func hasOpenQuote(_ record: String) -> Bool {
        record.utf8.reduce(0) { $1 == 34 ? $0 + 1 : $0 } % 2 == 1
    }

    /// A field as CSV writes it: quoted when it holds a comma, a quote or a line break.
    public static func quote(_ value: String) -> String {
        guard value.utf8.contains(where: { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
