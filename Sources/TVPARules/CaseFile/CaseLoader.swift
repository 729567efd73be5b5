/// Loads case files against a program's vocabulary: every error at once, with its location;
/// a file with errors yields no case, so nothing is evaluated from it.
///
/// A loader keeps an evaluator between loads for the consistency checks, so it belongs to one
/// thread: give each worker its own.
public struct CaseLoader {
    public let program: Program
    public let today: Int
    /// Diagnostics quote no value, text or id from the case (`--redact`): they still say where
    /// the problem is and which fact it is about.
    public let redact: Bool
    /// The vocabulary as bytes, for reading JSON lines without the YAML reader.
    let jsonVocabulary: JSONCaseVocabulary
    /// Keys whose values a JSON syntax error never quotes: the free text of the envelope, text
    /// and sensitive facts, text fields of records.
    let privateKeys: Set<String>
    let scratch: Scratch

    /// Reused from case to case: building an evaluator allocates a buffer per node.
    final class Scratch {
        var evaluator: Evaluator
        /// The last CSV header's layout: every row under a header shares it, and building it
        /// (with a suggestion for each unknown column) costs more than reading the row.
        var csvLayout: (header: CSVHeader, path: String, layout: CSVLayout)?
        /// The strict JSON reader's key tables, kept from line to line.
        var jsonKeyTables = JSONLineParser.KeyTables()
        init(_ program: Program) { evaluator = Evaluator(program: program) }
    }

    public init(program: Program, today: Int = CivilDate.today(), redact: Bool = false) {
        self.program = program
        self.today = today
        self.redact = redact
        jsonVocabulary = JSONCaseVocabulary(program: program)
        let facts = program.legend.facts
        privateKeys = Set(["title", "source", "narrative"] + facts.filter { $0.type == .text || $0.sensitive }.map(\.name) + facts.flatMap { $0.fields.filter { $0.type == .text }.map(\.name) })
        scratch = Scratch(program)
    }

    /// The keys of a case file (`FastJSONCase.EnvelopeKey` follows this order).
    static let envelopeKeys = ["id", "title", "as_of", "source", "narrative", "facts", "family_members", "expect", "declined"]
    /// The keys of a family member (`FastJSONCase` follows this order too).
    static let memberKeys = ["id", "facts", "expect", "declined"]

    public func load(_ source: SourceText, asOfOverride: Int? = nil) -> (CaseFile?, [Diagnostic]) {
        if let tooLarge = tooLarge(source.text, path: source.path, line: source.firstLine) { return (nil, [tooLarge]) }
        var reader = NodeReader(file: source.path, dialect: .caseFile)
        reader.lineOffset = source.firstLine - 1
        reader.withholdsValues = redact
        // A byte-order mark may begin a file; any other is an error where it is (`TextDecoding`).
        var text = source.text
        if source.firstLine == 1, text.utf8.starts(with: TextDecoding.bom) { text = String(text.unicodeScalars.dropFirst()) }
        if let problem = TextDecoding.problem(in: text, startOfFile: false, yamlEscapes: true) {
            return (nil, [TextDecoding.diagnostic(problem, at: TextDecoding.location(of: problem.offset, in: text, file: source.path, firstLine: source.firstLine))])
        }
        guard let root = reader.compose(text) else {
            if reader.diagnostics.isEmpty {
                // No document at all: an empty file, or comments only.
                let onlyComments = text.contains { !$0.isWhitespace }
                let at = SourceLocation(file: source.path, line: source.firstLine, column: 1)
                reader.diagnostics.append(Diagnostic(.caseEmptyInput, CaseMessages.emptyFile(onlyComments: onlyComments), at: at, help: CaseMessages.emptyFileHelp))
            }
            return (nil, reader.diagnostics.all)
        }
        guard let pairs = reader.pairs(root, what: "a case file") else { return (nil, reader.diagnostics.all) }
        return load(pairs: pairs, root: root, reader: &reader, asOfOverride: asOfOverride)
    }

