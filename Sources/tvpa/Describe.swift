import Foundation
import ArgumentParser
import TVPARules

struct Dump: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dump",
        abstract: CLIMessages.Dump.abstract,
        discussion: CLIMessages.Dump.discussion)

    enum Stage: String, ExpressibleByArgument, CaseIterable { case syntax, checked, compiled, image }

    @Option(help: CLIMessages.Dump.stage)
    var stage: Stage = .compiled

    @OptionGroup var rules: RulesOptions

    func run() throws {
        switch stage {
        case .syntax:
            let (files, _, diagnostics) = RuleCompiler.parse(rules.source)
            Output.error(DiagnosticRenderer.render(diagnostics))
            for file in files { Output.print(TreeDump.render(file, label: "file")) }
            if diagnostics.hasErrors { throw Exit.invalidInput }
        case .checked:
            let (checked, diagnostics) = RuleCompiler.check(rules.source)
            Output.error(DiagnosticRenderer.render(diagnostics))
            guard let checked else { throw Exit.invalidInput }
            Output.print(TreeDump.render(CheckedView(checked), label: "rules"))
        case .compiled:
            Output.print(ProgramDump.render(try rules.compile()))
        case .image:
            guard rules.rules == nil, rules.proposal == nil else {
                throw ValidationError("--stage image is the image of the built-in rules; it takes no --rules or --proposal")
            }
            guard isatty(1) == 0 else { throw ValidationError("the image is binary: send it to a file (scripts/compile-rules does)") }
            let (bytes, diagnostics) = ShippedProgram.makeImage()
            Output.error(DiagnosticRenderer.render(diagnostics))
            guard let bytes else { throw Exit.invalidInput }
            FileHandle.standardOutput.write(Data(bytes))
        }
    }
}

struct Facts: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "facts", abstract: CLIMessages.Facts.abstract)

    @Flag(help: CLIMessages.Facts.jsonSchema)
    var jsonSchema = false

    @OptionGroup var rules: RulesOptions

    func run() throws {
        let legend = try rules.compile(applyingProposal: false).legend
        Output.print(jsonSchema ? Vocabulary.jsonSchema(legend).render(pretty: true) : Vocabulary.table(legend))
    }
}
