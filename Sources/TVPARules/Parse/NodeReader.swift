import Yams

/// Reads `SourceNode`s into Swift values, keeping every node's location and turning every
/// surprise (a wrong shape, an unknown key, `yes` for a boolean) into a diagnostic.
struct NodeReader {
    /// Which family of diagnostic ids this reader reports under.
    enum Dialect { case rules, caseFile }

    let file: String
    /// Added to every line number: the line of the file on which this text begins.
    var lineOffset = 0
    let dialect: Dialect
    /// Capped per file: a file with a million bad items costs a hundred diagnostics and a count.
    var diagnostics: DiagnosticBag
    /// Quote no value from the text in a diagnostic (a case read with `--redact`): locations,
    /// names and what is expected remain, the values written there do not.
    var withholdsValues = false

    init(file: String, dialect: Dialect = .rules) {
        self.file = file
        self.dialect = dialect
        diagnostics = DiagnosticBag(summary: dialect == .rules ? .parseMoreDiagnostics : .caseMoreDiagnostics)
    }

    func location(_ node: SourceNode) -> SourceLocation {
        SourceLocation(file: file, line: node.line + lineOffset, column: node.column)
    }

    /// A value for a diagnostic to quote: a short, escaped excerpt of it (`Quote.token`), or
    /// when values are withheld, a stand-in.
    func shown(_ value: String) -> String { withholdsValues ? Redaction.withheld : Quote.token(value) }

    /// What a node is, for "found …": a scalar is quoted (an excerpt), unless values are withheld.
    func kind(_ node: SourceNode) -> String {
        if withholdsValues, case .scalar = node { return "'\(Redaction.withheld)'" }
        return node.kindName
    }

    mutating func report(_ id: DiagnosticID, _ message: String, at node: SourceNode, help: String? = nil) {
        let at = location(node)
        guard diagnostics.keeps(at.file) else { return diagnostics.count(id.defaultSeverity, at: at) }
        diagnostics.append(Diagnostic(id, message, at: at, help: help))
    }

    /// Whether a diagnostic would still be kept: past a file's hundredth it is only counted, so
    /// a caller skips the "did you mean" search its hint would need.
    var keepsDiagnostics: Bool { diagnostics.keeps(file) }

    /// A "did you mean" hint, searched for only while diagnostics are kept.
    func suggestion(for name: String, in candidates: @autoclosure () -> [String]) -> String? {
        keepsDiagnostics ? Suggest.help(for: name, in: candidates()) : nil
    }

    private var unknownKeyID: DiagnosticID { dialect == .rules ? .parseUnknownKey : .caseUnknownKey }
    private var shapeID: DiagnosticID { dialect == .rules ? .parseWrongShape : .caseTypeMismatch }
    private var missingID: DiagnosticID { dialect == .rules ? .parseMissingKey : .caseMissingKey }
    var yesNoID: DiagnosticID { dialect == .rules ? .parseYesNoBoolean : .caseYesNoBoolean }
    var dateID: DiagnosticID { dialect == .rules ? .parseInvalidDate : .caseInvalidDate }
    var outOfRangeID: DiagnosticID { dialect == .rules ? .checkOutOfRange : .caseOutOfRange }

