import Foundation
import Testing
@testable import TVPARules

/// Helpers shared by the library suites: inline rule sets written to a temporary folder,
/// inline case files loaded against them, and decisions looked up by program id.
enum Inline {
    /// A fresh temporary folder for one test.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tvpa-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Compiles a rule set given as YAML text, failing the test with every diagnostic when it
    /// does not compile.
    static func compile(_ yaml: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Program {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("rules.yaml")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        let (compiled, diagnostics) = RuleCompiler.compile(.directory(dir.path))
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "rule set does not compile:\n\(errors.map(\.description).joined(separator: "\n"))", sourceLocation: sourceLocation)
        return try #require(compiled, sourceLocation: sourceLocation).program
    }

    /// Loads a case file given as YAML text; nil (with the diagnostics) when it is invalid.
    static func load(_ yaml: String, program: Program, asOf: Int? = nil) -> (CaseFile?, [Diagnostic]) {
        CaseLoader(program: program, today: CivilDate.parse("2024-06-01")!).load(SourceText(path: "case.yaml", text: yaml), asOfOverride: asOf)
    }

    /// Loads a case (which must be valid) and decides every program for it.
    static func decide(_ yaml: String, program: Program, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> CaseReport {
        let (file, diagnostics) = load(yaml, program: program)
        #expect(!diagnostics.hasErrors, "case file is invalid:\n\(diagnostics.map(\.description).joined(separator: "\n"))", sourceLocation: sourceLocation)
        let valid = try #require(file, sourceLocation: sourceLocation)
        let date = valid.decisionDate(override: nil, today: CivilDate.parse("2024-06-01")!)
        return Explainer(view: .full).report(valid, program: program, decisionDate: date)
    }

    /// A case with the given facts (YAML lines under `facts:`) decided on `asOf`.
    static func decide(facts: [String: String], asOf: String = "2024-06-01", program: Program, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> CaseReport {
        var yaml = "id: inline\nas_of: \(asOf)\nfacts:\n"
        for (name, value) in facts.sorted(by: { $0.key < $1.key }) { yaml += "  \(name): \(value)\n" }
        if facts.isEmpty { yaml = "id: inline\nas_of: \(asOf)\n" }
        return try decide(yaml, program: program, sourceLocation: sourceLocation)
    }
}

extension CaseReport {
    /// The principal's decision for a program.
    func decision(_ program: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Decision {
        try #require(decisions.first { $0.program == program && $0.subject == "principal" }, "no decision for \(program)", sourceLocation: sourceLocation)
    }
}

extension Decision {
    var missingNames: [String] { missingFacts.map(\.name) }
}

/// Kleene's strong three-valued logic, written out as the spec's table: nil is unknown.
enum Kleene {
    static func and(_ a: Bool?, _ b: Bool?) -> Bool? {
        if a == false || b == false { return false }
        if a == nil || b == nil { return nil }
        return true
    }
    static func or(_ a: Bool?, _ b: Bool?) -> Bool? {
        if a == true || b == true { return true }
        if a == nil || b == nil { return nil }
        return false
    }
    static func not(_ a: Bool?) -> Bool? { a.map { !$0 } }

    static func outcome(_ value: Bool?) -> Outcome {
        switch value {
        case true?: return .eligible
        case false?: return .notEligible
        case nil: return .undetermined
        }
    }

    static func yaml(_ value: Bool?) -> String { value.map { $0 ? "true" : "false" } ?? "null" }
}
