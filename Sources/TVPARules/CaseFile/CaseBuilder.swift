import Foundation

/// Reads one case file's facts into slots, and checks them against each other.
struct CaseBuilder {
    let program: Program
    var reader: NodeReader
    var records: [[[FactValue]]] = []
    var texts: [String] = []
    var referenceNodes: [Int32: SourceNode] = [:]

    init(program: Program, reader: NodeReader) {
        self.program = program
        self.reader = reader
    }

    var facts: [FactInfo] { program.legend.facts }

    mutating func readFacts(_ node: SourceNode, subject: SubjectName, into values: inout [FactValue], locations: inout [Int: SourceLocation]) {
        guard let pairs = reader.pairs(node, what: "facts") else { return }
        // Suggestions are looked for only when a name is wrong, not on every call.
        var names: [String] { facts.filter { $0.subject == subject }.map(\.name) }
        for (name, keyNode, valueNode) in pairs {
            guard let slot = program.factIndex(name) else {
                reader.report(.caseUnknownFact, CaseMessages.unknownFact(name), at: keyNode, help: reader.suggestion(for: name, in: names))
                continue
            }
            if facts[slot].subject != subject {
                reader.report(.caseUnknownFact, subject == .principal ? CaseMessages.familyFactInPrincipal(name) : CaseMessages.principalFactInMember(name), at: keyNode, help: reader.suggestion(for: name, in: names))
                continue
            }
            locations[slot] = reader.location(keyNode)
            if NodeReader.isNull(valueNode) {
                continue  // null: unknown
            }
            // A `sensitive` fact's value is never quoted, redacted or not.
            let withholds = reader.withholdsValues
            reader.withholdsValues = withholds || facts[slot].sensitive
            defer { reader.withholdsValues = withholds }
            if let value = readValue(valueNode, name: name, type: facts[slot].type, values: facts[slot].values, fields: facts[slot].fields, bounds: facts[slot].bounds) {
                values[slot] = value
            }
        }
    }

