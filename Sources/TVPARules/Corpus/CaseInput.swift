import Foundation

/// One case's text and where it sits: a whole YAML file, one line of a JSON Lines file, or
/// one row of a CSV file. The unit a corpus streams and a loader reads.
public struct CaseInput: Sendable {
    public enum Format: Sendable {
        case yaml
        case jsonLine
        /// A CSV row, read against its file's header row.
        case csvRow(CSVHeader)

        var isJSONLine: Bool {
            if case .jsonLine = self { return true }
            return false
        }
    }

    public var path: String
    /// The line of `path` on which `text` begins; for a CSV row, its row as a spreadsheet
    /// numbers it (the header is row 1).
    public var line: Int
    public var text: String
    public var format: Format
    /// The byte offset in `text` of the first byte that was not UTF-8 when the input was read
    /// from bytes (`text` then holds a replacement character there, only to locate it): the
    /// loader reports it and reads nothing else from the input.
    public var notUTF8At: Int?

    public init(path: String, line: Int = 1, text: String, format: Format = .yaml) {
        self.path = path
        self.line = line
        self.text = text
        self.format = format
    }

    /// An input read from bytes, as a fuzzer or a reader of files gives them: never repaired,
    /// a byte that is not UTF-8 is reported where it is.
    public init(path: String, line: Int = 1, bytes: some Collection<UInt8>, format: Format = .yaml) {
        let array = Array(bytes)
        let bad = array.withUnsafeBufferPointer { TextDecoding.firstInvalidUTF8($0) }
        self.init(path: path, line: line, text: String(decoding: array, as: UTF8.self), format: format)
        notUTF8At = bad
    }

    public var sourceText: SourceText { SourceText(path: path, text: text, firstLine: line) }
}

/// The header row of a CSV corpus: column names, as written, in order, and its row.
public struct CSVHeader: Sendable, Hashable {
    public var columns: [String]
    public var line: Int

    public init(columns: [String], line: Int = 1) {
        self.columns = columns
        self.line = line
    }

    /// How a diagnostic names a cell: its spreadsheet reference, row, column number and the
    /// column's header (`cell E3: row 3, column 5 (date_of_birth)`).
    func cell(row: Int, column: Int) -> String {
        let name = column <= columns.count ? columns[column - 1].trimmingWhitespace : ""
        return CaseMessages.csvCell(CSV.letters(column), row: row, column: column, header: name)
    }
}
