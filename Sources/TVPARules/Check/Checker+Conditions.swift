/// Resolving conditions and values: names to indices, enum words to bits, types checked.
extension Checker {
    /// Where a condition sits, and what it has read so far.
    struct Scope {
        var reader: String
        var path: String
        var rule: Int?
        var recordFact: Int?
        var facts = Set<Int>()
        var rules = [Int]()
        var parameters = Set<Int>()

        init(reader: String, path: String, rule: Int? = nil) {
            self.reader = reader
            self.path = path
            self.rule = rule
        }
    }

    static let placeholder = CheckedCondition(kind: .all([]), id: nil, path: "", location: SourceLocation(file: "", line: 0, column: 0))

    mutating func condition(_ c: ConditionSyntax, _ scope: inout Scope) -> CheckedCondition {
        let path = scope.path
        func child(_ c: ConditionSyntax, _ suffix: String, _ scope: inout Scope) -> CheckedCondition {
            let saved = scope.path
            scope.path = path + suffix
            defer { scope.path = saved }
            return condition(c, &scope)
        }
        let kind: CheckedCondition.Kind
        switch c.kind {
        case .all(let items):
            kind = .all(items.enumerated().map { child($0.element, "/all[\($0.offset)]", &scope) })
        case .any(let items):
            kind = .any(items.enumerated().map { child($0.element, "/any[\($0.offset)]", &scope) })
        case .not(let inner):
            kind = .not(child(inner, "/not", &scope))
        case .possible(let inner):
            kind = .possible(child(inner, "/possible", &scope))
        case .rule(let name, let version):
            guard let r = lookupRule(name) else { return Self.placeholder }
            scope.rules.append(r)
            var versionIndex: Int?
            if let version {
                let names = ruleSyntax[r].versions.map(\.name.value)
                if let v = names.firstIndex(of: version.value) {
                    versionIndex = v
                } else {
                    error(.checkUnknownVersion, CheckMessages.unknownVersion(version.value, of: name.value), at: version.location, help: Suggest.help(for: version.value, in: names) ?? CheckMessages.versionsHelp(names, of: name.value))
                }
            }
            kind = .rule(r, version: versionIndex)
        case .fact(let name, let test):
            guard let f = lookupFact(name) else { return Self.placeholder }
            scope.facts.insert(f)
            if facts[f].type == .records || facts[f].type == .text {
                error(.checkTypeMismatch, CheckMessages.useRecordConditions(name.value, facts[f].type.rawValue), at: name.location)
            }
            guard let t = factTest(test, name: name.value, type: facts[f].type, values: facts[f].values, at: name.location) else { return Self.placeholder }
            kind = .test(.fact(f), t)
        case .field(let name, let test):
            guard let record = scope.recordFact else {
                error(.checkUnknownField, CheckMessages.fieldOutsideRecords, at: name.location)
                return Self.placeholder
            }
            let fields = facts[record].fields
            guard let i = fields.firstIndex(where: { $0.name == name.value }) else {
                error(.checkUnknownField, CheckMessages.unknownField(name.value, of: facts[record].name), at: name.location, help: Suggest.help(for: name.value, in: fields.map(\.name)))
                return Self.placeholder
            }
            guard let t = factTest(test, name: name.value, type: fields[i].type, values: fields[i].values, at: name.location) else { return Self.placeholder }
            kind = .test(.field(i), t)
        case .compare(let op, let a, let b):
            let lhs = value(a, &scope), rhs = value(b, &scope)
            if lhs.type != rhs.type || !lhs.type.isNumeric {
                // A bool fact is read as 0 or 1 in values (derived facts count with it), so say so.
                func described(_ v: CheckedValue) -> String {
                    if case .fact(let f) = v.kind, facts[f].type == .bool { return "bool '\(Quote.name(facts[f].name))' (read as the integer 0 or 1)" }
                    return v.type.rawValue
                }
                error(.checkTypeMismatch, CheckMessages.comparesIntegersOrDates(op.rawValue, described(lhs), described(rhs)), at: c.location)
            }
            kind = .compare(op, lhs, rhs)
        case .records(let every, let name, let inner):
            guard let f = lookupFact(name) else { return Self.placeholder }
            scope.facts.insert(f)
            guard facts[f].type == .records else {
                error(.checkTypeMismatch, CheckMessages.notARecordList(name.value, facts[f].type.rawValue), at: name.location)
                return Self.placeholder
            }
            let saved = scope.recordFact
            scope.recordFact = f
            let body = child(inner, every ? "/all_records" : "/any_record", &scope)
            scope.recordFact = saved
            kind = .records(every: every, fact: f, body)
        case .memberRule(let name, let of):
            // Not a dependency of this rule (no cycle edge): it is another member's decision.
            guard let r = lookupRule(name), let f = lookupFact(of) else { return Self.placeholder }
            scope.facts.insert(f)
            guard facts[f].type == .reference else {
                error(.checkTypeMismatch, CheckMessages.ofNotAMemberReference(of.value, facts[f].type.rawValue), at: of.location)
                return Self.placeholder
            }
            kind = .memberRule(r, reference: f)
        case .decision(let name, let granted, let denied, let pending, let by):
            guard let f = lookupFact(name) else { return Self.placeholder }
            scope.facts.insert(f)
            guard facts[f].type == .enumeration else {
                error(.checkTypeMismatch, CheckMessages.decisionNotEnum(name.value, facts[f].type.rawValue), at: name.location)
                return Self.placeholder
            }
            kind = .decision(
                fact: f, granted: mask(granted, of: f), denied: mask(denied, of: f), pending: mask(pending, of: f), by: by)
        }
        return CheckedCondition(kind: kind, id: c.id, path: path, location: c.location)
    }

