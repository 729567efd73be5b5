import TVPARules

/// What the edit form is generated from: the program's vocabulary, fact by fact, with its
/// question, type, labelled values and `group:` (law.md §8's sections).
struct FormVocabulary: Codable, Sendable {
    struct Field: Codable, Sendable {
        var name: String
        var type: String
        var values: [String]
        var labels: [String]
    }
    struct Fact: Codable, Sendable {
        var name: String
        var type: String
        var question: String?
        var group: String
        var member: Bool
        var values: [String]
        var labels: [String]
        var fields: [Field]
        var derived: Bool
        var role: String?
        var min: Int?
        var max: Int?
    }
    struct ProgramEntry: Codable, Sendable {
        var id: String
        var title: String
    }
    var facts: [Fact]
    var programs: [ProgramEntry]

    /// The heading of a fact the rules do not group.
    static let ungrouped = "Other facts"

    init(_ legend: Legend) {
        facts = legend.facts.map { f in
            Fact(
                name: f.name, type: f.type.rawValue, question: f.question, group: f.group ?? Self.ungrouped, member: f.subject == .familyMember,
                values: f.values, labels: f.labels, fields: f.fields.map { Field(name: $0.name, type: $0.type.rawValue, values: $0.values, labels: $0.labels) },
                derived: f.isDerived, role: f.role?.rawValue, min: f.bounds?.lowerBound, max: f.bounds?.upperBound)
        }
        var seen = Set<String>()
        programs = legend.programs.compactMap { p in seen.insert(p.id).inserted ? ProgramEntry(id: p.id, title: p.title) : nil }
    }
}
