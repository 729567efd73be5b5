import Foundation
import Testing

/// The README runs as shown: every command of its `sh` blocks is run from the package root with
/// the built `tvpa` and must succeed, and what it says about the scenarios and about Maria's
/// case is what the tool gives.
@Suite("README")
struct ReadmeTests {
    static let root = DiffCLITests.root

    static func readme() throws -> String {
        try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
    }

    /// The README's fenced blocks of one language, in order.
    static func blocks(_ language: String, in text: String) -> [String] {
        var result: [String] = []
        var current: [Substring]?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == nil, line == "```\(language)" {
                current = []
            } else if current != nil, line == "```" {
                result.append(current!.joined(separator: "\n"))
                current = nil
            } else {
                current?.append(line)
            }
        }
        return result
    }

    /// One `sh` block: its command lines, comments dropped.
    struct Block: CustomTestStringConvertible, Sendable {
        var index: Int
        var commands: [String]
        var testDescription: String { "sh block \(index + 1): \(commands.first ?? "")" }
    }

    static func shBlocks() -> [Block] {
        guard let text = try? readme() else { return [] }
        return blocks("sh", in: text).enumerated().map { i, block in
            let commands = block.split(separator: "\n").map { line -> String in
                let code = line.range(of: " #").map { line[..<$0.lowerBound] } ?? line[...]
                return code.trimmingCharacters(in: .whitespaces)
            }.filter { !$0.isEmpty && !$0.hasPrefix("#") }
            return Block(index: i, commands: commands)
        }
    }

    /// Commands the test does not run, and why: each is run by CI itself.
    static let notRun: [String: String] = [
        "scripts/test": "the project's test command, which runs this test",
    ]

    /// How a README command line becomes arguments for the built binary. `swift run -c release
    /// tvpa` is the binary under test; `/tmp/` is a fresh folder; `maria.yaml` is the README's
    /// own example, written out; a generated corpus of 100,000 cases is made smaller, as a
    /// debug build would take minutes over it (the command is the same).
    static func arguments(_ command: String, scratch: URL) throws -> [String]? {
        if notRun[command] != nil { return nil }
        var line = command
        if line.hasPrefix("swift run -c release tvpa ") { line = String(line.dropFirst("swift run -c release ".count)) }
        try #require(line.hasPrefix("tvpa "), "a README command the test cannot run: \(command) (add it to notRun with a reason)")
        try #require(!line.contains { "|><&;$`".contains($0) }, "a README command with shell syntax the test does not run: \(command)")
        line = line.replacingOccurrences(of: "/tmp/", with: scratch.path + "/")
        line = line.replacingOccurrences(of: "--count 100000", with: "--count 300")
        var words = line.split(separator: " ").dropFirst().map(String.init)
        if let i = words.firstIndex(of: "maria.yaml") {
            let maria = try #require(try Self.maria(), "the README shows no Maria case file to run")
            let path = scratch.appendingPathComponent("maria.yaml")
            try maria.write(to: path, atomically: true, encoding: .utf8)
            words[i] = path.path
        }
        return words
    }

    /// The README's case file for Maria (the `yaml` block with her date of birth).
    static func maria() throws -> String? {
        try blocks("yaml", in: readme()).first { $0.contains("date_of_birth: 1991-04-12") }.map { $0 + "\n" }
    }

    @Test("every command in the README's sh blocks runs as shown and succeeds", arguments: shBlocks())
    func commandsRun(_ block: Block) throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("tvpa-readme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        for command in block.commands {
            guard let arguments = try Self.arguments(command, scratch: scratch) else { continue }
            let r = try CLITests.run(arguments, in: Self.root)
            #expect(r.status == 0, "`\(command)` exited \(r.status)\nstderr:\n\(r.stderr.prefix(2000))")
            #expect(!r.stderr.contains("error["), "`\(command)` reported errors:\n\(r.stderr.prefix(2000))")
        }
    }

    @Test("the README's sh blocks hold the commands this test runs")
    func blocksFound() {
        let commands = Self.shBlocks().flatMap(\.commands)
        #expect(commands.count >= 6, "\(commands)")
        #expect(commands.contains { $0.hasPrefix("tvpa check --as-of") })
    }

    @Test("the number of scenarios the README gives is the number of case files in Cases/")
    func scenarioCount() throws {
        let text = try Self.readme()
        let stated = try #require(text.firstMatch(of: /`Cases\/` holds (\d+) scenarios in all/), "the README does not say how many scenarios Cases/ holds")
        let conformance = try #require(text.firstMatch(of: /(\w+) of them are the conformance\s+examples/), "the README does not say how many of them are conformance examples")
        func count(_ folder: String) -> Int {
            let base = Self.root.appendingPathComponent(folder).path
            return (FileManager.default.subpaths(atPath: base) ?? []).filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.count
        }
        #expect(Int(stated.1) == count("Cases"))
        let words = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
        let stateConformance = Int(conformance.1) ?? words.firstIndex(of: String(conformance.1)).map { $0 + 1 }
        #expect(stateConformance == count("Cases/conformance"))
    }

    /// Maria's T visa decision with extra facts: its reason and the facts it still lacks.
    static func mariaTVisa(_ extra: [String]) throws -> (reason: String, missing: [String]) {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("tvpa-maria-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let maria = try #require(try Self.maria())
        try (maria + extra.map { "  \($0)\n" }.joined()).write(to: scratch, atomically: true, encoding: .utf8)
        let r = try CLITests.run(["check", "--format", "json", "--program", "t_visa", scratch.path])
        try #require(r.status == 0, "stderr:\n\(r.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let decision = try #require((object["decisions"] as? [[String: Any]])?.first)
        let missing = (decision["missing_facts"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        return (decision["reason"] as? String ?? "", missing)
    }

    @Test("what the README says Maria's T visa needs before it awaits the waiver decision is what the tool asks")
    func mariaAwaitingDecision() throws {
        let text = try Self.readme().replacingOccurrences(of: "\n", with: " ")
        let asWritten = try Self.mariaTVisa([])
        #expect(asWritten.reason == "missing_facts")
        #expect(asWritten.missing.contains("hardship_factors") && asWritten.missing.contains("waiver_filed"), "\(asWritten.missing)")
        // The waiver filed and the hardship known: the README names what is still asked.
        let half = try Self.mariaTVisa(["waiver_filed: filed", "hardship_factors: [trafficker_harm_abroad]"])
        #expect(half.reason == "missing_facts")
        #expect(!half.missing.isEmpty)
        let passage = try #require(text.range(of: "(`waiver_filed: filed`)").map { String(text[$0.lowerBound...].prefix(700)) }, "the README no longer describes Maria's waiver being filed")
        for name in half.missing {
            #expect(passage.contains("`\(name)`"), "the tool still asks for \(name), which the README does not name: \(passage)")
        }
        #expect(passage.contains("`awaiting_decision`"))
        // With what the README names, nothing is left to ask; either of the two facts will do.
        let filed = try Self.mariaTVisa(["waiver_filed: filed", "hardship_factors: [trafficker_harm_abroad]", "t_application_filed_date: 2025-02-01"])
        #expect(filed.reason == "awaiting_decision", "\(filed)")
        let notFiled = try Self.mariaTVisa(["waiver_filed: filed", "hardship_factors: [trafficker_harm_abroad]", "t_decision: not_filed"])
        #expect(notFiled.reason == "awaiting_decision", "\(notFiled)")
    }
}