    /// The pairs of a mapping, in order, or nil (with a diagnostic) if the node is not one.
    mutating func pairs(_ node: SourceNode, what: String) -> [(key: String, keyNode: SourceNode, value: SourceNode)]? {
        guard case .mapping(let mapping) = node else {
            report(shapeID, ParseMessages.expected("a mapping", for: what, found: kind(node)), at: node)
            return nil
        }
        var result: [(key: String, keyNode: SourceNode, value: SourceNode)] = []
        result.reserveCapacity(mapping.count)
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                report(shapeID, ParseMessages.expected("a plain key", for: what, found: kind(key)), at: key)
                continue
            }
            result.append((scalar.string, key, value))
        }
        return result
    }

    /// A mapping with a fixed set of keys: unknown keys and missing required keys are reported.
    mutating func fields(
        _ node: SourceNode, what: String, allowed: [String], required: [String] = []
    ) -> Fields? {
        guard let pairs = pairs(node, what: what) else { return nil }
        var fields = Fields(location: location(node))
        for (key, keyNode, value) in pairs {
            if key == "<<", Self.isUntaggedPlain(keyNode), case .mapping = value, let merged = self.pairs(value, what: what) {
                // A YAML merge key (`<<: *anchor`): the anchor's keys, unless given here.
                for (mergedKey, _, mergedValue) in merged where allowed.contains(mergedKey) && !pairs.contains(where: { $0.0 == mergedKey }) {
                    fields.values[mergedKey] = mergedValue
                }
            } else if allowed.contains(key) {
                fields.values[key] = value
            } else {
                report(
                    unknownKeyID, ParseMessages.unknownKey(key, in: what), at: keyNode,
                    help: suggestion(for: key, in: allowed) ?? ParseMessages.allowedKeys(allowed))
            }
        }
        var complete = true
        for key in required where fields.values[key] == nil {
            report(missingID, ParseMessages.missingKey(key, in: what), at: node)
            complete = false
        }
        return complete ? fields : nil
    }

    struct Fields {
        var location: SourceLocation
        var values: [String: SourceNode] = [:]
        subscript(_ key: String) -> SourceNode? { values[key] }
    }

    mutating func scalar(_ node: SourceNode, what: @autoclosure () -> String) -> Located<String>? {
        guard case .scalar(let scalar) = node else {
            report(shapeID, ParseMessages.expected("a single value", for: what(), found: kind(node)), at: node)
            return nil
        }
        return Located(scalar.string, location(node))
    }

    /// Plain words where YAML 1.1 readers would see a boolean.
    static let yamlBooleanWords: Set<String> = ["yes", "no", "on", "off", "y", "n", "Yes", "No", "YES", "NO", "On", "Off", "ON", "OFF", "True", "False", "TRUE", "FALSE"]

    /// `null`, `~` or nothing at all (untagged), or a value tagged null (JSON's `null`): an
    /// unknown value. A quoted "null" is text.
    static func isNull(_ node: SourceNode) -> Bool {
        if case .scalar(let s) = node { return s.kind == .null }
        return false
    }

    /// What a scalar is, as its front end decided: the tag JSON gave it, the one a CSV column
    /// gives it, the one YAML's quotes or an explicit `!!tag` give it, else the one YAML 1.1
    /// resolves a plain word to. The case reader takes a value only of the kind its fact is
    /// declared with, so `"true"` is no boolean, `!!str 30` no integer and `42` no title.
    typealias ScalarKind = SourceNode.Kind

    static func kind(of scalar: SourceNode.Scalar) -> ScalarKind { scalar.kind }

    static func kind(of node: SourceNode) -> ScalarKind? {
        guard case .scalar(let s) = node else { return nil }
        return s.kind
    }

    /// Plain, with no tag that says other than what YAML resolves the word to: a word read by
    /// what it looks like.
    static func isUntaggedPlain(_ node: SourceNode) -> Bool {
        if case .scalar(let s) = node { return s.untaggedPlain }
        return false
    }

    static func isPlain(_ node: SourceNode) -> Bool {
        if case .scalar(let s) = node { return s.plain }
        return false
    }

    /// An enum-like word: `yes`/`no` are refused, as no vocabulary value uses them.
    mutating func word(_ node: SourceNode, what: @autoclosure () -> String) -> Located<String>? {
        guard let value = scalar(node, what: what()) else { return nil }
        if Self.isPlain(node) && Self.yamlBooleanWords.contains(value.value) && value.value.lowercased() != "true" && value.value.lowercased() != "false" {
            report(yesNoID, ParseMessages.yesNo(shown(value.value), for: what()), at: node, help: ParseMessages.yesNoEnumHelp)
            return nil
        }
        return value
    }

    /// A scalar or a list of scalars.
    mutating func words(_ node: SourceNode, what: String) -> [Located<String>] {
        switch node {
        case .sequence(let sequence): return sequence.compactMap { word($0, what: what) }
        default: return word(node, what: what).map { [$0] } ?? []
        }
    }

    mutating func string(_ node: SourceNode?, what: String) -> String? {
        guard let node else { return nil }
        return scalar(node, what: what)?.value
    }

    mutating func bool(_ node: SourceNode, what: @autoclosure () -> String) -> Bool? {
        guard let value = scalar(node, what: what()) else { return nil }
        switch value.value {
        case "true": return true
        case "false": return false
        default:
            if Self.yamlBooleanWords.contains(value.value) {
                report(yesNoID, ParseMessages.yesNo(shown(value.value), for: what()), at: node, help: ParseMessages.yesNoHelp)
            } else {
                report(shapeID, ParseMessages.expected("true or false", for: what(), found: kind(node)), at: node)
            }
            return nil
        }
    }

    /// An integer inside `ValueLimits.integers`: one outside (however many digits it has) is
    /// out of range, not a shape error.
    mutating func integer(_ node: SourceNode, what: @autoclosure () -> String) -> Located<Int>? {
        guard let value = scalar(node, what: what()) else { return nil }
        guard let (int, inRange) = ValueLimits.integer(value.value) else {
            report(shapeID, ParseMessages.expected("an integer", for: what(), found: kind(node)), at: node)
            return nil
        }
        guard let int, inRange else {
            report(outOfRangeID, ParseMessages.integerOutOfRange(shown(value.value), for: what()), at: node, help: ParseMessages.integerRangeHelp)
            return nil
        }
        return Located(int, value.location)
    }

    mutating func date(_ node: SourceNode, what: @autoclosure () -> String) -> Located<Int>? {
        guard let value = scalar(node, what: what()) else { return nil }
        guard let day = CivilDate.parse(value.value) else {
            report(dateID, ParseMessages.invalidDate(shown(value.value), for: what()), at: node, help: ParseMessages.invalidDateHelp)
            return nil
        }
        return Located(day, value.location)
    }

    mutating func sequence(_ node: SourceNode, what: String) -> [SourceNode]? {
        guard case .sequence(let sequence) = node else {
            report(shapeID, ParseMessages.expected("a list", for: what, found: kind(node)), at: node)
            return nil
        }
        return Array(sequence)
    }

    mutating func enumeration<E: RawRepresentable & CaseIterable>(_ node: SourceNode, _: E.Type, what: String) -> Located<E>? where E.RawValue == String {
        guard let word = word(node, what: what) else { return nil }
        guard let value = E(rawValue: word.value) else {
            let options = E.allCases.map(\.rawValue)
            report(dialect == .rules ? .parseInvalidValue : .caseUnknownValue, ParseMessages.notOneOf(shown(word.value), options, for: what), at: node, help: withholdsValues ? nil : suggestion(for: word.value, in: options))
            return nil
        }
        return Located(value, word.location)
    }

    /// Composes YAML text into a node, turning a libyaml error into a diagnostic at the place
    /// it names. No message quotes the text: Yams' own descriptions of its errors hold the
    /// whole offending line, which may be a survivor's narrative.
    mutating func compose(_ text: String) -> SourceNode? {
        let id: DiagnosticID = dialect == .rules ? .parseYamlSyntax : .caseYamlSyntax
        func at(_ line: Int, _ column: Int) -> SourceLocation {
            SourceLocation(file: file, line: line + lineOffset, column: column)
        }
        do {
            guard let root = try Yams.compose(yaml: text) else { return nil }
            let limit = YAMLSyntax.nodeLimit(bytes: text.utf8.count)
            guard let node = YAMLSyntax.convert(root, limit: limit) else {
                diagnostics.append(Diagnostic(id, ParseMessages.aliasesExpand(limit: limit), at: at(1, 1)))
                return nil
            }
            return node
        } catch let error as YamlError {
            switch error {
            case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _), .composer(let context, let problem, let mark, _):
                var message = problem
                if let context { message += " (\(context.text))" }
                diagnostics.append(Diagnostic(id, ParseMessages.yamlSyntax(message), at: at(mark.line, mark.column)))
            case .reader(let problem, let offset, let value, _):
                // A control character, or bytes that are not UTF-8: Yams gives an offset in
                // characters, not a mark.
                let (line, column) = offset.map { Self.lineAndColumn(ofCharacter: $0, in: text) } ?? (1, 1)
                diagnostics.append(Diagnostic(id, ParseMessages.yamlReader(problem, value: value), at: at(line, column)))
            case .duplicatedKeysInMapping(let duplicates, let context):
                diagnostics.append(Diagnostic(dialect == .rules ? .checkDuplicateId : .caseYamlSyntax, ParseMessages.duplicateKeys(duplicates), at: at(context.mark.line, context.mark.column)))
            default:
                diagnostics.append(Diagnostic(id, ParseMessages.yamlSyntax(ParseMessages.yamlFailed(error)), at: at(1, 1)))
            }
            return nil
        } catch {
            diagnostics.append(Diagnostic(id, ParseMessages.yamlSyntax(ParseMessages.yamlFailed(error)), at: at(1, 1)))
            return nil
        }
    }

    /// The 1-based line and column of the character at `offset` (counted in characters, as
    /// Yams counts a reader error's offset); the column counts Unicode scalars, as libyaml's
    /// marks do.
    static func lineAndColumn(ofCharacter offset: Int, in text: String) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        var index = text.startIndex
        var remaining = offset
        while remaining > 0, index < text.endIndex {
            let character = text[index]
            if character.isNewline {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
            index = text.index(after: index)
            remaining -= 1
        }
        return (line, column)
    }
}
