/// Conditions and values: the expression part of the rule language.
extension NodeReader {
    static let conditionOperators = ["all", "any", "not", "possible", "rule", "fact", "field", "lt", "le", "gt", "ge", "eq", "ne", "any_record", "all_records", "decision"]
    static let conditionModifiers = ["id", "version", "of", "is", "in", "has", "subset_of", "where", "granted", "denied", "pending", "by"]

    mutating func condition(_ node: SourceNode, what: String = "condition") -> ConditionSyntax? {
        guard let pairs = pairs(node, what: what) else { return nil }
        let location = location(node)
        let keys = pairs.map(\.key)
        let operators = keys.filter { Self.conditionOperators.contains($0) }
        for (key, keyNode, _) in pairs where !Self.conditionOperators.contains(key) && !Self.conditionModifiers.contains(key) {
            report(.parseUnknownKey, ParseMessages.unknownKey(key, in: what), at: keyNode, help: suggestion(for: key, in: Self.conditionOperators + Self.conditionModifiers))
        }
        guard operators.count == 1, let op = operators.first else {
            report(.parseWrongShape, ParseMessages.unknownCondition(operators), at: node)
            return nil
        }
        var values: [String: SourceNode] = [:]
        for (key, _, value) in pairs { values[key] = value }
        let id = values["id"].flatMap { scalar($0, what: "condition id")?.value }
        let body = values[op]!
        let kind: ConditionSyntax.Kind?
        switch op {
        case "all", "any":
            let children = (sequence(body, what: "'\(op)'") ?? []).compactMap { condition($0) }
            kind = op == "all" ? .all(children) : .any(children)
        case "not":
            kind = condition(body).map { .not($0) }
        case "possible":
            kind = condition(body).map { .possible($0) }
        case "rule":
            let version = values["version"].flatMap { scalar($0, what: "version") }
            if let ofNode = values["of"] {
                if version != nil { report(.parseWrongShape, ParseMessages.memberRuleWithVersion(), at: ofNode) }
                guard let reference = scalar(ofNode, what: "member reference"), let name = scalar(body, what: "rule reference") else { return nil }
                kind = .memberRule(name, of: reference)
            } else {
                kind = scalar(body, what: "rule reference").map { .rule($0, version: version) }
            }
        case "fact", "field":
            guard let name = scalar(body, what: "\(op) name") else { return nil }
            let test = factTest(values)
            kind = op == "fact" ? .fact(name, test) : .field(name, test)
        case "any_record", "all_records":
            guard let name = scalar(body, what: "record list name") else { return nil }
            guard let whereNode = values["where"] else {
                report(.parseMissingKey, ParseMessages.missingKey("where", in: op), at: node)
                return nil
            }
            kind = condition(whereNode, what: "where").map { .records(every: op == "all_records", name, $0) }
        case "decision":
            guard let name = scalar(body, what: "decision fact") else { return nil }
            kind = .decision(
                name,
                granted: values["granted"].map { words($0, what: "granted value") } ?? [],
                denied: values["denied"].map { words($0, what: "denied value") } ?? [],
                pending: values["pending"].map { words($0, what: "pending value") } ?? [],
                by: string(values["by"], what: "by") ?? "")
        default:
            let op = ComparisonOperator(rawValue: op)!
            guard let operands = sequence(body, what: "'\(op.rawValue)'") else { return nil }
            guard operands.count == 2 else {
                report(.parseWrongShape, ParseMessages.comparesTwo(op.rawValue), at: body)
                return nil
            }
            // Both sides, so an error in each is said at once.
            let a = value(operands[0]), b = value(operands[1])
            guard let a, let b else { return nil }
            kind = .compare(op, a, b)
        }
        return kind.map { ConditionSyntax(kind: $0, id: id, location: location) }
    }

