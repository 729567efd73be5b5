import Foundation

/// The front half of the compiler as one call: read → parse → check → compile, stopping
/// between stages when a stage has errors, so users never see a cascade.
public struct CompiledRules: Sendable {
    public var program: Program
    /// Warnings (errors stop the pipeline).
    public var warnings: [Diagnostic]
}

public enum RuleCompiler {
    /// The syntax trees of a rule set, with parse diagnostics.
    public static func parse(_ source: RuleSource) -> (files: [SyntaxFile], sources: [SourceText], diagnostics: [Diagnostic]) {
        let (sources, readDiagnostics) = SourceReader.read(source)
        var files: [SyntaxFile] = []
        var diagnostics = readDiagnostics
        for text in sources {
            let (file, d) = RuleFileParser.parse(text)
            files.append(file)
            diagnostics += d
        }
        return (files, sources, diagnostics)
    }

    /// Parse and check; the checked rule set is nil when there are errors. With a proposal, the
    /// proposal is applied to the parsed rules first and checked with them.
    public static func check(_ source: RuleSource, extraFiles: [SourceText] = [], proposal: SourceText? = nil) -> (CheckedRuleSet?, [Diagnostic]) {
        check(parsed: parse(source), name: source.name, extraFiles: extraFiles, proposal: proposal)
    }

    /// `check` over rules already parsed (`parse`), so one parse serves several proposals.
    static func check(parsed: (files: [SyntaxFile], sources: [SourceText], diagnostics: [Diagnostic]), name: String, extraFiles: [SourceText] = [], proposal: SourceText? = nil) -> (CheckedRuleSet?, [Diagnostic]) {
        var (files, sources, diagnostics) = parsed
        for text in extraFiles {
            let (file, d) = RuleFileParser.parse(text)
            files.append(file)
            sources.append(text)
            diagnostics += d
        }
        if diagnostics.hasErrors { return (nil, diagnostics.sortedForDisplay()) }
        if sources.isEmpty {
            return (nil, [Diagnostic(.readUnreadable, ReadMessages.noRuleFiles, at: SourceLocation(file: name, line: 1, column: 1))])
        }
        if let proposal {
            let (syntax, parseDiagnostics) = ProposalParser.parse(proposal)
            diagnostics += parseDiagnostics
            guard let syntax else { return (nil, diagnostics.sortedForDisplay()) }
            let (overlaid, overlayDiagnostics, changedRules) = ProposalOverlay.apply(syntax, to: files)
            diagnostics += overlayDiagnostics
            if diagnostics.hasErrors { return (nil, diagnostics.sortedForDisplay()) }
            // The digest names the proposal by its file name, wherever it was read from.
            var named = proposal
            named.relativePath = "proposals/" + (proposal.path.split(separator: "/").last.map(String.init) ?? proposal.path)
            sources.append(named)
            let (checked, checkDiagnostics) = Checker.check(overlaid, sources: sources, changedRules: changedRules)
            return (checked, (diagnostics + checkDiagnostics).sortedForDisplay())
        }
        let (checked, checkDiagnostics) = Checker.check(files, sources: sources)
        return (checked, (diagnostics + checkDiagnostics).sortedForDisplay())
    }

    /// The digest a program compiled from these rules carries (`sha256:` of the rule files),
    /// without compiling them.
    public static func digest(_ source: RuleSource) -> String {
        SHA256.digest(of: SourceReader.read(source).0)
    }

    /// The whole front half: a program ready to evaluate, or every diagnostic.
    /// The shipped rules without a proposal come from their embedded image when it was made
    /// from the embedded rule files (`ShippedProgram`); everything else is compiled from YAML.
    public static func compile(_ source: RuleSource, proposal: SourceText? = nil) -> (CompiledRules?, [Diagnostic]) {
        if source == .embedded, proposal == nil, let program = ShippedProgram.image {
            return (CompiledRules(program: program, warnings: []), [])
        }
        return compileFromYAML(source, proposal: proposal)
    }

    /// Always read → parse → check → compile, never the image (what the image is made from).
    public static func compileFromYAML(_ source: RuleSource, proposal: SourceText? = nil) -> (CompiledRules?, [Diagnostic]) {
        compile(parsed: parse(source), name: source.name, proposal: proposal)
    }

    /// `compile` over rules already parsed (`parse`).
    static func compile(parsed: (files: [SyntaxFile], sources: [SourceText], diagnostics: [Diagnostic]), name: String, proposal: SourceText? = nil) -> (CompiledRules?, [Diagnostic]) {
        let (checked, diagnostics) = check(parsed: parsed, name: name, proposal: proposal)
        guard let checked else { return (nil, diagnostics) }
        let program = Compiler.compile(checked, sourceName: proposal.map { "\(name) + proposal \($0.path)" } ?? name)
        return (CompiledRules(program: program, warnings: diagnostics), diagnostics)
    }
}

/// The shipped rules compiled ahead of time (`Sources/TVPARules/Embedded/rules.image`, made by
/// `scripts/compile-rules`), so a start costs a read of the image rather than a compile of the
/// YAML. Used only when the image is whole and was made from exactly the rule files embedded in
/// this binary, and when those compile with no warning (the image records none); otherwise nil,
/// and the rules are compiled from YAML as before — slower, never different.
public enum ShippedProgram {
    public static let image: Program? = load()

    /// Decodes the embedded image (every call; `image` keeps the first).
    public static func load() -> Program? {
        guard let text = embeddedProgramImage, let data = Data(base64Encoded: text) else { return nil }
        return program(fromImage: [UInt8](data), rulesHash: embeddedRulesHash)
    }

    /// The program in `image` if the image is whole and was made from the rule files whose
    /// hash is given (`embeddedRulesHash`, computed when they were embedded).
    static func program(fromImage image: [UInt8], rulesHash: UInt64) -> Program? {
        guard let (program, hash) = ProgramImage.decode(image), hash == rulesHash else { return nil }
        return program
    }

    /// Whether the binary carries an image at all (a stale one is then `image == nil`).
    public static var isEmbedded: Bool { embeddedProgramImage != nil }

    /// The image of the shipped rules compiled from their YAML now, or the diagnostics.
    public static func makeImage() -> ([UInt8]?, [Diagnostic]) {
        let (compiled, diagnostics) = RuleCompiler.compileFromYAML(.embedded)
        guard let compiled, compiled.warnings.isEmpty else { return (nil, diagnostics) }
        return (ProgramImage.encode(compiled.program, rulesHash: ProgramImage.rulesHash(embeddedRuleFiles)), diagnostics)
    }
}
