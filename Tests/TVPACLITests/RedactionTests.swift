import Foundation
import Testing

/// `--redact` end to end (case-file.md, "Redaction"): a case with a distinct marker in every
/// field — its id (and so its file name), title, source, narrative, every free-text field,
/// values of every type, its family members' ids — goes through every format of `check` and
/// `diff`, and no marker survives on standard output or standard error. Through the error paths
/// (a side of a diff that cannot read the case, a date after the decision date, invalid files),
/// diagnostics still locate the problem but quote no value.
@Suite("Redaction end to end")
struct RedactionTests {
    static let rules = """
        facts:
          born: {type: date, question: When were you born?}
          helped_on: {type: date, question: When were you helped?}
          count: {type: integer, question: How many times?}
          kind: {type: enum, values: [zqalpha, zqbeta], question: Which kind?}
          kinds: {type: list, values: [zqlistone, zqlisttwo], question: Which kinds?}
          flag: {type: bool, question: Did it happen?, sensitive: true}
          story: {type: text, question: What happened?, role: context}
          requests:
            type: records
            fields:
              request: text
              date: date
              outcome: {type: enum, values: [zqrecgood, zqrecbad]}
              reason: text
            question: What was asked of you?
          unasked: {type: bool, question: Was the unasked question answered?}
          fm_rel: {type: enum, subject: family_member, values: [zqspouse, zqchild], question: How are you related?}
          fm_born: {type: date, subject: family_member, question: When was the member born?}
          fm_parent: {type: reference, subject: family_member, question: Whose child is the member?, role: context}
          fm_note: {type: text, subject: family_member, question: Anything else?, role: context}
        derived:
          age:
            type: integer
            compute: {years_between: [born, decision_date]}
        rules:
          principal_ok:
            title: The principal qualifies
            cite: ["Marker Act 1"]
            says:
              met: "Born {born} (age {age}), helped {helped_on}, {count} times, kind {kind}, kinds {kinds}, flag {flag}, story {story}, requests {requests}."
              not_met: "Not met: born {born}, helped {helped_on}, {count} times, kind {kind}, kinds {kinds}, flag {flag}, story {story}."
              unknown: "Unknown: born {born}, helped {helped_on}, {count} times, kind {kind}, kinds {kinds}, flag {flag}, story {story}."
            when:
              all:
                - fact: flag
                - {fact: kind, is: zqbeta}
                - {fact: kinds, has: zqlisttwo}
                - {gt: [count, 0]}
                - {lt: [born, helped_on]}
                - {lt: [age, 200]}
                - any_record: requests
                  where: {all: [{field: outcome, is: zqrecgood}, {lt: [{field: date}, decision_date]}]}
            notes:
              - when: {fact: flag}
                text: "A note naming {born}, {story}, {kind} and {count}."
          asked:
            title: The unasked question
            cite: ["Marker Act 2"]
            when: {fact: unasked}
          member_ok:
            title: The family member qualifies
            cite: ["Marker Act 3"]
            says:
              met: "Member born {fm_born}, related as {fm_rel}, child of {fm_parent}, note {fm_note}."
              not_met: "Member not met: born {fm_born}, related as {fm_rel}, child of {fm_parent}, note {fm_note}."
              unknown: "Member unknown: born {fm_born}, related as {fm_rel}."
            when:
              all:
                - rule: principal_ok
                - {fact: fm_rel, in: [zqspouse, zqchild]}
                - {lt: [fm_born, decision_date]}
        clocks:
          mk.ends:
            kind: ends_on
            title: The marker period ends
            date: {add_days: [helped_on, 13600]}
            says: The marker period ends.
            cite: ["Marker Act 4"]
            warn_within: 30
          mk.member_by:
            kind: act_by
            subject: family_member
            title: The member's marker deadline
            date: {add_days: [{add_years: [fm_born, 62]}, -1]}
            cite: ["Marker Act 5"]
        evidence:
          principal_ok:
            guide: Any credible evidence.
            cite: ["Marker Act 6"]
            items:
              statement: {text: A marker statement, cite: ["Marker Act 6"], on_file: {fact: kinds, has: zqlisttwo}}
        programs:
          main:
            title: Main program
            subject: principal
            rule: principal_ok
            cite: ["Marker Act"]
          follow_up:
            title: Follow-up program
            subject: principal
            rule: asked
            cite: ["Marker Act"]
          member:
            title: Member program
            subject: family_member
            rule: member_ok
            cite: ["Marker Act"]
        """

