import ArgumentParser
import Foundation
import Hummingbird
import Logging
import NIOCore
import TVPARules

/// `tvpa-workbench`: the local web workbench. A separate executable so that `tvpa` stays small
/// and quick to start, and the tool most users run holds no network code; `TVPARules` holds
/// none either. It listens on 127.0.0.1 only, on one port, and talks to nothing else.
@main
struct Workbench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tvpa-workbench",
        abstract: WorkbenchMessages.Options.abstract,
        discussion: WorkbenchMessages.Options.discussion)

    @Argument(help: WorkbenchMessages.Options.folders)
    var folders: [String] = []

    @Option(help: WorkbenchMessages.Options.port)
    var port: Int = 0

    @Flag(help: WorkbenchMessages.Options.open)
    var open = false

    @Option(help: WorkbenchMessages.Options.saveTo)
    var saveTo: String?

    @Flag(help: WorkbenchMessages.Options.allowGit)
    var allowGit = false

    /// The largest request body accepted: a case file's own limit is far below it.
    static let maxBody = 256 * 1024

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0 to 65535") }
        for folder in folders {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw ValidationError("\(folder): not a folder")
            }
        }
    }

    func run() async throws {
        let saveFolder: SaveFolder?
        do {
            saveFolder = try saveTo.map { try SaveFolder($0, allowGit: allowGit) }
        } catch {
            throw ValidationError("\(error)")
        }
        let (compiled, diagnostics) = RuleCompiler.compile(.embedded)
        guard let program = compiled?.program else {
            FileHandle.standardError.write(Data(DiagnosticRenderer.render(diagnostics).utf8))
            throw ExitCode(65)
        }
        let token = AccessGuard.newToken()
        let bound = BoundPort()
        let responder = WorkbenchResponder(
            token: token, port: bound, engine: Engine(base: program), library: ScenarioLibrary(folders: folders, program: program),
            vocabulary: FormVocabulary(program.legend), saveFolder: saveFolder, prints: PrintStore())
        // A level at which neither Hummingbird nor NIO logs anything about a request.
        var logger = Logger(label: "tvpa-workbench")
        logger.logLevel = .critical
        let open = self.open
        let app = Application(
            responder: responder,
            configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: port), serverName: nil),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                bound.set(port)
                let url = "http://127.0.0.1:\(port)/?token=\(token)"
                // Written at once, not buffered: whoever started us reads the address from a pipe.
                FileHandle.standardOutput.write(Data("tvpa-workbench: listening on 127.0.0.1:\(port) only. Open:\n  \(url)\nStop with Ctrl-C; nothing is kept after it stops.\n".utf8))
                if open { Self.launchBrowser(url) }
            },
            logger: logger)
        try await app.runService()
    }

    static func launchBrowser(_ url: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["xdg-open", url]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { print("tvpa-workbench: could not run xdg-open; open the address above yourself.") }
    }
}

/// The port the server bound, known once it runs (`--port 0` asks the system for a free one).
final class BoundPort: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()
    func set(_ port: Int) { lock.lock(); value = port; lock.unlock() }
    var port: Int { lock.lock(); defer { lock.unlock() }; return value }
}
