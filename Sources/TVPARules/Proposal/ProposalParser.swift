/// Parse: a proposal file → `ProposalSyntax`, with the rule files' diagnostics for its shape.
public enum ProposalParser {
    static let changeKeys = ChangeSyntax.Verb.allCases.map(\.rawValue) + ["with", "version", "value", "values", "title", "says", "because", "cite"]

    public static func parse(_ source: SourceText) -> (ProposalSyntax?, [Diagnostic]) {
        var reader = NodeReader(file: source.path)
        reader.lineOffset = source.firstLine - 1
        guard let root = reader.compose(source.text),
            let top = reader.fields(root, what: "a proposal", allowed: ["proposal", "changes"], required: ["proposal", "changes"]),
            let head = reader.fields(top["proposal"]!, what: "proposal", allowed: ["title", "description", "cite"], required: ["title", "cite"]),
            let title = reader.string(head["title"], what: "title"),
            let items = reader.sequence(top["changes"]!, what: "changes")
        else { return (nil, reader.diagnostics.all) }
        let cite = reader.citations(head["cite"])
        if cite.isEmpty {
            reader.report(.checkMissingCitation, ProposalMessages.missingCitation, at: head["cite"]!)
        }
        let changes = items.compactMap { reader.change($0, proposalCite: cite) }
        let proposal = ProposalSyntax(path: source.path, title: title, description: reader.string(head["description"], what: "description"), cite: cite, changes: changes)
        return (reader.diagnostics.hasErrors ? nil : proposal, reader.diagnostics.all)
    }
}

extension NodeReader {
    mutating func change(_ node: SourceNode, proposalCite: [Located<String>]) -> ChangeSyntax? {
        guard let f = fields(node, what: "a change", allowed: ProposalParser.changeKeys) else { return nil }
        let verbs = ChangeSyntax.Verb.allCases.filter { f[$0.rawValue] != nil }
        guard verbs.count == 1, let verb = verbs.first else {
            report(
                .parseMissingKey, verbs.isEmpty ? ProposalMessages.noVerb(ChangeSyntax.Verb.allCases.map(\.rawValue)) : ProposalMessages.severalVerbs(verbs.map(\.rawValue)),
                at: node)
            return nil
        }
        guard let target = scalar(f[verb.rawValue]!, what: verb.rawValue) else { return nil }
        func need(_ key: String) -> SourceNode? {
            if let n = f[key] { return n }
            report(.parseMissingKey, ParseMessages.missingKey(key, in: ProposalMessages.change(verb.rawValue, target.value)), at: node)
            return nil
        }
        let version = f["version"].flatMap { scalar($0, what: "version") }
        var body = ChangeSyntax.Body.none
        switch verb {
        case .replaceRule, .addRule:
            guard let with = need("with") else { return nil }
            if verb == .replaceRule, version != nil {
                guard let v = self.version(Located(version!.value, version!.location), with) else { return nil }
                body = .version(v)
            } else {
                guard let r = rule(target, with) else { return nil }
                body = .rule(r)
            }
        case .addFact:
            guard let with = need("with"), let fact = fact(target, with) else { return nil }
            body = .fact(fact)
        case .replaceCondition, .addCondition, .addException:
            guard let with = need("with"), let c = condition(with) else { return nil }
            // A program's new `not_applicable` entry is explained by the change's `because:`.
            if verb == .addCondition, ConditionAddress(target).path == ["not_applicable"], f["because"] == nil {
                report(.parseMissingKey, ProposalMessages.notApplicableNeedsBecause, at: node)
                return nil
            }
            body = .condition(c)
        case .setParameter:
            if let n = f["values"] {
                guard let items = sequence(n, what: "values") else { return nil }
                body = .parameterValues(datedValues(items))
            } else if let n = f["value"], let value = scalar(n, what: "value") {
                // One value for every date: the proposal as if in force on each decision date.
                let cite = f["cite"].map { citations($0) } ?? proposalCite
                body = .parameterValues([ParameterValueSyntax(from: Located(ChangeSyntax.everyDate, value.location), value: value, cite: cite, unverified: nil, location: value.location)])
            } else {
                report(.parseMissingKey, ProposalMessages.setParameterNeedsValue, at: node)
                return nil
            }
        case .removeCondition:
            break
        case .rewordRule:
            if f["title"] == nil && f["says"] == nil {
                report(.parseMissingKey, ProposalMessages.rewordNeedsText, at: node)
                return nil
            }
        }
        return ChangeSyntax(
            verb: verb, target: target, version: version, body: body, title: string(f["title"], what: "title"),
            says: f["says"].map { says($0) }, because: string(f["because"], what: "because"), location: location(node))
    }
}