    /// The "after" side of a diff in which every decision of the case changes.
    static let flipped = rules.replacingOccurrences(of: "        - fact: flag\n", with: "        - not: {fact: flag}\n")

    /// An "after" side that cannot read the case: a text fact, a record's text field and a
    /// member's text fact turned into other types, an enum value dropped, an integer made a date.
    static let incompatible = rules
        .replacingOccurrences(of: "  story: {type: text", with: "  story: {type: bool")
        .replacingOccurrences(of: "      request: text", with: "      request: integer")
        .replacingOccurrences(of: "  fm_note: {type: text", with: "  fm_note: {type: bool")
        .replacingOccurrences(of: "values: [zqalpha, zqbeta]", with: "values: [zqalpha, zqgamma]")
        .replacingOccurrences(of: "{fact: kind, is: zqbeta}", with: "{fact: kind, is: zqgamma}")
        .replacingOccurrences(of: "  count: {type: integer", with: "  count: {type: date")
        .replacingOccurrences(of: "{gt: [count, 0]}", with: "{lt: [count, decision_date]}")

    static let caseId = "maria-mkid-2025"

    /// Every marker, and where the case writes it.
    static let markers: [(marker: String, field: String)] = [
        (caseId, "the case id, and the file's name"),
        ("MKTITLE", "title"), ("MKSOURCE", "source"), ("MKNARRATIVE", "narrative"),
        ("MKSTORY", "a text fact"), ("MKREQUEST", "a record's text field"), ("MKREASON", "a record's other text field"),
        ("MKFMNOTE", "a member's text fact"),
        ("mkmemberone", "a member's id (and another member's reference to it)"), ("mkmembertwo", "a member's id"),
        ("1931-07-19", "a date"), ("1987-03-23", "another date"), ("1999-11-07", "a record's date"),
        ("1963-02-14", "a member's date"), ("1972-10-03", "the other member's date"),
        ("864213579", "an integer"), ("zqbeta", "an enum value"), ("zqlisttwo", "a list's value"), ("zqrecgood", "a record's enum value"),
        ("zqspouse", "a member's enum value"), ("zqchild", "the other member's enum value"),
        // Issue 13: a clock's date (helped_on + 13600 days), a member's clock date (fm_born + 62
        // years - 1 day), and the day count, in text and in JSON.
        ("2024-06-16", "a clock's date"), ("2025-02-13", "a member's clock date"), ("15 days", "a day count in text"), ("\"days\"", "a day count in JSON"),
    ]

    static let caseFile = """
        id: \(caseId)
        title: MKTITLE Maria Lopez from Oaxaca
        as_of: 2024-06-01
        source: MKSOURCE intake at the shelter
        narrative: |
          MKNARRATIVE She was recruited with a false job offer.
        facts:
          born: 1931-07-19
          helped_on: 1987-03-23
          count: 864213579
          kind: zqbeta
          kinds: [zqlisttwo]
          flag: true
          story: MKSTORY kept on a farm
          requests:
            - {request: MKREQUEST testify at trial, date: 1999-11-07, outcome: zqrecgood, reason: MKREASON she was afraid}
        family_members:
          - id: mkmemberone
            facts: {fm_rel: zqspouse, fm_born: 1963-02-14, fm_note: MKFMNOTE lives abroad}
          - id: mkmembertwo
            facts: {fm_rel: zqchild, fm_born: 1972-10-03, fm_parent: mkmemberone}
        """

