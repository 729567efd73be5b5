import Foundation
import Testing
@testable import TVPARules

/// CSV corpora: generated cases survive a round trip through CSV and JSON Lines, and a bad
/// header or row gives the diagnostic a YAML file would, at the cell's line and column.
@Suite("CSV and JSON Lines corpora")
struct CSVCorpusTests {
    static let program: Program = RuleCompiler.compile(.embedded).0!.program
    static let today = CivilDate.parse("2026-12-31")!

    /// Writes `text` to a temporary file and loads every case input the stream finds in it.
    static func load(_ text: String, name: String) throws -> (cases: [CaseFile?], diagnostics: [Diagnostic]) {
        let dir = try Inline.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        var stream = CaseStream(paths: [path])
        let loader = CaseLoader(program: program, today: today)
        let loaded = stream.all().map { loader.load($0) }
        return (loaded.map(\.0), stream.diagnostics + loaded.flatMap(\.1))
    }

    /// What a case says, without where it was written.
    static func content(_ file: CaseFile?) -> CaseFile? {
        guard var file else { return nil }
        file.path = ""
        file.factLocations = [:]
        for i in file.members.indices { file.members[i].location = TVPARules.SourceLocation(file: "", line: 0, column: 0) }
        return file
    }

    @Test("generated cases read back from CSV equal the same cases read from JSON Lines")
    func csvRoundTrip() throws {
        var generator = CaseGenerator(program: Self.program, seed: 7, shape: .flat)
        let writer = CSVWriter(program: Self.program)
        var csv = writer.header
        var jsonl = ""
        for i in 0..<80 {
            let json = generator.next(index: i)
            csv += writer.row(json)
            jsonl += json.render() + "\n"
        }
        let fromCSV = try Self.load(csv, name: "corpus.csv")
        let fromJSONL = try Self.load(jsonl, name: "corpus.jsonl")
        #expect(fromCSV.diagnostics.isEmpty, "\(fromCSV.diagnostics.prefix(5).map(\.description).joined(separator: "\n"))")
        #expect(fromJSONL.diagnostics.isEmpty, "\(fromJSONL.diagnostics.prefix(5).map(\.description).joined(separator: "\n"))")
        #expect(fromCSV.cases.count == 80)
        #expect(fromCSV.cases.allSatisfy { $0 != nil })
        for (a, b) in zip(fromCSV.cases, fromJSONL.cases) {
            #expect(Self.content(a) == Self.content(b), "\(a?.id ?? "?")")
        }
        // Some cases know lists (empty ones too), booleans and text, so the cells were exercised.
        let lists = Self.program.legend.facts.indices.filter { Self.program.legend.facts[$0].type == .list }
        #expect(fromCSV.cases.contains { c in lists.contains { c?.values[$0] == .set(0) } })
        #expect(fromCSV.cases.contains { c in lists.contains { if case .set(let b) = c?.values[$0], b.nonzeroBitCount > 1 { true } else { false } } })
    }

    @Test("a flat generator gives the full generator's cases less records and family members")
    func flatMatchesFull() {
        var full = CaseGenerator(program: Self.program, seed: 3)
        var flat = CaseGenerator(program: Self.program, seed: 3, shape: .flat)
        var same = 0
        for i in 0..<40 where full.flattened(full.next(index: i)).render() == flat.next(index: i).render() { same += 1 }
        #expect(same >= 35)
    }

