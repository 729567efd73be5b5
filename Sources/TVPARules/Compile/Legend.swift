/// Compile: what the later stages need of the rules besides the evaluation plan — names,
/// titles, citations, notes, pre-parsed `says` templates, the fact vocabulary with its
/// questions and values, and the rule graph. Built once from the checked rule set, so Explain,
/// Render, Diff, CaseFile, Coverage, Describe and Generate never open `CheckedRuleSet` (the
/// checked form's last reader is the compiler; `tvpa dump --stage checked` shows it apart).
public struct Legend: Sendable {
    /// The fields, held by reference and copied on write: a legend goes into every decision
    /// and every explanation's words, and copying its ten arrays cost a retain and a release
    /// of each, several times a decision.
    final class Storage: @unchecked Sendable {  // mutated only while uniquely referenced
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }
    struct Fields {
        var facts: [FactInfo] = []
        var rules: [RuleInfo] = []
        var versions: [VersionInfo] = []
        var programs: [ProgramInfo] = []
        var parameters: [ParameterInfo] = []
        var contradictions: [ContradictionInfo] = []
        var clocks: [ClockInfo] = []
        var evidence: [EvidenceInfo] = []
        var evidenceOfRule: [Int32] = []
        var graph = RuleGraph(references: [], programRules: [])
    }
    var storage = Storage(Fields())

    public init() {}

    private mutating func unique() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
        return storage
    }

    /// Per fact slot.
    public var facts: [FactInfo] {
        _read { yield storage.fields.facts }
        _modify { yield &unique().fields.facts }
    }
    /// Per rule, in the program's rule order.
    public var rules: [RuleInfo] {
        _read { yield storage.fields.rules }
        _modify { yield &unique().fields.rules }
    }
    /// Per version, indexed like `Program.versions` (a rule's versions are `Program.Rule.versions`).
    public var versions: [VersionInfo] {
        _read { yield storage.fields.versions }
        _modify { yield &unique().fields.versions }
    }
    /// Per program entry, indexed like `Program.programs`.
    public var programs: [ProgramInfo] {
        _read { yield storage.fields.programs }
        _modify { yield &unique().fields.programs }
    }
    /// Per dated parameter, indexed like `Program.parameterTables`.
    public var parameters: [ParameterInfo] {
        _read { yield storage.fields.parameters }
        _modify { yield &unique().fields.parameters }
    }
    /// Per declared contradiction, indexed like `Program.contradictions`.
    public var contradictions: [ContradictionInfo] {
        _read { yield storage.fields.contradictions }
        _modify { yield &unique().fields.contradictions }
    }
    /// Per clock, indexed like `Program.clocks`.
    public var clocks: [ClockInfo] {
        _read { yield storage.fields.clocks }
        _modify { yield &unique().fields.clocks }
    }
    /// Per evidence list, indexed like `Program.evidence`; `evidenceOfRule[r]` is rule r's list, or -1.
    public var evidence: [EvidenceInfo] {
        _read { yield storage.fields.evidence }
        _modify { yield &unique().fields.evidence }
    }
    public var evidenceOfRule: [Int32] {
        _read { yield storage.fields.evidenceOfRule }
        _modify { yield &unique().fields.evidenceOfRule }
    }
    /// Which rules each rule reads, and the rules under each program.
    public var graph: RuleGraph {
        _read { yield storage.fields.graph }
        _modify { yield &unique().fields.graph }
    }

    /// Rule id → index.
    public func ruleIndex(_ id: String) -> Int? { rules.firstIndex { $0.id == id } }
    /// Parameter name → index (the first declared, as the checker resolves it).
    public func parameterIndex(_ name: String) -> Int? { parameters.firstIndex { $0.name == name } }
}

/// One fact of the case-file vocabulary: what a case may say about it and how it is asked.
public struct FactInfo: Sendable {
    public var name: String
    public var type: FactType
    public var values: [String]
    /// Each value's words for a report, in the order of `values` (empty: the rules give none,
    /// and a report shows the codes).
    public var labels: [String]
    public var unknownValues: [Int]
    public var fields: [FieldDecl]
    public var question: String?
    /// The heading a form lists the fact under (`group:` in the rules; law.md §8's sections).
    public var group: String?
    public var subject: SubjectName
    public var role: FactRole?
    public var sensitive: Bool
    public var future: Bool
    /// The date facts this one is declared on or before (as written; `Program.Fact.notAfter`
    /// holds the order closed transitively).
    public var notAfter: [Int]
    /// Computed by a formula (`Program.Fact.derived`), so a case gives it only when its sources are unknown.
    public var isDerived: Bool
    public var cite: [String]
    public var location: SourceLocation
    /// Rules, programs and contradictions that read this fact.
    public var readBy: [String]
    /// The values a case may give an integer fact; nil for other types.
    public var bounds: ClosedRange<Int>?
    /// How hard the question is to ask a survivor, and why it is asked (`asking:`, `why_asked:`).
    public var asking: Asking = .plain
    public var whyAsked: String?
}

