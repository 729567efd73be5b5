import Foundation
import Testing
@testable import TVPARules

/// Issue 10: a JSON Lines line is JSON (RFC 8259), located where it is wrong; text is UTF-8
/// with at most one byte-order mark, at the start of a file; and every reader takes a value only
/// of its fact's declared type, as `tvpa facts --json-schema` says — YAML, JSON Lines and CSV
/// alike. Each test here failed before the change it names.
@Suite("Strict reading")
struct StrictReadingTests {
    static let program: Program = RuleCompiler.compile(.embedded).0!.program
    let loader = CaseLoader(program: StrictReadingTests.program, today: CivilDate.parse("2024-06-01")!)
    static let base = #""id":"strict-1","as_of":"2024-01-10""#

    func line(_ text: String, at number: Int = 7) -> (CaseFile?, [Diagnostic]) {
        loader.load(CaseInput(path: "cases.jsonl", line: number, text: text, format: .jsonLine))
    }

    func yaml(_ text: String) -> (CaseFile?, [Diagnostic]) {
        loader.load(SourceText(path: "case.yaml", text: text))
    }

    /// A file's inputs, each loaded, with the stream's own diagnostics first.
    func corpus(_ bytes: [UInt8], name: String) throws -> [Diagnostic] {
        let dir = try Inline.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        var stream = CaseStream(paths: [path])
        let loaded = stream.all().map { loader.load($0) }
        return stream.diagnostics + loaded.flatMap(\.1)
    }

    /// `1️⃣` marks the column expected (it is removed from the line).
    func marked(_ text: String) -> (line: String, column: Int) {
        let parts = text.components(separatedBy: "1️⃣")
        return (parts.joined(), parts[0].count + 1)
    }

    // MARK: JSON syntax, at line N

    static let syntaxErrors: [(String, String)] = [
        ("a comment line", "1️⃣# cases exported on Monday"),
        ("a leading zero", "{\(base),\"facts\":{\"age\":1️⃣017}}"),
        ("a plus sign", "{\(base),\"facts\":{\"age\":1️⃣+30}}"),
        ("YAML's null", "{\(base),\"facts\":{\"age\":1️⃣~}}"),
        ("a single-quoted string", "{\(base),\"title\":1️⃣'T'}"),
        ("a bare word", "{\(base),\"facts\":{\"current_location\":1️⃣abroad}}"),
        ("True", "{\(base),\"facts\":{\"is_us_citizen_or_lpr\":1️⃣True}}"),
        ("a trailing comma", "{\(base),\"facts\":{\"age\":30 1️⃣,}}"),
        ("an unquoted key", "{1️⃣id:\"strict-1\"}"),
        ("a missing colon", "{\"id\" 1️⃣\"strict-1\"}"),
        ("a missing value", "{\(base),\"facts\":{\"age\":1️⃣}}"),
        ("an unclosed object", "{\(base),\"facts\":{}1️⃣"),
        ("an unclosed string", "{\(base),\"title\":1️⃣\"T}"),
        ("a bad escape", "{\(base),\"title\":\"a1️⃣\\x41\"}"),
        ("a lone surrogate", "{\(base),\"title\":\"a1️⃣\\ud800b\"}"),
        ("a raw tab in a string", "{\(base),\"title\":\"a1️⃣\tb\"}"),
        ("a control byte before the object", "1️⃣\u{01}{\(base)}"),
        ("a number with a bare point", "{\(base),\"facts\":{\"age\":1️⃣30.}}"),
        ("a hexadecimal number", "{\(base),\"facts\":{\"age\":1️⃣0x1F}}"),
        ("something after the object", "{\(base)} 1️⃣{}"),
        ("a duplicate fact", "{\(base),\"facts\":{\"age\":30,1️⃣\"age\":31}}"),
        ("a duplicate envelope key", "{\(base),1️⃣\"id\":\"strict-2\"}"),
        ("nesting past the limit", String(repeating: "[", count: 64) + "1️⃣[" + String(repeating: "]", count: 65)),
    ]

