import Foundation
import Testing

/// Issue 10 end to end: impossible values are refused (never a crash), symbolic links to
/// folders are followed (loops found by device and inode), and a run opens no socket.
@Suite("Hostile input, end to end")
struct HardeningCLITests {
    typealias Workspace = CLITests.Workspace

    @Test("an age of 1e17 is a located error (exit 65), not a crash (signal 4), and the other cases are still decided")
    func hugeAge() throws {
        let w = try Workspace()
        defer { w.remove() }
        let file = try w.write("big.yaml", "id: big\nas_of: 2024-06-01\nfacts:\n  age: 100000000000000000\n")
        let r = try CLITests.run(["check", "--rules", w.rules, file])
        #expect(r.status == 65, "stderr:\n\(r.stderr)")
        #expect(r.stderr.contains("big.yaml:4:8: error[case.out-of-range]"))
        let lines = try w.write("corpus.jsonl", """
            {"id": "big", "as_of": "2024-06-01", "facts": {"age": 100000000000000000}}
            {"id": "fine", "as_of": "2024-06-01", "facts": {"age": 12, "reported": true}}
            """)
        let corpus = try CLITests.run(["check", "--rules", w.rules, "--format", "json", lines])
        #expect(corpus.status == 65, "stderr:\n\(corpus.stderr)")
        #expect(corpus.stderr.contains("corpus.jsonl:1:55: error[case.out-of-range]"))
        #expect(corpus.stdout.contains("\"fine\""))
    }

    @Test("--as-of before 1900 is a usage error (0001-01-01 was accepted)")
    func earlyAsOf() throws {
        let w = try Workspace()
        defer { w.remove() }
        let file = try w.write("c.yaml", Workspace.validCase)
        for command in [["check"], ["diff", "--as-of", "2024-06-01", "--vs-as-of"]] {
            let r = try CLITests.run(command + (command.count == 1 ? ["--as-of"] : []) + ["0001-01-01", "--rules", w.rules, file])
            #expect(r.status == 2, "\(command) stderr:\n\(r.stderr)")
            #expect(r.stderr.contains("is before 1900-01-01"), "\(r.stderr)")
        }
    }

    // MARK: Symbolic links

    @Test("a symbolic link to a case folder is followed: its cases are tested (it read as empty)")
    func linkedCaseFolder() throws {
        let w = try Workspace()
        defer { w.remove() }
        try w.write("real/one.yaml", Workspace.validCase)
        try w.write("other/two.yaml", Workspace.validCase.replacingOccurrences(of: "id: valid-child", with: "id: second-child"))
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: w.root.appendingPathComponent("linked").path, withDestinationPath: w.root.appendingPathComponent("real").path)
        // A link inside the folder, to a folder beside it: followed too.
        try fm.createSymbolicLink(atPath: w.root.appendingPathComponent("real/more").path, withDestinationPath: "../other")
        let r = try CLITests.run(["test", "--rules", w.rules, w.root.appendingPathComponent("linked").path])
        #expect(r.status == 0, "stdout:\n\(r.stdout)\nstderr:\n\(r.stderr)")
        #expect(r.stdout.contains("2 passed, 0 failed"), "\(r.stdout)")
    }

    @Test("a link back to a folder that holds it is a read.symlink-loop error, and the folder is read once")
    func loop() throws {
        let w = try Workspace()
        defer { w.remove() }
        try w.write("cases/sub/one.yaml", Workspace.validCase)
        try FileManager.default.createSymbolicLink(atPath: w.root.appendingPathComponent("cases/sub/up").path, withDestinationPath: "..")
        let r = try CLITests.run(["test", "--rules", w.rules, w.root.appendingPathComponent("cases").path])
        #expect(r.status == 65, "stdout:\n\(r.stdout)\nstderr:\n\(r.stderr)")
        #expect(r.stderr.contains("cases/sub/up: error[read.symlink-loop]"), "\(r.stderr)")
        #expect(r.stdout.contains("1 passed, 0 failed"), "\(r.stdout)")
    }

    @Test("a linked rules folder is read, and a loop in a rules folder is an error")
    func linkedRules() throws {
        let w = try Workspace()
        defer { w.remove() }
        let fm = FileManager.default
        let linked = w.root.appendingPathComponent("rules-link").path
        try fm.createSymbolicLink(atPath: linked, withDestinationPath: w.rules)
        let ok = try CLITests.run(["lint", linked])
        #expect(ok.status == 0, "stderr:\n\(ok.stderr)")
        #expect(ok.stdout.contains("1 program"))
        try fm.createSymbolicLink(atPath: w.rules + "/self", withDestinationPath: ".")
        let looped = try CLITests.run(["lint", w.rules])
        #expect(looped.status == 65, "stderr:\n\(looped.stderr)")
        #expect(looped.stderr.contains("rules/self: error[read.symlink-loop]"), "\(looped.stderr)")
    }

    // MARK: No look-up, no socket

    /// `strace` runs here: it is installed and may trace (a container can forbid ptrace).
    static let straceWorks: Bool = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["strace", "-f", "-e", "trace=network,socket", "-o", "/dev/null", "true"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    /// The network system calls (`socket`, `connect`, …) a `tvpa` run makes, followed into
    /// every thread and child.
    static func networkCalls(_ arguments: [String]) throws -> (calls: [String], run: CLITests.Run) {
        let trace = FileManager.default.temporaryDirectory.appendingPathComponent("tvpa-strace-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: trace) }
        let run = try CLITests.run(["strace", "-f", "-e", "trace=network,socket", "-o", trace.path, try CLITests.binary().path] + arguments, executable: "/usr/bin/env")
        let lines = try String(contentsOf: trace, encoding: .utf8).split(separator: "\n").map(String.init)
        // What is left once exits and signals are set aside: a system call.
        return (lines.filter { !$0.contains("+++ exited") && !$0.contains("+++ killed") && !$0.contains("--- SIG") }, run)
    }

    @Test(
        "check and diff open no socket of any family: a file's size is read by stat, with no user or group look-up (nscd, LDAP, SSSD)",
        .enabled(if: straceWorks, "strace is not installed or cannot trace here (ptrace not permitted): skipped"))
    func noSocket() throws {
        let w = try Workspace()
        defer { w.remove() }
        let yaml = try w.write("cases/one.yaml", Workspace.validCase)
        let jsonl = try w.write("cases/more.jsonl", #"{"id": "j", "as_of": "2024-06-01", "facts": {"age": 12, "reported": true}}"#)
        let csv = try w.write("cases/more.csv", "id,as_of,reported\nc,2024-06-01,TRUE\n")
        let proposal = try w.write("p.yaml", """
            proposal:
              title: Reporting is enough
              cite: ["Test"]
            changes:
              - remove_condition: helped/when/all[0]
            """)
        for arguments in [
            ["check", "--rules", w.rules, yaml, jsonl, csv],
            ["check", "--rules", w.rules, w.root.appendingPathComponent("cases").path],
            ["diff", "--rules", w.rules, "--proposal", proposal, w.root.appendingPathComponent("cases").path],
        ] {
            let (calls, run) = try Self.networkCalls(arguments)
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
            #expect(calls.isEmpty, "\(arguments[0]) made network calls:\n\(calls.joined(separator: "\n"))")
        }
    }
}
