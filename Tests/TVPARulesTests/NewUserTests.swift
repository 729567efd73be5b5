import Foundation
import Testing
@testable import TVPARules

/// What a new user hit (issue 9, section 3), each as the library must now answer it: a date
/// after the decision date says what to do; an input with no case is an error; a half-filled
/// record is pointed out; `yes` for an enum names the enum's values; CSV cells are named as a
/// spreadsheet names them; a diff says why cases were not evaluated; a coverage summary says
/// what it counts.
@Suite("What a new user hit")
struct NewUserTests {
    static let rules = """
        facts:
          filed: {type: date}
          expires: {type: date, future: true}
          reported: {type: bool}
          requests:
            type: records
            fields:
              request: text
              complied: {type: enum, values: [full, partial, none]}
              note: text
          colour: {type: enum, values: [red, blue]}
          fm_relationship: {type: enum, subject: family_member, values: [spouse, child]}
        rules:
          helped:
            cite: ["Test Act 1"]
            when:
              all:
                - {fact: reported}
                - {lt: [filed, expires]}
                - {all_records: requests, where: {field: complied, is: full}}
          colour_known:
            cite: ["Test Act 2"]
            when: {fact: colour, in: [red, blue]}
          spouse:
            cite: ["Test Act 3"]
            when: {fact: fm_relationship, is: spouse}
        programs:
          p: {rule: helped}
          c: {rule: colour_known}
          family:
            subject: family_member
            rule: spouse
        """

    static func program() throws -> Program { try Inline.compile(rules) }

    // MARK: A date after the decision date

    @Test("a date after the decision date is its own diagnostic, a whole sentence, with a help line saying what to do")
    func dateAfterDecision() throws {
        let (file, diagnostics) = Inline.load("id: x\nas_of: 2024-08-27\nfacts:\n  filed: 2024-10-01\n", program: try Self.program())
        #expect(file == nil)
        let d = try #require(diagnostics.first)
        #expect(diagnostics.count == 1)
        #expect(d.id == .caseDateAfterDecision)
        #expect(d.location.line == 4 && d.location.column == 3)
        #expect(d.message.hasPrefix("'filed' (2024-10-01) is after the decision date 2024-08-27, but a case is decided on what has happened by its decision date"))
        #expect(!d.message.hasSuffix(" be"), "the sentence is cut off: \(d.message)")
        let help = try #require(d.help, "no help line")
        #expect(help.contains("2024-10-01 or later") && help.contains("--as-of") && help.contains("leave 'filed' out"))
    }

    @Test("a date declared future: true may be after the decision date")
    func futureDate() throws {
        let (file, diagnostics) = Inline.load("id: x\nas_of: 2024-08-27\nfacts:\n  expires: 2030-01-01\n", program: try Self.program())
        #expect(file != nil)
        #expect(diagnostics.isEmpty)
    }

    // MARK: An input with no case in it

    @Test("an empty case file, or one of comments only, is an error at 1:1 that says it holds no case", arguments: ["", "\n\n", "# only a comment\n"])
    func emptyFile(_ text: String) throws {
        let (file, diagnostics) = Inline.load(text, program: try Self.program())
        #expect(file == nil)
        let d = try #require(diagnostics.first, "an empty file gave no diagnostic")
        #expect(d.id == .caseEmptyInput && d.severity == .error)
        #expect(d.location.line == 1 && d.location.column == 1)
        #expect(d.message.contains("holds no case"))
        #expect(d.help != nil)
    }

