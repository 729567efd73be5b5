extension CaseLoader {
    /// Loads one case input of any format: YAML through the YAML reader; a JSON line through
    /// the byte-level reader when it can, else through the strict JSON reader, which gives the
    /// diagnostics (a JSON line is never read as YAML); CSV rows through the row reader. Text
    /// that is not UTF-8, or holds a byte-order mark other than at the start of its file, is
    /// an error where it is, in every format.
    public func load(_ input: CaseInput, asOfOverride: Int? = nil) -> (CaseFile?, [Diagnostic]) {
        if let tooLarge = tooLarge(input.text, path: input.path, line: input.line) { return (nil, [tooLarge]) }
        if let bad = input.notUTF8At {
            return (nil, [TextDecoding.diagnostic(TextDecoding.Problem(kind: .notUTF8, offset: bad), at: location(of: bad, in: input))])
        }
        switch input.format {
        case .yaml:
            return load(input.sourceText, asOfOverride: asOfOverride)
        case .jsonLine:
            if let file = loadFastJSONLine(input, asOfOverride: asOfOverride) { return (file, []) }
            return loadStrictJSONLine(input, asOfOverride: asOfOverride)
        case .csvRow(let header):
            if let problem = TextDecoding.problem(in: input.text, startOfFile: false) {
                return (nil, [TextDecoding.diagnostic(problem, at: location(of: problem.offset, in: input))])
            }
            return loadCSVRow(input, header: header, asOfOverride: asOfOverride)
        }
    }

    /// A JSON line read by the strict JSON reader (`JSONLineParser`) into nodes, then by the
    /// case reader YAML files share: every diagnostic, at its line and column.
    func loadStrictJSONLine(_ input: CaseInput, asOfOverride: Int? = nil) -> (CaseFile?, [Diagnostic]) {
        if let bad = input.notUTF8At {
            return (nil, [TextDecoding.diagnostic(TextDecoding.Problem(kind: .notUTF8, offset: bad), at: location(of: bad, in: input))])
        }
        let text = Self.withoutLeadingMark(input)
        if let problem = TextDecoding.problem(in: text, startOfFile: false) {
            return (nil, [TextDecoding.diagnostic(problem, at: TextDecoding.location(of: problem.offset, in: text, file: input.path, firstLine: input.line, oneLine: true))])
        }
        switch JSONLineParser.parse(text, path: input.path, line: input.line, redact: redact, privateKeys: privateKeys, keyTables: &scratch.jsonKeyTables) {
        case .failure(let failure):
            return (nil, [failure.diagnostic])
        case .success(let root):
            var reader = NodeReader(file: input.path, dialect: .caseFile)
            reader.lineOffset = input.line - 1
            reader.withholdsValues = redact
            guard let pairs = reader.pairs(root, what: "a case file") else { return (nil, reader.diagnostics.all) }
            return load(pairs: pairs, root: root, reader: &reader, asOfOverride: asOfOverride)
        }
    }

    /// A JSON line's text without the byte-order mark that may begin its file (line 1).
    static func withoutLeadingMark(_ input: CaseInput) -> String {
        guard input.line == 1, input.text.utf8.starts(with: TextDecoding.bom) else { return input.text }
        return String(input.text.unicodeScalars.dropFirst())
    }

    /// Where a byte offset into an input is: its line and character column in YAML and JSON
    /// Lines (after a byte-order mark that begins the file), its row and cell in CSV.
    func location(of offset: Int, in input: CaseInput) -> SourceLocation {
        switch input.format {
        case .csvRow:
            let before = String(decoding: input.text.utf8.prefix(offset), as: UTF8.self)
            return SourceLocation(file: input.path, line: input.line, column: CSV.fields(before).count)
        case .yaml, .jsonLine:
            var text = input.text
            var offset = offset
            if input.line == 1, text.utf8.starts(with: TextDecoding.bom), offset >= 3 {
                text = String(text.unicodeScalars.dropFirst())
                offset -= 3
            }
            return TextDecoding.location(of: offset, in: text, file: input.path, firstLine: input.line, oneLine: input.format.isJSONLine)
        }
    }
}
