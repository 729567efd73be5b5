import Testing
@testable import TVPARules

/// The byte-level JSON Lines reader against the strict JSON path it stands in for: the same case
/// for every line it accepts, and for every other line the strict path's own result and
/// diagnostics. And the strict path against the YAML reader: a line that is JSON reads as the
/// same case, with the same diagnostics, as the same text in a YAML file.
@Suite("JSON Lines fast path")
struct FastJSONCaseTests {
    static let program: Program = RuleCompiler.compile(.embedded).0!.program
    static let today = CivilDate.parse("2024-06-01")!
    let loader = CaseLoader(program: FastJSONCaseTests.program, today: FastJSONCaseTests.today)

    func input(_ line: String, at number: Int = 7) -> CaseInput {
        CaseInput(path: "cases.jsonl", line: number, text: line, format: .jsonLine)
    }

    /// The fast path's case (nil when it gave up) and the YAML path's result.
    func both(_ line: String, asOf: Int? = nil) -> (fast: CaseFile?, yaml: (CaseFile?, [Diagnostic])) {
        let i = input(line)
        return (loader.loadFastJSONLine(i, asOfOverride: asOf), loader.load(i.sourceText, asOfOverride: asOf))
    }

    @Test("generated cases read the same as through YAML, and nearly all by the fast path", arguments: [1, 7, 2024] as [UInt64])
    func generatedCorpus(seed: UInt64) {
        var generator = CaseGenerator(program: Self.program, seed: seed)
        var fast = 0
        let count = 600
        for index in 0..<count {
            let line = generator.next(index: index).render()
            let (quick, yaml) = both(line)
            #expect(yaml.1.isEmpty, "generated case \(index) is invalid: \(yaml.1)")
            if let quick {
                fast += 1
                #expect(quick == yaml.0, "seed \(seed), case \(index) reads differently")
            }
            #expect(loader.load(input(line)) == yaml)
        }
        #expect(fast >= count * 99 / 100, "only \(fast) of \(count) cases took the fast path")
    }

