import ArgumentParser
import Foundation
import TVPARules

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate", abstract: CLIMessages.Generate.abstract)

    @Option(help: CLIMessages.Generate.count)
    var count: Int = 100

    @Option(help: CLIMessages.Generate.seed)
    var seed: UInt64 = 1

    @Option(help: CLIMessages.Generate.output)
    var output: String?

    @OptionGroup var rules: RulesOptions

    func run() throws {
        guard count >= 0 else { throw ValidationError("--count must be zero or more") }
        let program = try rules.compile()
        if let output, !output.hasSuffix(".csv"), !output.hasSuffix(".jsonl") {
            // A folder of YAML files, all or nothing.
            var generator = CaseGenerator(program: program, seed: seed)
            let folder = try FolderDestination(path: output)
            for i in 0..<count { try folder.write("gen-\(seed)-\(i).yaml", generator.next(index: i).yaml()) }
            try folder.finish()
            return
        }
        // One file (or standard output), streamed, moved into place when complete.
        let destination = try Destination(path: output)
        if let output, output.hasSuffix(".csv") {
            var generator = CaseGenerator(program: program, seed: seed, shape: .flat)
            let writer = CSVWriter(program: program)
            destination.write(writer.header)
            for i in 0..<count { destination.write(writer.row(generator.next(index: i))) }
        } else {
            var generator = CaseGenerator(program: program, seed: seed)
            for i in 0..<count { destination.write(generator.next(index: i).render() + "\n") }
        }
        try destination.finish()
    }
}

struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: CLIMessages.Bench.abstract)

    @Option(help: CLIMessages.Bench.cases)
    var cases: Int = 2000

    @Option(help: CLIMessages.Bench.runs)
    var runs: Int = 5

    @Option(help: CLIMessages.Bench.seed)
    var seed: UInt64 = 1

    @OptionGroup var rules: RulesOptions

    func run() throws {
        _ = try rules.compile()
        guard let report = Benchmark.run(source: rules.source, cases: cases, seed: seed, runs: max(1, runs)) else { throw Exit.invalidInput }
        #if DEBUG
        Output.error(CLIMessages.debugBuild)
        #endif
        Output.print(report.text)
    }
}
