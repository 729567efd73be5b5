import Foundation
import Testing
@testable import TVPARules

/// The shipped rules start from their compiled image (`ShippedProgram`, `ProgramImage`): it must
/// be current, hold exactly the program compiled from the YAML, and be refused when damaged or
/// made from other rule files.
@Suite("The shipped rules' compiled image")
struct ShippedProgramTests {
    static let fromYAML: Program = RuleCompiler.compileFromYAML(.embedded).0!.program

    /// Every stored property, recursively (`dump` walks them by reflection, so a field the image
    /// forgot shows here even if nothing reads it yet); the name → slot table compared apart, as
    /// two equal dictionaries may list their entries in different orders.
    static func everyField(_ program: Program) -> String {
        var copy = program
        copy.factSlots = [:]
        var text = ""
        dump(copy, to: &text, maxDepth: .max, maxItems: .max)
        return text
    }

    @Test("the embedded image is current: made from the rule files embedded beside it")
    func imageIsCurrent() {
        #expect(ShippedProgram.isEmbedded, "no image embedded: run scripts/compile-rules")
        #expect(ShippedProgram.image != nil, "the embedded image is stale or damaged: run scripts/compile-rules")
    }

    @Test("the image holds every field of the program compiled from YAML")
    func imageEqualsCompiledProgram() throws {
        let image = try #require(ShippedProgram.image)
        #expect(image.factSlots == Self.fromYAML.factSlots)
        let a = Self.everyField(image), b = Self.everyField(Self.fromYAML)
        #expect(a.count > 100_000)
        #expect(a == b)
        #expect(ProgramDump.render(image) == ProgramDump.render(Self.fromYAML))
        #expect(image.digest == RuleCompiler.digest(.embedded))
    }

    @Test("compiling the shipped rules without a proposal gives the image's program; with one, YAML")
    func compileUsesTheImage() throws {
        let image = try #require(ShippedProgram.image)
        let plain = try #require(RuleCompiler.compile(.embedded).0)
        #expect(Self.everyField(plain.program) == Self.everyField(image))
        let proposal = SourceText(path: "p.yaml", text: "proposal: p\ntitle: t\nrationale: r\nchanges: []\n")
        let (withProposal, _) = RuleCompiler.compile(.embedded, proposal: proposal)
        if let withProposal { #expect(withProposal.program.sourceName.contains("proposal")) }
    }

    @Test("an encoded program decodes to the same program (a fixture rule set, not only the shipped one)")
    func roundTripOfAnotherRuleSet() throws {
        let program = try #require(RuleCompiler.compileFromYAML(.directory(EngineGoldenTests.fixtures.appendingPathComponent("rules").path)).0?.program)
        let bytes = ProgramImage.encode(program, rulesHash: 42)
        let (decoded, hash) = try #require(ProgramImage.decode(bytes))
        #expect(hash == 42)
        #expect(Self.everyField(decoded) == Self.everyField(program))
        #expect(ProgramImage.encode(decoded, rulesHash: 42) == bytes)
    }

    @Test("the same decisions and explanations from the image as from YAML, on generated cases")
    func sameDecisions() throws {
        let image = try #require(ShippedProgram.image)
        var generator = CaseGenerator(program: Self.fromYAML, seed: 11)
        let today = CivilDate.dayNumber(year: 2026, month: 12, day: 1)
        for i in 0..<60 {
            let line = generator.next(index: i).render()
            let texts = [Self.fromYAML, image].map { program -> String in
                let loader = CaseLoader(program: program, today: today)
                guard let file = loader.load(CaseInput(path: "g.jsonl", line: i + 1, text: line, format: .jsonLine)).0 else { return "unreadable" }
                let report = Explainer(view: .full).report(file, program: program, decisionDate: file.decisionDate(override: nil, today: today))
                return TextRenderer().render(report) + DecisionJSON.render(report)
            }
            #expect(texts[0] == texts[1], "generated case \(i)")
        }
    }

    @Test("a damaged image, or one made from other rule files, is refused")
    func damagedImagesAreRefused() throws {
        let good = ShippedProgram.isEmbedded ? try #require(Data(base64Encoded: embeddedProgramImage!)).map { $0 } : []
        try #require(!good.isEmpty)
        #expect(ShippedProgram.program(fromImage: good, rulesHash: embeddedRulesHash) != nil)
        // The hash the plugin computed is the one the library computes over the same files.
        #expect(embeddedRulesHash == ProgramImage.rulesHash(embeddedRuleFiles))
        // One character of one rule file changed: the image no longer describes the YAML.
        var edited = embeddedRuleFiles
        edited[0].text += " "
        #expect(ShippedProgram.program(fromImage: good, rulesHash: ProgramImage.rulesHash(edited)) == nil)
        // Cut short anywhere, or any one byte changed: refused, never a crash or a wrong program.
        var generator = SystemRandomNumberGenerator()
        for cut in [0, 1, 5, 15, 16, 17, 100, good.count / 2, good.count - 1] {
            #expect(ProgramImage.decode(Array(good[0..<cut])) == nil, "cut at \(cut)")
        }
        for _ in 0..<200 {
            var bad = good
            let at = Int.random(in: 0..<bad.count, using: &generator)
            bad[at] ^= UInt8.random(in: 1...255, using: &generator)
            #expect(ProgramImage.decode(bad) == nil, "byte \(at) changed")
        }
        #expect(ProgramImage.decode(good + [0]) == nil)
    }
}
