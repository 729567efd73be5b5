import Foundation
import Testing

/// Issue 11: every diagnostic's message and help comes from a catalogue function of its
/// stage (`CheckMessages`, `ParseMessages`, `CLIMessages`, …), never text written where the
/// diagnostic is made. This scans the sources line by line, so it is a tripwire, not a proof:
/// a string literal handed straight to `Diagnostic(`, `report(`, `error(` or `warning(` (as
/// the message, first or after the id), or to a `help:`, `abstract:` or `discussion:` argument, fails the test with its
/// file and line. Comments (`//`, `///`) are skipped.
@Suite("Messages come from catalogues")
struct CatalogueTests {
    static let sources = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources")

    /// A call that makes or reports a diagnostic, given a literal as its message: the first
    /// argument, or the one after an id (`.checkCycle`, `yesNoID`).
    static let literalMessage = try! NSRegularExpression(
        pattern: #"\b(Diagnostic|report|error|warning)\(\s*(\.?[A-Za-z_][A-Za-z0-9_.]*\s*,\s*)?#*""#)
    /// A `help:` argument given a literal, or a command's `abstract:` or `discussion:`.
    static let literalHelp = try! NSRegularExpression(pattern: #"\b(help|abstract|discussion):\s*#*""#)

    static func offences(in text: String) -> [Int] {
        var lines: [Int] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.hasPrefix("//") { continue }
            let s = String(line)
            let range = NSRange(s.startIndex..., in: s)
            if literalMessage.firstMatch(in: s, range: range) != nil || literalHelp.firstMatch(in: s, range: range) != nil {
                lines.append(index + 1)
            }
        }
        return lines
    }

    @Test("the scanner sees a literal message or help, and passes a catalogue call")
    func scannerSeesLiterals() {
        #expect(Self.offences(in: #"error(.checkCycle, "cycle", at: l)"#) == [1])
        #expect(Self.offences(in: #"report(yesNoID, ParseMessages.yesNo(x, for: y), at: node, help: "write true or false")"#) == [1])
        #expect(Self.offences(in: #"Output.error("warning: a debug build")"#) == [1])
        #expect(Self.offences(in: #"@Option(help: "How many cases.")"#) == [1])
        #expect(Self.offences(in: #"CommandConfiguration(commandName: "check", abstract: "Decide.")"#) == [1])
        #expect(Self.offences(in: #"    discussion: """"#) == [1])
        #expect(Self.offences(in: #"CommandConfiguration(commandName: "check", abstract: CLIMessages.Check.abstract)"#) == [])
        #expect(Self.offences(in: #"Diagnostic(.readUnreadable, "no rule files (*.yaml) found", at: l)"#) == [1])
        #expect(Self.offences(in: #"error(.checkCycle, CheckMessages.cycle(names), at: l, help: CheckMessages.selfCycleHelp)"#) == [])
        #expect(Self.offences(in: #"/// report(.x, "in a doc comment", at: l)"#) == [])
    }

    @Test("no diagnostic message or help is written inline under Sources/")
    func noInlineMessages() throws {
        let files = FileManager.default.enumerator(at: Self.sources, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        #expect(files.count > 50, "found the sources at \(Self.sources.path)")
        var found: [String] = []
        for file in files.sorted(by: { $0.path < $1.path }) {
            let text = try String(contentsOf: file, encoding: .utf8)
            let relative = file.path.replacingOccurrences(of: Self.sources.deletingLastPathComponent().path + "/", with: "")
            found += Self.offences(in: text).map { "\(relative):\($0)" }
        }
        #expect(found.isEmpty, "messages written inline; move them to the stage's catalogue:\n\(found.joined(separator: "\n"))")
    }
}
