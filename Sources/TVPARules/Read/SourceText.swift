import Foundation

/// Read: the only place that touches the file system for rules. A file's path and text.
public struct SourceText: Sendable, Hashable {
    /// The path diagnostics show, as the user gave it.
    public var path: String
    /// The path inside the rule set, so the digest does not depend on where it was read from.
    public var relativePath: String
    public var text: String
    /// The line of `path` on which `text` begins (one case per line in a JSON Lines file).
    public var firstLine: Int
    public init(path: String, relativePath: String? = nil, text: String, firstLine: Int = 1) {
        self.path = path
        self.relativePath = relativePath ?? path
        self.text = text
        self.firstLine = firstLine
    }
}

/// Where a rule set comes from: the copy embedded in the binary at build time, or a folder.
public enum RuleSource: Sendable, Hashable {
    case embedded
    case directory(String)

    public var name: String {
        switch self {
        case .embedded: return "Rules (built in)"
        case .directory(let path): return path
        }
    }
}

public enum SourceReader {
    /// The rule files, sorted by path, or diagnostics for what could not be read.
    public static func read(_ source: RuleSource) -> ([SourceText], [Diagnostic]) {
        switch source {
        case .embedded:
            return (embeddedRuleFiles.map { SourceText(path: $0.path, relativePath: String($0.path.dropFirst("Rules/".count)), text: $0.text) }, [])
        case .directory(let path):
            return readDirectory(path, excluding: ["proposals"])
        }
    }

    /// Every `.yaml` / `.yml` file under `path`, skipping excluded top-level folders.
    public static func readDirectory(_ path: String, excluding: Set<String> = []) -> ([SourceText], [Diagnostic]) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return ([], [Diagnostic(.readUnreadable, ReadMessages.noSuchFile, at: SourceLocation(file: path, line: 1, column: 1))])
        }
        if !isDirectory.boolValue { return readFile(path) }
        let base = path.hasSuffix("/") ? String(path.dropLast()) : path
        var files: [SourceText] = []
        var diagnostics: [Diagnostic] = []
        let relative = (FileManager.default.subpaths(atPath: base) ?? [])
            .filter { ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) && !excluding.contains(String($0.split(separator: "/").first ?? "")) }
            .sorted()
        for name in relative {
            let (f, d) = readFile(base + "/" + name)
            files += f.map { SourceText(path: $0.path, relativePath: name, text: $0.text) }
            diagnostics += d
        }
        return (files, diagnostics)
    }

    public static func readFile(_ path: String) -> ([SourceText], [Diagnostic]) {
        guard let data = FileManager.default.contents(atPath: path) else {
            return ([], [Diagnostic(.readUnreadable, ReadMessages.cannotRead, at: SourceLocation(file: path, line: 1, column: 1))])
        }
        return decode(data, path: path)
    }

    /// A file's bytes as its text (`TextDecoding`: UTF-8, one byte-order mark at most, at the
    /// start, where it is dropped), or a diagnostic at the first problem's line and column.
    public static func decode(_ bytes: some Collection<UInt8>, path: String) -> ([SourceText], [Diagnostic]) {
        let (text, problem) = TextDecoding.decode(bytes, startOfFile: true)
        if let problem {
            // A leading mark was dropped: columns on line 1 are counted after it, as editors do.
            return ([], [TextDecoding.diagnostic(problem, at: TextDecoding.location(of: problem.offset, in: text, file: path))])
        }
        return ([SourceText(path: path, text: text)], [])
    }
}
