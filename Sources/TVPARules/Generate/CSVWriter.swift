/// Writes case files as a CSV corpus: a header of the envelope columns and every principal fact
/// a cell can hold, then one row per case. What a row cannot hold (records, family members)
/// is left out; `CaseGenerator(shape: .flat)` draws cases that are valid without it.
public struct CSVWriter: Sendable {
    /// The columns, in order: envelope fields, then principal facts in vocabulary order.
    public let columns: [String]
    private let types: [String: FactType]

    public init(program: Program) {
        let facts = program.legend.facts.filter { Self.holds($0) }
        // Generated cases decline nothing, so the sheet has no `declined` column.
        columns = CSVLayout.envelope.filter { $0 != CSVLayout.declinedColumn } + facts.map(\.name)
        types = Dictionary(uniqueKeysWithValues: facts.map { ($0.name, $0.type) })
    }

    /// Whether a CSV cell can hold this fact.
    public static func holds(_ fact: FactInfo) -> Bool {
        fact.subject == .principal && fact.type != .records
    }

    /// The header row, with its line break.
    public var header: String { columns.map(CSV.quote).joined(separator: ",") + "\r\n" }

    /// One case (as `CaseGenerator` gives it) as a row, with its line break. Rows end in `\r\n`,
    /// as RFC 4180 and spreadsheets write them.
    public func row(_ json: JSON) -> String {
        guard case .object(let pairs) = json else { return "\r\n" }
        var cells: [String: String] = [:]
        for (key, value) in pairs {
            if key == "facts", case .object(let facts) = value {
                for (name, fact) in facts where types[name] != nil { cells[name] = Self.cell(fact) }
            } else if CSVLayout.envelope.contains(key) {
                cells[key] = Self.cell(value)
            }
        }
        return columns.map { CSV.quote(cells[$0] ?? "") }.joined(separator: ",") + "\r\n"
    }

    /// A value as a cell: lists joined with `;` (`-` for none), unknown as nothing.
    static func cell(_ value: JSON) -> String {
        switch value {
        case .null: return ""
        case .bool(let b): return b ? "true" : "false"
        case .int(let n): return String(n)
        case .string(let s): return s
        case .array(let items): return items.isEmpty ? "-" : items.map(cell).joined(separator: ";")
        case .object: return ""
        }
    }
}