    @Test("a line that is not JSON is case.json-syntax at its own line and column", arguments: Self.syntaxErrors.indices)
    func syntax(_ k: Int) {
        let (name, text) = Self.syntaxErrors[k]
        let (line, column) = marked(text)
        let (file, diagnostics) = self.line(line, at: 4321)
        #expect(file == nil, "\(name) was read as a case")
        #expect(diagnostics.map(\.id) == [.caseJSONSyntax], "\(name): \(diagnostics)")
        #expect(diagnostics.first?.location == TVPARules.SourceLocation(file: "cases.jsonl", line: 4321, column: column), "\(name): \(diagnostics)")
        #expect(diagnostics.first?.help != nil, "\(name) has no help")
    }

    @Test("a JSON Lines file reports a syntax error, a duplicate key, bad UTF-8 and a second byte-order mark on their own lines")
    func linesOfAFile() throws {
        var bytes = Array("\u{FEFF}{\"id\":\"first\",\"as_of\":\"2024-01-10\"}\n".utf8)
        bytes += Array("{\"id\":\"second\",\"id\":\"again\"}\n".utf8)
        bytes += Array("{\"id\":\"third\",\"title\":\"caf".utf8) + [0xE9] + Array("\"}\n".utf8)
        bytes += Array("\n{\"id\":\"fifth\",\"facts\":{\"age\":017}}\n".utf8)
        bytes += Array("\u{FEFF}{\"id\":\"sixth\"}\n# the end\n".utf8)
        let diagnostics = try corpus(bytes, name: "cases.jsonl")
        let places = diagnostics.map { "\($0.id.rawValue) \($0.location.line):\($0.location.column)" }
        // Line 1's byte-order mark begins the file, so line 1 reads; the fourth line is blank.
        #expect(places == ["case.json-syntax 2:16", "read.unreadable 3:27", "case.json-syntax 5:30", "read.unreadable 6:1", "case.json-syntax 7:1"], "\(diagnostics)")
    }

    @Test("an excerpt is short and escaped: a control byte before a 10 MB-style narrative quotes one character, never the line")
    func excerpt() throws {
        let story = String(repeating: "She was held in the house on Elm Street. ", count: 2000)
        let (_, diagnostics) = line("\u{01}{\(Self.base),\"narrative\":\"\(story)\"}")
        let d = try #require(diagnostics.first)
        #expect(d.message.contains("'\\u0001'"), "\(d.message)")
        #expect(!d.message.contains("Elm Street") && !(d.help ?? "").contains("Elm Street"))
        #expect(d.message.count < 120 && !d.message.unicodeScalars.contains { $0.value < 0x20 })
        // A long bad token is cut at 40 characters.
        let long = String(repeating: "x", count: 500)
        let cut = try #require(line("{\(Self.base),\"facts\":{\"age\":\(long)}}").1.first)
        #expect(cut.message.contains("'" + String(repeating: "x", count: 40) + "…'"), "\(cut.message)")
        #expect(!cut.message.contains(String(repeating: "x", count: 41)))
    }

    @Test("a syntax error inside free text quotes none of it; under --redact no excerpt at all")
    func excerptOfPrivateText() throws {
        // An unescaped quote in the narrative: the rest of the sentence is left over.
        let (_, diagnostics) = line("{\(Self.base),\"narrative\":\"he said \"stay\" or else\"}")
        let d = try #require(diagnostics.first)
        #expect(d.id == .caseJSONSyntax && !d.message.contains("stay") && d.message.contains("narrative"), "\(d.message)")
        let redacting = CaseLoader(program: Self.program, today: CivilDate.parse("2024-06-01")!, redact: true)
        let (_, redacted) = redacting.load(CaseInput(path: "c.jsonl", line: 3, text: "{\(Self.base),\"facts\":{\"age\":0123}}", format: .jsonLine))
        #expect(redacted.count == 1 && !redacted[0].description.contains("0123"), "\(redacted)")
        #expect(redacted.first?.location.column == 54)
    }

    @Test("escapes are JSON's: \\u0061broad is abroad, a surrogate pair one character, \\/ a slash")
    func escapes() throws {
        let (file, diagnostics) = line("{\(Self.base),\"title\":\"\\ud83d\\ude00 a\\/b \\\"c\\\"\",\"facts\":{\"trafficking_location\":\"\\u0061broad\"}}")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(file?.title == "😀 a/b \"c\"")
        let slot = try #require(Self.program.factIndex("trafficking_location"))
        #expect(file?.values[slot] == .choice(Self.program.legend.facts[slot].values.firstIndex(of: "abroad")!))
    }