/// A sentence from the rules with `{fact}` and `{param:name}` placeholders, parsed once at
/// compile time into literal text and references by index.
public struct Template: Sendable, Hashable {
    public enum Piece: Sendable, Hashable {
        case text(String)
        case fact(Int32)
        case parameter(Int32)
    }
    public var pieces: [Piece]
    /// The sentence as written, for a template with no placeholder.
    public var plain: String?

    init(pieces: [Piece], plain: String?) {
        self.pieces = pieces
        self.plain = plain
    }

    /// Parses as the explainer always filled: a `{name}` that names no fact or parameter is
    /// kept as written, braces included.
    init(_ text: String, facts: [String: Int], parameters: [String]) {
        guard text.utf8.contains(UInt8(ascii: "{")) else {
            pieces = [.text(text)]
            plain = text
            return
        }
        var pieces: [Piece] = []
        var literal = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            literal += rest[..<open]
            let name = String(rest[rest.index(after: open)..<close])
            if name.hasPrefix("param:"), let p = parameters.firstIndex(of: String(name.dropFirst(6))) {
                if !literal.isEmpty { pieces.append(.text(literal)) }
                literal = ""
                pieces.append(.parameter(Int32(p)))
            } else if let f = facts[name] {
                if !literal.isEmpty { pieces.append(.text(literal)) }
                literal = ""
                pieces.append(.fact(Int32(f)))
            } else {
                literal += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        literal += rest
        if !literal.isEmpty { pieces.append(.text(literal)) }
        self.pieces = pieces
        plain = pieces.contains { if case .text = $0 { false } else { true } } ? nil : literal
    }
}

/// A rule's three `says` sentences (any may be absent: Render then writes its own).
public struct SaysTemplates: Sendable, Hashable {
    public var met: Template?
    public var notMet: Template?
    public var unknown: Template?

