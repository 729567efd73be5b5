import Foundation
import Testing

/// `tvpa interview` end to end: answers piped in (plain prompts, as a script drives it) and
/// one session on a real pseudo-terminal driving the arrow-key menus.
@Suite("tvpa interview")
struct InterviewCLITests {
    /// `reported` then `date_of_birth` (child_help reads both); a member program reads the
    /// principal's `helped` and the member's relationship.
    static let rules = """
        facts:
          date_of_birth: {type: date, question: What is your date of birth?}
          reported: {type: bool, question: Did you report it?}
          committed: {type: bool, question: Did you recruit others?, asking: hard, why_asked: "Test Act 3 bars it."}
          fm_rel: {type: enum, subject: family_member, values: [spouse, child], labels: {spouse: a spouse, child: a child}, question: How are they related?}
        derived:
          age:
            type: integer
            min: 0
            max: 130
            question: How old are you?
            compute: {years_between: [date_of_birth, decision_date]}
        rules:
          minor:
            cite: ["Test Act 1(a)"]
            when: {lt: [age, 18]}
          helped:
            cite: ["Test Act 2"]
            when: {all: [{rule: minor}, {fact: reported}, {not: {fact: committed}}]}
          follows:
            cite: ["Test Act 4"]
            when: {all: [{rule: helped}, {fact: fm_rel, is: child}]}
        programs:
          child_help: {title: Help for a child, subject: principal, rule: helped, cite: ["Test Act"]}
          member_help: {title: Help for a member, subject: family_member, rule: follows, cite: ["Test Act"]}
        """

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String], input: String, in directory: URL) throws -> Run {
        let process = Process()
        process.executableURL = try CLITests.binary()
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self))
    }

    @Test("from nothing: an id first (a suggestion with no name), each answer saved, the decisions settled shown, the summary at the end")
    func newCase() throws {
        let ws = try CLITests.Workspace(rules: Self.rules)
        defer { ws.remove() }
        // id: the suggestion; date of birth: an impossible date, then a good one; reported: yes;
        // committed: no; family: yes, one member, a child.
        let r = try Self.run(["interview", "--rules", ws.rules, "--as-of", "2024-06-01"], input: "\n2011-02-30\n2011-05-01\n1\n2\n1\nkid-a\n\n2\n", in: ws.root)
        #expect(r.status == 0, "\(r.stderr)")
        let suggested = try #require(r.stdout.firstMatch(of: /\[(case-\d{8}-[0-9a-f]{4})\]/)?.1)
        let path = ws.root.appendingPathComponent("\(suggested).yaml").path
        let saved = try String(contentsOfFile: path, encoding: .utf8)
        #expect(saved.contains("reported: true"))
        #expect(saved.contains("date_of_birth: 2011-05-01"))
        #expect(saved.contains("committed: false"))
        #expect(saved.contains("id: \"kid-a\"") && saved.contains("fm_rel: child"))
        #expect(r.stdout.contains("Not taken:"), "the impossible date is refused")
        #expect(r.stdout.contains("Why this is asked: Test Act 3 bars it."))
        #expect(r.stdout.contains("settled: Help for a member — family member kid-a: eligible (criteria_met)"))
        #expect(r.stdout.contains("Nothing left to ask"))
        #expect(r.stdout.contains("settled: Help for a child: eligible (criteria_met)"))
        #expect(r.stdout.contains("Summary") && r.stdout.contains("Help for a child: Eligible — every element is met."), "the summary is check's report")
        #expect(r.stdout.contains("not legal advice"))
    }

    @Test("a hand-written file: the layout will change, so a new file is written; --overwrite replaces it")
    func handWritten() throws {
        let ws = try CLITests.Workspace(rules: Self.rules)
        defer { ws.remove() }
        let original = "# written by hand\nid: hand\nas_of: 2024-06-01\nfacts: {reported: true}\n"
        let path = try ws.write("hand.yaml", original)
        let r = try Self.run(["interview", "--rules", ws.rules, path], input: "q\n", in: ws.root)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("was written by hand"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == original)
        let beside = ws.root.appendingPathComponent("hand.interview.yaml").path
        #expect(try String(contentsOfFile: beside, encoding: .utf8).contains("reported: true"))
        // The canonical file is continued in place; quitting keeps what was answered.
        let again = try Self.run(["interview", "--rules", ws.rules, beside], input: "2010-01-01\nq\n", in: ws.root)
        #expect(!again.stdout.contains("was written by hand"))
        #expect(try String(contentsOfFile: beside, encoding: .utf8).contains("date_of_birth: 2010-01-01"))
        let over = try Self.run(["interview", "--rules", ws.rules, "--overwrite", path], input: "q\n", in: ws.root)
        #expect(over.status == 0)
        #expect(!(try String(contentsOfFile: path, encoding: .utf8)).contains("# written by hand"))
    }

    @Test("records are entered field by field, a list by numbers")
    func recordsAndLists() throws {
        let ws = try CLITests.Workspace(rules: """
            facts:
              requests:
                type: records
                fields: {request: text, date: date, complied: {type: enum, values: [full, none]}}
                question: What did the agency ask?
              means: {type: list, values: [force, fraud, threats], question: Which means?}
            rules:
              all_done:
                cite: ["Test Act 1"]
                when: {all: [{all_records: requests, where: {field: complied, is: full}}, {fact: means, has: fraud}]}
            programs:
              p: {title: Done, subject: principal, rule: all_done, cite: ["Test Act"]}
            """)
        defer { ws.remove() }
        // id; requests: yes, a record (text, date, complied full), no more; means: 1 and 2.
        let input = "r1\n1\nGo to court\n2024-01-02\n1\n2\n1, 2\n"
        let r = try Self.run(["interview", "--rules", ws.rules, "--as-of", "2024-06-01"], input: input, in: ws.root)
        #expect(r.status == 0, "\(r.stderr)\n\(r.stdout)")
        let saved = try String(contentsOfFile: ws.root.appendingPathComponent("r1.yaml").path, encoding: .utf8)
        #expect(saved.contains("means: [force, fraud]"), "\(saved)")
        #expect(saved.contains("  requests:\n    - {request: \"Go to court\", date: 2024-01-02, complied: full}"), "\(saved)")
        #expect(r.stdout.contains("settled: Done: eligible"))
    }

    @Test("back changes the last answer; the file follows")
    func back() throws {
        let ws = try CLITests.Workspace(rules: Self.rules)
        defer { ws.remove() }
        let r = try Self.run(["interview", "--rules", ws.rules, "--output", "c.yaml", "--as-of", "2024-06-01"], input: "c1\n2011-05-01\n1\nb\n2\n", in: ws.root)
        #expect(r.status == 0, "\(r.stderr)")
        let saved = try String(contentsOfFile: ws.root.appendingPathComponent("c.yaml").path, encoding: .utf8)
        #expect(saved.contains("reported: false") && !saved.contains("reported: true"))
        #expect(r.stdout.contains("settled: Help for a child: not eligible"))
    }

    @Test("after an answer, the deadline it revealed: a child's date of birth shows the last day for HHS to receive the request")
    func deadlineRevealed() throws {
        let ws = try CLITests.Workspace()
        defer { ws.remove() }
        let path = try ws.write("child.yaml", "id: child\nas_of: 2026-12-01\nfacts:\n  is_us_citizen_or_lpr: false\n")
        // The built-in rules: the date of birth is the first question for interim assistance.
        let r = try Self.run(["interview", path, "--program", "hhs_interim_assistance", "--output", "out.yaml"], input: "2009-01-15\nq\n", in: ws.root)
        #expect(r.status == 0, "\(r.stderr)")
        // OTIP-PI-16-01: received "prior to" the 18th birthday (2027-01-15), so the last day is
        // 2027-01-14, 44 days after 2026-12-01, inside the clock's 90-day warning window.
        #expect(r.stdout.contains("  New deadline: [SOON] HHS must receive the child's Request for Assistance: act by 2027-01-14 — 44 days left (within the 90 days the rules warn at)"), "\(r.stdout)")
        // Only after the answer: the line follows the question it answered.
        let asked = try #require(r.stdout.range(of: "What is your date of birth?"))
        let shown = try #require(r.stdout.range(of: "New deadline:"))
        #expect(asked.upperBound <= shown.lowerBound)
        #expect(r.stdout.components(separatedBy: "New deadline:").count == 2, "shown once, for the answer that revealed it")
        // An answer that reveals nothing shows no deadline line.
        let none = try Self.run(["interview", path, "--program", "hhs_interim_assistance", "--output", "none.yaml"], input: "d\nq\n", in: ws.root)
        #expect(!none.stdout.contains("deadline"), "\(none.stdout)")
    }

    @Test("a fact the file declined is not asked again; --ask-declined asks it once more, after the others")
    func askDeclined() throws {
        let ws = try CLITests.Workspace(rules: Self.rules)
        defer { ws.remove() }
        let path = try ws.write("dc.yaml", "id: dc\nas_of: 2024-06-01\nfacts: {date_of_birth: 2011-05-01}\ndeclined: [reported]\n")
        // committed: no; then the family question: quit.
        let plain = try Self.run(["interview", "--rules", ws.rules, path, "--output", "plain.yaml"], input: "2\nq\n", in: ws.root)
        #expect(plain.status == 0, "\(plain.stderr)")
        // The question as asked (the summary at the end still lists it, marked declined).
        let asked = "Did you report it?\n  1. yes"
        #expect(!plain.stdout.contains(asked), "\(plain.stdout)")
        #expect(plain.stdout.contains("Did you recruit others?\n  1. yes"))
        let kept = try String(contentsOfFile: ws.root.appendingPathComponent("plain.yaml").path, encoding: .utf8)
        #expect(kept.contains("declined: [reported]") && kept.contains("committed: false"), "\(kept)")
        // committed: no; reported (asked again, after it): yes; then quit.
        let again = try Self.run(["interview", "--rules", ws.rules, path, "--ask-declined", "--output", "again.yaml"], input: "2\n1\nq\n", in: ws.root)
        #expect(again.status == 0, "\(again.stderr)")
        let recruit = try #require(again.stdout.range(of: "Did you recruit others?\n  1. yes"))
        let report = try #require(again.stdout.range(of: asked), "\(again.stdout)")
        #expect(recruit.upperBound <= report.lowerBound, "the declined question comes after the others")
        let answered = try String(contentsOfFile: ws.root.appendingPathComponent("again.yaml").path, encoding: .utf8)
        #expect(answered.contains("reported: true") && !answered.contains("declined"), "\(answered)")
    }

    @Test("an answer that contradicts an earlier one is refused with the rules' message, asked again, and not saved")
    func contradictionRefused() throws {
        let ws = try CLITests.Workspace(rules: """
            facts:
              date_of_birth: {type: date, question: What is your date of birth?}
              worked: {type: bool, question: Did you work there?}
            derived:
              age: {type: integer, min: 0, max: 130, question: How old are you?, compute: {years_between: [date_of_birth, decision_date]}}
            contradictions:
              - id: too-young-to-work
                when: {all: [{lt: [age, 5]}, {fact: worked}]}
                message: a child under 5 cannot have worked there
                cite: ["Test Act 9"]
            rules:
              r: {cite: ["Test Act 1"], when: {all: [{lt: [age, 18]}, {fact: worked}]}}
            programs:
              p: {title: Child worker, subject: principal, rule: r, cite: ["Test Act"]}
            """)
        defer { ws.remove() }
        // id; born 2022 (age 2); worked: yes (refused), then no.
        let r = try Self.run(["interview", "--rules", ws.rules, "--as-of", "2024-06-01"], input: "k1\n2022-01-01\n1\n2\n", in: ws.root)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Not taken: ") && r.stdout.contains("a child under 5 cannot have worked there"), "\(r.stdout)")
        #expect(r.stdout.components(separatedBy: "Did you work there?").count - 1 >= 2, "asked again after the refusal")
        let saved = try String(contentsOfFile: ws.root.appendingPathComponent("k1.yaml").path, encoding: .utf8)
        #expect(saved.contains("worked: false") && !saved.contains("worked: true"), "\(saved)")
        #expect(r.stdout.contains("settled: Child worker: not eligible"))
    }

    /// A pseudo-terminal session through python3's `pty`: arrow keys and Enter in the menus,
    /// then Ctrl-C in a menu; the terminal's settings are checked after the process ended.
    static let driver = #"""
        import os, sys, time, subprocess, termios, pty, signal
        # A test runner's threads block signals, and a child inherits the mask: a terminal's
        # Ctrl-C reaches a process whose signals are not blocked.
        signal.pthread_sigmask(signal.SIG_SETMASK, set())
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        binary, rules, cwd = sys.argv[1], sys.argv[2], sys.argv[3]
        master, slave = pty.openpty()
        before = termios.tcgetattr(slave)
        p = subprocess.Popen([binary, "interview", "--rules", rules, "--output", "t.yaml", "--as-of", "2024-06-01"],
                             stdin=slave, stdout=slave, stderr=slave, cwd=cwd, start_new_session=True,
                             preexec_fn=lambda: __import__("fcntl").ioctl(0, termios.TIOCSCTTY, 0))
        out = b""
        def wait_for(text, timeout=20):
            global out
            end = time.time() + timeout
            while text.encode() not in out:
                if time.time() > end:
                    sys.stderr.write("timeout waiting for %r; got %r\n" % (text, out[-400:])); sys.exit(3)
                try:
                    out += os.read(master, 4096)
                except OSError:
                    break
        wait_for("An id for the case")
        os.write(master, b"pty-case\n")
        wait_for("Was it the first?")
        time.sleep(0.3)
        os.write(master, b"\x1b[B")      # down: "no"
        time.sleep(0.1)
        os.write(master, b"\x1b[B")      # down: "don't know"
        time.sleep(0.1)
        os.write(master, b"\x1b[A")      # up: "no"
        time.sleep(0.1)
        os.write(master, b"\r")          # Enter: no (without the arrows, Enter would pick yes and end)
        wait_for("Was it the second?")
        time.sleep(0.3)
        os.write(master, b"\x03")        # Ctrl-C in the menu
        p.wait(timeout=20)
        after = termios.tcgetattr(slave)
        print("status", p.returncode)
        print("restored", before[3] == after[3])
        print("file", open(os.path.join(cwd, "t.yaml")).read().replace("\n", "|"))
        """#

    @Test("a real terminal: arrow keys choose, and Ctrl-C restores the terminal with the answers saved")
    func pseudoTerminal() throws {
        guard let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            // scripts/test installs python3 and sets TVPA_REQUIRE_PTY=1: there the test must run.
            #expect(ProcessInfo.processInfo.environment["TVPA_REQUIRE_PTY"] != "1", "python3 is required (TVPA_REQUIRE_PTY=1) but not installed")
            print("skipped: python3 is not installed (its pty module drives the terminal session)")
            return
        }
        // Either fact settles the program: "no" to the first leaves the second to ask.
        let ws = try CLITests.Workspace(rules: """
            facts:
              first: {type: bool, question: Was it the first?}
              second: {type: bool, question: Was it the second?}
            rules:
              either: {cite: ["Test Act 1"], when: {any: [{fact: first}, {fact: second}]}}
            programs:
              p: {title: Either, subject: principal, rule: either, cite: ["Test Act"]}
            """)
        defer { ws.remove() }
        let script = try ws.write("drive.py", Self.driver)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script, try CLITests.binary().path, ws.rules, ws.root.path]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(errors)")
        #expect(text.contains("status -2"), "ended by SIGINT: \(text)")
        #expect(text.contains("restored True"), "the terminal's settings are back: \(text)")
        #expect(text.contains("first: false"), "the arrow keys chose no, saved before Ctrl-C: \(text)")
        #expect(!text.contains("second:"))
    }
}