    // MARK: UTF-8 and byte-order marks, in every format

    @Test("bytes that are not UTF-8 are an error where they are, in YAML, JSON Lines and CSV; never replaced")
    func invalidUTF8() throws {
        let yaml = try corpus(Array("id: a\nas_of: 2024-01-10\ntitle: caf".utf8) + [0xE9, 0x0A], name: "case.yaml")
        #expect(yaml.map { "\($0.id.rawValue) \($0.location.line):\($0.location.column)" } == ["read.unreadable 3:11"], "\(yaml)")
        let jsonl = try corpus(Array("{\"id\":\"a\",\"title\":\"".utf8) + [0xC0, 0x80] + Array("\"}\n".utf8), name: "c.jsonl")
        #expect(jsonl.map { "\($0.id.rawValue) \($0.location.line):\($0.location.column)" } == ["read.unreadable 1:20"], "\(jsonl)")
        let csv = try corpus(Array("id,title\nr1,ok\nr2,caf".utf8) + [0xFF] + Array("\n".utf8), name: "c.csv")
        #expect(csv.map { "\($0.id.rawValue) \($0.location.line):\($0.location.column)" } == ["read.unreadable 3:2"], "\(csv)")
        // The in-memory entry point, for a fuzzer, judges bytes the same way.
        let input = CaseInput(path: "m.jsonl", line: 9, bytes: Array("{\"id\":\"a\",\"title\":\"".utf8) + [0xED, 0xA0, 0x80] + Array("\"}".utf8), format: .jsonLine)
        #expect(loader.load(input).1.map { "\($0.id.rawValue) \($0.location.line):\($0.location.column)" } == ["read.unreadable 9:20"])
    }

    @Test("one byte-order mark may begin a file; a second, or one inside a name, is an error in YAML and JSON Lines alike")
    func byteOrderMarks() throws {
        let bom = Array("\u{FEFF}".utf8)
        // One at the start: fine in both.
        #expect(try corpus(bom + Array("id: a\nas_of: 2024-01-10\n".utf8), name: "one.yaml").isEmpty)
        #expect(try corpus(bom + Array("{\"id\":\"a\",\"as_of\":\"2024-01-10\"}\n".utf8), name: "one.jsonl").isEmpty)
        // Two: the same error, at the same place, in both.
        let twoYAML = try corpus(bom + bom + Array("id: a\n".utf8), name: "two.yaml")
        let twoJSON = try corpus(bom + bom + Array("{\"id\":\"a\"}\n".utf8), name: "two.jsonl")
        #expect(twoYAML.map(\.id) == [.readUnreadable] && twoYAML.first?.location.line == 1 && twoYAML.first?.location.column == 1, "\(twoYAML)")
        #expect(twoJSON.map(\.id) == twoYAML.map(\.id) && twoJSON.first?.location.line == 1 && twoJSON.first?.location.column == 1, "\(twoJSON)")
        // Inside a fact name (libyaml and Foundation used to drop it, reading `age`).
        let inName = yaml("id: a\nas_of: 2024-01-10\nfacts:\n  \u{FEFF}age: 30\n")
        #expect(inName.0 == nil && inName.1.map(\.id) == [.readUnreadable] && inName.1.first?.location == TVPARules.SourceLocation(file: "case.yaml", line: 4, column: 3), "\(inName.1)")
        let escaped = yaml("id: a\nas_of: 2024-01-10\nfacts:\n  \"\\ufeffage\": 30\n")
        #expect(escaped.0 == nil && escaped.1.map(\.id) == [.readUnreadable] && escaped.1.first?.location.column == 4, "\(escaped.1)")
        let inJSONName = line("{\(Self.base),\"facts\":{\"\u{FEFF}age\":30}}")
        #expect(inJSONName.0 == nil && inJSONName.1.map(\.id) == [.readUnreadable] && inJSONName.1.first?.location.column == 49, "\(inJSONName.1)")
        // Escaped in JSON, it is a character of the name, as JSON says: no fact has that name.
        #expect(line("{\(Self.base),\"facts\":{\"\\ufeffage\":30}}").1.map(\.id) == [.caseUnknownFact])
        // A CSV row with one, past the header.
        let csv = try corpus(bom + Array("id,title\nr1,\u{FEFF}x\n".utf8), name: "c.csv")
        #expect(csv.map { "\($0.id.rawValue) \($0.location.line):\($0.location.column)" } == ["read.unreadable 2:2"], "\(csv)")
    }

