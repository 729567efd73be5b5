extension CaseLoader {
    /// Loads one case input of any format: YAML through the YAML reader; a JSON line through the
    /// byte-level reader when it can, else the YAML reader (JSON is YAML), which gives the
    /// diagnostics; CSV rows through the row reader.
    public func load(_ input: CaseInput, asOfOverride: Int? = nil) -> (CaseFile?, [Diagnostic]) {
        if let tooLarge = tooLarge(input.text, path: input.path, line: input.line) { return (nil, [tooLarge]) }
        switch input.format {
        case .yaml:
            return load(input.sourceText, asOfOverride: asOfOverride)
        case .jsonLine:
            if let file = loadFastJSONLine(input, asOfOverride: asOfOverride) { return (file, []) }
            return load(input.sourceText, asOfOverride: asOfOverride)
        case .csvRow(let header):
            return loadCSVRow(input, header: header, asOfOverride: asOfOverride)
        }
    }
}
