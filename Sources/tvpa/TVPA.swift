import ArgumentParser
import TVPARules

@main
struct TVPA: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tvpa",
        abstract: CLIMessages.TVPA.abstract,
        subcommands: [Check.self, InterviewCommand.self, Test.self, Diff.self, Lint.self, Facts.self, Dump.self, Generate.self, Bench.self]
    )

    @Flag(help: CLIMessages.TVPA.version)
    var version = false

    func run() throws {
        guard version else { throw CleanExit.helpRequest(self) }
        Output.print("tvpa \(ToolVersion.number)\nrules: \(RuleSource.embedded.name), \(RuleCompiler.digest(.embedded))")
    }

    /// As the library's `main`, but a usage error exits 2 (semantics.md), not 64; an unknown
    /// command gets a "did you mean"; and a usage error found while a command runs shows that
    /// command's usage, as one found while parsing does.
    static func main() {
        Delivery.prepare()
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let first = arguments.first, !first.hasPrefix("-") {
            let names = configuration.subcommands.map { $0._commandName } + ["help"]
            if !names.contains(first) {
                Output.error(CLIMessages.unknownCommand(first, closest: Suggest.closest(to: first, in: names)) + usage(for: nil))
                Delivery.finish(2)
            }
        }
        var command: ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            if exitCode(for: error) == .validationFailure {
                Output.error(fullMessage(for: error))
                Delivery.finish(2)
            }
            exit(withError: error)
        }
        do {
            try command.run()
        } catch let failure as OutputFailure {
            Output.error(CLIMessages.outputFailed(failure.description))
            Delivery.finish(failure.code)
        } catch {
            if exitCode(for: error) == .validationFailure {
                Output.error(CLIMessages.invalidArguments(message(for: error)) + usage(for: type(of: command)))
                Delivery.finish(2)
            }
            // One of our own exit codes (1, 65, 70): a report not delivered takes precedence.
            if let code = error as? ExitCode, code != .success { Delivery.finish(code.rawValue) }
            exit(withError: error)
        }
        Delivery.finish(0)
    }

    /// A command's usage line and where to read more, as ArgumentParser prints them.
    static func usage(for command: ParsableCommand.Type?) -> String {
        guard let command, command != TVPA.self else { return "Usage: tvpa <subcommand>\n  See 'tvpa --help' for more information." }
        return "Usage: \(usageString(for: command))\n  See 'tvpa \(command._commandName) --help' for more information."
    }
}

/// Options every command that reads rules shares.
struct RulesOptions: ParsableArguments {
    @Option(name: .long, help: CLIMessages.Rules.rules)
    var rules: String?

    @Option(name: .long, help: CLIMessages.Rules.proposal)
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

/// A decision date given as an option (`--as-of`, `--vs-as-of`): on the calendar, and not
/// before the earliest date a case holds, as a file's `as_of:` (`ValueLimits`).
func decisionDate(_ text: String, option: String) throws -> Int {
    guard let day = CivilDate.parse(text) else { throw ValidationError("\(option) must be a date YYYY-MM-DD, not '\(text)'") }
    guard day >= ValueLimits.earliestCaseDate else {
        throw ValidationError("\(option) \(text) is before \(CivilDate.format(ValueLimits.earliestCaseDate)), the earliest decision date")
    }
    return day
}

/// Exit codes as semantics.md sets them.
enum Exit {
    static let expectationsFailed = ExitCode(1)
    static let invalidInput = ExitCode(65)
}
