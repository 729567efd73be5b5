import Foundation

/// Where a diff's findings go as they are found: reports stream, so a corpus of any size
/// needs memory for one batch, not for the corpus.
public protocol DiffSink {
    mutating func begin(_ header: DiffHeader)
    mutating func changed(_ change: ChangedCase)
    mutating func end(_ summary: DiffSummary)
}

public enum DiffRun {
    public struct Options: Sendable {
        public var workers: Int
        public var batchSize: Int
        /// Name each changed case by a pseudonym and withhold its path (`--redact`); case
        /// diagnostics quote no value.
        public var redact: Bool
        public init(workers: Int = ProcessInfo.processInfo.activeProcessorCount, batchSize: Int = 256, redact: Bool = false) {
            self.workers = workers
            self.batchSize = batchSize
            self.redact = redact
        }
    }

    private struct BatchResult: Sendable {
        var summary: DiffSummary
        var changes: [ChangedCase]
        /// Each input's diagnostics, with its file.
        var diagnostics: [(file: String, [Diagnostic])]
    }

    /// Compares every case under `paths` on both sides of the plan, in corpus order, on every
    /// core. `diagnostics` receives the problems of inputs that could not be evaluated;
    /// `progress` the cases done and the fraction of the corpus read.
    @discardableResult
    public static func run(
        _ plan: DiffPlan, paths: [String], options: Options = Options(), into sink: inout some DiffSink,
        diagnostics report: ([Diagnostic]) -> Void, progress: ((Int, Double) -> Void)? = nil
    ) -> DiffSummary {
        var stream = CaseStream(paths: paths)
        report(stream.diagnostics)
        var reported = stream.diagnostics.count
        var summary = plan.emptySummary()
        var header = plan.header
        header.redacted = options.redact
        sink.begin(header)
        var pseudonyms = Pseudonyms()
        // At most a hundred diagnostics per file (of a JSON Lines or CSV file, over its lines or
        // rows), then a count.
        var cap = DiagnosticStreamCap()
        let pipeline = OrderedPipeline<[CaseInput], BatchResult>()
        pipeline.run(
            workers: options.workers, inFlight: options.workers * 4,
            makeState: { CaseComparer(plan, redact: options.redact) },
            work: { comparer, batch in
                var result = BatchResult(summary: plan.emptySummary(), changes: [], diagnostics: [])
                for input in batch {
                    let (change, d) = comparer.compare(input, into: &result.summary)
                    if let change { result.changes.append(change) }
                    if !d.isEmpty { result.diagnostics.append((input.path, d)) }
                }
                return result
            },
            produce: {
                let batch = stream.next(maxCount: options.batchSize)
                if stream.diagnostics.count > reported {
                    report(Array(stream.diagnostics[reported...]))
                    reported = stream.diagnostics.count
                }
                return batch.isEmpty ? nil : batch
            },
            consume: { result in
                summary.add(result.summary)
                for (file, diagnostics) in result.diagnostics {
                    let shown = cap.begin(file) + cap.pass(diagnostics)
                    if !shown.isEmpty { report(shown) }
                }
                // Pseudonyms follow the order of the report, so they are given here, in corpus order.
                for change in result.changes { sink.changed(options.redact ? change.pseudonymized(as: pseudonyms.next()) : change) }
                progress?(summary.cases, stream.totalBytes > 0 ? Double(stream.bytesRead) / Double(stream.totalBytes) : 1)
            })
        let last = cap.finish()
        if !last.isEmpty { report(last) }
        sink.end(summary)
        return summary
    }
}
