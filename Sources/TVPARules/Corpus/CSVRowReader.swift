/// Splits a CSV file (RFC 4180: comma-separated, `"` quotes, `""` inside quotes, line breaks
/// allowed inside quotes) into records. The first record is the header; each later record
/// becomes one case input. Fields are split by `CSV.fields`, which the loader calls.
///
/// A record is placed as a spreadsheet shows it, by row (the header is row 1; a quoted line
/// break does not start a row) and, in diagnostics, by column number: a case input's `line`
/// is its row.
struct CSVRowReader: CaseInputReader {
    private var lines: LineReader
    private let path: String
    private var header: CSVHeader?
    private var row = 0
    private var count = 0
    private var finished = false
    private var diagnostics: [Diagnostic] = []
    /// The offset in the last record of its first byte that is not UTF-8.
    private var notUTF8At: Int?

    init?(path: String) {
        guard let lines = LineReader(path: path) else { return nil }
        self.lines = lines
        self.path = path
    }

    mutating func next() -> CaseInput? {
        if finished { return nil }
        while let record = nextRecord() {
            guard let header else {
                // The header, like every row, is UTF-8, with at most one byte-order mark, at
                // the start of the file.
                let problem = notUTF8At.map { TextDecoding.Problem(kind: .notUTF8, offset: $0) } ?? TextDecoding.problem(in: record, startOfFile: true)
                if let problem {
                    let column = CSV.fields(String(decoding: record.utf8.prefix(problem.offset), as: UTF8.self)).count
                    diagnostics.append(TextDecoding.diagnostic(problem, at: SourceLocation(file: path, line: row, column: column)))
                    finished = true
                    return nil
                }
                var columns = CSV.fields(record).map(\.value)
                if let first = columns.first, first.hasPrefix("\u{FEFF}") { columns[0] = String(first.dropFirst()) }
                self.header = CSVHeader(columns: columns, line: row)
                continue
            }
            if record.utf8.allSatisfy({ $0 == 44 || $0 == 32 }) { continue }  // a blank row
            count += 1
            var input = CaseInput(path: path, line: row, text: record, format: .csvRow(header))
            input.notUTF8At = notUTF8At
            return input
        }
        if count == 0 && !finished && diagnostics.isEmpty {
            let message = CaseMessages.emptyCSV(headerOnly: header != nil)
            diagnostics.append(Diagnostic(.caseEmptyInput, message, at: SourceLocation(file: path, line: 1, column: 1), help: CaseMessages.emptyCSVHelp))
        }
        finished = true
        return nil
    }

    /// One record, which may span lines when a quoted field holds a line break. Each line's
    /// quotes are counted once, as it is read, so a cell of many lines costs its length, not
    /// its length times its lines (recounting the whole record at every line break took 50 s
    /// for a cell of 20,000 lines).
    private mutating func nextRecord() -> String? {
        guard var record = lines.next() else { return nil }
        row += 1
        notUTF8At = lines.notUTF8At
        var open = CSV.hasOpenQuote(record)
        while open, let more = lines.next() {
            if notUTF8At == nil, let bad = lines.notUTF8At { notUTF8At = record.utf8.count + 1 + bad }
            record += "\n"
            record += more
            if CSV.hasOpenQuote(more) { open.toggle() }
        }
        if open {
            // The open quote begins the last field: the rest of the file was read into it.
            let column = CSV.fields(record).count
            let cell = (header ?? CSVHeader(columns: [])).cell(row: row, column: column)
            diagnostics.append(Diagnostic(.caseCSVShape, CaseMessages.unclosedQuote(), at: SourceLocation(file: path, line: row, column: column), notes: [cell], help: CaseMessages.unclosedQuoteHelp))
            return nil
        }
        return record
    }

    mutating func takeDiagnostics() -> [Diagnostic] {
        defer { diagnostics = [] }
        return diagnostics
    }

    var bytesRead: Int { lines.bytesRead }

    func close() { lines.close() }
}

public enum CSV {
    /// A record's fields, each with the 1-based column (in Unicode scalars) where it begins.
    /// Split on the UTF-8 bytes: a field with no quote is one slice of the record; a quoted
    /// one has its `""` made `"`, and anything after its closing quote (before the next comma)
    /// is kept as written.
    public static func fields(_ record: String) -> [(value: String, column: Int)] {
        var result: [(value: String, column: Int)] = []
        var record = record
        record.withUTF8 { u in
            let n = u.count
            var i = 0
            var column = 1
            /// Moves the column past bytes `from..<to`, counting each scalar once.
            func advance(_ from: Int, _ to: Int) {
                var k = from
                while k < to {
                    if u[k] & 0xC0 != 0x80 { column += 1 }
                    k += 1
                }
            }
            while true {
                let start = i, startColumn = column
                let value: String
                if i < n && u[i] == 34 {
                    var bytes: [UInt8] = []
                    i += 1
                    while i < n {
                        if u[i] == 34 {
                            if i + 1 < n && u[i + 1] == 34 {
                                bytes.append(34)
                                i += 2
                                continue
                            }
                            i += 1
                            break
                        }
                        bytes.append(u[i])
                        i += 1
                    }
                    while i < n && u[i] != 44 {
                        bytes.append(u[i])
                        i += 1
                    }
                    value = String(decoding: bytes, as: UTF8.self)
                } else {
                    while i < n && u[i] != 44 { i += 1 }
                    value = String(decoding: UnsafeBufferPointer(rebasing: u[start..<i]), as: UTF8.self)
                }
                result.append((value, startColumn))
                advance(start, i)
                guard i < n else { break }
                i += 1  // the comma
                column += 1
            }
        }
        return result
    }

    /// A column's name in a spreadsheet: 1 is A, 26 is Z, 27 is AA.
    public static func letters(_ column: Int) -> String {
        var n = column
        var name = ""
        while n > 0 {
            let digit = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + digit))) + name
            n = (n - 1) / 26
        }
        return name
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
