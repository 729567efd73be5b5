/// One question of an interview, with what a front end needs to ask it: the rules' question,
/// the allowed answers as labelled choices, a record's fields, how hard it is to ask, and the
/// note said before a careful or hard question.
public struct InterviewQuestion: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// A fact of the principal or of a family member.
        case fact
        /// Whether the person has family members who might join, and who they are.
        case familyMembers
    }

    /// An allowed answer: the value a case file writes and the words a person reads.
    public struct Choice: Sendable, Equatable {
        public var value: String
        public var label: String
    }

    /// A field of a record, asked one by one.
    public struct Field: Sendable, Equatable {
        public var name: String
        public var type: FactType
        public var choices: [Choice]
    }

    public var kind: Kind
    public var key: Interview.Key
    /// The fact's name (empty for the family question).
    public var name: String
    /// The family member asked about (nil: the principal).
    public var member: Int?
    /// `principal` or the member's id.
    public var subject: String
    public var text: String
    public var type: FactType
    /// For an enum or a list: its values (less those that mean "not known"); for a reference:
    /// the other members.
    public var choices: [Choice]
    public var fields: [Field]
    public var asking: Asking
    /// Said before a careful or hard question: why it is asked, and that declining is fine.
    public var note: String?
    /// How many undetermined decisions it could help settle.
    public var decides: Int
    /// A derived fact the person may give instead (`age` for a date of birth), and its question.
    public var instead: String?
    public var insteadQuestion: String?
    /// The values an integer may take.
    public var bounds: ClosedRange<Int>?

    /// The family question, in the words of the first family-member program in scope that
    /// declares `members:` (the law says which relations count); a program that declares none
    /// gets the engine's neutral words.
    static func family(_ program: Program, programs: Set<String>?) -> InterviewQuestion {
        let words = program.legend.programs.first { p in
            p.subject == .familyMember && p.members != nil && (programs == nil || programs!.contains(p.id))
        }?.members
        return InterviewQuestion(
            kind: .familyMembers, key: Interview.Key(member: -2, slot: -1), name: "", member: nil, subject: "principal",
            text: words?.question ?? InterviewMessages.familyQuestion, type: .list, choices: [], fields: [], asking: .plain,
            note: ([words?.why].compactMap { $0 } + [InterviewMessages.familyQuestionWhy]).joined(separator: " "), decides: 0, instead: nil, insteadQuestion: nil, bounds: nil)
    }
}

extension InterviewQuestion {
    init(_ missing: MissingFact, key: Interview.Key, program: Program, draft: CaseDraft) {
        let fact = program.legend.facts[Int(key.slot)]
        func choiceList(_ values: [String], _ labels: [String], except: [Int] = []) -> [Choice] {
            values.indices.filter { !except.contains($0) }.map { Choice(value: values[$0], label: $0 < labels.count ? labels[$0] : values[$0]) }
        }
        kind = .fact
        self.key = key
        name = fact.name
        let m = key.member >= 0 ? Int(key.member) : nil
        member = m
        subject = member.map { draft.members[$0].id } ?? "principal"
        text = fact.question ?? fact.name
        type = fact.type
        switch fact.type {
        case .enumeration, .list: self.choices = choiceList(fact.values, fact.labels, except: fact.unknownValues)
        case .reference: self.choices = draft.members.indices.filter { $0 != m }.map { Choice(value: draft.members[$0].id, label: draft.members[$0].id) }
        default: self.choices = []
        }
        fields = fact.fields.map { Field(name: $0.name, type: $0.type, choices: choiceList($0.values, $0.labels)) }
        asking = fact.asking
        note = fact.asking == .plain ? nil : fact.whyAsked.map(InterviewMessages.askedWithCare)
        decides = missing.decides
        bounds = fact.bounds
        // A derived fact computed from this fact alone, which a case may give instead.
        let derived = program.legend.facts.indices.first { d in
            program.legend.facts[d].isDerived && program.legend.facts[d].question != nil && program.facts[d].sources == [key.slot]
        }
        instead = derived.map { program.legend.facts[$0].name }
        insteadQuestion = derived.flatMap { program.legend.facts[$0].question }
    }
}