    // MARK: Values of their declared type only, in every format

    /// Each: a fact or key, a YAML value, the same in JSON, and what both must say.
    static let wrongKinds: [(String, String, String, DiagnosticID)] = [
        ("a quoted boolean", "is_us_citizen_or_lpr: \"true\"", "\"is_us_citizen_or_lpr\":\"true\"", .caseTypeMismatch),
        ("a quoted integer", "age: \"30\"", "\"age\":\"30\"", .caseTypeMismatch),
        ("a float for an integer", "age: 30.0", "\"age\":30.0", .caseTypeMismatch),
        ("an exponent for an integer", "age: 3e1", "\"age\":3e1", .caseTypeMismatch),
        ("a number for text", "fm_derivative_parent_id: 5", "\"fm_derivative_parent_id\":5", .caseTypeMismatch),
        ("a number for an enum", "trafficking_location: 1", "\"trafficking_location\":1", .caseTypeMismatch),
        ("a boolean for an enum", "trafficking_location: true", "\"trafficking_location\":true", .caseTypeMismatch),
        ("a number in a list", "actions_by_trafficker: [harbored, 2]", "\"actions_by_trafficker\":[\"harbored\",2]", .caseTypeMismatch),
        ("a value twice in a list", "actions_by_trafficker: [harbored, harbored]", "\"actions_by_trafficker\":[\"harbored\",\"harbored\"]", .caseDuplicateValue),
    ]

    @Test("a value of the wrong type is refused in YAML and JSON Lines alike, at the same kind of place", arguments: Self.wrongKinds.indices)
    func wrongKind(_ k: Int) {
        let (name, yamlFact, jsonFact, id) = Self.wrongKinds[k]
        // fm_ facts go on a member; the others on the principal.
        let member = yamlFact.hasPrefix("fm_")
        let yamlText = member
            ? "id: strict-1\nas_of: 2024-01-10\nfamily_members:\n  - id: kid\n    facts:\n      \(yamlFact)\n"
            : "id: strict-1\nas_of: 2024-01-10\nfacts:\n  \(yamlFact)\n"
        let jsonText = member ? "{\(Self.base),\"family_members\":[{\"id\":\"kid\",\"facts\":{\(jsonFact)}}]}" : "{\(Self.base),\"facts\":{\(jsonFact)}}"
        let fromYAML = yaml(yamlText)
        let fromJSON = line(jsonText)
        #expect(fromYAML.0 == nil && fromYAML.1.map(\.id) == [id], "YAML, \(name): \(fromYAML.1)")
        #expect(fromJSON.0 == nil && fromJSON.1.map(\.id) == [id], "JSON, \(name): \(fromJSON.1)")
        // The JSON diagnostic points into the line's value, on the line.
        #expect(fromJSON.1.first?.location.line == 7 && (fromJSON.1.first?.location.column ?? 0) > 40)
    }

