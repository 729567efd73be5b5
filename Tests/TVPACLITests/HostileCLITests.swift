import Foundation
import Testing

/// Issue 10, end to end: case files carrying control characters, terminal escape sequences and
/// markers in their free-text and `sensitive` fields, run through `check` and `diff` in every
/// format without `--redact`: no diagnostic quotes a free-text or sensitive marker, no line of
/// standard error is a forged diagnostic, and nothing printed holds a control character.
@Suite("Hostile input end to end")
struct HostileCLITests {
    /// Control characters and invisible marks a terminal must never receive (a line break is
    /// how output is written, and is looked at apart).
    static func unsafe(_ text: String) -> [String] {
        text.unicodeScalars.filter { s in
            (s.value < 0x20 && s != "\n") || (0x7F...0x9F).contains(s.value) || (0x202A...0x202E).contains(s.value) || (0x2066...0x2069).contains(s.value) || s.value == 0x2028
        }.map { "U+" + String($0.value, radix: 16, uppercase: true) }
    }

    @Test("free-text and sensitive markers never reach a diagnostic, and no control character reaches the terminal")
    func markers() throws {
        let w = try CLITests.Workspace()
        defer { w.remove() }
        // A valid case whose title and narrative hold escape sequences and a forged line.
        try w.write("cases/a.yaml", """
            id: escapes
            title: "MKTITLE\\e[2J\\nnowhere.yaml:1:1: error[case.forged]: forged"
            as_of: 2024-06-01
            source: "MKSOURCE\\e]0;owned\\a"
            narrative: "MKNARRATIVE\\u009B31m\\u202Eevil"
            facts:
              is_us_citizen_or_lpr: false
              lea_requests: [{request: "MKREQUEST\\e[5m", complied: full, date: 2024-01-02, refusal_reason: MKREFUSAL}]
            """)
        // Invalid cases: a control character in the narrative's line, a sensitive fact's value
        // mistyped, a JSON line with a control byte before its `{`, a record's text and a value
        // with a line break that would forge a diagnostic line.
        try w.write("cases/b.yaml", "id: bad-one\nnarrative: MKNARRATIVE2 she said\u{01} he took her passport\n")
        try w.write("cases/c.yaml", """
            id: bad-two
            title: MKTITLE2
            facts:
              inadmissibility_grounds: [MKSENSITIVE]
              applicant_committed_trafficking: MKSENSITIVE2
              lea_requests: [{request: MKREQUEST2, complied: MKSENSITIVE3}]
              current_location: "x\\nnowhere.yaml:2:2: error[case.forged]: forged\\e[31m"
            """)
        try w.write("cases/d.jsonl", "\u{01}{\"id\":\"j1\",\"narrative\":\"MKNARRATIVE3\",\"title\":\"MKTITLE3\"}\n{\"id\":\"j2\",\"source\":\"MKSOURCE2\",\"facts\":{\"inadmissibility_grounds\":[\"MKSENSITIVE4\"]}}\n")
        let cases = w.root.appendingPathComponent("cases").path
        let secret = ["MKTITLE", "MKSOURCE", "MKNARRATIVE", "MKREQUEST", "MKREFUSAL", "MKSENSITIVE", "passport"]
        var runs: [[String]] = [["check", "--explain", "full", cases], ["check", "--format", "json", cases]]
        for format in ["text", "markdown", "json", "csv"] {
            runs.append(["diff", "--quiet", "--as-of", "2024-06-01", "--vs-as-of", "2026-06-01", "--format", format, cases])
        }
        for arguments in runs {
            let run = try CLITests.run(arguments)
            #expect(run.status == 65, "\(arguments): \(run.stderr)")
            for marker in secret {
                #expect(!run.stderr.contains(marker), "\(arguments): a diagnostic quotes \(marker):\n\(run.stderr)")
            }
            #expect(Self.unsafe(run.stderr).isEmpty, "\(arguments): \(Self.unsafe(run.stderr))")
            #expect(Self.unsafe(run.stdout).isEmpty, "\(arguments): \(Self.unsafe(run.stdout))")
            // Each diagnostic line names one of the files read, never one a value made up.
            let heads = run.stderr.split(separator: "\n").filter { $0.contains(": error[") || $0.contains(": warning[") }
            #expect(!heads.isEmpty)
            for line in heads { #expect(line.hasPrefix(cases + "/"), "\(arguments): \(line)") }
            #expect(!run.stderr.contains("case.forged]") || run.stderr.contains("\\nnowhere.yaml"), "the forged text stays inside its quote")
        }
        // The report itself still shows the title (escaped) to whoever runs it.
        let report = try CLITests.run(["check", w.root.appendingPathComponent("cases/a.yaml").path])
        #expect(report.stdout.hasPrefix("Case escapes — MKTITLE\\u{1B}[2J\\nnowhere.yaml:1:1: error[case.forged]: forged\n"), "\(report.stdout.prefix(200))")
    }
}
