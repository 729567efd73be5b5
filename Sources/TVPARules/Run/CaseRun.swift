/// Running case files: expand paths, load each file, evaluate the valid ones. The CLI's
/// `check` and `test` are thin wrappers over this.
public struct CaseRun: Sendable {
    public struct Options: Sendable {
        public var asOf: Int?
        public var programs: Set<String>?
        public var view: ExplainView
        public var redact: Bool
        public var today: Int

        public init(asOf: Int? = nil, programs: Set<String>? = nil, view: ExplainView = .decision, redact: Bool = false, today: Int = CivilDate.today()) {
            self.asOf = asOf
            self.programs = programs
            self.view = view
            self.redact = redact
            self.today = today
        }
    }

    /// One file's result: a report, or the diagnostics that kept it from being evaluated.
    public struct Result: Sendable {
        public var path: String
        public var report: CaseReport?
        public var diagnostics: [Diagnostic]
        /// Where the case begins: the path of a YAML file, `path:line` for a JSON line or a
        /// CSV row (one file holds many cases).
        public var place: String

        public init(path: String, report: CaseReport?, diagnostics: [Diagnostic], place: String? = nil) {
            self.path = path
            self.report = report
            self.diagnostics = diagnostics
            self.place = place ?? path
        }
    }

    /// The valid case files under the given paths (invalid ones are skipped: `run` reports them).
    public static func load(_ paths: [String], program: Program, options: Options) -> [CaseFile] {
        let loader = CaseLoader(program: program, today: options.today)
        var stream = CaseStream(paths: paths)
        return stream.all().compactMap { loader.load($0, asOfOverride: options.asOf).0 }
    }

    public static func run(_ paths: [String], program: Program, options: Options) -> [Result] {
        var stream = CaseStream(paths: paths)
        let texts = stream.all()
        var results = stream.diagnostics.map { Result(path: $0.location.file, report: nil, diagnostics: [$0]) }
        let loader = CaseLoader(program: program, today: options.today)
        let explainer = Explainer(view: options.view, redact: options.redact)
        var seen: [String: String] = [:]
        // A CSV header's problem comes back with every row under it: say it once.
        var said = Set<Diagnostic>()
        for text in texts {
            let place: String
            if case .yaml = text.format { place = text.path } else { place = "\(text.path):\(text.line)" }
            var (file, diagnostics) = loader.load(text, asOfOverride: options.asOf)
            diagnostics.removeAll { !said.insert($0).inserted }
            if let f = file, let first = seen[f.id] {
                diagnostics.append(Diagnostic(.caseInvalidId, "case id '\(f.id)' is also used by \(first); ids are unique in a corpus", at: SourceLocation(file: text.path, line: text.line, column: 1), severity: .warning))
            }
            guard let file else {
                results.append(Result(path: text.path, report: nil, diagnostics: diagnostics, place: place))
                continue
            }
            seen[file.id] = text.path
            let date = file.decisionDate(override: options.asOf, today: options.today)
            let report = explainer.report(file, program: program, decisionDate: date, programs: options.programs)
            results.append(Result(path: text.path, report: report, diagnostics: diagnostics, place: place))
        }
        return results
    }
}
