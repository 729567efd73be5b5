import Foundation

/// Runs work on batches across threads while one thread reads and one consumes, in the order
/// the batches were read. At most `inFlight` batches exist at once, so memory stays flat
/// however long the input is.
final class OrderedPipeline<Input: Sendable, Output: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var queue: [(Int, Input)] = []
    private var results: [Int: Output] = [:]
    private var finished = false

    /// `produce` and `consume` run on the calling thread; `work` on `workers` threads, each
    /// with its own state made by `makeState` on that thread (or, when there is only one
    /// batch, on the calling thread).
    func run<State>(
        workers: Int, inFlight: Int,
        makeState: @escaping @Sendable () -> State,
        work: @escaping @Sendable (inout State, Input) -> Output,
        produce: () -> Input?,
        consume: (Output) -> Void
    ) {
        // One batch and no more (a single case file, say) is worked on this thread: starting
        // threads and handing the batch over would cost more than the work (and, on a busy
        // machine, a wait for each thread to be scheduled).
        guard let first = produce() else { return }
        guard let second = produce() else {
            var state = makeState()
            consume(work(&state, first))
            return
        }
        var threads: [Thread] = []
        let done = DispatchGroup()
        for _ in 0..<max(1, workers) {
            done.enter()
            let thread = Thread { [self] in
                var state = makeState()
                while let (sequence, input) = take() {
                    let output = work(&state, input)
                    condition.lock()
                    results[sequence] = output
                    condition.broadcast()
                    condition.unlock()
                }
                done.leave()
            }
            thread.stackSize = 8 << 20
            threads.append(thread)
            thread.start()
        }
        var produced = 0
        var consumed = 0
        func drain(waitingFor limit: Int) {
            condition.lock()
            while produced - consumed > limit {
                if let output = results.removeValue(forKey: consumed) {
                    condition.unlock()
                    consume(output)
                    consumed += 1
                    condition.lock()
                } else {
                    condition.wait()
                }
            }
            condition.unlock()
        }
        var pending = [first, second]
        func next() -> Input? { pending.isEmpty ? produce() : pending.removeFirst() }
        while let input = next() {
            drain(waitingFor: max(1, inFlight) - 1)
            condition.lock()
            queue.append((produced, input))
            produced += 1
            condition.broadcast()
            condition.unlock()
        }
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
        drain(waitingFor: 0)
        done.wait()
    }

    private func take() -> (Int, Input)? {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty && !finished { condition.wait() }
        return queue.isEmpty ? nil : queue.removeFirst()
    }
}