    /// The diagnostics a stream and its loader give for one file or folder.
    static func streamDiagnostics(_ name: String, _ text: String?) throws -> [Diagnostic] {
        let dir = try Inline.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent(name).path
        if let text { try text.write(toFile: path, atomically: true, encoding: .utf8) } else { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
        var stream = CaseStream(paths: [path])
        let loader = CaseLoader(program: try program(), today: CivilDate.parse("2024-06-01")!)
        let loaded = stream.all().map { loader.load($0) }
        return stream.diagnostics + loaded.flatMap(\.1)
    }

    @Test("a corpus file or folder with no case in it is an error that says so", arguments: [
        ("empty.jsonl", "", "this JSON Lines file holds no case"),
        ("blank.jsonl", "\n  \n", "this JSON Lines file holds no case"),
        ("header.csv", "id,as_of\r\n", "it has a header row but no row under it"),
        ("empty.csv", "", "this CSV file holds no case: it is empty"),
        ("cases", nil, "this folder holds no case file"),
    ] as [(String, String?, String)])
    func emptyCorpus(_ name: String, _ text: String?, _ says: String) throws {
        let diagnostics = try Self.streamDiagnostics(name, text)
        #expect(diagnostics.count == 1, "\(diagnostics.map(\.description))")
        let d = try #require(diagnostics.first)
        #expect(d.id == .caseEmptyInput && d.severity == .error)
        #expect(d.message.contains(says), "\(d.message)")
        #expect(d.location.file.hasSuffix(name))
        if text == nil {
            #expect(d.description.hasPrefix(d.location.file + ": error[case.empty-input]"), "a folder is named without a line: \(d.description)")
        }
    }

    @Test("a corpus with cases gives no empty-input diagnostic")
    func nonEmptyCorpus() throws {
        #expect(try Self.streamDiagnostics("one.jsonl", "{\"id\":\"a\"}\n").isEmpty)
        #expect(try Self.streamDiagnostics("one.csv", "id\na\n").isEmpty)
    }

    // MARK: Half-filled records

    @Test("`[request: …, complied: full]` is two records: the one without `complied` gets a located warning and the pitfall's hint; the case is still read")
    func halfFilledFlowList() throws {
        let yaml = "id: x\nas_of: 2024-06-01\nfacts:\n  requests: [request: testify at trial, complied: full]\n"
        let (file, diagnostics) = Inline.load(yaml, program: try Self.program())
        let read = try #require(file, "a warning must not stop the case: \(diagnostics)")
        #expect(read.records.first?.count == 2)
        #expect(diagnostics.count == 1, "\(diagnostics.map(\.description))")
        let d = try #require(diagnostics.first)
        #expect(d.id == .caseIncompleteRecord && d.severity == .warning)
        #expect(d.location.line == 4 && d.location.column == 14)
        #expect(d.message.contains("'complied'") && d.message.contains("unknown"))
        #expect(d.help?.contains("[{request: …, complied: …}]") == true, "\(d.help ?? "no help")")
    }

    @Test("a block list of one-field records gets the same warning, with the block-style hint")
    func halfFilledBlockList() throws {
        let yaml = "id: x\nas_of: 2024-06-01\nfacts:\n  requests:\n    - request: testify\n    - complied: full\n"
        let (file, diagnostics) = Inline.load(yaml, program: try Self.program())
        #expect(file != nil)
        let d = try #require(diagnostics.first)
        #expect(d.id == .caseIncompleteRecord)
        #expect(d.location.line == 5 && d.location.column == 7)
        #expect(d.help?.contains("'- ' begins a record") == true, "\(d.help ?? "no help")")
    }

    @Test("a whole record, one that says null for an unknown field, and one missing only a field no rule reads, get no warning")
    func completeRecords() throws {
        let yaml = """
            id: x
            as_of: 2024-06-01
            facts:
              requests:
                - {request: testify, complied: full}
                - {request: interview, complied: null}
                - {complied: partial}
            """
        let (file, diagnostics) = Inline.load(yaml, program: try Self.program())
        #expect(file != nil)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))")
    }

    @Test("a record missing a field a rule reads, on its own, gets the general hint")
    func oneIncompleteRecord() throws {
        let (_, diagnostics) = Inline.load("id: x\nas_of: 2024-06-01\nfacts:\n  requests: [{request: testify}]\n", program: try Self.program())
        let d = try #require(diagnostics.first)
        #expect(d.id == .caseIncompleteRecord)
        #expect(d.help?.contains("write null") == true)
    }

    @Test("a JSON line with a half-filled record gives the YAML path's warning")
    func halfFilledJSONLine() throws {
        let line = #"{"id":"x","as_of":"2024-06-01","facts":{"requests":[{"request":"testify"},{"complied":"full"}]}}"#
        let diagnostics = try Self.streamDiagnostics("cases.jsonl", line + "\n")
        #expect(diagnostics.map(\.id) == [.caseIncompleteRecord], "\(diagnostics.map(\.description))")
        #expect(diagnostics.first?.location.line == 1)
        let whole = #"{"id":"x","as_of":"2024-06-01","facts":{"requests":[{"request":"testify","complied":"full"}]}}"#
        #expect(try Self.streamDiagnostics("cases.jsonl", whole + "\n").isEmpty)
    }

    @Test("the compiled program knows which record fields the rules read")
    func readFields() throws {
        let program = try Self.program()
        let slot = try #require(program.factIndex("requests"))
        let fields = program.legend.facts[slot].fields.map(\.name)
        let read = fields.indices.filter { program.facts[slot].readFields & (1 << UInt64($0)) != 0 }.map { fields[$0] }
        #expect(read == ["complied"])
    }

    // MARK: yes/no inside a record, unknown record fields

    @Test("`complied: yes` in a record names the enum's values, not true or false")
    func yesForEnumField() throws {
        let (_, diagnostics) = Inline.load("id: x\nas_of: 2024-06-01\nfacts:\n  requests: [{request: testify, complied: yes}]\n", program: try Self.program())
        let d = try #require(diagnostics.first { $0.id == .caseYesNoBoolean }, "\(diagnostics.map(\.description))")
        #expect(d.message.contains("full, partial, none"), "\(d.message)")
        #expect(!d.message.contains("write true or false"))
        #expect(d.help == "write one of: full, partial, none")
    }

    @Test("`yes` for an enum fact and inside a list names the values too")
    func yesForEnumFact() throws {
        let (_, diagnostics) = Inline.load("id: x\nas_of: 2024-06-01\nfacts:\n  colour: no\n", program: try Self.program())
        let d = try #require(diagnostics.first)
        #expect(d.id == .caseYesNoBoolean)
        #expect(d.help == "write one of: red, blue")
    }

    @Test("an unknown record field lists the record's fields, with a did-you-mean")
    func unknownRecordField() throws {
        let (_, diagnostics) = Inline.load("id: x\nas_of: 2024-06-01\nfacts:\n  requests: [{request: testify, complyed: full}]\n", program: try Self.program())
        #expect(diagnostics.map(\.id) == [.caseUnknownField], "a misspelt field is not also a missing one: \(diagnostics.map(\.description))")
        let help = try #require(diagnostics.first?.help)
        #expect(help.hasPrefix("did you mean 'complied'?"))
        #expect(help.contains("request, complied, note"))
        let (_, far) = Inline.load("id: x\nas_of: 2024-06-01\nfacts:\n  requests: [{zzzzzz: 1, complied: full}]\n", program: try Self.program())
        #expect(far.first?.help == "A record's fields are: request, complied, note")
    }

    // MARK: Dates written with slashes

    @Test("a date written 4/12/1991 gets a hint with the date in YYYY-MM-DD", arguments: [
        ("4/12/1991", "1991-04-12 if 4 is the month"),
        ("13/4/2020", "write dates as YYYY-MM-DD: 2020-04-13"),
        ("4/4/2020", "write dates as YYYY-MM-DD: 2020-04-04"),
        ("1991/04/12", "write dates as YYYY-MM-DD: 1991-04-12"),
        ("12 April 1991", "such as 1991-04-12"),
    ])
    func slashedDate(_ written: String, _ hint: String) throws {
        let (_, diagnostics) = Inline.load("id: x\nas_of: 2024-06-01\nfacts:\n  filed: \(written)\n", program: try Self.program())
        let d = try #require(diagnostics.first)
        #expect(d.id == .caseTypeMismatch)
        #expect(d.help?.contains(hint) == true, "\(d.help ?? "no help")")
    }

    @Test("a slashed date's readings: month first, then day first, each only if on the calendar")
    func slashedReadings() {
        func readings(_ s: String) -> [String] { CivilDate.readingsOfSlashedDate(s).map(CivilDate.format) }
        #expect(readings("4/12/1991") == ["1991-04-12", "1991-12-04"])
        #expect(readings("2/30/2020") == [])
        #expect(readings("31/1/2020") == ["2020-01-31"])
        #expect(readings("1/2/20") == [])
        #expect(readings("a/b/c") == [])
    }

    // MARK: CSV cells

    @Test("a CSV diagnostic gives the row and the cell's column, and a note naming the cell and its header")
    func csvCell() throws {
        let csv = "id,as_of,title,source,reported,colour,narrative,filed\nx,2024-06-01,\"A, long title\",somewhere,TRUE,red,text,4/12/1991\n"
        let diagnostics = try Self.streamDiagnostics("sheet.csv", csv)
        let d = try #require(diagnostics.first { $0.id == .caseTypeMismatch }, "\(diagnostics.map(\.description))")
        #expect(d.location.line == 2 && d.location.column == 8, "\(d.location)")
        #expect(d.notes.first == "cell H2: row 2, column 8 (filed)")
        #expect(d.help?.contains("1991-04-12") == true)
    }

    @Test("a CSV row after one with a quoted line break is placed by its row, not its line")
    func csvRowsNotLines() throws {
        let csv = "id,title,reported\na,\"two\nlines\",TRUE\nb,t,maybe\n"
        let diagnostics = try Self.streamDiagnostics("rows.csv", csv)
        let d = try #require(diagnostics.first, "no diagnostic")
        #expect(d.location.line == 3 && d.location.column == 3, "\(d.location)")
        #expect(d.notes.first == "cell C3: row 3, column 3 (reported)")
    }

    @Test("spreadsheet column letters", arguments: [(1, "A"), (8, "H"), (26, "Z"), (27, "AA"), (52, "AZ"), (53, "BA"), (703, "AAA")])
    func letters(_ n: Int, _ name: String) {
        #expect(CSV.letters(n) == name)
    }

    // MARK: A diff that cannot evaluate every case

    static func diffFolder() throws -> URL {
        let dir = try Inline.temporaryDirectory()
        let cases = [
            "a-valid.yaml": "id: a\nfacts:\n  reported: true\n  filed: 2024-01-01\nfamily_members:\n  - id: wife\n    facts: {fm_relationship: spouse}\n",
            "b-filed-on-the-later-date.yaml": "id: b\nfacts:\n  filed: 2024-08-28\n",
            "c-filed-after-both.yaml": "id: c\nfacts:\n  filed: 2024-09-01\n",
            "d-misspelt.yaml": "id: d\nfacts:\n  reportd: true\n",
        ]
        for (name, text) in cases { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return dir
    }

    @Test("a diff across two dates counts, for each date, the cases with an event after it, apart from other errors")
    func diffNotDecidable() throws {
        let program = try Self.program()
        let dir = try Self.diffFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let plan = DiffPlan(before: program, after: program, beforeLabel: "as of 2024-08-27", afterLabel: "as of 2024-08-28", beforeAsOf: CivilDate.parse("2024-08-27"), afterAsOf: CivilDate.parse("2024-08-28"), today: DiffTests.today)
        let (sink, _) = DiffTests.run(plan, paths: [dir.path])
        let s = try #require(sink.summary)
        #expect(s.cases == 4 && s.invalid == 3)
        #expect(s.eventsAfterDate == 2)
        #expect(s.eventsAfterBeforeDate == 2)
        #expect(s.eventsAfterAfterDate == 1)

        for style in [DiffReport.Style.text, .markdown] {
            var report = DiffReport(style: style)
            report.begin(plan.header)
            report.end(s)
            #expect(report.rendered.contains("2 cases cannot be decided as of 2024-08-27 (before) and 1 case as of 2024-08-28 (after), because they record an event after that date"), "\(report.rendered)")
            #expect(report.rendered.contains("1 case has errors in the case file"))
        }
        var json = ""
        var stream = DiffJSONStream(write: { json += $0 })
        stream.begin(plan.header)
        stream.end(s)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let why = try #require((object["summary"] as? [String: Any])?["not_evaluated"] as? [String: Any], "\(json)")
        #expect((why["before"] as? [String: Any])?["events_after_decision_date"] as? Int == 2)
        #expect((why["before"] as? [String: Any])?["as_of"] as? String == "2024-08-27")
        #expect((why["after"] as? [String: Any])?["events_after_decision_date"] as? Int == 1)
        #expect(why["other_errors"] as? Int == 1)
    }

    @Test("a diff table's moves cell is never blank: no decisions, no family members, or no outcome changed")
    func diffMovesCell() throws {
        let program = try Self.program()
        let plan = DiffPlan(before: program, after: program, beforeLabel: "a", afterLabel: "b", beforeAsOf: CivilDate.parse("2024-08-27"), afterAsOf: CivilDate.parse("2024-08-28"), today: DiffTests.today)
        var summary = plan.emptySummary()
        let family = try #require(summary.programs.firstIndex { $0.program == "family" })
        let p = try #require(summary.programs.firstIndex { $0.program == "p" })
        #expect(DiffReport.moves(summary.programs[family]) == "no decisions (no family members in the cases evaluated)")
        #expect(DiffReport.moves(summary.programs[p]) == "no decisions")
        summary.programs[p].moves[0][0] = 3
        #expect(DiffReport.moves(summary.programs[p]) == "no outcome changed")
        summary.programs[p].moves[0][1] = 1
        #expect(DiffReport.moves(summary.programs[p]) == "eligible → not_eligible: 1")
    }

    // MARK: Coverage

    @Test("the coverage summary says it counts the conditions a case can make false, and how many it leaves out")
    func coverageSummary() throws {
        let program = try Self.program()
        let files = [
            "id: a\nas_of: 2024-06-01\nfacts:\n  colour: red\n  reported: true\n",
            "id: b\nas_of: 2024-06-01\nfacts:\n  colour: blue\n  reported: false\n",
        ].compactMap { Inline.load($0, program: program).0 }
        let coverage = Coverage.measure(files, program: program)
        let first = try #require(coverage.table.split(separator: "\n").first)
        // `colour in [red, blue]` cannot be false: it is not counted, and the summary says so.
        #expect(first.contains("conditions that a case can make false seen both true and false"), "\(first)")
        #expect(first.contains("1 that no case can make false is not counted (listed below)"), "\(first)")
    }
}
