// Shared by every fuzz target (each is linked as its own binary by scripts/fuzz): the input
// written to a scratch file in memory-backed storage, so the readers run exactly as on a
// user's file, then decided, explained and rendered in every format.
import Foundation
@testable import TVPARules

#if canImport(Glibc)
import Glibc
#endif

enum Fuzz {
    /// The shipped rules, compiled once per process.
    static let program: Program = {
        guard let compiled = RuleCompiler.compile(.embedded).0 else { fatalError("the shipped rules do not compile") }
        return compiled.program
    }()

    static let today = CivilDate.dayNumber(year: 2026, month: 12, day: 1)

    /// A scratch file per process and extension, rewritten for every input.
    static func scratch(_ bytes: UnsafePointer<UInt8>, _ count: Int, extension ext: String) -> String {
        let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        let path = "\(base)/tvpa-fuzz-\(getpid()).\(ext)"
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        precondition(fd >= 0, "cannot write the scratch file \(path)")
        var offset = 0
        while offset < count {
            let n = write(fd, bytes + offset, count - offset)
            precondition(n > 0)
            offset += n
        }
        close(fd)
        return path
    }

    /// What `check` does with a file, on one thread: read it as the CLI does (CaseStream),
    /// load each case, render every diagnostic (a CSV header's once, as `check` does), and
    /// decide every valid case. One input in
    /// 32 (by its length, so the choice is the same on every run) also has its first valid
    /// case explained in the full view and rendered in every format, redacted and not: that
    /// costs about thirty times the reading, and the readers are what these targets are for
    /// (at one in eight, the rendering took three quarters of each target's time; rendering
    /// every row of a rendered CSV input, 40% of the CSV target's).
    static func check(_ path: String, size: Int, program: Program = Fuzz.program) {
        var stream = CaseStream(paths: [path])
        let inputs = stream.all()
        _ = DiagnosticRenderer.render(stream.diagnostics)
        let render = size % 32 == 0
        for redact in render ? [false, true] : [false] {
            let loader = CaseLoader(program: program, today: today, redact: redact)
            let explainer = Explainer(view: .full, redact: redact)
            var evaluator = Evaluator(program: program)
            // A CSV header's problems come back with every row under it; `check` says them once
            // (`CaseRun.stream`), and so does this, so a long CSV does not render them per row.
            var said = Set<Diagnostic>()
            var rendered = false
            for input in inputs {
                let (file, loaded) = loader.load(input)
                var diagnostics = loaded
                if case .csvRow(let header) = input.format {
                    diagnostics.removeAll { $0.location.line == header.line && !said.insert($0).inserted }
                }
                _ = DiagnosticRenderer.render(diagnostics)
                guard let file else { continue }
                let date = file.decisionDate(override: nil, today: today)
                Evaluator.decide(Array(program.programs.indices), for: file, decisionDate: date, with: &evaluator) { _, _, _ in }
                guard render, !rendered else { continue }
                rendered = true
                let report = explainer.report(file, program: program, decisionDate: date)
                let shown = redact ? report.pseudonymized(as: "case 1") : report
                _ = TextRenderer().render(shown)
                _ = DecisionJSON.render(shown)
            }
        }
    }

    static func text(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> String? {
        String(validating: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }
}

extension Fuzz {
    /// A few generated cases (the same every time) decided and explained under a program.
    static func decideGenerated(_ program: Program) {
        var generator = CaseGenerator(program: program, seed: 7)
        let loader = CaseLoader(program: program, today: today)
        let explainer = Explainer(view: .full)
        for i in 0..<8 {
            let line = generator.next(index: i).render()
            guard let file = loader.load(CaseInput(path: "g.jsonl", line: i + 1, text: line, format: .jsonLine)).0 else { continue }
            _ = TextRenderer().render(explainer.report(file, program: program, decisionDate: file.decisionDate(override: nil, today: today)))
        }
    }
}
