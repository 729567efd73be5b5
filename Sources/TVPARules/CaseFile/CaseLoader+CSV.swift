import Foundation

extension CaseLoader {
    /// One CSV row as a case file. The row is turned into the `SourceNode`s a YAML case file
    /// would give, each placed at its cell's row and column, and read by the same code, so every
    /// check (types, values, dates, contradictions) is the one YAML files get. What differs is
    /// said here: cells are text (a CSV user never quotes a word to keep it from being a YAML
    /// boolean), each read as its column's type says (each node's kind is the column's: a cell
    /// is never resolved as a YAML word), `TRUE`/`FALSE` in any case are booleans (as spreadsheets write
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

        var envelope: [(key: String, keyNode: SourceNode, value: SourceNode)] = []
        var facts: [(key: SourceNode, value: SourceNode)] = []
        var expect: [(key: SourceNode, value: SourceNode)] = []
        var clocks: [(key: SourceNode, value: SourceNode)] = []
        var idColumn: Int?
        for (i, value) in cells.prefix(layout.width).enumerated() {
            let column = i + 1
            func text(_ s: String) -> SourceNode { .text(s, line: 1, column: column) }
            let trimmed = value.trimmingWhitespace
            let name = header.columns[i].trimmingWhitespace
            let key = text(name)
            switch layout.columns[i] {
            case .ignored:
                continue
            case .envelope(let field):
                if field == "id" { idColumn = i + 1 }
                if field == CSVLayout.declinedColumn {
                    // Fact names as a list cell: `a;b`, `-` (or nothing) for none.
                    if trimmed.isEmpty || trimmed == "-" { continue }
                    let nodes = Self.listItems(value).map(text)
                    envelope.append((field, key, .sequence(.init(items: nodes, line: 1, column: column))))
                    continue
                }
                // Free text keeps its spaces; an id or a date does not.
                if trimmed.isEmpty { continue }
                envelope.append((field, key, text(field == "title" || field == "source" || field == "narrative" ? value : trimmed)))
            case .expectClock(let id):
                // `none`, a date, or `EARLIEST..LATEST` (either side empty: unbounded), read
                // by the same code as `expect: {clocks: …}` in a YAML file.
                if trimmed.isEmpty { continue }
                let idNode = text(id)
                if let range = trimmed.range(of: "..") {
                    func side(_ s: Substring) -> SourceNode {
                        let t = String(s).trimmingWhitespace
                        return t.isEmpty ? .word("null", kind: .null, line: 1, column: column) : text(t)
                    }
                    let bounds = [(key: text("earliest"), value: side(trimmed[..<range.lowerBound])),
                                  (key: text("latest"), value: side(trimmed[range.upperBound...]))]
                    clocks.append((idNode, .mapping(.init(pairs: bounds, line: 1, column: column))))
                } else {
                    clocks.append((idNode, text(trimmed)))
                }
            case .expect(let id):
                if trimmed.isEmpty { continue }
                expect.append((text(id), text(trimmed)))
            case .fact(let slot):
                if trimmed.isEmpty { continue }
                let fact = program.legend.facts[slot]
                switch fact.type {
                case .bool:
                    guard let word = ["true", "false"].first(where: { $0 == trimmed.lowercased() }) else {
                        diagnostics.append(Diagnostic(.caseTypeMismatch, CaseMessages.csvBoolean(name, redact || fact.sensitive ? Redaction.withheld : trimmed), at: location(column: i + 1), help: CaseMessages.csvBooleanHelp))
                        continue
                    }
                    facts.append((key, .word(word, kind: .bool, line: 1, column: column)))
                case .list:
                    if trimmed == "-" {
                        facts.append((key, .sequence(.init(items: [], line: 1, column: column))))
                        continue
                    }
                    let items = Self.listItems(value)
                    guard !items.isEmpty else {
                        diagnostics.append(Diagnostic(.caseTypeMismatch, CaseMessages.csvEmptyList(name), at: location(column: i + 1)))
                        continue
                    }
                    facts.append((key, .sequence(.init(items: items.map(text), line: 1, column: column))))
                case .integer:
                    // Read as an integer in plain decimal, as the case reader reads every integer.
                    facts.append((key, .word(trimmed, kind: .int, line: 1, column: column)))
                default:
                    facts.append((key, text(fact.type == .text ? value : trimmed)))
                }
            }
        }
        if !facts.isEmpty {
            let node = SourceNode.mapping(.init(pairs: facts, line: 1, column: 1))
            envelope.append(("facts", node, node))
        }
        if !clocks.isEmpty {
            expect.append((.text(CaseBuilder.clocksKey, line: 1, column: 1), .mapping(.init(pairs: clocks, line: 1, column: 1))))
        }
        if !expect.isEmpty {
            let node = SourceNode.mapping(.init(pairs: expect, line: 1, column: 1))
            envelope.append(("expect", node, node))
        }
        if layout.hasId && !envelope.contains(where: { $0.key == "id" }) {
            diagnostics.append(Diagnostic(.caseMissingKey, CaseMessages.csvMissingId(), at: location(column: idColumn ?? 1)))
        }
        let root = SourceNode.mapping(.init(pairs: [], line: 1, column: 1))
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
