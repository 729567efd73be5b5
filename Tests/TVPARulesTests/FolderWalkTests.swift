import Foundation
import Testing
@testable import TVPARules

/// Folders are walked following symbolic links, each real folder once (issue 10: a linked
/// case folder read as empty, and there was no loop detection).
@Suite("Folders and symbolic links")
struct FolderWalkTests {
    static let fm = FileManager.default

    static func tree() throws -> URL {
        let dir = try Inline.temporaryDirectory()
        for (path, text) in [("real/a.yaml", "id: a\n"), ("real/sub/b.jsonl", "{\"id\": \"b\"}\n"), ("other/c.csv", "id\nc\n"), ("real/notes.txt", "x")] {
            let url = dir.appendingPathComponent(path)
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return dir
    }

    @Test("a folder given as a symbolic link, and a link inside it to another folder, are followed")
    func followed() throws {
        let dir = try Self.tree()
        defer { try? Self.fm.removeItem(at: dir) }
        try Self.fm.createSymbolicLink(atPath: dir.appendingPathComponent("linked").path, withDestinationPath: "real")
        try Self.fm.createSymbolicLink(atPath: dir.appendingPathComponent("real/other").path, withDestinationPath: "../other")
        var stream = CaseStream(paths: [dir.appendingPathComponent("linked").path])
        let paths = stream.all().map { $0.path.replacingOccurrences(of: dir.path + "/", with: "") }
        #expect(stream.diagnostics.isEmpty)
        #expect(paths == ["linked/a.yaml", "linked/other/c.csv", "linked/sub/b.jsonl"])
        #expect(stream.totalBytes == "id: a\n".utf8.count + "id\nc\n".utf8.count + "{\"id\": \"b\"}\n".utf8.count)
    }

    @Test("a link back to a folder above is a read.symlink-loop error; the folder is read once")
    func loop() throws {
        let dir = try Self.tree()
        defer { try? Self.fm.removeItem(at: dir) }
        try Self.fm.createSymbolicLink(atPath: dir.appendingPathComponent("real/sub/up").path, withDestinationPath: "..")
        try Self.fm.createSymbolicLink(atPath: dir.appendingPathComponent("real/self").path, withDestinationPath: ".")
        var stream = CaseStream(paths: [dir.appendingPathComponent("real").path])
        let paths = stream.all().map { $0.path.replacingOccurrences(of: dir.path + "/", with: "") }
        #expect(paths == ["real/a.yaml", "real/sub/b.jsonl"])
        #expect(stream.diagnostics.map { "\($0.id.rawValue) \($0.location.file.replacingOccurrences(of: dir.path + "/", with: ""))" } == ["read.symlink-loop real/self", "read.symlink-loop real/sub/up"])
    }

    @Test("two links to one folder read it once, by the first path in order; a dangling link is unreadable")
    func diamondAndDangling() throws {
        let dir = try Self.tree()
        defer { try? Self.fm.removeItem(at: dir) }
        try Self.fm.createSymbolicLink(atPath: dir.appendingPathComponent("real/x1").path, withDestinationPath: "../other")
        try Self.fm.createSymbolicLink(atPath: dir.appendingPathComponent("real/x2").path, withDestinationPath: "../other")
        try Self.fm.createSymbolicLink(atPath: dir.appendingPathComponent("real/gone.yaml").path, withDestinationPath: "nowhere.yaml")
        var stream = CaseStream(paths: [dir.appendingPathComponent("real").path])
        let paths = stream.all().map { $0.path.replacingOccurrences(of: dir.path + "/", with: "") }
        #expect(paths == ["real/a.yaml", "real/sub/b.jsonl", "real/x1/c.csv"])
        #expect(stream.diagnostics.map(\.id) == [.readUnreadable])
    }

    @Test("the rules folder reader follows links and reports a loop")
    func rulesFolder() throws {
        let dir = try Inline.temporaryDirectory()
        defer { try? Self.fm.removeItem(at: dir) }
        try Self.fm.createDirectory(at: dir.appendingPathComponent("rules/more"), withIntermediateDirectories: true)
        try "facts:\n  x: {type: bool}\n".write(to: dir.appendingPathComponent("rules/more/facts.yaml"), atomically: true, encoding: .utf8)
        try "rules:\n  r: {cite: [\"T\"], when: {fact: x}}\nprograms:\n  p: {rule: r}\n".write(to: dir.appendingPathComponent("rules.yaml"), atomically: true, encoding: .utf8)
        try Self.fm.createSymbolicLink(atPath: dir.appendingPathComponent("rules/main.yaml").path, withDestinationPath: "../rules.yaml")
        try Self.fm.createSymbolicLink(atPath: dir.appendingPathComponent("linked").path, withDestinationPath: "rules")
        let (compiled, diagnostics) = RuleCompiler.compile(.directory(dir.appendingPathComponent("linked").path))
        #expect(compiled != nil, "\(diagnostics)")
        let (sources, _) = SourceReader.readDirectory(dir.appendingPathComponent("linked").path)
        #expect(sources.map(\.relativePath) == ["main.yaml", "more/facts.yaml"])
        try Self.fm.createSymbolicLink(atPath: dir.appendingPathComponent("rules/more/back").path, withDestinationPath: "..")
        let (again, looped) = SourceReader.readDirectory(dir.appendingPathComponent("rules").path)
        #expect(again.map(\.relativePath) == ["main.yaml", "more/facts.yaml"])
        #expect(looped.map { "\($0.id.rawValue) \($0.location)" } == ["read.symlink-loop \(dir.path)/rules/more/back"])
    }
}
