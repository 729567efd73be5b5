extension CaseLoader {
    /// A JSON line read by the byte-level reader, then checked for consistency as the strict
    /// path checks it; nil whenever the strict path must read it instead (it alone gives
    /// diagnostics).
    func loadFastJSONLine(_ input: CaseInput, asOfOverride: Int? = nil) -> CaseFile? {
        guard let (file, problems) = readFastJSONLine(input, asOfOverride: asOfOverride) else { return nil }
        return problems.isEmpty ? file : nil
    }

    /// Whether a JSON line is a valid case, without the diagnostics: for the generator, which
    /// draws again when it is not. A line the byte-level reader reads is as valid as its
    /// consistency checks say (they give errors only); any other line takes the strict path.
    func isValidJSONLine(_ input: CaseInput) -> Bool {
        guard let (_, problems) = readFastJSONLine(input, asOfOverride: nil) else { return load(input).0 != nil }
        return !problems.hasErrors
    }

    /// The byte-level reader's case and what its consistency checks found; nil when it gave up.
    private func readFastJSONLine(_ input: CaseInput, asOfOverride: Int?) -> (CaseFile, [Diagnostic])? {
        // A replacement character stands where the bytes were not UTF-8: never read it.
        guard input.notUTF8At == nil, let file = FastJSONCase.read(input, vocabulary: jsonVocabulary) else { return nil }
        // A case past a limit is refused by the strict path, which says where.
        if file.members.count > CaseLimits.familyMembers || file.records.contains(where: { $0.count > CaseLimits.recordsPerFact }) { return nil }
        var reader = NodeReader(file: input.path, dialect: .caseFile)
        reader.withholdsValues = redact
        var builder = CaseBuilder(program: program, reader: reader)
        builder.checkConsistency(file, decisionDate: file.decisionDate(override: asOfOverride, today: today), with: &scratch.evaluator)
        return (file, builder.reader.diagnostics.all)
    }
}
