import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How long choosing the next question takes after an answer: the case rebuilt from the draft,
/// read back through the loader, every program in scope decided and the questions ranked.
/// A measurement for `tvpa interview --bench-runs N` (a release build), not a timed test.
public enum InterviewBenchmark {
    public struct Result: Sendable {
        public var runs: Int
        public var medianMilliseconds: Double
        public var minMilliseconds: Double
        public var maxMilliseconds: Double
        public var members: Int
        /// The thread's CPU time, the steadier figure on a shared machine.
        public var cpuMedianMilliseconds: Double
        public var cpuMinMilliseconds: Double

        public var text: String {
            String(format: "next question after an answer: median %.3f ms wall (min %.3f, max %.3f), %.3f ms CPU (min %.3f), over %d runs; %d family member%@",
                   medianMilliseconds, minMilliseconds, maxMilliseconds, cpuMedianMilliseconds, cpuMinMilliseconds, runs, members, members == 1 ? "" : "s")
        }
    }

    /// Each run answers the current question "don't know" on a copy of the interview (the
    /// whole path of an answer: write, load, decide, rank) and times it.
    public static func run(_ interview: Interview, runs: Int) -> Result {
        var times: [Double] = [], cpu: [Double] = []
        func threadCPU() -> Double {
            var t = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
            return Double(t.tv_sec) * 1e3 + Double(t.tv_nsec) / 1e6
        }
        for _ in 0..<max(1, runs) {
            var copy = interview
            let start = DispatchTime.now().uptimeNanoseconds, startCPU = threadCPU()
            copy.dontKnow()
            cpu.append(threadCPU() - startCPU)
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        times.sort()
        cpu.sort()
        return Result(
            runs: times.count, medianMilliseconds: times[times.count / 2], minMilliseconds: times.first!, maxMilliseconds: times.last!,
            members: interview.draft.members.count, cpuMedianMilliseconds: cpu[cpu.count / 2], cpuMinMilliseconds: cpu.first!)
    }
}
