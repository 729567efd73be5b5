extension CaseLoader {
    /// Loads one case input of any format: YAML and JSON lines through the YAML reader (JSON is
    /// YAML), CSV rows through the row reader.
    public func load(_ input: CaseInput, asOfOverride: Int? = nil) -> (CaseFile?, [Diagnostic]) {
        switch input.format {
        case .yaml, .jsonLine:
            return load(input.sourceText, asOfOverride: asOfOverride)
        case .csvRow(let header):
            return loadCSVRow(input, header: header, asOfOverride: asOfOverride)
        }
    }
}
