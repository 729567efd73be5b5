import Foundation

/// `tvpa bench`: how fast the engine is, measured the same way every time — a generated
/// corpus, several runs, medians, one core.
public struct Benchmark {
    public struct Report: Sendable {
        public var cases: Int
        public var programEvaluations: Int
        public var runs: Int
        public var compileMilliseconds: Double
        public var casesPerSecondPlain: Double
        public var evaluationsPerSecondPlain: Double
        public var casesPerSecondExplained: Double
        public var evaluationsPerSecondExplained: Double
        public var peakMemoryMiB: Double
        public var evaluationsPerSecondTraced: Double
        public var evaluationsPerSecondDecisionView: Double

        public var text: String {
            func f(_ x: Double) -> String { String(format: "%.0f", x) }
            return """
            corpus: \(cases) generated cases, \(programEvaluations) program evaluations per pass; median of \(runs) runs, one core
            compile the rule set:                \(String(format: "%.2f", compileMilliseconds)) ms
            without explanations:                \(f(casesPerSecondPlain)) cases/s, \(f(evaluationsPerSecondPlain)) program evaluations/s
            with the trace (every node, no short-circuit): \(f(evaluationsPerSecondTraced)) program evaluations/s
            with explanation trees, decision view: \(f(evaluationsPerSecondDecisionView)) program evaluations/s
            with explanation trees, full view:   \(f(casesPerSecondExplained)) cases/s, \(f(evaluationsPerSecondExplained)) program evaluations/s
            peak memory (resident):              \(String(format: "%.1f", peakMemoryMiB)) MiB
            """
        }
    }

    public static func run(source: RuleSource, cases count: Int, seed: UInt64, runs: Int) -> Report? {
        var compileTimes: [Double] = []
        var program: Program?
        for _ in 0..<max(runs, 5) {
            let start = DispatchTime.now().uptimeNanoseconds
            let compiled = RuleCompiler.compile(source).0
            compileTimes.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            program = compiled?.program
        }
        guard let program else { return nil }
        var generator = CaseGenerator(program: program, seed: seed)
        let loader = CaseLoader(program: program)
        let files: [CaseFile] = (0..<count).compactMap { i in
            loader.load(SourceText(path: "generated", text: generator.next(index: i).render())).0
        }
        let principalPrograms = program.programs.indices.filter { program.programs[$0].subject == .principal }
        let memberPrograms = program.programs.indices.filter { program.programs[$0].subject == .familyMember }
        let evaluations = files.reduce(0) { $0 + principalPrograms.count + $1.members.count * memberPrograms.count }

        var sink = 0
        func evaluateAll(tracing: Bool) -> [Double] {
            var evaluator = Evaluator(program: program, tracing: tracing)
            var times: [Double] = []
            for _ in 0..<runs {
                let start = DispatchTime.now().uptimeNanoseconds
                for file in files {
                    let date = file.decisionDate(override: nil, today: CivilDate.today())
                    evaluator.begin(values: file.values, records: file.records, decisionDate: date)
                    for p in principalPrograms { sink &+= evaluator.decide(p).outcome.hashValue }
                    for member in file.members {
                        evaluator.select(memberValues: member.values)
                        for p in memberPrograms { sink &+= evaluator.decide(p).outcome.hashValue }
                    }
                }
                times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            }
            return times
        }
        func explainAll(_ view: ExplainView) -> [Double] {
            let explainer = Explainer(view: view)
            let traced = Evaluator(program: program, tracing: true)
            var times: [Double] = []
            for _ in 0..<runs {
                let start = DispatchTime.now().uptimeNanoseconds
                for file in files {
                    let date = file.decisionDate(override: nil, today: CivilDate.today())
                    sink &+= explainer.report(file, program: program, decisionDate: date, evaluator: traced).decisions.count
                }
                times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            }
            return times
        }
        let plain = evaluateAll(tracing: false)
        let traced = evaluateAll(tracing: true)
        let decisionView = explainAll(.decision)
        let explained = explainAll(.full)
        if sink == 42 { print("") }  // keeps the optimiser from dropping the work
        let tracedSeconds = median(traced), decisionSeconds = median(decisionView)
        let plainSeconds = median(plain), explainedSeconds = median(explained)
        return Report(
            cases: files.count, programEvaluations: evaluations, runs: runs, compileMilliseconds: median(compileTimes),
            casesPerSecondPlain: Double(files.count) / plainSeconds, evaluationsPerSecondPlain: Double(evaluations) / plainSeconds,
            casesPerSecondExplained: Double(files.count) / explainedSeconds, evaluationsPerSecondExplained: Double(evaluations) / explainedSeconds,
            peakMemoryMiB: peakResidentMiB(),
            evaluationsPerSecondTraced: Double(evaluations) / tracedSeconds, evaluationsPerSecondDecisionView: Double(evaluations) / decisionSeconds)
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