    @Test("generated JSON lines load to the same cases as the same cases written as YAML")
    func jsonLinesRoundTrip() throws {
        var generator = CaseGenerator(program: Self.program, seed: 11)
        let loader = CaseLoader(program: Self.program, today: Self.today)
        var jsonl = ""
        var fromYAML: [CaseFile?] = []
        for i in 0..<60 {
            let json = generator.next(index: i)
            jsonl += json.render() + "\n"
            fromYAML.append(loader.load(SourceText(path: "case.yaml", text: json.yaml())).0)
        }
        let fromJSONL = try Self.load(jsonl, name: "corpus.jsonl")
        #expect(fromJSONL.diagnostics.isEmpty)
        #expect(fromJSONL.cases.count == 60)
        #expect(fromYAML.allSatisfy { $0 != nil })
        #expect(fromJSONL.cases.contains { ($0?.members.count ?? 0) > 0 })
        for (a, b) in zip(fromJSONL.cases, fromYAML) { #expect(Self.content(a) == Self.content(b)) }
    }

    @Test("what spreadsheets write reads as meant: a BOM, CRLF, TRUE/FALSE, quoted commas, trailing blank columns")
    func spreadsheetHabits() throws {
        let csv = "\u{FEFF}id,title,as_of,is_us_citizen_or_lpr,actions_by_trafficker,purpose_labor_end,expect.t_visa,,\r\n"
            + "habits,\"Forced labour, then \"\"sold\"\"\",2024-11-01,FALSE, harbored ; obtained ,-,undetermined,,\r\n"
            + ",,,,,,,,\r\n"
        let (cases, diagnostics) = try Self.load(csv, name: "habits.csv")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let first = try #require(cases.first)
        let file = try #require(first)
        #expect(cases.count == 1)
        #expect(file.title == "Forced labour, then \"sold\"")
        let facts = Self.program.legend.facts
        let slot = { (name: String) in Self.program.factIndex(name)! }
        #expect(file.values[slot("is_us_citizen_or_lpr")] == .bool(false))
        let actions = facts[slot("actions_by_trafficker")].values
        #expect(file.values[slot("actions_by_trafficker")] == .set(1 << UInt64(actions.firstIndex(of: "harbored")!) | 1 << UInt64(actions.firstIndex(of: "obtained")!)))
        #expect(file.values[slot("purpose_labor_end")] == .set(0))
        #expect(file.expect == ["t_visa": .undetermined])
        // Placed as a spreadsheet shows it: row 2, the fifth column (E).
        #expect(file.factLocations[slot("actions_by_trafficker")] == TVPARules.SourceLocation(file: file.path, line: 2, column: 5))
    }

    /// A bad CSV and the diagnostic it gives, in the cell marked 📍 in it (or, for a cell the
    /// row lacks, in `column`).
    struct BadCase: CustomStringConvertible {
        var name: String
        var csv: String
        var id: DiagnosticID
        var help: String? = nil
        var column: Int? = nil
        var description: String { name }
    }

    /// The row and the column (in cells) of the cell holding the 📍, as a spreadsheet numbers
    /// them: a quoted comma or line break does not start a cell or a row.
    static func cell(of marker: String.Index, in csv: String) -> (row: Int, column: Int) {
        var row = 1, column = 1, quoted = false
        for c in csv[..<marker] {
            if c == "\"" { quoted.toggle() }
            if quoted { continue }
            if c == "," { column += 1 }
            if c == "\n" { row += 1; column = 1 }
        }
        return (row, column)
    }

    static let badCases: [BadCase] = [
        BadCase(name: "unknown column", csv: "id,📍date_of_brith\nx,2000-01-01\n", id: .caseUnknownFact, help: "did you mean 'date_of_birth'?"),
        BadCase(name: "unknown program column", csv: "id,📍expect.t_vsa\nx,eligible\n", id: .caseUnknownProgram, help: "did you mean 'expect.t_visa'?"),
        BadCase(name: "wrong type", csv: "id,as_of,age\nx,2024-01-01,📍twelve\n", id: .caseTypeMismatch),
        BadCase(name: "yes for a boolean", csv: "id,is_us_citizen_or_lpr\nx,📍yes\n", id: .caseTypeMismatch, help: CaseMessages.csvBooleanHelp),
        BadCase(name: "impossible date", csv: "id,date_of_birth\nx,📍2001-02-30\n", id: .caseInvalidDate),
        BadCase(name: "unknown enum value", csv: "id,trafficking_type\nx,📍labr\n", id: .caseUnknownValue, help: "did you mean 'labor'?"),
        BadCase(name: "unknown list value, second item", csv: "id,actions_by_trafficker\nx,\"harbored; 📍obtaned\"\n", id: .caseUnknownValue, help: "did you mean 'obtained'?"),
        BadCase(name: "bad outcome", csv: "id,expect.t_visa\nx,📍eligble\n", id: .caseInvalidOutcome, help: "did you mean 'eligible'?"),
        BadCase(name: "records column", csv: "id,📍lea_requests\nx,\n", id: .caseCSVShape, help: CaseMessages.csvRecordsHelp),
        BadCase(name: "family-member column", csv: "id,📍fm_relationship\nx,parent\n", id: .caseCSVShape, help: CaseMessages.csvMemberHelp),
        BadCase(name: "family-member program", csv: "id,📍expect.t_derivative\nx,\n", id: .caseCSVShape),
        BadCase(name: "too many cells", csv: "id,age\nx,3,📍4\n", id: .caseCSVShape),
        BadCase(name: "too few cells", csv: "id,age,title\nx,3📍\n", id: .caseCSVShape, column: 3),
        BadCase(name: "unclosed quote", csv: "id,title\nx,📍\"never closed\ny,t\n", id: .caseCSVShape),
        BadCase(name: "a cell after a quoted line break", csv: "id,title,age\nx,\"two\nlines\",📍old\n", id: .caseTypeMismatch),
        BadCase(name: "empty id", csv: "id,age\n📍,3\n", id: .caseMissingKey),
        BadCase(name: "no id column", csv: "📍age\n3\n", id: .caseMissingKey),
        BadCase(name: "duplicate column", csv: "id,age,📍age\nx,3,3\n", id: .caseCSVShape),
        BadCase(name: "a value under no header", csv: "id,,age\nx,📍3,4\n", id: .caseCSVShape),
        BadCase(name: "date after the decision date", csv: "id,as_of,date_of_birth\nx,2020-01-01,📍2021-01-01\n", id: .caseDateAfterDecision),
    ]

    @Test("a bad CSV gives its diagnostic at the cell", arguments: badCases)
    func badCSV(_ bad: BadCase) throws {
        let marker = bad.csv.range(of: "📍")!
        let (line, marked) = Self.cell(of: marker.lowerBound, in: bad.csv)
        let column = bad.column ?? marked
        let (cases, diagnostics) = try Self.load(bad.csv.replacingOccurrences(of: "📍", with: ""), name: "bad.csv")
        #expect(cases.allSatisfy { $0 == nil }, "a row with an error must not yield a case")
        let found = diagnostics.first { $0.id == bad.id && $0.location.line == line && $0.location.column == column }
        #expect(found != nil, "expected \(bad.id.rawValue) at \(line):\(column); got:\n\(diagnostics.map(\.description).joined(separator: "\n"))")
        #expect(found?.location.file.hasSuffix("bad.csv") == true)
        #expect(found?.notes.first?.hasPrefix("cell \(CSV.letters(column))\(line): row \(line), column \(column)") == true, "\(found?.notes ?? [])")
        if let help = bad.help { #expect(found?.help == help) }
    }

    @Test("a header error is said with the header, and a misspelt column names the column")
    func headerMessages() throws {
        let (_, diagnostics) = try Self.load("id,dat_of_birth\nx,2000-01-01\ny,2000-01-01\n", name: "h.csv")
        let errors = diagnostics.filter { $0.id == .caseUnknownFact }
        #expect(errors.allSatisfy { $0.location.line == 1 && $0.message.contains("'dat_of_birth'") })
    }

    @Test("list cells: items, trimmed, empty ones dropped")
    func listItems() {
        #expect(CaseLoader.listItems(" a ;b;; c") == ["a", "b", "c"])
    }

    @Test("CSV cells quote what needs it")
    func quoting() {
        #expect(CSV.quote("plain") == "plain")
        #expect(CSV.quote("a,b") == "\"a,b\"")
        #expect(CSV.quote("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVWriter.cell(.array([])) == "-")
        #expect(CSVWriter.cell(.array([.string("a"), .string("b")])) == "a;b")
    }
}