    /// The same case as one JSON line (read by the byte-level reader).
    static let jsonLine = """
        {"id":"\(caseId)","title":"MKTITLE Maria Lopez from Oaxaca","as_of":"2024-06-01","source":"MKSOURCE intake at the shelter",\
        "narrative":"MKNARRATIVE She was recruited with a false job offer.","facts":{"born":"1931-07-19","helped_on":"1987-03-23",\
        "count":864213579,"kind":"zqbeta","kinds":["zqlisttwo"],"flag":true,"story":"MKSTORY kept on a farm","requests":[{"request":\
        "MKREQUEST testify at trial","date":"1999-11-07","outcome":"zqrecgood","reason":"MKREASON she was afraid"}]},"family_members":\
        [{"id":"mkmemberone","facts":{"fm_rel":"zqspouse","fm_born":"1963-02-14","fm_note":"MKFMNOTE lives abroad"}},{"id":"mkmembertwo",\
        "facts":{"fm_rel":"zqchild","fm_born":"1972-10-03","fm_parent":"mkmemberone"}}]}

        """

    /// A workspace with the three rule sets, the case as YAML (in a file named after its id)
    /// and as a JSON line.
    struct Setup {
        let w: CLITests.Workspace
        let yaml: String
        let jsonl: String
        var rules: String { w.rules }
        var flipped: String { w.root.appendingPathComponent("flipped").path }
        var incompatible: String { w.root.appendingPathComponent("incompatible").path }

        init() throws {
            w = try CLITests.Workspace(rules: RedactionTests.rules)
            try w.write("flipped/rules.yaml", RedactionTests.flipped)
            try w.write("incompatible/rules.yaml", RedactionTests.incompatible)
            yaml = try w.write("cases/\(RedactionTests.caseId).yaml", RedactionTests.caseFile)
            jsonl = try w.write("corpus/\(RedactionTests.caseId).jsonl", RedactionTests.jsonLine)
        }
    }

    /// The markers found in a run's output.
    static func leaks(_ r: CLITests.Run, except allowed: Set<String> = []) -> [String] {
        markers.map(\.marker).filter { !allowed.contains($0) && (r.stdout.contains($0) || r.stderr.contains($0)) }
    }

    /// Every way to run check and diff over the case, redacted or not.
    static func runs(_ s: Setup, redact: Bool) -> [(String, [String])] {
        let flag = redact ? ["--redact"] : []
        var runs: [(String, [String])] = []
        for input in [s.yaml, s.jsonl] {
            for format in ["text", "markdown", "html", "json"] {
                for view in ["decision", "full", "off"] {
                    runs.append(("check \(format) \(view) \(input.suffix(5))", ["check", "--rules", s.rules, "--format", format, "--explain", view] + flag + [input]))
                }
                // With the codes for rule authors: value codes are the markers' own words.
                runs.append(("check \(format) --codes \(input.suffix(5))", ["check", "--rules", s.rules, "--format", format, "--explain", "full", "--codes"] + flag + [input]))
            }
            for format in ["text", "markdown", "json", "csv"] {
                runs.append(("diff \(format) \(input.suffix(5))", ["diff", "--quiet", "--rules", s.rules, "--against", s.flipped, "--format", format] + flag + [input]))
            }
            for format in ["text", "markdown"] {
                for view in ["decision", "full"] {
                    runs.append(("diff --case \(format) \(view) \(input.suffix(5))", ["diff", "--rules", s.rules, "--against", s.flipped, "--case", caseId, "--format", format, "--explain", view] + flag + [input]))
                }
            }
        }
        return runs
    }

    @Test("no marker survives --redact in any format of check and diff, on stdout or stderr")
    func noMarkerSurvives() throws {
        let s = try Setup()
        defer { s.w.remove() }
        var seenPlain = Set<String>()
        for ((name, plainArgs), (_, redactedArgs)) in zip(Self.runs(s, redact: false), Self.runs(s, redact: true)) {
            let plain = try CLITests.run(plainArgs)
            let redacted = try CLITests.run(redactedArgs)
            #expect(plain.status == 0 && redacted.status == 0, "\(name): \(plain.stderr) \(redacted.stderr)")
            seenPlain.formUnion(Self.leaks(plain))
            #expect(Self.leaks(redacted).isEmpty, "\(name) --redact leaks \(Self.leaks(redacted)):\n\(redacted.stdout)\(redacted.stderr)")
            #expect(redacted.stderr.isEmpty, "\(name): \(redacted.stderr)")
            // What remains: outcomes and citations.
            #expect(redacted.stdout.lowercased().contains("eligible"), "\(name)")
        }
        // Without --redact the reports do show these, so their absence above means something.
        // (Free text other than the title and narrative is never shown, redacted or not.)
        let shown: Set<String> = [Self.caseId, "MKTITLE", "MKNARRATIVE", "mkmemberone", "mkmembertwo", "1931-07-19", "1987-03-23", "1963-02-14", "864213579", "zqbeta", "zqlisttwo", "zqspouse", "2024-06-16", "2025-02-13", "15 days", "\"days\""]
        #expect(shown.isSubset(of: seenPlain), "not shown without --redact: \(shown.subtracting(seenPlain))")
    }