    mutating func mask(_ words: [Located<String>], of fact: Int) -> UInt64 {
        mask(words, values: facts[fact].values, name: facts[fact].name)
    }

    mutating func mask(_ words: [Located<String>], values: [String], name: String) -> UInt64 {
        var bits: UInt64 = 0
        for w in words {
            if let i = values.firstIndex(of: w.value) {
                bits |= 1 << UInt64(i)
            } else {
                error(.checkUnknownValue, CheckMessages.unknownValue(w.value, of: name), at: w.location, help: Suggest.help(for: w.value, in: values))
            }
        }
        return bits
    }

    mutating func factTest(_ test: FactTestSyntax, name: String, type: FactType, values: [String], at location: SourceLocation) -> FactTest? {
        switch test {
        case .isTrue:
            guard type == .bool else {
                error(.checkTypeMismatch, CheckMessages.notABool(name, type), at: location)
                return nil
            }
            return .isTrue
        case .equals(let word):
            switch type {
            case .bool:
                guard word.value == "true" || word.value == "false" else {
                    error(.checkTypeMismatch, CheckMessages.boolIsWord(name, word.value), at: word.location)
                    return nil
                }
                return .equals(word.value == "true" ? 1 : 0)
            case .integer:
                if let (_, inRange) = ValueLimits.integer(word.value), !inRange {
                    error(.checkOutOfRange, CheckMessages.isOutOfRange(word.value, on: name), at: word.location, help: CheckMessages.integerRangeHelp)
                    return nil
                }
                guard let n = Int(word.value) else {
                    error(.checkTypeMismatch, CheckMessages.notAnInteger(name, word.value), at: word.location)
                    return nil
                }
                return .equals(n)
            case .enumeration:
                guard let i = values.firstIndex(of: word.value) else {
                    error(.checkUnknownValue, CheckMessages.unknownValue(word.value, of: name), at: word.location, help: Suggest.help(for: word.value, in: values))
                    return nil
                }
                return .equals(i)
            default:
                error(.checkTypeMismatch, CheckMessages.isWrongType(name, type.rawValue), at: word.location)
                return nil
            }
        case .oneOf(let words):
            guard type == .enumeration || type == .list else {
                error(.checkTypeMismatch, CheckMessages.inWrongType(name, type.rawValue), at: location)
                return nil
            }
            return .oneOf(mask(words, values: values, name: name))
        case .has(let word):
            guard type == .list else {
                error(.checkTypeMismatch, CheckMessages.hasWrongType(name, type.rawValue), at: word.location)
                return nil
            }
            guard let i = values.firstIndex(of: word.value) else {
                error(.checkUnknownValue, CheckMessages.unknownValue(word.value, of: name), at: word.location, help: Suggest.help(for: word.value, in: values))
                return nil
            }
            return .has(i)
        case .subsetOf(let words):
            guard type == .list || type == .enumeration else {
                error(.checkTypeMismatch, CheckMessages.subsetOfWrongType(name, type.rawValue), at: location)
                return nil
            }
            return .subsetOf(mask(words, values: values, name: name))
        }
    }

    static let invalidValue = CheckedValue(kind: .constant(0), type: .text, location: SourceLocation(file: "", line: 0, column: 0))