    /// A fact's or field's value; `bounds` are an integer fact's `min:` / `max:` (nil: the
    /// language's `ValueLimits.integers`).
    mutating func readValue(_ node: SourceNode, name: String, type: FactType, values: [String], fields: [FieldDecl], bounds: ClosedRange<Int>? = nil) -> FactValue? {
        // The value must be of the fact's kind, as its tag says (`NodeReader.kind`): a quoted
        // "true" is text, not a boolean; a bare 42 is a number, not text.
        let kind = NodeReader.kind(of: node)
        switch type {
        case .bool:
            guard case .scalar = node, kind == .bool || isYesNo(node) else { return mismatch(node, name, "true or false", help: kindHelp(node, expected: .bool)) }
            return reader.bool(node, what: "'\(name)'").map { .bool($0) }
        case .integer:
            guard case .scalar(let s) = node, kind == .int else { return mismatch(node, name, "an integer", help: kindHelp(node, expected: .int)) }
            // Decimal only: YAML 1.1 reads 017 as octal, 0x1F, 1_000 and 1:30 as integers too.
            guard Self.isDecimal(s.string), let (n, _) = ValueLimits.integer(s.string) else { return mismatch(node, name, "an integer", help: CaseMessages.decimalHelp) }
            let range = bounds ?? ValueLimits.integers
            guard let n, range.contains(n) else {
                reader.report(.caseOutOfRange, CaseMessages.integerOutOfRange(name, reader.shown(s.string), range), at: node, help: CaseMessages.integerOutOfRangeHelp(name, range))
                return nil
            }
            return .number(n)
        case .date:
            guard case .scalar(let s) = node, kind == .string || kind == .timestamp, CivilDate.looksLikeDate(s.string) else {
                // The readings of `4/12/1991` repeat it: not when values are withheld.
                let readings = reader.withholdsValues ? [] : node.string.map(CivilDate.readingsOfSlashedDate) ?? []
                let help = readings.isEmpty ? CaseMessages.dateFormatHelp : CaseMessages.dateWithSlashesHelp(node.string!, readings: readings)
                return mismatch(node, name, "a date (YYYY-MM-DD)", help: help)
            }
            return readDate(node, what: "'\(name)'").map { .number($0) }
        case .enumeration:
            guard case .scalar = node, !isYesNo(node), kind == .string else { return mismatch(node, name, CaseMessages.oneOf(values), help: kindHelp(node, expected: .string)) }
            guard let word = reader.word(node, what: "'\(name)'") else { return nil }
            guard let i = values.firstIndex(of: word.value) else {
                reader.report(.caseUnknownValue, CaseMessages.unknownValue(reader.shown(word.value), of: name), at: node, help: valueHelp(word.value, values))
                return nil
            }
            return .choice(i)
        case .list:
            guard case .sequence(let items) = node else { return mismatch(node, name, "a list such as [\(values.prefix(2).joined(separator: ", "))] ([] for none)") }
            var bits: UInt64 = 0
            var ok = true
            for item in items {
                if isYesNo(item) || NodeReader.kind(of: item) != .string {
                    _ = mismatch(item, name, CaseMessages.oneOf(values), help: kindHelp(item, expected: .string))
                    ok = false
                    continue
                }
                guard let word = reader.word(item, what: "'\(name)'") else { ok = false; continue }
                guard let i = values.firstIndex(of: word.value) else {
                    reader.report(.caseUnknownValue, CaseMessages.unknownValue(reader.shown(word.value), of: name), at: item, help: valueHelp(word.value, values))
                    ok = false
                    continue
                }
                // A list is a set of values (the JSON schema says `uniqueItems`): a value given
                // twice is a slip, perhaps for another value.
                if bits & (1 << UInt64(i)) != 0 {
                    reader.report(.caseDuplicateValue, CaseMessages.duplicateValue(reader.shown(word.value), of: name), at: item, help: CaseMessages.duplicateValueHelp)
                    ok = false
                    continue
                }
                bits |= 1 << UInt64(i)
            }
            return ok ? .set(bits) : nil
        case .records:
            guard case .sequence(let sequence) = node else { return mismatch(node, name, "a list of records ([] for none)") }
            var items = Array(sequence)
            if items.count > CaseLimits.recordsPerFact {
                // Said at the first record past the limit; those past it are not read.
                reader.report(.caseTooManyRecords, CaseMessages.tooManyRecords(name, items.count, limit: CaseLimits.recordsPerFact), at: items[CaseLimits.recordsPerFact])
                items.removeSubrange(CaseLimits.recordsPerFact...)
            }
            let readFields = program.factIndex(name).map { program.facts[$0].readFields } ?? 0
            var list: [[FactValue]] = []
            // Whether the list is a half-filled record, worked out once for the list (it reads
            // every item), not again for each incomplete record.
            var halfFilled: String?? = nil
            for item in items {
                guard let pairs = reader.pairs(item, what: "a record of '\(name)'") else { continue }
                var record = Array(repeating: FactValue.unknown, count: fields.count)
                var given: UInt64 = 0
                var unknownField = false
                for (key, keyNode, value) in pairs {
                    guard let f = fields.firstIndex(where: { $0.name == key }) else {
                        unknownField = true
                        reader.report(.caseUnknownField, CaseMessages.unknownField(key, of: name), at: keyNode, help: CaseMessages.recordFieldsHelp(reader.suggestion(for: key, in: fields.map(\.name)), fields: fields.map(\.name)))
                        continue
                    }
                    if f < 64 { given |= 1 << UInt64(f) }
                    if NodeReader.isNull(value) { continue }
                    record[f] = readValue(value, name: "\(name).\(key)", type: fields[f].type, values: fields[f].values, fields: []) ?? .unknown
                }
                // A field the rules read, left out (not given as null): said, not refused, as
                // an advocate may not know it.
                let missing = fields.indices.filter { $0 < 64 && readFields & (1 << UInt64($0)) != 0 && given & (1 << UInt64($0)) == 0 }.map { fields[$0].name }
                // A misspelt field is already said; the field it meant is not missing as well.
                if !missing.isEmpty && !unknownField {
                    if halfFilled == nil { halfFilled = .some(Self.halfFilledHelp(items)) }
                    reader.report(.caseIncompleteRecord, CaseMessages.incompleteRecord(name, missing: missing), at: item, help: halfFilled! ?? CaseMessages.incompleteRecordHelp(missing))
                }
                list.append(record)
            }
            records.append(list)
            return .records(Int32(records.count - 1))
        case .text, .reference:
            guard case .scalar(let s) = node, kind == .string else { return mismatch(node, name, "text", help: kindHelp(node, expected: .string)) }
            texts.append(s.string)
            let index = Int32(texts.count - 1)
            if type == .reference { referenceNodes[index] = node }
            return .text(index)
        }
    }

