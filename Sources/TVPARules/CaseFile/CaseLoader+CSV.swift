import Foundation
import Yams

extension CaseLoader {
    /// One CSV row as a case file. The row is turned into the nodes a YAML case file would
    /// give, each marked with its cell's line and column, and read by the same code, so every
    /// check (types, values, dates, contradictions) is the one YAML files get. What differs is
    /// said here: cells are text (a CSV user never quotes a word to keep it from being a YAML
    /// boolean), `TRUE`/`FALSE` in any case are booleans (as spreadsheets write them), `a;b` is
    /// a list and `-` an empty one, and an empty cell is unknown.
    func loadCSVRow(_ input: CaseInput, header: CSVHeader, asOfOverride: Int?) -> (CaseFile?, [Diagnostic]) {
        let layout = CSVLayout(header: header, program: program, path: input.path)
        var diagnostics = layout.diagnostics
        var reader = NodeReader(file: input.path, dialect: .caseFile)
        reader.lineOffset = input.line - 1
        let multiline = input.text.contains("\n")
        let cells = CSV.fields(input.text).map { cell -> (value: String, line: Int, column: Int) in
            guard multiline else { return (cell.value, 1, cell.column) }
            let (line, column) = CSV.position(cell.column, in: input.text, firstLine: 1)
            return (cell.value, line, column)
        }
        func location(line: Int, column: Int) -> SourceLocation {
            SourceLocation(file: input.path, line: line + reader.lineOffset, column: column)
        }

        if cells.count < layout.width {
            let end = CSV.position(input.text.count + 1, in: input.text, firstLine: 1)
            diagnostics.append(Diagnostic(.caseCSVShape, CaseMessages.csvCellCount(cells.count, header: layout.width), at: location(line: end.line, column: end.column)))
        }
        for (i, cell) in cells.enumerated() where !cell.value.trimmingCharacters(in: .whitespaces).isEmpty {
            if i >= layout.width {
                diagnostics.append(Diagnostic(.caseCSVShape, CaseMessages.csvCellCount(cells.count, header: layout.width), at: location(line: cell.line, column: cell.column)))
                break
            }
            if header.columns[i].trimmingCharacters(in: .whitespaces).isEmpty {
                diagnostics.append(Diagnostic(.caseCSVShape, CaseMessages.csvUnnamedColumn(i + 1), at: location(line: cell.line, column: cell.column)))
            }
        }

        var envelope: [(key: String, keyNode: Node, value: Node)] = []
        var facts: [(Node, Node)] = []
        var expect: [(Node, Node)] = []
        var idCell: (line: Int, column: Int)?
        for (i, cell) in cells.prefix(layout.width).enumerated() {
            let mark = Mark.at(line: cell.line, column: cell.column)
            let trimmed = cell.value.trimmingCharacters(in: .whitespaces)
            let name = header.columns[i].trimmingCharacters(in: .whitespaces)
            let key = Node.scalar(.init(name, .implicit, .plain, mark))
            switch layout.columns[i] {
            case .ignored:
                continue
            case .envelope(let field):
                if field == "id" { idCell = (cell.line, cell.column) }
                if field == CSVLayout.declinedColumn {
                    // Fact names as a list cell: `a;b`, `-` (or nothing) for none.
                    if trimmed.isEmpty || trimmed == "-" { continue }
                    let items = Self.listItems(cell.value, column: cell.column + (input.text.isQuoted(at: cell.column) ? 1 : 0))
                    let nodes = items.map { Node.scalar(.init($0.value, .implicit, .doubleQuoted, Mark.at(line: cell.line, column: $0.column))) }
                    envelope.append((field, key, .sequence(.init(nodes, .implicit, .flow, mark))))
                    continue
                }
                // Free text keeps its spaces; an id or a date does not.
                let text = ["title", "source", "narrative"].contains(field) ? cell.value : trimmed
                if trimmed.isEmpty { continue }
                envelope.append((field, key, .scalar(.init(text, .implicit, .doubleQuoted, mark))))
            case .expect(let id):
                if trimmed.isEmpty { continue }
                expect.append((.scalar(.init(id, .implicit, .plain, mark)), .scalar(.init(trimmed, .implicit, .doubleQuoted, mark))))
            case .fact(let slot):
                if trimmed.isEmpty { continue }
                let fact = program.checked.facts[slot]
                switch fact.type {
                case .bool:
                    guard let word = ["true", "false"].first(where: { $0 == trimmed.lowercased() }) else {
                        diagnostics.append(Diagnostic(.caseTypeMismatch, CaseMessages.csvBoolean(name, redact ? Redaction.withheld : trimmed), at: location(line: cell.line, column: cell.column), help: CaseMessages.csvBooleanHelp))
                        continue
                    }
                    facts.append((key, .scalar(.init(word, .implicit, .plain, mark))))
                case .list:
                    if trimmed == "-" {
                        facts.append((key, .sequence(.init([], .implicit, .flow, mark))))
                        continue
                    }
                    let items = Self.listItems(cell.value, column: cell.column + (input.text.isQuoted(at: cell.column) ? 1 : 0))
                    guard !items.isEmpty else {
                        diagnostics.append(Diagnostic(.caseTypeMismatch, CaseMessages.csvEmptyList(name), at: location(line: cell.line, column: cell.column)))
                        continue
                    }
                    let nodes = items.map { Node.scalar(.init($0.value, .implicit, .doubleQuoted, Mark.at(line: cell.line, column: $0.column))) }
                    facts.append((key, .sequence(.init(nodes, .implicit, .flow, mark))))
                default:
                    facts.append((key, .scalar(.init(fact.type == .text ? cell.value : trimmed, .implicit, .doubleQuoted, mark))))
                }
            }
        }
        if !facts.isEmpty {
            let node = Node.mapping(.init(facts, .implicit, .block, Mark.at(line: 1, column: 1)))
            envelope.append(("facts", node, node))
        }
        if !expect.isEmpty {
            let node = Node.mapping(.init(expect, .implicit, .block, Mark.at(line: 1, column: 1)))
            envelope.append(("expect", node, node))
        }
        if layout.hasId && !envelope.contains(where: { $0.key == "id" }) {
            let at = idCell ?? (1, 1)
            diagnostics.append(Diagnostic(.caseMissingKey, CaseMessages.csvMissingId(), at: location(line: at.line, column: at.column)))
        }
        let root = Node.mapping(.init([], .implicit, .block, Mark.at(line: 1, column: 1)))
        var (file, loaded) = load(pairs: envelope, root: root, reader: &reader, asOfOverride: asOfOverride)
        // A missing id is said above, in CSV terms (or once, on the header).
        loaded.removeAll { $0.id == .caseMissingKey }
        diagnostics = (diagnostics + loaded).sortedForDisplay()
        if diagnostics.hasErrors { file = nil }
        return (file, diagnostics)
    }

