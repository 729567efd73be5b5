import Foundation

/// A corpus as a stream of case inputs, read in batches: YAML case files (`.yaml`, `.yml`),
/// JSON Lines (`.jsonl`, one case per line) and CSV (`.csv`, one case per row), given as files
/// or found in folders. Memory holds one batch, never the corpus.
public struct CaseStream {
    private var files: [String] = []
    private var nextFile = 0
    /// Paths that could not be read (each also ends the file it concerns).
    public private(set) var diagnostics: [Diagnostic] = []
    /// The corpus's size in bytes, and how much of it has been read: a progress bar's figures.
    public private(set) var totalBytes = 0
    private var finishedBytes = 0
    public var bytesRead: Int { finishedBytes + (open?.reader.bytesRead ?? 0) }

    private var open: (reader: any CaseInputReader, path: String)?

    static let extensions = [".yaml", ".yml", ".jsonl", ".csv"]

    /// The files the paths name, each folder walked for case files, following symbolic links
    /// to folders (a loop is a `read.symlink-loop` error, and is not followed). Sizes come from
    /// `stat`, which looks up no user or group (`FileSystem`).
    public init(paths: [String]) {
        for path in paths {
            guard let status = FileSystem.status(path) else {
                diagnostics.append(Diagnostic(.readUnreadable, ReadMessages.noSuchFile, at: SourceLocation(file: path, line: 1, column: 1)))
                continue
            }
            guard status.kind == .directory else {
                files.append(path)
                continue
            }
            let base = path.hasSuffix("/") && path.count > 1 ? String(path.dropLast()) : path
            let walk = FileSystem.walk(base) { name in Self.extensions.contains { name.hasSuffix($0) } }
            diagnostics += SourceReader.walkDiagnostics(walk, base: base)
            if walk.files.isEmpty && walk.loops.isEmpty {
                diagnostics.append(Diagnostic(.caseEmptyInput, CaseMessages.emptyFolder(Self.extensions), at: .whole(path)))
            }
            files += walk.files.map { base + "/" + $0 }
        }
        for file in files { totalBytes += FileSystem.size(file) }
    }

    private func size(_ path: String) -> Int { FileSystem.size(path) }

    /// Up to `maxCount` inputs; empty when the corpus is exhausted.
    public mutating func next(maxCount: Int) -> [CaseInput] {
        var batch: [CaseInput] = []
        while batch.count < maxCount {
            if let (opened, path) = open {
                var reader = opened
                while batch.count < maxCount, let input = reader.next() { batch.append(input) }
                diagnostics += reader.takeDiagnostics()
                if batch.count < maxCount {
                    reader.close()
                    open = nil
                    finishedBytes += size(path)
                } else {
                    open = (reader, path)
                }
                continue
            }
            guard nextFile < files.count else { break }
            let path = files[nextFile]
            nextFile += 1
            if path.hasSuffix(".jsonl") || path.hasSuffix(".csv") {
                let reader: (any CaseInputReader)? = path.hasSuffix(".csv") ? CSVRowReader(path: path) : JSONLinesReader(path: path)
                guard let reader else {
                    diagnostics.append(Diagnostic(.readUnreadable, ReadMessages.cannotRead, at: SourceLocation(file: path, line: 1, column: 1)))
                    continue
                }
                open = (reader, path)
            } else {
                let (texts, d) = SourceReader.readFile(path)
                diagnostics += d
                finishedBytes += size(path)
                batch += texts.map { CaseInput(path: $0.path, text: $0.text, format: .yaml) }
            }
        }
        return batch
    }

    /// Every input at once: for small corpora and tests.
    public mutating func all() -> [CaseInput] {
        var result: [CaseInput] = []
        while true {
            let batch = next(maxCount: 4096)
            if batch.isEmpty { return result }
            result += batch
        }
    }
}

/// A file that holds many cases, read one case input at a time.
protocol CaseInputReader {
    mutating func next() -> CaseInput?
    var bytesRead: Int { get }
    mutating func takeDiagnostics() -> [Diagnostic]
    func close()
}

/// JSON Lines: one case per line; blank lines are skipped. A file with no case is an error.
/// Lines are passed on as they are, a byte-order mark and all: the loader judges them.
struct JSONLinesReader: CaseInputReader {
    private var lines: LineReader
    private let path: String
    private var count = 0
    private var finished = false
    private var diagnostics: [Diagnostic] = []

    init?(path: String) {
        guard let lines = LineReader(path: path) else { return nil }
        self.lines = lines
        self.path = path
    }

    mutating func next() -> CaseInput? {
        while let line = lines.next() {
            // A byte-order mark may begin the file (the loader skips it there).
            let body = lines.lineNumber == 1 && line.utf8.starts(with: TextDecoding.bom) ? line.utf8.dropFirst(3) : line.utf8[...]
            if body.allSatisfy({ $0 == 32 || $0 == 9 }) { continue }
            count += 1
            var input = CaseInput(path: path, line: lines.lineNumber, text: line, format: .jsonLine)
            input.notUTF8At = lines.notUTF8At
            return input
        }
        if count == 0 && !finished {
            diagnostics.append(Diagnostic(.caseEmptyInput, CaseMessages.emptyJSONLines(), at: SourceLocation(file: path, line: 1, column: 1), help: CaseMessages.emptyJSONLinesHelp))
        }
        finished = true
        return nil
    }

    var bytesRead: Int { lines.bytesRead }

    mutating func takeDiagnostics() -> [Diagnostic] {
        defer { diagnostics = [] }
        return diagnostics
    }
    func close() { lines.close() }
}