    @Test("a redacted check names the case and its members by pseudonyms and keeps outcomes, statuses, citations, fact names and questions")
    func whatRemains() throws {
        let s = try Setup()
        defer { s.w.remove() }
        let text = try CLITests.run(["check", "--rules", s.rules, "--explain", "full", "--redact", s.yaml]).stdout
        #expect(text.hasPrefix("Case 1\n"), "\(text)")
        #expect(text.contains("  Member program, family member case 1 · member 1: Eligible — every element is met.\n"), "\(text)")
        #expect(text.contains("family member case 1 · member 2"))
        #expect(text.contains("[met] The principal qualifies"))
        #expect(text.contains("Cited: Marker Act 1\n"))
        #expect(text.contains("• Did it happen? [redacted]\n") && text.contains("• Which kind? [redacted]\n"))
        #expect(text.contains("1. Was the unasked question answered?\n"))
        let codes = try CLITests.run(["check", "--rules", s.rules, "--explain", "full", "--redact", "--codes", s.yaml]).stdout
        #expect(codes.contains("• flag = [redacted]") && codes.contains("Was the unasked question answered? — unasked"), "\(codes)")
        // Markdown and HTML keep the same and withhold the same.
        let markdown = try CLITests.run(["check", "--rules", s.rules, "--format", "markdown", "--explain", "full", "--redact", s.yaml]).stdout
        #expect(markdown.hasPrefix("# Case 1\n") && markdown.contains("**Member program, family member case 1 · member 1**: Eligible"), "\(markdown)")
        #expect(markdown.contains("• Which kind? \\[redacted\\]"))
        let html = try CLITests.run(["check", "--rules", s.rules, "--format", "html", "--explain", "full", "--redact", s.yaml]).stdout
        #expect(html.contains("<h1>Case 1</h1>") && html.contains("Which kind? <strong>[redacted]</strong>") && html.contains("<title>Case 1 — tvpa report</title>"), "\(html)")
        let json = try CLITests.run(["check", "--rules", s.rules, "--format", "json", "--explain", "full", "--redact", s.yaml]).stdout
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["case"] as? String == "case 1")
        #expect(object["redacted"] as? Bool == true)
        let decisions = try #require(object["decisions"] as? [[String: Any]])
        #expect(decisions.map { $0["subject"] as? String } == ["principal", "principal", "case 1 · member 1", "case 1 · member 2"])
        // Every fact value in every explanation is withheld or unknown.
        func values(_ node: [String: Any]) -> [String] {
            ((node["facts"] as? [[String: Any]]) ?? []).compactMap { $0["value"] as? String } + ((node["children"] as? [[String: Any]]) ?? []).flatMap(values)
        }
        let shown = decisions.compactMap { $0["explanation"] as? [String: Any] }.flatMap(values)
        #expect(!shown.isEmpty && shown.allSatisfy { $0 == "[redacted]" || $0 == "unknown" }, "\(shown)")
        #expect((object["questions"] as? [[String: Any]])?.first?["name"] as? String == "unasked")
    }

    @Test("redacted, a deadline is only passed / within 30 days / within 90 days / later (case-file.md, Redaction)")
    func deadlinesRedacted() throws {
        let s = try Setup()
        defer { s.w.remove() }
        let plain = try CLITests.run(["check", "--rules", s.rules, s.yaml]).stdout
        #expect(plain.contains("The marker period ends: ends on 2024-06-16 — 15 days left"), "\(plain)")
        let text = try CLITests.run(["check", "--rules", s.rules, "--redact", s.yaml]).stdout
        #expect(text.contains("Deadlines (soonest first)"), "\(text)")
        #expect(text.contains("[SOON] The marker period ends: ends on — within 30 days."), "\(text)")
        #expect(text.contains("The member's marker deadline, family member case 1 · member 1: act by — passed") == false)
        #expect(text.contains("The member's marker deadline, family member case 1 · member 1: act by — later."), "\(text)")
        #expect(text.contains("[on file] A marker statement"), "\(text)")
        let json = try CLITests.run(["check", "--rules", s.rules, "--format", "json", "--redact", s.yaml]).stdout
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let deadlines = try #require(object["deadlines"] as? [[String: Any]])
        #expect(deadlines.map { $0["bucket"] as? String } == ["within_30_days", "later", "later"])
        #expect(deadlines.allSatisfy { $0["date"] == nil && $0["days"] == nil && $0["earliest"] == nil && $0["latest"] == nil && $0["status"] == nil })
        #expect(deadlines.map { $0["subject"] as? String } == ["principal", "case 1 · member 1", "case 1 · member 2"])
    }

    @Test("pseudonyms follow the order of the report: case 1, case 2, … in corpus order, never the ids")
    func numberedInOrder() throws {
        let s = try Setup()
        defer { s.w.remove() }
        try s.w.write("cases/ana-mkother-2024.yaml", Self.caseFile.replacingOccurrences(of: Self.caseId, with: "ana-mkother-2024"))
        let folder = s.w.root.appendingPathComponent("cases").path
        let json = try CLITests.run(["check", "--rules", s.rules, "--format", "json", "--redact", folder])
        let ids = json.stdout.split(separator: "\n").compactMap { line in (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["case"] as? String }
        #expect(ids == ["case 1", "case 2"])
        #expect(!json.stdout.contains("mkother"))
        let diff = try CLITests.run(["diff", "--quiet", "--rules", s.rules, "--against", s.flipped, "--format", "csv", "--redact", folder])
        let rows = diff.stdout.split(separator: "\n").dropFirst()
        #expect(rows.map { $0.split(separator: ",").prefix(4).joined(separator: ",") } == [
            "case 1,[redacted],1,principal", "case 1,[redacted],1,case 1 · member 1", "case 1,[redacted],1,case 1 · member 2",
            "case 2,[redacted],1,principal", "case 2,[redacted],1,case 2 · member 1", "case 2,[redacted],1,case 2 · member 2",
        ], "\(diff.stdout)")
        let diffJSON = try #require(try JSONSerialization.jsonObject(with: Data(try CLITests.run(["diff", "--quiet", "--rules", s.rules, "--against", s.flipped, "--format", "json", "--redact", folder]).stdout.utf8)) as? [String: Any])
        #expect(diffJSON["redacted"] as? Bool == true)
        #expect((diffJSON["changed"] as? [[String: Any]])?.map { $0["path"] as? String } == ["[redacted]", "[redacted]"])
    }

    /// Markers that name no free text and no value: the case id is the file's name, and a
    /// diagnostic says which file it is about.
    static let pathMarkers: Set<String> = [caseId]

    @Test("error paths under --redact: a side of a diff that cannot read the case, and a date after the decision date, quote no value")
    func errorPaths() throws {
        let s = try Setup()
        defer { s.w.remove() }
        let paths: [(String, [String])] = [
            ("diff whose after side cannot read the case", ["diff", "--quiet", "--rules", s.rules, "--against", s.incompatible, s.yaml]),
            ("diff whose after side cannot read the JSON line", ["diff", "--quiet", "--rules", s.rules, "--against", s.incompatible, "--format", "json", s.jsonl]),
            ("diff --case whose after side cannot read it", ["diff", "--rules", s.rules, "--against", s.incompatible, "--case", Self.caseId, s.yaml]),
            ("diff whose before side cannot read the case", ["diff", "--quiet", "--rules", s.incompatible, "--against", s.rules, s.yaml]),
            ("check on a date before the case's dates", ["check", "--rules", s.rules, "--as-of", "1980-01-01", s.yaml]),
            ("diff on a date before the case's dates", ["diff", "--quiet", "--rules", s.rules, "--as-of", "2024-06-01", "--vs-as-of", "1980-01-01", s.yaml]),
        ]
        for (name, arguments) in paths {
            let plain = try CLITests.run(arguments)
            let redacted = try CLITests.run(Array(arguments.prefix(1)) + ["--redact"] + arguments.dropFirst())
            #expect(plain.status == redacted.status, "\(name)")
            #expect(!plain.stderr.isEmpty && !redacted.stderr.isEmpty, "\(name) says what is wrong")
            #expect(!Self.leaks(plain, except: Self.pathMarkers).isEmpty, "\(name): without --redact the diagnostics quote values, so the test means something")
            #expect(Self.leaks(redacted, except: Self.pathMarkers).isEmpty, "\(name) --redact leaks \(Self.leaks(redacted, except: Self.pathMarkers)):\n\(redacted.stderr)")
            #expect(redacted.stderr.contains("error["), "\(name): \(redacted.stderr)")
        }
        // One id in two files: the warning says where, not which id.
        let twice = try CLITests.run(["check", "--rules", s.rules, "--redact", s.yaml, s.jsonl])
        #expect(twice.status == 0)
        #expect(twice.stderr.contains("warning[case.invalid-id]: case id '[redacted]' is also used by "), "\(twice.stderr)")
        #expect(!twice.stderr.contains("case id '\(Self.caseId)'"))
        #expect(Self.leaks(twice, except: Self.pathMarkers).isEmpty)
    }

    @Test("invalid case files under --redact: diagnostics keep the place and the fact, not what was written")
    func invalidFiles() throws {
        let s = try Setup()
        defer { s.w.remove() }
        try s.w.write("bad/b1.yaml", """
            id: Maria MKBADID
            facts:
              kind: zqbetx
              flag: yes
              born: 1931-02-30
              count: MKNOTANUMBER
            family_members:
              - id: mkdupmember
              - id: mkdupmember
              - id: kid
                facts: {fm_parent: mknobody}
            """)
        try s.w.write("bad/b2.yaml", "MKPASTED she said that he took her passport\n")
        try s.w.write("bad/b3.csv", "id,flag,born\nok-1,MKCSVBOOL,1931-07-19\n")
        try s.w.write("bad/b4.jsonl", "{\"id\":\"j1\",\"facts\":{\"kind\":\"zqjsonbad\",\"count\":\"MKJSONCOUNT\"}}\n")
        let bad = s.w.root.appendingPathComponent("bad").path
        let written = ["MKBADID", "zqbetx", "1931-02-30", "MKNOTANUMBER", "mkdupmember", "mknobody", "MKPASTED", "zqjsonbad", "MKJSONCOUNT"]
        // What was written for `flag`, a `sensitive` fact: quoted in no mode.
        let sensitive = ["'yes'", "MKCSVBOOL"]
        for arguments in [["check", "--rules", s.rules, bad], ["diff", "--quiet", "--rules", s.rules, "--against", s.flipped, bad]] {
            let plain = try CLITests.run(arguments)
            let redacted = try CLITests.run(Array(arguments.prefix(1)) + ["--redact"] + arguments.dropFirst())
            #expect(plain.status == 65 && redacted.status == 65)
            for marker in written {
                #expect(plain.stderr.contains(marker), "\(arguments[0]): without --redact, \(marker) is quoted")
                #expect(!redacted.stderr.contains(marker) && !redacted.stdout.contains(marker), "\(arguments[0]) --redact quotes \(marker):\n\(redacted.stderr)")
            }
            for marker in sensitive {
                #expect(!plain.stderr.contains(marker) && !redacted.stderr.contains(marker), "\(arguments[0]) quotes \(marker), the value of a sensitive fact:\n\(plain.stderr)")
            }
            #expect(plain.stderr.contains("b1.yaml:4:9: error[case.yes-no-boolean]: '[redacted]' in 'flag'"), "still said, still located: \(plain.stderr)")
            // Still located, still about the fact.
            #expect(redacted.stderr.contains("b1.yaml:3:9: error[case.unknown-value]: '[redacted]' is not a value of 'kind'"), "\(redacted.stderr)")
            #expect(redacted.stderr.contains("help: values: zqalpha, zqbeta"), "the hint lists the values instead of guessing the one meant")
            #expect(redacted.stderr.contains("b1.yaml:1:5: error[case.invalid-id]"))
        }
    }
}
