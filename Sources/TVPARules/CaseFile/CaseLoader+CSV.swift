extension CaseLoader {
    /// One CSV row as a case file. (Being written: the column mapping.)
    func loadCSVRow(_ input: CaseInput, header: CSVHeader, asOfOverride: Int?) -> (CaseFile?, [Diagnostic]) {
        (nil, [Diagnostic(.caseTypeMismatch, "CSV case input is not read yet", at: SourceLocation(file: input.path, line: input.line, column: 1))])
    }
}