    /// A date on the calendar and not before `ValueLimits.earliestCaseDate`, as a day number.
    mutating func readDate(_ node: SourceNode, what: @autoclosure () -> String) -> Int? {
        guard let day = reader.date(node, what: what()) else { return nil }
        guard day.value >= ValueLimits.earliestCaseDate else {
            append(Diagnostic(.caseOutOfRange, CaseMessages.dateTooEarly(what(), CivilDate.format(day.value)), at: day.location, help: CaseMessages.dateTooEarlyHelp), quoting: [CivilDate.format(day.value)])
            return nil
        }
        return day.value
    }

    /// The YAML pitfall behind a half-filled record: `[request: x, complied: full]` is a flow
    /// list of two one-field records; one record is `[{request: x, complied: full}]`. (Yams
    /// does not keep a node's style, so a list on one line is taken for a flow list.)
    static func halfFilledHelp(_ items: [SourceNode]) -> String? {
        guard items.count > 1 else { return nil }
        var keys: [String] = []
        for item in items {
            guard case .mapping(let m) = item, m.count == 1, let key = m.first?.key.string else { return nil }
            keys.append(key)
        }
        // Distinct fields, which one record could hold; `[{a: 1}, {a: 2}]` is meant as two.
        guard Set(keys).count == keys.count else { return nil }
        let oneLine = Set(items.map { $0.line }).count == 1
        return CaseMessages.halfFilledRecordsHelp(keys, flow: oneLine)
    }

