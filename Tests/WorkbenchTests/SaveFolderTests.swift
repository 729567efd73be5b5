import Foundation
import Testing
@testable import tvpa_workbench

/// `--save-to`: the only place the workbench writes.
@Suite("Workbench save folder")
struct SaveFolderTests {
    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tvpa-save-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func aFolderInsideAGitWorkTreeIsRefusedUnlessAllowed() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let inside = root.appendingPathComponent("cases/saved")
        try FileManager.default.createDirectory(at: inside, withIntermediateDirectories: true)
        // A worktree's .git is a file; either counts.
        try "gitdir: elsewhere\n".write(to: root.appendingPathComponent(".git"), atomically: true, encoding: .utf8)
        #expect(throws: SaveFolder.Problem.self) { try SaveFolder(inside.path, allowGit: false) }
        #expect(throws: Never.self) { try SaveFolder(inside.path, allowGit: true) }
        #expect(throws: SaveFolder.Problem.self) { try SaveFolder(root.appendingPathComponent("missing").path, allowGit: true) }
    }

    @Test func aSaveIsWholeOwnerOnlyAndLeavesNothingElse() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = try SaveFolder(root.path, allowGit: false)
        _ = try folder.save("id: one\n", id: "one")
        let url = try folder.save("id: one\nfacts: {}\n", id: "one")
        #expect(try String(contentsOf: url, encoding: .utf8) == "id: one\nfacts: {}\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["one.yaml"])
        let mode = try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func onlyACaseIdNamesAFile() {
        #expect(WorkbenchResponder.isCaseId("e02-citizen"))
        for bad in ["", "../x", "a/b", "A", "x.yaml", ".hidden", String(repeating: "a", count: 129)] { #expect(!WorkbenchResponder.isCaseId(bad), "\(bad)") }
    }
}