    private mutating func factTest(_ values: [String: SourceNode]) -> FactTestSyntax {
        if let node = values["is"] {
            if let s = scalar(node, what: "'is' value") {
                if Self.isPlain(node) && Self.yamlBooleanWords.contains(s.value) && s.value.lowercased() != "true" && s.value.lowercased() != "false" {
                    report(yesNoID, ParseMessages.yesNo(s.value, for: "'is'"), at: node, help: ParseMessages.yesNoHelp)
                }
                return .equals(s)
            }
        }
        if let node = values["in"] { return .oneOf(words(node, what: "'in' value")) }
        if let node = values["has"], let w = word(node, what: "'has' value") { return .has(w) }
        if let node = values["subset_of"] { return .subsetOf(words(node, what: "'subset_of' value")) }
        return .isTrue
    }

    static let valueForms = ["param", "years_between", "days_between", "add_days", "add_months", "add_years", "if", "known_or", "field", "fact", "sum_records"]

    mutating func value(_ node: SourceNode) -> ValueSyntax? {
        let location = location(node)
        switch node {
        case .scalar(let scalar):
            let text = scalar.string
            if text == "decision_date" { return ValueSyntax(kind: .decisionDate, location: location) }
            if ValueLimits.integer(text) != nil {
                guard let int = integer(node, what: "a comparison") else { return nil }
                return ValueSyntax(kind: .integer(int.value), location: location)
            }
            if CivilDate.looksLikeDate(text) {
                guard let day = CivilDate.parse(text) else {
                    report(.parseInvalidDate, ParseMessages.invalidDate(text, for: "a comparison"), at: node)
                    return nil
                }
                return ValueSyntax(kind: .date(day), location: location)
            }
            if text.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) && !text.isEmpty {
                return ValueSyntax(kind: .fact(text), location: location)
            }
            report(.parseInvalidValue, ParseMessages.unknownValueForm(text), at: node)
            return nil
        case .mapping:
            guard let pairs = pairs(node, what: "value"), pairs.count >= 1 else { return nil }
            let (key, keyNode, body) = pairs[0]
            func two(_ make: (ValueSyntax, ValueSyntax) -> ValueSyntax.Kind) -> ValueSyntax? {
                guard let operands = sequence(body, what: "'\(key)'"), operands.count == 2 else {
                    report(.parseWrongShape, ParseMessages.takesTwo(key), at: body)
                    return nil
                }
                let a = value(operands[0]), b = value(operands[1])
                guard let a, let b else { return nil }
                return ValueSyntax(kind: make(a, b), location: location)
            }
            switch key {
            case "param": return scalar(body, what: "parameter name").map { ValueSyntax(kind: .parameter($0.value), location: location) }
            case "field": return scalar(body, what: "field name").map { ValueSyntax(kind: .field($0.value), location: location) }
            case "fact": return scalar(body, what: "fact name").map { ValueSyntax(kind: .fact($0.value), location: location) }
            case "years_between": return two { .yearsBetween($0, $1) }
            case "add_days": return two { .addDays($0, $1) }
            case "add_months": return two { .addMonths($0, $1) }
            case "add_years": return two { .addYears($0, $1) }
            case "known_or": return two { .knownOr($0, $1) }
            case "days_between": return two { .daysBetween($0, $1) }
            case "sum_records":
                guard let fields = fields(body, what: "'sum_records'", allowed: ["records", "of", "where"], required: ["records", "of"]),
                    let name = scalar(fields["records"]!, what: "record list name"), let of = value(fields["of"]!)
                else { return nil }
                var condition: ConditionSyntax?
                if let w = fields["where"] {
                    guard let c = self.condition(w, what: "where") else { return nil }
                    condition = c
                }
                return ValueSyntax(kind: .sumRecords(name, of: of, where: condition), location: location)
            case "if":
                guard let fields = fields(node, what: "'if' value", allowed: ["if", "then", "else"], required: ["if", "then", "else"]),
                    let c = condition(fields["if"]!), let a = value(fields["then"]!), let b = value(fields["else"]!)
                else { return nil }
                return ValueSyntax(kind: .ifThenElse(c, a, b), location: location)
            default:
                report(.parseUnknownKey, ParseMessages.unknownValueFormKey(key), at: keyNode, help: suggestion(for: key, in: Self.valueForms))
                return nil
            }
        default:
            report(.parseWrongShape, ParseMessages.notAValue(found: node.kindName), at: node)
            return nil
        }
    }
}
