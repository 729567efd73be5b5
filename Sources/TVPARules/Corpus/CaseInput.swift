/// One case's text and where it sits: a whole YAML file, one line of a JSON Lines file, or
/// one row of a CSV file. The unit a corpus streams and a loader reads.
public struct CaseInput: Sendable {
    public enum Format: Sendable {
        case yaml
        case jsonLine
        /// A CSV row, read against its file's header row.
        case csvRow(CSVHeader)
    }

    public var path: String
    /// The line of `path` on which `text` begins.
    public var line: Int
    public var text: String
    public var format: Format

    public init(path: String, line: Int = 1, text: String, format: Format = .yaml) {
        self.path = path
        self.line = line
        self.text = text
        self.format = format
    }

    public var sourceText: SourceText { SourceText(path: path, text: text, firstLine: line) }
}

/// The header row of a CSV corpus: column names, as written, in order, and where each begins.
public struct CSVHeader: Sendable, Hashable {
    public var columns: [String]
    public var line: Int
    /// The 1-based character column at which each header cell begins (a byte-order mark is not
    /// counted: editors do not show it).
    public var cellColumns: [Int]

    public init(columns: [String], line: Int = 1, cellColumns: [Int]? = nil) {
        self.columns = columns
        self.line = line
        self.cellColumns = cellColumns ?? CSV.fields(columns.map(CSV.quote).joined(separator: ",")).map(\.column)
    }
}