    /// Digits, with a minus sign or not, and no leading zero: an integer as JSON writes it, and
    /// as every YAML reader reads it alike.
    static func isDecimal(_ s: String) -> Bool {
        var digits = s.utf8[...]
        if digits.first == UInt8(ascii: "-") { digits = digits.dropFirst() }
        guard let first = digits.first, digits.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return false }
        return first != 48 || digits.count == 1
    }

    /// Free text, or an id: a scalar of kind text; nil (and nothing said) when absent or null.
    mutating func text(_ node: SourceNode?, what: String) -> String? {
        guard let node, !NodeReader.isNull(node) else { return nil }
        guard case .scalar(let s) = node, NodeReader.kind(of: s) == .string else {
            reader.report(.caseTypeMismatch, CaseMessages.typeMismatch(what, expected: "text", found: reader.kind(node)), at: node, help: kindHelp(node, expected: .string))
            return nil
        }
        return s.string
    }

    /// A date: text or a YAML timestamp, `YYYY-MM-DD`, on the calendar.
    mutating func date(_ node: SourceNode, what: String) -> Int? {
        guard case .scalar(let s) = node, [.string, .timestamp].contains(NodeReader.kind(of: s)) else {
            reader.report(.caseTypeMismatch, CaseMessages.typeMismatch(what, expected: "a date (YYYY-MM-DD)", found: reader.kind(node)), at: node, help: CaseMessages.dateFormatHelp)
            return nil
        }
        return reader.date(node, what: what)?.value
    }

    /// Why a value of the wrong kind is not read as the kind wanted, when its spelling would
    /// be: quotes make text; a bare number, boolean, date or null is not text.
    func kindHelp(_ node: SourceNode, expected: NodeReader.ScalarKind) -> String? {
        guard case .scalar(let s) = node, !isYesNo(node) else { return nil }
        let kind = NodeReader.kind(of: s)
        if case .tagged(let tag) = kind { return CaseMessages.tagHelp(tag) }
        // Only YAML's `!!str` makes plain text (JSON's strings and CSV's cells are quoted).
        if kind == .string, s.plain, !NodeReader.isUntaggedPlain(node), expected != .string { return CaseMessages.strTagHelp }
        switch (expected, kind) {
        case (.bool, .string) where ["true", "false"].contains(s.string): return CaseMessages.quotedHelp("true or false")
        case (.int, .string) where Self.isDecimal(s.string): return CaseMessages.quotedHelp("the number")
        case (.int, .float): return CaseMessages.decimalHelp
        case (.string, .int), (.string, .float), (.string, .bool), (.string, .timestamp), (.string, .null), (.string, .special):
            return CaseMessages.unquotedTextHelp
        default: return nil
        }
    }

    /// A plain `yes`, `no`, `on`, `off`…: YAML 1.1 readers take it for a boolean.
    func isYesNo(_ node: SourceNode) -> Bool {
        guard case .scalar(let s) = node, NodeReader.yamlBooleanWords.contains(s.string), s.string.lowercased() != "true", s.string.lowercased() != "false" else { return false }
        return NodeReader.isUntaggedPlain(node)
    }

    mutating func mismatch(_ node: SourceNode, _ name: String, _ expected: String, help: String? = nil) -> FactValue? {
        if case .scalar(let s) = node, NodeReader.yamlBooleanWords.contains(s.string), NodeReader.isUntaggedPlain(node) {
            reader.report(.caseYesNoBoolean, CaseMessages.yesNo(reader.shown(s.string), for: name, expected: expected), at: node, help: CaseMessages.yesNoHelp(expected))
            return nil
        }
        reader.report(.caseTypeMismatch, CaseMessages.typeMismatch(name, expected: expected, found: reader.kind(node)), at: node, help: help)
        return nil
    }

    /// The hint for a value not in a fact's list: the nearest value, or (when values are
    /// withheld, as the nearest would say what was written) the list.
    func valueHelp(_ written: String, _ values: [String]) -> String {
        (reader.withholdsValues ? nil : reader.suggestion(for: written, in: values)) ?? "values: \(values.joined(separator: ", "))"
    }

    /// A diagnostic on a fact's value, quoting none of `values` when values are withheld (or
    /// the fact is `sensitive`).
    mutating func append(_ diagnostic: Diagnostic, quoting values: [String], sensitive: Bool = false) {
        var d = diagnostic
        if reader.withholdsValues || sensitive {
            for v in values {
                d.message = d.message.replacingOccurrences(of: v, with: Redaction.withheld)
                d.help = d.help?.replacingOccurrences(of: v, with: Redaction.withheld)
            }
        }
        reader.diagnostics.append(d)
    }

    /// The facts a subject declined to answer (`declined:`), as slots in ascending order: each a
    /// fact of this subject, named once, and given no value beside.
    mutating func readDeclined(_ node: SourceNode, subject: SubjectName, values: [FactValue], locations: [Int: SourceLocation]) -> [Int32] {
        if NodeReader.isNull(node) { return [] }
        guard let items = reader.sequence(node, what: "declined") else { return [] }
        var names: [String] { facts.filter { $0.subject == subject }.map(\.name) }
        var slots: [Int32] = []
        for item in items {
            if !isYesNo(item) && NodeReader.kind(of: item) != .string {
                reader.report(.caseTypeMismatch, CaseMessages.typeMismatch("declined", expected: "fact names", found: reader.kind(item)), at: item, help: kindHelp(item, expected: .string))
                continue
            }
            guard let word = reader.word(item, what: "a declined fact") else { continue }
            let name = word.value
            guard let slot = program.factIndex(name) else {
                reader.report(.caseUnknownFact, CaseMessages.unknownFact(name), at: item, help: reader.suggestion(for: name, in: names))
                continue
            }
            if facts[slot].subject != subject {
                reader.report(.caseUnknownFact, subject == .principal ? CaseMessages.familyFactInPrincipal(name) : CaseMessages.principalFactInMember(name), at: item, help: reader.suggestion(for: name, in: names))
                continue
            }
            if slots.contains(Int32(slot)) {
                reader.report(.caseDuplicateDeclined, CaseMessages.duplicateDeclined(name), at: item, help: CaseMessages.duplicateDeclinedHelp)
                continue
            }
            if values[slot].isKnown {
                var d = Diagnostic(.caseDeclinedGiven, CaseMessages.declinedGiven(name), at: reader.location(item), help: CaseMessages.declinedGivenHelp)
                if let given = locations[slot] { d.notes.append(CaseMessages.givenAt(given)) }
                reader.diagnostics.append(d)
            }
            slots.append(Int32(slot))
        }
        return slots.sorted()
    }

    mutating func readExpect(_ node: SourceNode, subject: SubjectName) -> [String: Outcome] {
        guard let pairs = reader.pairs(node, what: "expect") else { return [:] }
        var ids: [String] { program.programs.filter { $0.subject == subject }.map(\.id) }
        var expect: [String: Outcome] = [:]
        for (key, keyNode, value) in pairs where key != Self.clocksKey {
            guard program.programs.contains(where: { $0.subject == subject && $0.id == key }) else {
                reader.report(.caseUnknownProgram, CaseMessages.unknownProgram(key), at: keyNode, help: reader.suggestion(for: key, in: ids) ?? "programs: \(ids.joined(separator: ", "))")
                continue
            }
            guard NodeReader.kind(of: value) == .string, let word = reader.scalar(value, what: "outcome"), let outcome = Outcome(rawValue: word.value) else {
                reader.report(.caseInvalidOutcome, CaseMessages.invalidOutcome(value.string.map(reader.shown) ?? value.kindName, for: key), at: value, help: reader.withholdsValues ? nil : reader.suggestion(for: value.string ?? "", in: Outcome.allCases.map(\.rawValue)))
                continue
            }
            expect[key] = outcome
        }
        return expect
    }

    /// The key under `expect:` that holds expected clocks.
    static let clocksKey = "clocks"

    /// `expect: {clocks: {id: DATE | none | {earliest: DATE|null, latest: DATE|null}}}`.
    mutating func readExpectedClocks(_ node: SourceNode, subject: SubjectName) -> [String: ClockExpectation] {
        guard case .mapping(let m) = node, let clocksNode = m[Self.clocksKey], !NodeReader.isNull(clocksNode),
            let pairs = reader.pairs(clocksNode, what: "expected clocks")
        else { return [:] }
        let ids = program.legend.clocks.filter { $0.subject == subject }.map(\.id)
        var expect: [String: ClockExpectation] = [:]
        func day(_ n: SourceNode) -> Int?? {
            if NodeReader.isNull(n) { return .some(nil) }
            guard case .scalar(let s) = n, let d = CivilDate.parse(s.string) else {
                reader.report(.caseInvalidDate, CaseMessages.invalidExpectedClock(reader.shown(n.string ?? n.kindName)), at: n, help: CaseMessages.expectedClockHelp)
                return nil
            }
            return .some(d)
        }
        for (key, keyNode, value) in pairs {
            guard ids.contains(key) else {
                reader.report(.caseUnknownKey, CaseMessages.unknownClock(reader.shown(key)), at: keyNode, help: reader.suggestion(for: key, in: ids) ?? "clocks: \(ids.joined(separator: ", "))")
                continue
            }
            if case .scalar(let s) = value, s.string == "none" {
                expect[key] = ClockExpectation.none
            } else if case .mapping(let bounds) = value {
                let e = bounds["earliest"].map(day) ?? .some(nil), l = bounds["latest"].map(day) ?? .some(nil)
                guard let earliest = e, let latest = l else { continue }
                expect[key] = .between(earliest: earliest, latest: latest)
            } else if let d = day(value), let d {
                expect[key] = .date(d)
            }
        }
        return expect
    }

    /// Dates in order and not after the decision date, derived facts that agree with their
    /// sources, and no declared contradiction.
    mutating func checkConsistency(_ file: CaseFile, decisionDate: Int, with evaluator: inout Evaluator) {
        // Facts are read in place, by slot: copying each `FactInfo` out of the array was most of
        // the cost of loading a JSON line.
        let facts = program.legend.facts
        let compiled = program.facts
        // The principal (-1), then each member.
        for subject in -1..<file.members.count {
            let subjectValues = subject < 0 ? file.values : file.members[subject].values
            let memberLocation: SourceLocation? = subject < 0 ? nil : file.members[subject].location
            evaluator.begin(values: subjectValues, records: file.records, decisionDate: decisionDate)
            func location(_ slot: Int) -> SourceLocation {
                file.factPlaces[slot] ?? memberLocation ?? SourceLocation(file: file.path, line: 1, column: 1)
            }
            for slot in facts.indices {
                if memberLocation != nil && facts[slot].subject != .familyMember { continue }
                guard compiled[slot].type == .date, case .number(let day) = subjectValues[slot] else { continue }
                if !compiled[slot].future && day > decisionDate {
                    append(Diagnostic(
                        .caseDateAfterDecision, CaseMessages.dateAfterDecision(facts[slot].name, day, decisionDate), at: location(slot),
                        help: CaseMessages.dateAfterDecisionHelp(facts[slot].name, day, decisionDate)), quoting: [CivilDate.format(day)], sensitive: facts[slot].sensitive)
                }
                if compiled[slot].future && day > ValueLimits.latestFutureDate(decisionDate: decisionDate) {
                    append(Diagnostic(
                        .caseOutOfRange, CaseMessages.futureTooFar(facts[slot].name, day, decisionDate), at: location(slot),
                        help: CaseMessages.futureTooFarHelp), quoting: [CivilDate.format(day)])
                }
                for later in compiled[slot].notAfter {
                    if case .number(let other) = subjectValues[Int(later)], day > other {
                        reader.diagnostics.append(Diagnostic(.caseDateOutOfBounds, CaseMessages.dateOrder(facts[slot].name, facts[Int(later)].name), at: location(slot)))
                    }
                }
            }
            if memberLocation != nil {
                // A member's values include the principal's, so a contradiction that reads a
                // family-member fact is checked here, once per member.
                evaluator.boundedDates = false
                defer { evaluator.boundedDates = true }
                evaluator.begin(values: subjectValues, records: file.records, decisionDate: decisionDate)
                for (i, node) in program.contradictions.enumerated() where program.contradictionReadsMember[i] && evaluator.evaluate(condition: node) == .yes {
                    report(contradiction: i, at: memberLocation!)
                }
                continue
            }
            for slot in facts.indices where compiled[slot].derived >= 0 && subjectValues[slot].isKnown {
                var withoutGiven = subjectValues
                withoutGiven[slot] = .unknown
                evaluator.begin(values: withoutGiven, records: file.records, decisionDate: decisionDate)
                let computed = evaluator.factSpan(slot)
                let given: Int
                switch subjectValues[slot] {
                case .number(let n): given = n
                case .bool(let b): given = b ? 1 : 0
                default: continue
                }
                if given < computed.lo || given > computed.hi {
                    let isBool = compiled[slot].type == .bool
                    let shown = isBool ? (computed.lo != 0 ? "true" : "false") : (computed.isKnown ? "\(computed.lo)" : "\(computed.lo)–\(computed.hi)")
                    let withheld = reader.withholdsValues || facts[slot].sensitive
                    let givenText = withheld ? Redaction.withheld : isBool ? (given != 0 ? "true" : "false") : "\(given)"
                    reader.diagnostics.append(Diagnostic(.caseDerivedMismatch, CaseMessages.derivedMismatch(facts[slot].name, given: givenText, computed: withheld ? Redaction.withheld : shown), at: location(slot)))
                }
            }
            // A derived fact the other facts put outside its bounds (an age of 140 from a date
            // of birth and the decision date): the facts it comes from cannot all be right.
            for slot in facts.indices where compiled[slot].derived >= 0 && !subjectValues[slot].isKnown {
                guard let bounds = facts[slot].bounds else { continue }
                evaluator.begin(values: subjectValues, records: file.records, decisionDate: decisionDate)
                let computed = evaluator.factSpan(slot)
                guard computed.hi < bounds.lowerBound || computed.lo > bounds.upperBound else { continue }
                let shown = computed.isKnown ? "\(computed.lo)" : computed.hi < bounds.lowerBound ? "below \(bounds.lowerBound)" : "over \(bounds.upperBound)"
                let sources = compiled[slot].sources.map { Int($0) }
                let from = sources.first { file.factPlaces[$0] != nil }
                reader.diagnostics.append(Diagnostic(
                    .caseOutOfRange, CaseMessages.derivedOutOfRange(facts[slot].name, reader.shown(shown), bounds, sources: sources.map { facts[$0].name }),
                    at: from.map(location) ?? SourceLocation(file: file.path, line: 1, column: 1), help: CaseMessages.derivedOutOfRangeHelp))
            }
            // A contradiction is between what the file says: an unknown date is not bounded here.
            evaluator.boundedDates = false
            defer { evaluator.boundedDates = true }
            evaluator.begin(values: subjectValues, records: file.records, decisionDate: decisionDate)
            for (i, node) in program.contradictions.enumerated() where !program.contradictionReadsMember[i] && evaluator.evaluate(condition: node) == .yes {
                let slot = program.nodeInfoFacts(node).first.map { Int($0) }
                report(contradiction: i, at: slot.map(location) ?? SourceLocation(file: file.path, line: 1, column: 1))
            }
        }
    }

    mutating func report(contradiction i: Int, at location: SourceLocation) {
        let decl = program.legend.contradictions[i]
        reader.diagnostics.append(Diagnostic(.caseContradiction, CaseMessages.contradiction(decl.message), at: location, notes: decl.cite.map { "see \($0)" }))
    }
}

extension Program {
    /// Every fact a condition reads, in order, through its sub-conditions (not through rules).
    public func nodeInfoFacts(_ n: Int32) -> [Int32] {
        var result = nodeInfo[Int(n)].facts
        switch conditions[Int(n)] {
        case .all(let first, let count), .any(let first, let count):
            for k in first..<(first + count) { result += nodeInfoFacts(children[Int(k)]) }
        case .not(let c), .possible(let c): result += nodeInfoFacts(c)
        case .records(_, _, let body): result += nodeInfoFacts(body)
        default: break
        }
        return result
    }
}
