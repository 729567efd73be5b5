import ArgumentParser
import TVPARules

struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint", abstract: CLIMessages.Lint.abstract)

    @Argument(help: CLIMessages.Lint.rulesDirectory)
    var rulesDirectory: String?

    @Option(name: .customLong("proposal"), parsing: .upToNextOption, help: CLIMessages.Lint.proposals)
    var proposals: [String] = []

    func run() throws {
        let source: RuleSource = rulesDirectory.map { .directory($0) } ?? .embedded
        var failed = !lint(source, proposal: nil)
        for path in proposals {
            let (texts, diagnostics) = SourceReader.readFile(path)
            Output.error(DiagnosticRenderer.render(diagnostics))
            guard let text = texts.first else {
                failed = true
                continue
            }
            if !lint(source, proposal: text) { failed = true }
        }
        if failed { throw Exit.invalidInput }
    }

    /// Prints the diagnostics and a summary line; false when the rules do not compile.
    func lint(_ source: RuleSource, proposal: SourceText?) -> Bool {
        let clock = ContinuousClock()
        var result: (CompiledRules?, [Diagnostic]) = (nil, [])
        let elapsed = clock.measure { result = RuleCompiler.compileFromYAML(source, proposal: proposal) }
        let (compiled, diagnostics) = result
        Output.error(DiagnosticRenderer.render(diagnostics))
        guard let compiled else { return false }
        let p = compiled.program
        Output.print("\(p.sourceName): \(p.legend.facts.count) facts, \(p.legend.rules.count) rules, \(p.programs.count) programs, \(p.legend.parameters.count) parameters; \(diagnostics.count) warning\(diagnostics.count == 1 ? "" : "s"); compiled in \(elapsed.formatted(.units(allowed: [.milliseconds], fractionalPart: .show(length: 1))))")
        return true
    }
}