    @Test("spacing, key order and non-ASCII text read the same, with the same columns")
    func variants() throws {
        var generator = CaseGenerator(program: Self.program, seed: 11)
        for index in 0..<150 {
            guard case .object(var pairs) = generator.next(index: index) else { Issue.record("not an object"); continue }
            // Non-ASCII before the facts moves every column after it by characters, not bytes.
            pairs[1].1 = .string("Dossier n° \(index) — Zoë 😀")
            let spaced = "  " + JSON.object(pairs).render(pretty: true).split(separator: "\n").map { $0.drop { $0 == " " } }.joined(separator: " ")
            let reversedFacts = JSON.object(pairs.map { key, value in
                if key == "facts", case .object(let facts) = value { return (key, .object(facts.reversed())) }
                return (key, value)
            }).render()
            let membersFirst = JSON.object(pairs.reversed()).render()
            for (name, line) in [("spaced", spaced), ("reversed facts", reversedFacts), ("members first", membersFirst)] {
                let (quick, yaml) = both(line)
                #expect(yaml.1.isEmpty, "\(name) \(index): \(yaml.1)")
                #expect(loader.load(input(line)) == yaml, "\(name) \(index)")
                if name != "members first" {
                    #expect(quick != nil, "\(name) \(index) took the YAML path")
                }
                if let quick { #expect(quick == yaml.0, "\(name) \(index) reads differently") }
            }
        }
    }

    static let base = #""id":"odd-1","as_of":"2024-01-10""#

    /// Lines the fast path must give up on or read exactly as YAML does, with a note on what.
    static let oddLines: [(String, String)] = [
        ("every envelope key", "{\(base),\"title\":\"T\",\"source\":\"S\",\"narrative\":\"N: a, b; {c}\",\"facts\":{},\"family_members\":[],\"expect\":{\"t_visa\":\"not_eligible\"}}"),
        ("bad JSON", #"{"id":"odd-1","facts":{"is_us_citizen_or_lpr":true}"#),
        ("trailing comma", #"{"id":"odd-1","facts":{"is_us_citizen_or_lpr":true,}}"#),
        ("missing value", #"{"id":"odd-1","facts":{"is_us_citizen_or_lpr"}}"#),
        ("unknown fact", "{\(base),\"facts\":{\"is_us_citizen\":true}}"),
        ("unknown key", "{\(base),\"fact\":{}}"),
        ("yes for a bool", "{\(base),\"facts\":{\"is_us_citizen_or_lpr\":\"yes\"}}"),
        ("quoted true for a bool", "{\(base),\"facts\":{\"is_us_citizen_or_lpr\":\"true\"}}"),
        ("number for a bool", "{\(base),\"facts\":{\"is_us_citizen_or_lpr\":1}}"),
        ("string for an enum that is a YAML boolean", "{\(base),\"facts\":{\"current_location\":\"no\"}}"),
        ("unknown enum value", "{\(base),\"facts\":{\"current_location\":\"mars\"}}"),
        ("list for an enum", "{\(base),\"facts\":{\"current_location\":[\"abroad\"]}}"),
        ("word for a list", "{\(base),\"facts\":{\"actions_by_trafficker\":\"provided\"}}"),
        ("impossible date", "{\(base),\"facts\":{\"date_of_birth\":\"2001-02-29\"}}"),
        ("number for a date", "{\(base),\"facts\":{\"date_of_birth\":20010228}}"),
        ("duplicate key", "{\(base),\"facts\":{\"is_us_citizen_or_lpr\":true,\"is_us_citizen_or_lpr\":false}}"),
        ("duplicate envelope key", "{\(base),\"id\":\"odd-2\"}"),
        ("contradiction", "{\(base),\"facts\":{\"departed_us_after_trafficking\":true,\"departure_type\":\"none\"}}"),
        ("date after the decision date", "{\(base),\"facts\":{\"trafficking_start_date\":\"2025-01-01\"}}"),
        ("dates out of order", "{\(base),\"facts\":{\"trafficking_start_date\":\"2020-01-01\",\"trafficking_end_date\":\"2019-01-01\"}}"),
        ("derived age that disagrees", "{\(base),\"facts\":{\"date_of_birth\":\"2000-01-01\",\"age\":40}}"),
        ("derived age that agrees", "{\(base),\"facts\":{\"date_of_birth\":\"2000-01-01\",\"age\":24}}"),
        ("negative integer", "{\(base),\"facts\":{\"age\":-3}}"),
        ("unicode escape in text", "{\(base),\"title\":\"Caf\\u00e9\",\"facts\":{}}"),
        ("escaped quote in text", "{\(base),\"title\":\"a \\\"b\\\"\",\"facts\":{}}"),
        ("unicode escape in an enum value", "{\(base),\"facts\":{\"current_location\":\"\\u0061broad\"}}"),
        ("line separator in text", "{\(base),\"title\":\"a\u{2028}b\"}"),
        ("tab in text", "{\(base),\"title\":\"a\tb\"}"),
        ("null title", "{\(base),\"title\":null}"),
        ("null facts", "{\(base),\"facts\":null}"),
        ("null member facts", "{\(base),\"family_members\":[{\"id\":\"a\",\"facts\":null}]}"),
        ("empty", "{}"),
        ("invalid id", #"{"id":"Odd 1"}"#),
        ("reserved member id", "{\(base),\"family_members\":[{\"id\":\"principal\"}]}"),
        ("duplicate member", "{\(base),\"family_members\":[{\"id\":\"a\"},{\"id\":\"a\"}]}"),
        ("principal fact on a member", "{\(base),\"family_members\":[{\"id\":\"a\",\"facts\":{\"date_of_birth\":\"2000-01-01\"}}]}"),
        ("member fact on the principal", "{\(base),\"facts\":{\"fm_location\":\"abroad\"}}"),
        ("nested members with references",
         "{\(base),\"facts\":{\"date_of_birth\":\"1990-05-05\"},\"family_members\":[{\"id\":\"spouse\",\"facts\":{\"fm_relationship\":\"spouse\",\"fm_date_of_birth\":\"1991-01-01\"}},{\"id\":\"kid\",\"facts\":{\"fm_relationship\":\"child_of_derivative\",\"fm_derivative_parent_id\":\"spouse\"},\"expect\":{\"t_derivative\":\"undetermined\"}}],\"expect\":{\"t_visa\":\"undetermined\"}}"),
        ("reference to a later member",
         "{\(base),\"family_members\":[{\"id\":\"kid\",\"facts\":{\"fm_derivative_parent_id\":\"spouse\"}},{\"id\":\"spouse\",\"facts\":{}}]}"),
        ("reference to no member", "{\(base),\"family_members\":[{\"id\":\"kid\",\"facts\":{\"fm_derivative_parent_id\":\"nobody\"}}]}"),
        ("unknown program in expect", "{\(base),\"expect\":{\"t_visas\":\"eligible\"}}"),
        ("member program expected of the principal", "{\(base),\"expect\":{\"t_derivative\":\"eligible\"}}"),
        ("invalid outcome", "{\(base),\"expect\":{\"t_visa\":\"yes\"}}"),
        ("records with unknown field", "{\(base),\"facts\":{\"gmc_issues\":[{\"issue\":\"x\",\"cause\":true}]}}"),
        ("records with null field", "{\(base),\"facts\":{\"gmc_issues\":[{\"issue\":null,\"caused_by_trafficking\":true},{}]}}"),
        ("records given as an object", "{\(base),\"facts\":{\"gmc_issues\":{\"issue\":\"x\"}}}"),
        ("text given as a number", "{\(base),\"facts\":{\"gmc_issues\":[{\"issue\":5}]}}"),
        ("float for an integer", "{\(base),\"facts\":{\"age\":24.0}}"),
        ("huge integer", "{\(base),\"facts\":{\"age\":123456789012345678901234}}"),
        ("space before a colon", "{\"id\" :\"odd-1\"}"),
        ("spaces around everything", "  { \"id\": \"odd-1\" , \"facts\": { \"is_us_citizen_or_lpr\": true , \"actions_by_trafficker\": [ ] } }  "),
        ("content after the object", "{\(base)} x"),
        ("YAML flow, not JSON", "{id: odd-1, facts: {is_us_citizen_or_lpr: true}}"),
        ("an array, not an object", "[1]"),
        ("declined facts, principal and member",
         "{\(base),\"declined\":[\"hardship_factors\",\"applicant_committed_trafficking\"],\"facts\":{\"date_of_birth\":\"1990-05-05\"},\"family_members\":[{\"id\":\"kid\",\"declined\":[\"fm_date_of_birth\"],\"facts\":{\"fm_relationship\":\"child\"}}]}"),
        ("declined after the facts", "{\(base),\"facts\":{\"date_of_birth\":\"1990-05-05\"},\"declined\":[\"hardship_factors\"]}"),
        ("declined empty and null", "{\(base),\"declined\":[],\"family_members\":[{\"id\":\"kid\",\"declined\":null}]}"),
        ("declined and given", "{\(base),\"declined\":[\"date_of_birth\"],\"facts\":{\"date_of_birth\":\"1990-05-05\"}}"),
        ("declined and given null", "{\(base),\"declined\":[\"date_of_birth\"],\"facts\":{\"date_of_birth\":null}}"),
        ("declined by a member and given", "{\(base),\"family_members\":[{\"id\":\"kid\",\"facts\":{\"fm_relationship\":\"child\"},\"declined\":[\"fm_relationship\"]}]}"),
        ("declined twice", "{\(base),\"declined\":[\"hardship_factors\",\"hardship_factors\"]}"),
        ("declined unknown name", "{\(base),\"declined\":[\"hardship_factor\"]}"),
        ("declined member fact on the principal", "{\(base),\"declined\":[\"fm_location\"]}"),
        ("declined principal fact on a member", "{\(base),\"family_members\":[{\"id\":\"kid\",\"declined\":[\"date_of_birth\"]}]}"),
        ("declined as a word, not a list", "{\(base),\"declined\":\"hardship_factors\"}"),
        ("declined holding a number", "{\(base),\"declined\":[5]}"),
        // The byte-level reader leaves keys and words unchecked: a name with an escape or a
        // non-ASCII character can match nothing, so it must still give up on these.
        ("escaped quote ending a key", "{\(base),\"facts\":{\"is_us_citizen_or_lpr\\\"\":true}}"),
        ("backslash ending an enum value", "{\(base),\"facts\":{\"current_location\":\"abroad\\\\\"}}"),
        ("non-ASCII character in a key", "{\(base),\"facts\":{\"is_us_citizen_or_lpr\u{212A}\":true}}"),
        ("escaped character in a member id", "{\(base),\"family_members\":[{\"id\":\"a\\\"b\"}]}"),
    ]

    /// Odd lines that are not JSON, and are YAML: the YAML reader would take them.
    static let notJSON: Set<String> = ["bad JSON", "trailing comma", "missing value", "tab in text", "content after the object", "YAML flow, not JSON", "duplicate key", "duplicate envelope key"]

    @Test("odd and malformed lines give exactly the strict path's result and diagnostics", arguments: Self.oddLines.indices)
    func oddLine(_ k: Int) {
        let (name, line) = Self.oddLines[k]
        let quick = loader.loadFastJSONLine(input(line))
        let strict = loader.loadStrictJSONLine(input(line))
        let loaded = loader.load(input(line))
        #expect(loaded.0 == strict.0, "\(name): the case differs")
        #expect(loaded.1 == strict.1, "\(name): the diagnostics differ: \(loaded.1) vs \(strict.1)")
        if !strict.1.isEmpty { #expect(quick == nil, "\(name): the fast path read a line the strict path reports on") }
        if let quick { #expect(quick == strict.0, "\(name): the fast path reads it differently") }
        // One meaning: JSON reads as the YAML reader reads the same text; what is not JSON is a
        // JSON syntax error, never read as YAML.
        let yaml = loader.load(input(line).sourceText)
        if Self.notJSON.contains(name) {
            #expect(strict.0 == nil && strict.1.map(\.id) == [.caseJSONSyntax] && strict.1[0].location.line == 7, "\(name): \(strict.1)")
        } else {
            #expect(strict.0 == yaml.0, "\(name): JSON and YAML read different cases")
            #expect(strict.1 == yaml.1, "\(name): JSON and YAML say different things: \(strict.1) vs \(yaml.1)")
        }
    }

    @Test("well-formed odd lines still take the fast path")
    func accepted() {
        for name in [
            "every envelope key", "derived age that agrees", "nested members with references", "reference to a later member", "records with null field",
            "spaces around everything", "null facts", "declined facts, principal and member", "declined after the facts", "declined empty and null",
            "declined and given null",
        ] {
            let line = Self.oddLines.first { $0.0 == name }!.1
            #expect(loader.loadFastJSONLine(input(line)) != nil, "\(name) took the YAML path")
        }
    }

    @Test("a fact's location is its key's line and character column")
    func locations() throws {
        let line = #"{"id":"x","title":"é😀","facts":{"is_us_citizen_or_lpr":true}}"#
        let file = try #require(loader.loadFastJSONLine(input(line, at: 42)))
        let slot = try #require(Self.program.factIndex("is_us_citizen_or_lpr"))
        #expect(file.factLocations[slot] == SourceLocation(file: "cases.jsonl", line: 42, column: 33))
        #expect(file == loader.load(input(line, at: 42).sourceText).0)
    }
}
