import Foundation

/// `tvpa bench`: how fast the engine is, measured the same way every time — a generated
/// corpus, several runs, medians, one core.
public struct Benchmark {
    public struct Report: Sendable {
        public var cases: Int
        public var programEvaluations: Int
        public var runs: Int
        public var compileMilliseconds: Double
        /// Reading the shipped rules' compiled image (nil for other rules, or with no current image).
        public var imageMilliseconds: Double?
        /// Median seconds for one pass over the corpus, by how much is explained.
        public var plainSeconds: Double
        public var tracedSeconds: Double
        public var decisionViewSeconds: Double
        public var fullViewSeconds: Double
        /// Median seconds to load the corpus as JSON Lines (`CaseLoader.load(_: CaseInput)`), and
        /// the same lines through the YAML reader alone, as they were read before the fast path.
        public var jsonLinesLoadSeconds: Double
        /// The same lines through the strict JSON reader: `SourceNode`s, then the case builder
        /// every format shares.
        public var strictJSONLoadSeconds: Double
        public var yamlLoadSeconds: Double
        public var peakMemoryMiB: Double

        public func evaluationsPerSecond(_ seconds: Double) -> Double { Double(programEvaluations) / seconds }
        public func casesPerSecond(_ seconds: Double) -> Double { Double(cases) / seconds }

        public var text: String {
            func rate(_ seconds: Double) -> String {
                String(format: "%.0f cases/s, %.0f program evaluations/s", casesPerSecond(seconds), evaluationsPerSecond(seconds))
            }
            func load(_ seconds: Double) -> String {
                String(format: "%.0f cases/s, %.1f µs a case", casesPerSecond(seconds), seconds / Double(max(cases, 1)) * 1e6)
            }
            return """
            corpus: \(cases) generated cases, \(programEvaluations) program evaluations per pass; median of \(runs) runs, one core
            compile the rule set:                  \(String(format: "%.2f", compileMilliseconds)) ms
            \(imageMilliseconds.map { String(format: "read the compiled image instead:       %.2f ms\n", $0) } ?? "")\
            without explanations:                  \(rate(plainSeconds))
            with the trace (every node evaluated): \(rate(tracedSeconds))
            explanation trees, decision view:      \(rate(decisionViewSeconds))
            explanation trees, full view:          \(rate(fullViewSeconds))
            loading JSON Lines:                    \(load(jsonLinesLoadSeconds))
            the same through the strict JSON path: \(load(strictJSONLoadSeconds))
            loading the same through YAML:         \(load(yamlLoadSeconds))
            peak memory (resident):                \(String(format: "%.1f", peakMemoryMiB)) MiB
            """
        }
    }

    public static func run(source: RuleSource, cases count: Int, seed: UInt64, runs: Int) -> Report? {
        // Each compiled program is kept until the next is timed, so freeing it is not counted.
        var compiled: CompiledRules?
        let compileMilliseconds = median((0..<max(runs, 5)).map { _ in
            var result: CompiledRules?
            let seconds = timed { result = RuleCompiler.compileFromYAML(source).0 }
            compiled = result
            return seconds * 1000
        })
        guard let program = compiled?.program else { return nil }
        // What a start of the shipped rules costs instead: reading their compiled image.
        let imageMilliseconds: Double? = source == .embedded && ShippedProgram.image != nil
            ? median((0..<max(runs, 5)).map { _ in timed { _ = ShippedProgram.load() } * 1000 }) : nil
        var generator = CaseGenerator(program: program, seed: seed)
        let loader = CaseLoader(program: program)
        let lines = (0..<count).map { i in generator.next(index: i).render() }
        let inputs = lines.enumerated().map { CaseInput(path: "generated.jsonl", line: $0.offset + 1, text: $0.element, format: .jsonLine) }
        let files: [CaseFile] = lines.compactMap { loader.load(SourceText(path: "generated", text: $0)).0 }
        let programs = Array(program.programs.indices)
        let principalCount = programs.filter { program.programs[$0].subject == .principal }.count
        let evaluations = files.reduce(0) { $0 + principalCount + $1.members.count * (programs.count - principalCount) }
        let today = CivilDate.today()
        var sink = 0

        func evaluateAll(tracing: Bool) -> Double {
            var evaluator = Evaluator(program: program)
            return median((0..<runs).map { _ in
                timed {
                    for file in files {
                        let date = file.decisionDate(override: nil, today: today)
                        if tracing {
                            Evaluator.trace(programs, for: file, decisionDate: date, with: &evaluator) { trace in sink &+= trace.decision.outcome.hashValue }
                        } else {
                            Evaluator.decide(programs, for: file, decisionDate: date, with: &evaluator) { _, raw, _ in sink &+= raw.outcome.hashValue }
                        }
                    }
                }
            })
        }
        func explainAll(_ view: ExplainView) -> Double {
            let explainer = Explainer(view: view)
            var traced = Evaluator(program: program)
            return median((0..<runs).map { _ in
                timed {
                    for file in files {
                        sink &+= explainer.report(file, program: program, decisionDate: file.decisionDate(override: nil, today: today), with: &traced).decisions.count
                    }
                }
            })
        }
        func loadAll(_ load: (CaseInput) -> CaseFile?) -> Double {
            median((0..<runs).map { _ in
                timed {
                    for input in inputs { sink &+= load(input)?.values.count ?? 0 }
                }
            })
        }
        let report = Report(
            cases: files.count, programEvaluations: evaluations, runs: runs, compileMilliseconds: compileMilliseconds, imageMilliseconds: imageMilliseconds,
            plainSeconds: evaluateAll(tracing: false), tracedSeconds: evaluateAll(tracing: true),
            decisionViewSeconds: explainAll(.decision), fullViewSeconds: explainAll(.full),
            jsonLinesLoadSeconds: loadAll { loader.load($0).0 }, strictJSONLoadSeconds: loadAll { loader.loadStrictJSONLine($0).0 }, yamlLoadSeconds: loadAll { loader.load($0.sourceText).0 },
            peakMemoryMiB: peakResidentMiB())
        if sink == 42 { print("") }  // keeps the optimiser from dropping the work
        return report
    }

    /// Seconds the work takes, by the monotonic clock.
    static func timed(_ work: () -> Void) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        work()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    static func median(_ xs: [Double]) -> Double {
        let s = xs.sorted()
        return s.isEmpty ? 0 : (s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2)
    }

    /// VmHWM from /proc/self/status (Linux); 0 where it is not available.
    static func peakResidentMiB() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kb = Double(line.split(separator: " ").dropFirst().first ?? "")
        else { return 0 }
        return kb / 1024
    }
}
