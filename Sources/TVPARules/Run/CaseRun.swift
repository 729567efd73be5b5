/// Running case files: expand paths, load each file, evaluate the valid ones. The CLI's
/// `check` and `test` are thin wrappers over this.
public struct CaseRun: Sendable {
    public struct Options: Sendable {
        public var asOf: Int?
        public var programs: Set<String>?
        public var view: ExplainView
        public var redact: Bool
        public var today: Int
        /// Decide for the bulk form (`Result.bulk`: outcomes, reasons, missing facts, no report).
        public var bulk: Bool

        public init(asOf: Int? = nil, programs: Set<String>? = nil, view: ExplainView = .decision, redact: Bool = false, today: Int = CivilDate.today(), bulk: Bool = false) {
            self.bulk = bulk
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
        /// With `Options.bulk`, the case decided for the bulk form instead of a report.
        public var bulk: BulkCase?
        public var diagnostics: [Diagnostic]
        /// Where the case begins: the path of a YAML file, `path:line` for a JSON line or a
        /// CSV row (one file holds many cases).
        public var place: String

        public init(path: String, report: CaseReport?, bulk: BulkCase? = nil, diagnostics: [Diagnostic], place: String? = nil) {
            self.path = path
            self.report = report
            self.bulk = bulk
            self.diagnostics = diagnostics
            self.place = place ?? path
        }
    }

    /// The valid case files under the given paths (invalid ones are skipped: `stream` reports them).
    public static func load(_ paths: [String], program: Program, options: Options) -> [CaseFile] {
        let loader = CaseLoader(program: program, today: options.today, redact: options.redact)
        var stream = CaseStream(paths: paths)
        return stream.all().compactMap { loader.load($0, asOfOverride: options.asOf).0 }
    }

    /// Loads, decides and explains every case under `paths` on `workers` threads, handing each
    /// result to `consume` in corpus order as it is ready: memory holds a few batches, never
    /// the corpus.
    public static func stream(
        _ paths: [String], program: Program, options: Options, workers: Int = 1,
        progress: ((Int, Double) -> Void)? = nil, consume: (Result) -> Void
    ) {
        var stream = CaseStream(paths: paths)
        var reported = 0
        func readErrors() {
            while reported < stream.diagnostics.count {
                let d = stream.diagnostics[reported]
                consume(Result(path: d.location.file, report: nil, diagnostics: [d]))
                reported += 1
            }
        }
        readErrors()
        let explainer = Explainer(view: options.view, redact: options.redact)
        // Every case id seen, for the duplicate-id warning: the only memory that grows with the
        // corpus, so each id keeps only where it was (a file's number and a line, 0 for a YAML
        // file), not a string of its place.
        var seen: [String: Int] = [:]
        var seenFiles: [String] = []
        func packedPlace(_ input: CaseInput) -> Int {
            if seenFiles.last != input.path { seenFiles.append(input.path) }
            let line: Int
            if case .yaml = input.format { line = 0 } else { line = input.line }
            return (seenFiles.count - 1) << 32 | line
        }
        func firstPlace(_ packed: Int) -> String {
            let path = seenFiles[packed >> 32], line = packed & 0xFFFF_FFFF
            return line == 0 ? path : "\(path):\(line)"
        }
        // A CSV header's problem comes back with every row under it: say it once (per file,
        // so the set holds one header's problems, not the corpus's).
        var said = Set<Diagnostic>()
        var saidFile = ""
        // At most a hundred diagnostics per file, then a count. The count of a file is added to
        // its last result, which is held until the next one shows the file has ended.
        var cap = DiagnosticStreamCap()
        var held: Result?
        var done = 0
        // A redacted report names each case by its place in the output, so names are given
        // here, where results come in corpus order.
        var pseudonyms = Pseudonyms()
        let selected = program.programs.indices.filter { options.programs?.contains(program.programs[$0].id) ?? true }
        // A worker hands back the case's id, not the case: the case is freed on the thread that
        // built it (freeing it on the consuming thread made the two contend for the allocator).
        OrderedPipeline<[CaseInput], [(CaseInput, String?, CaseReport?, BulkCase?, [Diagnostic])]>().run(
            workers: workers, inFlight: workers * 4,
            makeState: { (CaseLoader(program: program, today: options.today, redact: options.redact), Evaluator(program: program)) },
            work: { state, batch in
                batch.map { input in
                    let (file, diagnostics) = state.0.load(input, asOfOverride: options.asOf)
                    guard let f = file else { return (input, nil, nil, nil, diagnostics) }
                    let date = f.decisionDate(override: options.asOf, today: options.today)
                    if options.bulk {
                        return (input, f.id, nil, BulkCase.decide(f, programs: selected, decisionDate: date, redact: options.redact, with: &state.1), diagnostics)
                    }
                    return (input, f.id, explainer.report(f, program: program, decisionDate: date, programs: options.programs, with: &state.1), nil, diagnostics)
                }
            },
            produce: {
                let batch = stream.next(maxCount: 64)
                return batch.isEmpty ? nil : batch
            },
            consume: { batch in
                readErrors()
                for (input, caseId, report, bulk, loaded) in batch {
                    var diagnostics = loaded
                    let place: String
                    if case .yaml = input.format { place = input.path } else { place = "\(input.path):\(input.line)" }
                    if case .csvRow(let header) = input.format {
                        if saidFile != input.path {
                            said = []
                            saidFile = input.path
                        }
                        diagnostics.removeAll { $0.location.line == header.line && !said.insert($0).inserted }
                    }
                    if let caseId, let first = seen[caseId] {
                        diagnostics.append(Diagnostic(.caseInvalidId, CaseMessages.duplicateCaseId(options.redact ? Redaction.withheld : caseId, first: firstPlace(first)), at: SourceLocation(file: input.path, line: input.line, column: 1), severity: .warning))
                    }
                    if let caseId { seen[caseId] = packedPlace(input) }
                    let name = options.redact && (report != nil || bulk != nil) ? pseudonyms.next() : ""
                    let shown = options.redact ? report.map { $0.pseudonymized(as: name) } : report
                    let shownBulk = options.redact ? bulk.map { $0.pseudonymized(as: name) } : bulk
                    let endOfPrevious = cap.begin(input.path)
                    if var previous = held {
                        previous.diagnostics += endOfPrevious
                        consume(previous)
                    }
                    held = Result(path: input.path, report: shown, bulk: shownBulk, diagnostics: cap.pass(diagnostics), place: place)
                }
                done += batch.count
                progress?(done, stream.totalBytes > 0 ? Double(stream.bytesRead) / Double(stream.totalBytes) : 1)
            })
        if var last = held {
            last.diagnostics += cap.finish()
            consume(last)
        }
        readErrors()
    }
}