    /// The items of a list cell (`a;b`), trimmed, each with the column where it begins.
    static func listItems(_ value: String, column: Int) -> [(value: String, column: Int)] {
        var items: [(String, Int)] = []
        var offset = 0
        for part in value.split(separator: ";", omittingEmptySubsequences: false) {
            let leading = part.prefix { $0 == " " || $0 == "\t" }.count
            let item = part.trimmingCharacters(in: .whitespaces)
            if !item.isEmpty { items.append((item, column + offset + leading)) }
            offset += part.count + 1
        }
        return items
    }
}

private extension String {
    /// Whether the CSV field beginning at this 1-based character column is quoted.
    func isQuoted(at column: Int) -> Bool {
        guard column >= 1, column <= count else { return false }
        return self[index(startIndex, offsetBy: column - 1)] == "\""
    }
}

extension Mark {
    /// A mark at a given place. Yams makes marks only while composing, and a CSV row is not
    /// composed, yet the case reader locates every diagnostic by its node's mark. `Mark` is two
    /// `Int`s (line, column), which `MemoryLayout` checks; were that ever to change, nodes go
    /// unmarked and their diagnostics fall back to the row's first column.
    static func at(line: Int, column: Int) -> Mark? {
        guard MemoryLayout<Mark>.size == MemoryLayout<(Int, Int)>.size, MemoryLayout<Mark>.alignment == MemoryLayout<(Int, Int)>.alignment else { return nil }
        return unsafeBitCast((line, column), to: Mark.self)
    }
}
