import Foundation
import Testing

/// Runs the built `tvpa` binary end to end, with small inline rule sets (`--rules`) written to
/// a temporary folder, so these tests do not depend on the shipped law files.
@Suite("CLI end to end")
struct CLITests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The `tvpa` executable, built next to the test bundle (`swift build --build-tests` and
    /// `swift test` build every product into the same folder). `TVPA_BIN` overrides it.
    static func binary() throws -> URL {
        let fm = FileManager.default
        var candidates: [URL] = []
        if let path = ProcessInfo.processInfo.environment["TVPA_BIN"] { candidates.append(URL(fileURLWithPath: path)) }
        #if os(Linux)
        if let exe = try? fm.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            candidates.append(URL(fileURLWithPath: exe).deletingLastPathComponent().appendingPathComponent("tvpa"))
        }
        #endif
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("tvpa"))
        }
        candidates.append(Bundle.main.bundleURL.appendingPathComponent("tvpa"))
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("tvpa"))
        let found = candidates.first { fm.isExecutableFile(atPath: $0.path) }
        return try #require(found, "tvpa not found; tried \(candidates.map(\.path)); build it or set TVPA_BIN")
    }

    /// Runs `tvpa` (or `executable`, such as a tracer that runs it) with the arguments.
    static func run(_ arguments: [String], in directory: URL? = nil, executable: String? = nil) throws -> Run {
        let process = Process()
        process.executableURL = try executable.map { URL(fileURLWithPath: $0) } ?? binary()
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("tvpa-out-\(UUID().uuidString)")
        let err = FileManager.default.temporaryDirectory.appendingPathComponent("tvpa-err-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: out)
            try? FileManager.default.removeItem(at: err)
        }
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self))
    }

    /// A temporary folder with `rules/rules.yaml` and the given case files.
    struct Workspace {
        let root: URL
        var rules: String { root.appendingPathComponent("rules").path }

        init(rules: String = Workspace.rules) throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("tvpa-cli-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: root.appendingPathComponent("rules"), withIntermediateDirectories: true)
            try rules.write(to: root.appendingPathComponent("rules/rules.yaml"), atomically: true, encoding: .utf8)
        }

        @discardableResult
        func write(_ name: String, _ text: String) throws -> String {
            let url = root.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
            return url.path
        }

        func remove() { try? FileManager.default.removeItem(at: root) }

        static let rules = """
            facts:
              date_of_birth: {type: date, question: What is your date of birth?}
              reported: {type: bool, question: Did you report it?}
              story: {type: text, question: What happened?, role: context}
            derived:
              age:
                type: integer
                compute: {years_between: [date_of_birth, decision_date]}
            rules:
              minor:
                title: Under 18
                cite: ["Test Act 1(a)"]
                says:
                  met: Born {date_of_birth}, they are under 18.
                  not_met: Born {date_of_birth}, they are 18 or older.
                  unknown: Their age is not known.
                when: {lt: [age, 18]}
              helped:
                title: Reported and a minor
                cite: ["Test Act 2"]
                when: {all: [{rule: minor}, {fact: reported}]}
            programs:
              child_help:
                title: Help for a child
                rule: helped
                cite: ["Test Act"]
            """

        static let validCase = """
            id: valid-child
            as_of: 2024-06-01
            narrative: SECRET-NARRATIVE-TEXT about what happened
            facts:
              date_of_birth: 2011-05-01
              reported: true
              story: SECRET-STORY-TEXT
            expect:
              child_help: eligible
            """
    }

    @Test("tvpa lint on the shipped rules exits 0")
    func lintShipped() throws {
        let r = try Self.run(["lint"])
        #expect(r.status == 0, "stderr:\n\(r.stderr)")
        #expect(!r.stderr.contains("error["))
        #expect(r.stdout.contains("programs"))
    }

    @Test("tvpa lint on an inline rule set exits 0 and counts what it compiled")
    func lintInline() throws {
        let w = try Workspace()
        defer { w.remove() }
        let r = try Self.run(["lint", w.rules])
        #expect(r.status == 0, "stderr:\n\(r.stderr)")
        #expect(r.stdout.contains("1 programs") || r.stdout.contains("1 program"))
    }

    @Test("tvpa lint on a rule file with an error exits 65 and prints file:line:column: error[id]")
    func lintError() throws {
        let w = try Workspace(rules: """
            facts:
              a: {type: bool}
            rules:
              r:
                cite: ["X"]
                when: {all: [{fact: a}, {fact: b}]}
            programs:
              p: {rule: r}
            """)
        defer { w.remove() }
        let r = try Self.run(["lint", w.rules])
        #expect(r.status == 65)
        #expect(r.stderr.contains("\(w.rules)/rules.yaml:6:36: error[check.unknown-fact]"), "stderr:\n\(r.stderr)")
    }

    @Test("tvpa check on a valid case exits 0 and prints the decision and the disclaimer")
    func checkValid() throws {
        let w = try Workspace()
        defer { w.remove() }
        let path = try w.write("cases/valid.yaml", Workspace.validCase)
        let r = try Self.run(["check", "--rules", w.rules, path])
        #expect(r.status == 0, "stderr:\n\(r.stderr)")
        #expect(r.stdout.contains("not legal advice"))
        #expect(r.stdout.contains("child_help") || r.stdout.contains("Help for a child"))
        #expect(r.stdout.lowercased().contains("eligible"))
        #expect(!r.stdout.lowercased().contains("not_eligible"))
    }

    @Test("tvpa check --format json prints tvpa.decision/1")
    func checkJSON() throws {
        let w = try Workspace()
        defer { w.remove() }
        let path = try w.write("cases/valid.yaml", Workspace.validCase)
        let r = try Self.run(["check", "--rules", w.rules, "--format", "json", path])
        #expect(r.status == 0, "stderr:\n\(r.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(object["schema"] as? String == "tvpa.decision/1")
        #expect(object["case"] as? String == "valid-child")
        #expect(object["as_of"] as? String == "2024-06-01")
        let decisions = try #require(object["decisions"] as? [[String: Any]])
        #expect(decisions.count == 1)
        #expect(decisions.first?["program"] as? String == "child_help")
        #expect(decisions.first?["subject"] as? String == "principal")
        #expect(decisions.first?["outcome"] as? String == "eligible")
        #expect(decisions.first?["reason"] as? String == "criteria_met")
    }

    @Test("several case files in JSON are JSON Lines, one object per file")
    func checkJSONLines() throws {
        let w = try Workspace()
        defer { w.remove() }
        try w.write("cases/a.yaml", Workspace.validCase)
        try w.write("cases/b.yaml", "id: unknown-age\nas_of: 2024-06-01\nfacts:\n  reported: true\n")
        let r = try Self.run(["check", "--rules", w.rules, "--format", "json", w.root.appendingPathComponent("cases").path])
        #expect(r.status == 0, "stderr:\n\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").filter { !$0.isEmpty }
        #expect(lines.count == 2)
        var outcomes: [String: String] = [:]
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(object["schema"] as? String == "tvpa.decision/1")
            let d = try #require((object["decisions"] as? [[String: Any]])?.first)
            outcomes[object["case"] as? String ?? ""] = d["outcome"] as? String
            if object["case"] as? String == "unknown-age" {
                let missing = (d["missing_facts"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
                #expect(missing == ["date_of_birth"])
            }
        }
        #expect(outcomes == ["valid-child": "eligible", "unknown-age": "undetermined"])
    }

    @Test("a malformed case exits 65 and the valid files in the same run are still reported")
    func malformedAmongValid() throws {
        let w = try Workspace()
        defer { w.remove() }
        try w.write("cases/a-valid.yaml", Workspace.validCase)
        let bad = try w.write("cases/b-bad.yaml", "id: bad-case\nas_of: 2024-06-01\nfacts:\n  reportd: true\n")
        try w.write("cases/c-valid.yaml", Workspace.validCase.replacingOccurrences(of: "valid-child", with: "second-child"))
        let r = try Self.run(["check", "--rules", w.rules, "--format", "json", w.root.appendingPathComponent("cases").path])
        #expect(r.status == 65)
        #expect(r.stderr.contains("\(bad):4:3: error[case.unknown-fact]"), "stderr:\n\(r.stderr)")
        let cases = r.stdout.split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["case"] as? String
        }
        #expect(cases.sorted() == ["second-child", "valid-child"])
    }

    @Test("an unknown option is a usage error: exit 2")
    func unknownOption() throws {
        let r = try Self.run(["check", "--bogus-option", "x.yaml"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("--bogus-option"))
    }

    @Test("an impossible --as-of is a usage error: exit 2")
    func badAsOf() throws {
        let w = try Workspace()
        defer { w.remove() }
        let path = try w.write("cases/valid.yaml", Workspace.validCase)
        let r = try Self.run(["check", "--rules", w.rules, "--as-of", "2023-02-29", path])
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
    }

    @Test("--as-of overrides the file's as_of")
    func asOfOverride() throws {
        let w = try Workspace()
        defer { w.remove() }
        let path = try w.write("cases/valid.yaml", Workspace.validCase)
        // Born 2011-05-01: 18 on 2029-05-01.
        let before = try Self.run(["check", "--rules", w.rules, "--format", "json", "--as-of", "2029-04-30", path])
        let after = try Self.run(["check", "--rules", w.rules, "--format", "json", "--as-of", "2029-05-01", path])
        func outcome(_ r: Run) throws -> String? {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
            return (object["decisions"] as? [[String: Any]])?.first?["outcome"] as? String
        }
        #expect(try outcome(before) == "eligible")
        #expect(try outcome(after) == "not_eligible")
    }

    @Test("tvpa test with a wrong expect exits 1 and prints 0 passed, 1 failed")
    func testFailing() throws {
        let w = try Workspace()
        defer { w.remove() }
        let path = try w.write("cases/wrong.yaml", Workspace.validCase.replacingOccurrences(of: "child_help: eligible", with: "child_help: not_eligible"))
        let r = try Self.run(["test", "--rules", w.rules, path])
        #expect(r.status == 1, "stdout:\n\(r.stdout)\nstderr:\n\(r.stderr)")
        #expect(r.stdout.contains("0 passed, 1 failed"))
        #expect(r.stdout.contains("FAIL"))
    }

    @Test("tvpa test with a right expect exits 0 and prints 1 passed, 0 failed")
    func testPassing() throws {
        let w = try Workspace()
        defer { w.remove() }
        let path = try w.write("cases/right.yaml", Workspace.validCase)
        let r = try Self.run(["test", "--rules", w.rules, path])
        #expect(r.status == 0, "stdout:\n\(r.stdout)\nstderr:\n\(r.stderr)")
        #expect(r.stdout.contains("1 passed, 0 failed"))
    }

    @Test("tvpa test with an invalid case file exits 65")
    func testInvalid() throws {
        let w = try Workspace()
        defer { w.remove() }
        let path = try w.write("cases/bad.yaml", "id: bad\nas_of: 2024-06-01\nfacts:\n  reported: yes\n")
        let r = try Self.run(["test", "--rules", w.rules, path])
        #expect(r.status == 65)
        #expect(r.stderr.contains("error[case.yes-no-boolean]"))
    }

    @Test("--redact hides fact values, free text and the narrative", arguments: ["text", "json"])
    func redact(_ format: String) throws {
        let w = try Workspace()
        defer { w.remove() }
        let path = try w.write("cases/valid.yaml", Workspace.validCase)
        let plain = try Self.run(["check", "--rules", w.rules, "--format", format, "--explain", "full", path])
        let redacted = try Self.run(["check", "--rules", w.rules, "--format", format, "--explain", "full", "--redact", path])
        #expect(plain.status == 0)
        #expect(redacted.status == 0)
        // Without --redact the values are there, so their absence below means something.
        #expect(plain.stdout.contains("2011-05-01"))
        if format == "text" {
            #expect(plain.stdout.contains("SECRET-NARRATIVE-TEXT"))
        }
        #expect(!redacted.stdout.contains("2011-05-01"))
        #expect(!redacted.stdout.contains("SECRET-NARRATIVE-TEXT"))
        #expect(!redacted.stdout.contains("SECRET-STORY-TEXT"))
        #expect(redacted.stdout.lowercased().contains("eligible"))
        if format == "json" {
            #expect(redacted.stdout.contains("[redacted]"))
        }
    }

    @Test("a case path that does not exist is invalid input: exit 65, and the others are still reported")
    func missingCasePath() throws {
        let w = try Workspace()
        defer { w.remove() }
        let path = try w.write("cases/valid.yaml", Workspace.validCase)
        let missing = w.root.appendingPathComponent("cases/nope.yaml").path
        let r = try Self.run(["check", "--rules", w.rules, "--format", "json", path, missing])
        #expect(r.status == 65)
        #expect(r.stderr.contains("\(missing):1:1: error[read.unreadable]"), "stderr:\n\(r.stderr)")
        #expect(r.stdout.contains("\"case\":\"valid-child\""))
    }

    @Test("--program decides only the named program")
    func programFilter() throws {
        let w = try Workspace(rules: Workspace.rules + "\n  second:\n    rule: minor\n")
        defer { w.remove() }
        let path = try w.write("cases/valid.yaml", Workspace.validCase)
        let all = try Self.run(["check", "--rules", w.rules, "--format", "json", path])
        let one = try Self.run(["check", "--rules", w.rules, "--format", "json", "--program", "second", path])
        func programs(_ r: Run) throws -> [String] {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
            return (object["decisions"] as? [[String: Any]] ?? []).compactMap { $0["program"] as? String }
        }
        #expect(all.status == 0, "stderr:\n\(all.stderr)")
        #expect(try programs(all).sorted() == ["child_help", "second"])
        #expect(one.status == 0, "stderr:\n\(one.stderr)")
        #expect(try programs(one) == ["second"])
    }

    @Test("a rules folder with an error stops check with exit 65")
    func checkWithBadRules() throws {
        let w = try Workspace(rules: "facts:\n  a: {type: boolean}\n")
        defer { w.remove() }
        let path = try w.write("cases/valid.yaml", "id: x\n")
        let r = try Self.run(["check", "--rules", w.rules, path])
        #expect(r.status == 65)
        #expect(r.stderr.contains("error[parse.invalid-value]"))
        #expect(r.stdout.isEmpty)
    }
}