    mutating func value(_ v: ValueSyntax, _ scope: inout Scope) -> CheckedValue {
        func numeric(_ a: ValueSyntax, _ b: ValueSyntax, _ types: (FactType, FactType), result: FactType, _ make: (CheckedValue, CheckedValue) -> CheckedValue.Kind, _ form: String) -> CheckedValue {
            let x = value(a, &scope), y = value(b, &scope)
            if x.type != types.0 || y.type != types.1 {
                error(.checkTypeMismatch, CheckMessages.formTakes(form, (types.0.rawValue, types.1.rawValue), found: (x.type.rawValue, y.type.rawValue)), at: v.location)
            }
            return CheckedValue(kind: make(x, y), type: result, location: v.location)
        }
        switch v.kind {
        case .fact(let name):
            guard let f = lookupFact(Located(name, v.location)) else { return Self.invalidValue }
            scope.facts.insert(f)
            if !facts[f].type.isNumeric && facts[f].type != .bool {
                error(.checkTypeMismatch, CheckMessages.notComparable(name, facts[f].type.rawValue), at: v.location)
            }
            return CheckedValue(kind: .fact(f), type: facts[f].type == .bool ? .integer : facts[f].type, location: v.location)
        case .field(let name):
            guard let record = scope.recordFact else {
                error(.checkUnknownField, CheckMessages.fieldOutsideRecords, at: v.location)
                return Self.invalidValue
            }
            let fields = facts[record].fields
            guard let i = fields.firstIndex(where: { $0.name == name }) else {
                error(.checkUnknownField, CheckMessages.unknownField(name, of: facts[record].name), at: v.location, help: Suggest.help(for: name, in: fields.map(\.name)))
                return Self.invalidValue
            }
            return CheckedValue(kind: .field(i), type: fields[i].type, location: v.location)
        case .decisionDate:
            return CheckedValue(kind: .decisionDate, type: .date, location: v.location)
        case .date(let day):
            return CheckedValue(kind: .constant(day), type: .date, location: v.location)
        case .integer(let n):
            return CheckedValue(kind: .constant(n), type: .integer, location: v.location)
        case .parameter(let name):
            guard let p = parameterIndex[name] else {
                error(.checkUnknownParameter, CheckMessages.unknown("parameter", name), at: v.location, help: Suggest.help(for: name, in: parameterIndex.keys))
                return Self.invalidValue
            }
            scope.parameters.insert(p)
            return CheckedValue(kind: .parameter(p), type: parameters[p].type, location: v.location)
        case .yearsBetween(let a, let b):
            return numeric(a, b, (.date, .date), result: .integer, { .yearsBetween($0, $1) }, "years_between")
        case .daysBetween(let a, let b):
            return numeric(a, b, (.date, .date), result: .integer, { .daysBetween($0, $1) }, "days_between")
        case .sumRecords(let name, let of, let condition):
            guard let f = lookupFact(name) else { return Self.invalidValue }
            scope.facts.insert(f)
            guard facts[f].type == .records else {
                error(.checkTypeMismatch, CheckMessages.sumRecordsNotRecords(name.value, facts[f].type.rawValue), at: name.location)
                // An integer all the same, so the comparison around it reports nothing more.
                return CheckedValue(kind: .constant(0), type: .integer, location: v.location)
            }
            let saved = scope.recordFact
            scope.recordFact = f
            let x = value(of, &scope)
            var c: CheckedCondition?
            if let condition { c = self.condition(condition, &scope) }
            scope.recordFact = saved
            if x.type != .integer {
                error(.checkTypeMismatch, CheckMessages.sumRecordsNotInteger(x.type.rawValue), at: of.location, help: CheckMessages.sumRecordsHelp)
            }
            return CheckedValue(kind: .sumRecords(fact: f, of: x, where: c), type: .integer, location: v.location)
        case .addDays(let a, let b):
            return numeric(a, b, (.date, .integer), result: .date, { .addDays($0, $1) }, "add_days")
        case .addMonths(let a, let b):
            return numeric(a, b, (.date, .integer), result: .date, { .addMonths($0, $1) }, "add_months")
        case .addYears(let a, let b):
            return numeric(a, b, (.date, .integer), result: .date, { .addYears($0, $1) }, "add_years")
        case .knownOr(let a, let b):
            let x = value(a, &scope), y = value(b, &scope)
            if x.type != y.type { error(.checkTypeMismatch, CheckMessages.knownOrTypes(x.type.rawValue, y.type.rawValue), at: v.location) }
            return CheckedValue(kind: .knownOr(x, y), type: x.type, location: v.location)
        case .ifThenElse(let c, let a, let b):
            let cond = condition(c, &scope)
            let x = value(a, &scope), y = value(b, &scope)
            if x.type != y.type { error(.checkTypeMismatch, CheckMessages.ifTypes(x.type.rawValue, y.type.rawValue), at: v.location) }
            return CheckedValue(kind: .ifThenElse(cond, x, y), type: x.type, location: v.location)
        }
    }
}
