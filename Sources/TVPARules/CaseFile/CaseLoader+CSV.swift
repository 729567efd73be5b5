import Foundation
import Yams

extension CaseLoader {
    /// One CSV row as a case file. The row is turned into the nodes a YAML case file would
    /// give, each marked with its cell's line and column, and read by the same code, so every
    /// check (types, values, dates, contradictions) is the one YAML files get. What differs is
    /// said here: cells are text (a CSV user never quotes a word to keep it from being a YAML
    /// boolean), each read as its column's type says (each node is tagged so: a cell is never
    /// resolved as a YAML word), `TRUE`/`FALSE` in any case are booleans (as spreadsheets write
    /// them), an integer is plain decimal digits, `a;b` is a list and `-` an empty one, and an
    /// empty cell is unknown.
    ///
    /// Every diagnostic is placed as a spreadsheet shows it: `file.csv:ROW:COLUMN`, the column
    /// counted in cells (not characters), with a note naming the cell (`cell E3`) and its
    /// column's header.
    func loadCSVRow(_ input: CaseInput, header: CSVHeader, asOfOverride: Int?) -> (CaseFile?, [Diagnostic]) {
        let layout: CSVLayout
        if let cached = scratch.csvLayout, cached.path == input.path, cached.header == header {
            layout = cached.layout
        } else {
            layout = CSVLayout(header: header, program: program, path: input.path)
            scratch.csvLayout = (header, input.path, layout)
        }
        var diagnostics = DiagnosticBag(summary: .caseMoreDiagnostics)
        diagnostics.append(contentsOf: layout.diagnostics)
        var reader = NodeReader(file: input.path, dialect: .caseFile)
        reader.lineOffset = input.line - 1
        let cells = CSV.fields(input.text).map(\.value)
        func location(column: Int) -> SourceLocation {
            SourceLocation(file: input.path, line: input.line, column: column)
        }

        if cells.count < layout.width {
            // At the first cell the row lacks.
            diagnostics.append(Diagnostic(.caseCSVShape, CaseMessages.csvCellCount(cells.count, header: layout.width), at: location(column: cells.count + 1)))
        }
        for (i, cell) in cells.enumerated() where !cell.trimmingWhitespace.isEmpty {
            if i >= layout.width {
                diagnostics.append(Diagnostic(.caseCSVShape, CaseMessages.csvCellCount(cells.count, header: layout.width), at: location(column: i + 1)))
                break
            }
            if header.columns[i].trimmingWhitespace.isEmpty {
                diagnostics.append(Diagnostic(.caseCSVShape, CaseMessages.csvUnnamedColumn(i + 1), at: location(column: i + 1)))
            }
        }

        var envelope: [(key: String, keyNode: Node, value: Node)] = []
        var facts: [(Node, Node)] = []
        var expect: [(Node, Node)] = []
        var clocks: [(Node, Node)] = []
        var idColumn: Int?
        for (i, value) in cells.prefix(layout.width).enumerated() {
            let mark = Mark.at(line: 1, column: i + 1)
            let trimmed = value.trimmingWhitespace
            let name = header.columns[i].trimmingWhitespace
            let key = Node.scalar(.init(name, .implicit, .plain, mark))
            switch layout.columns[i] {
            case .ignored:
                continue
            case .envelope(let field):
                if field == "id" { idColumn = i + 1 }
                if field == CSVLayout.declinedColumn {
                    // Fact names as a list cell: `a;b`, `-` (or nothing) for none.
                    if trimmed.isEmpty || trimmed == "-" { continue }
                    let nodes = Self.listItems(value).map { Node.scalar(.init($0, Tag(.str), .doubleQuoted, mark)) }
                    envelope.append((field, key, .sequence(.init(nodes, .implicit, .flow, mark))))
                    continue
                }
                // Free text keeps its spaces; an id or a date does not.
                let text = ["title", "source", "narrative"].contains(field) ? value : trimmed
                if trimmed.isEmpty { continue }
                envelope.append((field, key, .scalar(.init(text, Tag(.str), .doubleQuoted, mark))))
            case .expectClock(let id):
                // `none`, a date, or `EARLIEST..LATEST` (either side empty: unbounded), read
                // by the same code as `expect: {clocks: …}` in a YAML file.
                if trimmed.isEmpty { continue }
                let idNode = Node.scalar(.init(id, .implicit, .plain, mark))
                if let range = trimmed.range(of: "..") {
                    func side(_ s: Substring) -> Node {
                        let t = String(s).trimmingWhitespace
                        return t.isEmpty ? .scalar(.init("null", Tag(.null), .plain, mark)) : .scalar(.init(t, Tag(.str), .doubleQuoted, mark))
                    }
                    let bounds = [(Node.scalar(.init("earliest", .implicit, .plain, mark)), side(trimmed[..<range.lowerBound])),
                                  (Node.scalar(.init("latest", .implicit, .plain, mark)), side(trimmed[range.upperBound...]))]
                    clocks.append((idNode, .mapping(.init(bounds, .implicit, .flow, mark))))
                } else {
                    clocks.append((idNode, .scalar(.init(trimmed, Tag(.str), .plain, mark))))
                }
            case .expect(let id):
                if trimmed.isEmpty { continue }
                expect.append((.scalar(.init(id, .implicit, .plain, mark)), .scalar(.init(trimmed, Tag(.str), .doubleQuoted, mark))))
            case .fact(let slot):
                if trimmed.isEmpty { continue }
                let fact = program.legend.facts[slot]
                switch fact.type {
                case .bool:
                    guard let word = ["true", "false"].first(where: { $0 == trimmed.lowercased() }) else {
                        diagnostics.append(Diagnostic(.caseTypeMismatch, CaseMessages.csvBoolean(name, redact || fact.sensitive ? Redaction.withheld : trimmed), at: location(column: i + 1), help: CaseMessages.csvBooleanHelp))
                        continue
                    }
                    facts.append((key, .scalar(.init(word, Tag(.bool), .plain, mark))))
                case .list:
                    if trimmed == "-" {
                        facts.append((key, .sequence(.init([], .implicit, .flow, mark))))
                        continue
                    }
                    let items = Self.listItems(value)
                    guard !items.isEmpty else {
                        diagnostics.append(Diagnostic(.caseTypeMismatch, CaseMessages.csvEmptyList(name), at: location(column: i + 1)))
                        continue
                    }
                    let nodes = items.map { Node.scalar(.init($0, Tag(.str), .doubleQuoted, mark)) }
                    facts.append((key, .sequence(.init(nodes, .implicit, .flow, mark))))
                case .integer:
                    // Read as an integer in plain decimal, as the case reader reads every integer.
                    facts.append((key, .scalar(.init(trimmed, Tag(.int), .plain, mark))))
                default:
                    facts.append((key, .scalar(.init(fact.type == .text ? value : trimmed, Tag(.str), .doubleQuoted, mark))))
                }
            }
        }
        if !facts.isEmpty {
            let node = Node.mapping(.init(facts, .implicit, .block, Mark.at(line: 1, column: 1)))
            envelope.append(("facts", node, node))
        }
        if !clocks.isEmpty {
            let mark = Mark.at(line: 1, column: 1)
            expect.append((.scalar(.init(CaseBuilder.clocksKey, .implicit, .plain, mark)), .mapping(.init(clocks, .implicit, .block, mark))))
        }
        if !expect.isEmpty {
            let node = Node.mapping(.init(expect, .implicit, .block, Mark.at(line: 1, column: 1)))
            envelope.append(("expect", node, node))
        }
        if layout.hasId && !envelope.contains(where: { $0.key == "id" }) {
            diagnostics.append(Diagnostic(.caseMissingKey, CaseMessages.csvMissingId(), at: location(column: idColumn ?? 1)))
        }
        let root = Node.mapping(.init([], .implicit, .block, Mark.at(line: 1, column: 1)))
        var (file, loaded) = load(pairs: envelope, root: root, reader: &reader, asOfOverride: asOfOverride)
        // A missing id is said above, in CSV terms (or once, on the header).
        loaded.removeAll { $0.id == .caseMissingKey }
        diagnostics.append(contentsOf: loaded)
        let all = diagnostics.all.map { d in
            // Name the cell, as a spreadsheet user looks for it.
            guard d.omitted == 0, d.location.file == input.path, d.location.line == input.line || d.location.line == header.line, d.location.column >= 1 else { return d }
            var d = d
            d.notes.insert(header.cell(row: d.location.line, column: d.location.column), at: 0)
            return d
        }.sortedForDisplay()
        if all.hasErrors { file = nil }
        return (file, all)
    }

    /// The items of a list cell (`a;b`), trimmed.
    static func listItems(_ value: String) -> [String] {
        value.split(separator: ";", omittingEmptySubsequences: false).map { $0.trimmingWhitespace }.filter { !$0.isEmpty }
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