    public func template(for status: Tri) -> Template? {
        switch status {
        case .yes: return met
        case .no: return notMet
        case .unknown: return unknown
        }
    }
}

/// A note the rules attach to a rule, a version or a program; its condition is
/// `Program.Rule.notes` (or the version's, or the program's) at the same index.
public struct NoteInfo: Sendable {
    public var text: Template
    public var cite: [String]
}

public struct RuleInfo: Sendable {
    public var id: String
    public var title: String
    public var cite: [String]
    public var says: SaysTemplates
    public var discretionary: String?
    public var unverified: String?
    public var notes: [NoteInfo]
    /// Dated parameters the rule reads, in its conditions or its `says` sentences.
    public var parameters: [Int32]
    public var location: SourceLocation
}

public struct VersionInfo: Sendable {
    public var name: String
    public var label: String
    public var cite: [String]
    public var says: SaysTemplates?
    public var notes: [NoteInfo]
    public var unverified: String?
    public var location: SourceLocation
}

public struct NotApplicableInfo: Sendable {
    public var because: String
    public var instead: String?
    public var cite: [String]
}

public struct ProgramInfo: Sendable {
    public var id: String
    public var title: String
    public var subject: SubjectName
    public var cite: [String]
    public var lawVersion: String?
    public var discretionary: String?
    public var notApplicable: [NotApplicableInfo]
    public var notes: [NoteInfo]
    public var location: SourceLocation
    /// A family-member program's words for asking who the family members are (`members:`).
    public var members: MembersQuestion? = nil
}

public struct ParameterInfo: Sendable {
    /// A dated value as the checker gave it (nothing to derive, so the same value type).
    public typealias DatedValue = ParameterDecl.DatedValue
    public var name: String
    public var type: FactType
    public var title: String?
    public var values: [DatedValue]
    public var location: SourceLocation
}

/// A clock's words and citations: what a report says about the date.
public struct ClockInfo: Sendable {
    public var id: String
    public var kind: ClockKind
    public var title: String
    public var subject: SubjectName
    public var says: Template?
    public var cite: [String]
    public var unverified: String?
    public var warnWithin: Int?
    public var location: SourceLocation
}

public struct EvidenceItemInfo: Sendable {
    public var id: String
    public var text: String
    public var cite: [String]
    /// Whether the case can record it (an `on_file` condition exists).
    public var recorded: Bool
    public var required: Bool
    public var unverified: String?
}

public struct EvidenceInfo: Sendable {
    public var rule: Int
    public var guide: String?
    public var cite: [String]
    public var items: [EvidenceItemInfo]
}

public struct ContradictionInfo: Sendable {
    public var id: String
    public var message: String
    public var cite: [String]
    public var location: SourceLocation
}

extension Legend {
    /// The legend of a checked rule set: the checked form's last reader outside Check.
    static func from(checked: CheckedRuleSet) -> Legend {
        var factSlots: [String: Int] = [:]
        for (i, f) in checked.facts.enumerated() where factSlots[f.name] == nil { factSlots[f.name] = i }
        let parameterNames = checked.parameters.map(\.name)
        func template(_ text: String) -> Template { Template(text, facts: factSlots, parameters: parameterNames) }
        func says(_ s: Says) -> SaysTemplates { SaysTemplates(met: s.met.map(template), notMet: s.notMet.map(template), unknown: s.unknown.map(template)) }
        func notes(_ n: [NoteDecl]) -> [NoteInfo] { n.map { NoteInfo(text: template($0.text), cite: $0.cite) } }
        var legend = Legend()
        legend.facts = checked.facts.map { f in
            FactInfo(
                name: f.name, type: f.type, values: f.values, labels: f.labels, unknownValues: f.unknownValues, fields: f.fields, question: f.question, group: f.group,
                subject: f.subject, role: f.role, sensitive: f.sensitive, future: f.future, notAfter: f.notAfter, isDerived: f.isDerived, cite: f.cite,
                location: f.location, readBy: f.readBy, bounds: f.bounds, asking: f.asking, whyAsked: f.whyAsked)
        }
        legend.rules = checked.rules.map { r in
            RuleInfo(
                id: r.id, title: r.title, cite: r.cite, says: says(r.says), discretionary: r.discretionary, unverified: r.unverified,
                notes: notes(r.notes), parameters: r.parameters.map { Int32($0) }, location: r.location)
        }
        legend.versions = checked.rules.flatMap { r in
            r.versions.map { v in
                VersionInfo(name: v.name, label: v.label, cite: v.cite, says: v.says.map(says), notes: notes(v.notes), unverified: v.unverified, location: v.location)
            }
        }
        legend.programs = checked.programs.map { p in
            ProgramInfo(
                id: p.id, title: p.title, subject: p.subject, cite: p.cite, lawVersion: p.lawVersion, discretionary: p.discretionary,
                notApplicable: p.notApplicable.map { NotApplicableInfo(because: $0.because, instead: $0.instead, cite: $0.cite) },
                notes: notes(p.notes), location: p.location, members: p.members)
        }
        legend.parameters = checked.parameters.map { p in
            ParameterInfo(
                name: p.name, type: p.type, title: p.title,
                values: p.values,
                location: p.location)
        }
        legend.contradictions = checked.contradictions.map { ContradictionInfo(id: $0.id, message: $0.message, cite: $0.cite, location: $0.location) }
        legend.clocks = checked.clocks.map { c in
            ClockInfo(id: c.id, kind: c.kind, title: c.title, subject: c.subject, says: c.says.map(template), cite: c.cite, unverified: c.unverified, warnWithin: c.warnWithin, location: c.location)
        }
        legend.evidence = checked.evidence.map { e in
            EvidenceInfo(rule: e.rule, guide: e.guide, cite: e.cite, items: e.items.map {
                EvidenceItemInfo(id: $0.id, text: $0.text, cite: $0.cite, recorded: $0.onFile != nil, required: $0.required, unverified: $0.unverified)
            })
        }
        legend.evidenceOfRule = Array(repeating: -1, count: checked.rules.count)
        for (i, e) in checked.evidence.enumerated() { legend.evidenceOfRule[e.rule] = Int32(i) }
        legend.graph = RuleGraph(checked)
        return legend
    }
}