    func load(pairs: [(key: String, keyNode: SourceNode, value: SourceNode)], root: SourceNode, reader: inout NodeReader, asOfOverride: Int?) -> (CaseFile?, [Diagnostic]) {
        reader.withholdsValues = redact
        var fields: [String: SourceNode] = [:]
        for (key, keyNode, value) in pairs {
            if Self.envelopeKeys.contains(key) {
                fields[key] = value
            } else {
                reader.report(.caseUnknownKey, CaseMessages.unknownEnvelopeKey(key), at: keyNode, help: reader.suggestion(for: key, in: Self.envelopeKeys))
            }
        }
        var builder = CaseBuilder(program: program, reader: reader)
        var id = ""
        if let node = fields["id"], !NodeReader.isNull(node) {
            if let value = builder.text(node, what: "id") {
                id = value
                if !Self.isValidId(id) { builder.reader.report(.caseInvalidId, CaseMessages.invalidId(builder.reader.shown(id)), at: node) }
            }
        } else {
            builder.reader.report(.caseMissingKey, CaseMessages.missingId, at: fields["id"] ?? root)
        }
        // An optional key given as null is not given, as a fact given as null is unknown.
        let asOf = fields["as_of"].flatMap { node in NodeReader.isNull(node) ? nil : builder.readDate(node, what: "as_of") }
        var values = Array(repeating: FactValue.unknown, count: program.facts.count)
        var locations: [Int: SourceLocation] = [:]
        if let node = fields["facts"], case .mapping = node {
            builder.readFacts(node, subject: .principal, into: &values, locations: &locations)
        } else if let node = fields["facts"], NodeReader.isNull(node) {
            // `facts:` with nothing under it: everything unknown.
        } else if let node = fields["facts"] {
            _ = builder.reader.pairs(node, what: "facts")
        }
        var members: [CaseFile.Member] = []
        var memberReferences: [(Int32, SourceNode)] = []
        // Looked up, not scanned: a case of many members is read in time linear in them.
        var memberIds = Set<String>()
        if let node = fields["family_members"], !NodeReader.isNull(node), let items = builder.reader.sequence(node, what: "family_members") {
            if items.count > CaseLimits.familyMembers {
                // Said at the first member past the limit; those past it are not read.
                builder.reader.report(.caseTooManyMembers, CaseMessages.tooManyMembers(items.count, limit: CaseLimits.familyMembers), at: items[CaseLimits.familyMembers])
            }
            for item in items.prefix(CaseLimits.familyMembers) {
                guard let f = builder.reader.fields(item, what: "a family member", allowed: Self.memberKeys, required: ["id"]) else { continue }
                if NodeReader.isNull(f["id"]!) { builder.reader.report(.caseMissingKey, ParseMessages.missingKey("id", in: "a family member"), at: f["id"]!) }
                guard let idText = builder.text(f["id"]!, what: "member id") else { continue }
                let memberId = Located(idText, builder.reader.location(f["id"]!))
                if memberId.value == "principal" {
                    builder.reader.report(.caseInvalidId, CaseMessages.reservedMemberId(), at: f["id"]!)
                } else if !Self.isValidId(memberId.value) {
                    builder.reader.report(.caseInvalidId, CaseMessages.invalidId(builder.reader.shown(memberId.value)), at: f["id"]!)
                }
                if !memberIds.insert(memberId.value).inserted {
                    builder.reader.report(.caseDuplicateMember, CaseMessages.duplicateMember(builder.reader.shown(memberId.value)), at: f["id"]!)
                }
                var memberValues = Array(repeating: FactValue.unknown, count: program.facts.count)
                var memberLocations: [Int: SourceLocation] = [:]
                if let factsNode = f["facts"], !NodeReader.isNull(factsNode) {
                    builder.readFacts(factsNode, subject: .familyMember, into: &memberValues, locations: &memberLocations)
                }
                for (slot, value) in memberValues.enumerated() {
                    if case .text(let t) = value, program.legend.facts[slot].type == .reference, let node = builder.referenceNodes[t] {
                        memberReferences.append((t, node))
                    }
                }
                let expect = f["expect"].map { NodeReader.isNull($0) ? [:] : builder.readExpect($0, subject: .familyMember) } ?? [:]
                let declined = f["declined"].map { builder.readDeclined($0, subject: .familyMember, values: memberValues, locations: memberLocations) } ?? []
                var member = CaseFile.Member(id: memberId.value, values: memberValues, expect: expect, location: memberId.location, declined: declined)
                member.expectClocks = f["expect"].map { NodeReader.isNull($0) ? [:] : builder.readExpectedClocks($0, subject: .familyMember) } ?? [:]
                members.append(member)
            }
        }
        for (t, node) in memberReferences where !memberIds.contains(builder.texts[Int(t)]) {
            let written = builder.texts[Int(t)]
            builder.reader.report(.caseUnknownMember, CaseMessages.unknownMember(builder.reader.shown(written)), at: node, help: redact ? nil : builder.reader.suggestion(for: written, in: members.map(\.id)))
        }
        for (slot, start, chain) in CaseFile.referenceCycles(members.map { ($0.id, $0.values) }, texts: builder.texts, referenceSlots: program.legend.facts.indices.filter { program.legend.facts[$0].type == .reference }) {
            if case .text(let t) = members[start].values[slot], let node = builder.referenceNodes[t] {
                builder.reader.report(.caseReferenceCycle, CaseMessages.referenceCycle(program.legend.facts[slot].name, chain.map { builder.reader.shown($0) }), at: node)
            }
        }
        let expect = fields["expect"].map { NodeReader.isNull($0) ? [:] : builder.readExpect($0, subject: .principal) } ?? [:]
        let declined = fields["declined"].map { builder.readDeclined($0, subject: .principal, values: values, locations: locations) } ?? []
        var file = CaseFile(
            path: reader.file, id: id, title: builder.text(fields["title"], what: "title"), asOf: asOf,
            source: builder.text(fields["source"], what: "source"), narrative: builder.text(fields["narrative"], what: "narrative"),
            values: values, members: [], records: builder.records, texts: builder.texts, expect: expect, factPlaces: FactPlaces(locations, file: reader.file),
            declined: declined)
        file.expectClocks = fields["expect"].map { NodeReader.isNull($0) ? [:] : builder.readExpectedClocks($0, subject: .principal) } ?? [:]
        // Each member's slots start from the principal's.
        file.members = members.map { m in
            var merged = values
            for (slot, v) in m.values.enumerated() where program.legend.facts[slot].subject == .familyMember { merged[slot] = v }
            var member = CaseFile.Member(id: m.id, values: merged, expect: m.expect, location: m.location, declined: m.declined)
            member.expectClocks = m.expectClocks
            return member
        }
        if !builder.reader.diagnostics.hasErrors {
            let decision = file.decisionDate(override: asOfOverride, today: today)
            builder.checkConsistency(file, decisionDate: decision, with: &scratch.evaluator)
        }
        let diagnostics = builder.reader.diagnostics.sortedForDisplay()
        return (diagnostics.hasErrors ? nil : file, diagnostics)
    }

    /// The error for a case input larger than `CaseLimits.inputBytes`, placed where it begins.
    func tooLarge(_ text: String, path: String, line: Int) -> Diagnostic? {
        let bytes = text.utf8.count
        guard bytes > CaseLimits.inputBytes else { return nil }
        return Diagnostic(.caseTooLarge, CaseMessages.tooLarge(bytes, limit: CaseLimits.inputBytes), at: SourceLocation(file: path, line: line, column: 1), help: CaseMessages.tooLargeHelp)
    }

    static func isValidId(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.allSatisfy { (97...122).contains($0) || (48...57).contains($0) || $0 == 45 }
    }
}