    @Test("YAML: a tag is honoured, not ignored; integers are decimal; titles and ids are text")
    func yamlStrictness() throws {
        func ids(_ text: String) -> [DiagnosticID] { yaml("id: strict-1\nas_of: 2024-01-10\n" + text).1.map(\.id) }
        #expect(ids("facts:\n  age: !!str 30\n") == [.caseTypeMismatch])
        #expect(yaml("id: strict-1\nas_of: 2024-01-10\nfacts:\n  age: !!str 30\n").1.first?.help?.contains("!!str") == true)
        #expect(ids("facts:\n  is_us_citizen_or_lpr: !!str true\n") == [.caseTypeMismatch])
        #expect(ids("facts:\n  age: 017\n") == [.caseTypeMismatch])
        #expect(ids("facts:\n  age: +30\n") == [.caseTypeMismatch])
        #expect(ids("facts:\n  age: 1_000\n") == [.caseTypeMismatch])
        #expect(ids("facts:\n  age: 0x1E\n") == [.caseTypeMismatch])
        #expect(ids("title: 42\n") == [.caseTypeMismatch])
        #expect(ids("source: 2024-05-01\n") == [.caseTypeMismatch])
        #expect(yaml("id: 123\n").1.map(\.id) == [.caseTypeMismatch])
        #expect(ids("family_members:\n  - id: 7\n") == [.caseTypeMismatch])
        // What they mean, written so, is read.
        #expect(ids("title: \"42\"\nfacts:\n  age: 30\n  is_us_citizen_or_lpr: false\n") == [])
        #expect(yaml("id: \"123\"\n").1.isEmpty)
        #expect(ids("facts:\n  age: !!int \"30\"\n") == [])
        // A null optional key is not given (a title was read as the text "null").
        let file = try #require(yaml("id: strict-1\ntitle: null\nsource: ~\nnarrative:\nas_of: 2024-01-10\n").0)
        #expect(file.title == nil && file.source == nil && file.narrative == nil)
        // A quoted "<<" is a key like any other, not a YAML merge.
        #expect(ids("family_members:\n  - id: kid\n    \"<<\": {expect: {t_derivative: eligible}}\n") == [.caseUnknownKey])
    }

    @Test("CSV: cells are text; TRUE and FALSE in any case are booleans; an integer is decimal; a list names a value once")
    func csvStrictness() throws {
        let diagnostics = try corpus(Array("id,title,as_of,is_us_citizen_or_lpr,age,actions_by_trafficker\n123,42,2024-01-10,True,30,harbored;obtained\nr2,,2024-01-10,,017,\nr3,,2024-01-10,,,harbored; harbored\n".utf8), name: "c.csv")
        #expect(diagnostics.map { "\($0.id.rawValue) \($0.location.line):\($0.location.column)" } == ["case.type-mismatch 3:5", "case.duplicate-value 4:6"], "\(diagnostics)")
    }

    // MARK: The schema says the same

    @Test("the JSON Schema's member id, null and record fields are what the reader takes")
    func schemaAgrees() throws {
        let rendered = Vocabulary.jsonSchema(Self.program.legend).render()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(rendered.utf8)) as? [String: Any])
        let properties = try #require(object["properties"] as? [String: Any])
        func given(_ value: Any?) -> [String: Any]? {
            (((value as? [String: Any])?["anyOf"] as? [Any])?.first as? [String: Any]) ?? value as? [String: Any]
        }
        let member = try #require((given(properties["family_members"])?["items"] as? [String: Any])?["properties"] as? [String: Any])
        let pattern = try #require((member["id"] as? [String: Any])?["pattern"] as? String)
        let regex = try NSRegularExpression(pattern: pattern)
        for id in ["kid", "child-2", "Kid", "kid_2", "", "ké"] {
            let matches = regex.firstMatch(in: id, range: NSRange(id.startIndex..., in: id)) != nil
            #expect(matches == CaseLoader.isValidId(id), "member id '\(id)': the schema and the reader disagree")
        }
        // Null is "not given" for an optional key, as the reader reads it.
        for key in ["title", "as_of", "source", "narrative", "facts", "family_members", "expect", "declined"] {
            let anyOf = (properties[key] as? [String: Any])?["anyOf"] as? [[String: Any]]
            #expect(anyOf?.contains { $0["type"] as? String == "null" } == true, "\(key) does not allow null in the schema")
        }
        #expect((properties["id"] as? [String: Any])?["type"] as? String == "string")
        // A record's field may be null, as the reader takes it.
        let facts = try #require(given(properties["facts"])?["properties"] as? [String: Any])
        let records = try #require(((facts["lea_requests"] as? [String: Any])?["anyOf"] as? [[String: Any]])?.first)
        let fields = try #require((records["items"] as? [String: Any])?["properties"] as? [String: [String: Any]])
        #expect(!fields.isEmpty && fields.values.allSatisfy { ($0["anyOf"] as? [[String: Any]])?.contains { $0["type"] as? String == "null" } == true })
        #expect(line("{\(Self.base),\"facts\":{\"lea_requests\":[{\"request\":null,\"date\":null,\"complied\":null,\"refusal_reason\":null}]}}").1.isEmpty)
    }
}