extension CLITests {
    @Test("tvpa check and tvpa test read a CSV corpus; expect columns pass and fail as in YAML")
    func csvCorpus() throws {
        let w = try Workspace()
        defer { w.remove() }
        let csv = "id,as_of,date_of_birth,reported,expect.child_help\r\n"
            + "right,2024-06-01,2011-05-01,TRUE,eligible\r\n"
            + "wrong,2024-06-01,2011-05-01,false,eligible\r\n"
        let path = try w.write("cases/corpus.csv", csv)
        let check = try Self.run(["check", "--rules", w.rules, "--format", "json", path])
        #expect(check.status == 0, "stderr:\n\(check.stderr)")
        #expect(check.stdout.split(separator: "\n").count == 2)
        let test = try Self.run(["test", "--rules", w.rules, path])
        #expect(test.status == 1, "stdout:\n\(test.stdout)\nstderr:\n\(test.stderr)")
        #expect(test.stdout.contains("1 passed, 1 failed"))
        #expect(test.stdout.contains("FAIL \(path) [wrong]"))
        let bad = try w.write("cases/bad.csv", "id,reportd\nx,true\n")
        let invalid = try Self.run(["check", "--rules", w.rules, bad])
        #expect(invalid.status == 65)
        #expect(invalid.stderr.contains("bad.csv:1:2: error[case.unknown-fact]: unknown column 'reportd'"))
        #expect(invalid.stderr.contains("note: cell B1: row 1, column 2 (reportd)"))
        #expect(invalid.stderr.contains("did you mean 'reported'?"))
    }

