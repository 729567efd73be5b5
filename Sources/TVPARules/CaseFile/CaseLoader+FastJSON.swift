extension CaseLoader {
    /// A JSON line read by the byte-level reader, then checked for consistency as the YAML path
    /// checks it; nil whenever the YAML path must read it instead (it alone gives diagnostics).
    func loadFastJSONLine(_ input: CaseInput, asOfOverride: Int? = nil) -> CaseFile? {
        guard let file = FastJSONCase.read(input, vocabulary: jsonVocabulary) else { return nil }
        var builder = CaseBuilder(program: program, reader: NodeReader(file: input.path, dialect: .caseFile))
        builder.checkConsistency(file, decisionDate: file.decisionDate(override: asOfOverride, today: today), with: &scratch.evaluator)
        return builder.reader.diagnostics.isEmpty ? file : nil
    }
}
