import ArgumentParser
import TVPARules

@main
struct TVPA: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tvpa",
        abstract: "Decision support for U.S. anti-trafficking protections (not legal advice).",
        subcommands: [Check.self, Test.self, Diff.self, Lint.self, Facts.self, Dump.self, Generate.self, Bench.self]
    )

    /// As the library's `main`, but a usage error exits 2 (semantics.md), not 64.
    static func main() {
        Delivery.prepare()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let failure as OutputFailure {
            Output.error("tvpa: \(failure.description)")
            Delivery.finish(failure.code)
        } catch {
            if exitCode(for: error) == .validationFailure {
                Output.error(fullMessage(for: error))
                Delivery.finish(2)
            }
            // One of our own exit codes (1, 65, 70): a report not delivered takes precedence.
            if let code = error as? ExitCode, code != .success { Delivery.finish(code.rawValue) }
            exit(withError: error)
        }
        Delivery.finish(0)
    }
}

/// Options every command that reads rules shares.
struct RulesOptions: ParsableArguments {
    @Option(name: .long, help: "A rules folder to use instead of the rules built into tvpa.")
    var rules: String?

    @Option(name: .long, help: "A proposal (a file like Rules/proposals/benefits-first.yaml) to apply to the rules.")
    var proposal: String?

    var source: RuleSource { rules.map { .directory($0) } ?? .embedded }

    /// The proposal's text, or exit 65 when it cannot be read.
    func proposalText() throws -> SourceText? {
        guard let proposal else { return nil }
        let (texts, diagnostics) = SourceReader.readFile(proposal)
        guard let text = texts.first else {
            Output.error(DiagnosticRenderer.render(diagnostics))
            throw ExitCode(65)
        }
        return text
    }

    /// The compiled program, or the diagnostics on standard error and exit 65.
    func compile(applyingProposal: Bool = true) throws -> Program {
        let (compiled, diagnostics) = RuleCompiler.compile(source, proposal: applyingProposal ? try proposalText() : nil)
        guard let compiled else {
            Output.error(DiagnosticRenderer.render(diagnostics))
            throw ExitCode(65)
        }
        return compiled.program
    }
}

/// Exit codes as semantics.md sets them.
enum Exit {
    static let expectationsFailed = ExitCode(1)
    static let invalidInput = ExitCode(65)
}