    @Test("tvpa generate --output x.csv writes a corpus that tvpa check reads without an error")
    func generateCSV() throws {
        let w = try Workspace()
        defer { w.remove() }
        let path = w.root.appendingPathComponent("gen.csv").path
        let generate = try Self.run(["generate", "--rules", w.rules, "--count", "20", "--output", path])
        #expect(generate.status == 0, "stderr:\n\(generate.stderr)")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix("id,title,as_of,source,narrative,date_of_birth,reported,story,age\r\n"))
        let check = try Self.run(["check", "--rules", w.rules, "--format", "json", "--explain", "off", path])
        #expect(check.status == 0, "stderr:\n\(check.stderr)")
        #expect(check.stdout.split(separator: "\n").count == 20)
    }
}

extension CLITests {
    @Test("tvpa --version prints the package version and the digest of the rules built in, the one reports carry")
    func version() throws {
        let r = try Self.run(["--version"])
        #expect(r.status == 0, "stderr:\n\(r.stderr)")
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("tvpa ") == true, "\(r.stdout)")
        #expect(lines.first.map { $0.dropFirst(5).split(separator: ".").count == 3 } == true, "a version such as 0.2.0: \(r.stdout)")
        let check = try Self.run(["check", "--format", "json", DiffCLITests.path("Cases/conformance/e02-citizen.yaml")])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any])
        let digest = try #require((object["rules"] as? [String: Any])?["digest"] as? String)
        #expect(r.stdout.contains(digest), "--version gives \(r.stdout), reports give \(digest)")
    }

    @Test("a misspelt command gets a did-you-mean and exits 2")
    func misspeltCommand() throws {
        let r = try Self.run(["chek", "Cases/"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("unknown command 'chek'; did you mean 'check'?"), "stderr:\n\(r.stderr)")
        let far = try Self.run(["zzzzzzzz"])
        #expect(far.status == 2)
        #expect(far.stderr.contains("unknown command 'zzzzzzzz'") && !far.stderr.contains("did you mean"))
    }

    @Test("a usage error found while check runs prints check's usage, not the top-level one", arguments: [
        ["check", "--as-of", "2024-13-01", "x.yaml"],
        ["check", "--program", "t_vissa", "x.yaml"],
    ])
    func commandUsage(_ arguments: [String]) throws {
        let r = try Self.run(arguments)
        #expect(r.status == 2)
        #expect(r.stderr.contains("Usage: tvpa check "), "stderr:\n\(r.stderr)")
        #expect(r.stderr.contains("See 'tvpa check --help'"))
        #expect(!r.stderr.contains("Usage: tvpa <subcommand>"))
    }

    @Test("check, test and diff on an input with no case exit 65 with an error that says so", arguments: ["check", "test", "diff"])
    func noCase(_ command: String) throws {
        let w = try Workspace()
        defer { w.remove() }
        let emptyFile = try w.write("cases/empty.yaml", "")
        let emptyFolder = w.root.appendingPathComponent("nothing").path
        try FileManager.default.createDirectory(atPath: emptyFolder, withIntermediateDirectories: true)
        let extra = command == "diff" ? ["--quiet", "--as-of", "2024-01-01", "--vs-as-of", "2024-02-01"] : []
        for (path, says) in [(emptyFile, "\(emptyFile):1:1: error[case.empty-input]: this file holds no case: it is empty"), (emptyFolder, "\(emptyFolder): error[case.empty-input]: this folder holds no case file")] {
            let r = try Self.run([command, "--rules", w.rules] + extra + [path])
            #expect(r.status == 65, "\(command) \(path): exit \(r.status)")
            #expect(r.stderr.contains(says), "\(command) \(path): stderr:\n\(r.stderr)")
        }
    }

    @Test("tvpa test --coverage says what its condition count counts")
    func coverageLine() throws {
        let r = try Self.run(["test", "--quiet", "--coverage", DiffCLITests.path("Cases")])
        let line = try #require(r.stdout.split(separator: "\n").first { $0.hasPrefix("Coverage over") })
        #expect(line.contains("conditions that a case can make false seen both true and false"), "\(line)")
    }

    @Test("tvpa diff across two dates says how many cases cannot be decided on each date, and why")
    func diffDatesSayWhy() throws {
        let r = try Self.run(["diff", "--quiet", "--as-of", "2024-08-27", "--vs-as-of", "2024-08-28", DiffCLITests.path("Cases")])
        #expect(r.status == 65)
        #expect(r.stdout.contains("cannot be decided as of 2024-08-27 (before) and"), "stdout:\n\(r.stdout.prefix(1500))")
        #expect(r.stdout.contains("because they record an event after that date"))
        #expect(r.stderr.contains("error[case.date-after-decision]"))
    }
}
