/// A loaded, valid case file: the principal's facts as slots, each family member's, and what
/// the file expects. Only a file with no errors becomes a `CaseFile`.
public struct CaseFile: Sendable, Equatable {
    public struct Member: Sendable, Equatable {
        public var id: String
        /// Full slot array: the principal's facts with this member's `fm_` facts on top.
        public var values: [FactValue]
        public var expect: [String: Outcome]
        public var location: SourceLocation
        /// `expect: {clocks: …}` for this member (issue 13).
        public var expectClocks: [String: ClockExpectation] = [:]
        /// The `fm_` facts this member chose not to answer (slots, ascending); the principal's
        /// declined facts are the file's.
        public var declined: [Int32] = []
    }

    public var path: String
    public var id: String
    public var title: String?
    public var asOf: Int?
    public var source: String?
    public var narrative: String?
    public var values: [FactValue]
    public var members: [Member]
    public var records: [[[FactValue]]]
    public var texts: [String]
    public var expect: [String: Outcome]
    /// `expect: {clocks: …}` for the principal (issue 13).
    public var expectClocks: [String: ClockExpectation] = [:]
    /// Where each given fact was written (principal), compactly: it is read only when a
    /// diagnostic points at a fact.
    public var factPlaces: FactPlaces
    /// The principal's facts the person chose not to answer (slots, ascending): unknown for
    /// every rule, and marked declined wherever a report lists them.
    public var declined: [Int32] = []

    /// Where each given fact was written, by slot (principal).
    public var factLocations: [Int: SourceLocation] {
        get { factPlaces.dictionary }
        set { factPlaces = FactPlaces(newValue, file: path) }
    }

    /// Loops of member references (a member who is, through others, their own
    /// `fm_derivative_parent_id`): per reference fact, each loop once, as (slot, the member
    /// where it is reported, the ids around it). Iterative, so a long chain costs no stack.
    static func referenceCycles(_ members: [(id: String, values: [FactValue])], texts: [String], referenceSlots: [Int]) -> [(slot: Int, member: Int, chain: [String])] {
        var index: [String: Int] = [:]
        for (m, member) in members.enumerated() where index[member.id] == nil { index[member.id] = m }
        var found: [(slot: Int, member: Int, chain: [String])] = []
        for slot in referenceSlots {
            func target(_ m: Int) -> Int? {
                guard case .text(let t) = members[m].values[slot], Int(t) < texts.count else { return nil }
                return index[texts[Int(t)]]
            }
            // 0 unvisited, 1 on the current path, 2 done.
            var state = Array(repeating: 0, count: members.count)
            for start in members.indices where state[start] == 0 {
                var path: [Int] = []
                var m: Int? = start
                while let current = m, state[current] == 0 {
                    state[current] = 1
                    path.append(current)
                    m = target(current)
                }
                if let current = m, state[current] == 1, let first = path.firstIndex(of: current) {
                    let loop = Array(path[first...])
                    found.append((slot: slot, member: loop.last!, chain: (loop + [current]).map { members[$0].id }))
                }
                for p in path { state[p] = 2 }
            }
        }
        return found
    }

    /// Whether the person declined to answer this fact: the principal for a principal fact,
    /// the member (when there is one) for a family-member fact.
    public func isDeclined(_ slot: Int32, member: Int?) -> Bool {
        if let member, members[member].declined.contains(slot) { return true }
        return declined.contains(slot)
    }

    /// The decision date: `--as-of`, else the file's `as_of`, else today.
    public func decisionDate(override: Int?, today: Int) -> Int { override ?? asOf ?? today }
}

/// Line and column of each fact a case file gives, sorted by slot, with the file named once.
public struct FactPlaces: Sendable, Equatable {
    struct Entry: Sendable, Equatable {
        var slot: Int32
        var line: Int32
        var column: Int32
    }

    var file: String
    var entries: [Entry]

    init(file: String, entries: [Entry]) {
        self.file = file
        self.entries = entries.sorted { $0.slot < $1.slot }
    }

    init(_ locations: [Int: SourceLocation], file: String) {
        self.init(file: file, entries: locations.map { Entry(slot: Int32($0.key), line: Int32($0.value.line), column: Int32($0.value.column)) })
        if let other = locations.values.first?.file { self.file = other }
    }

    public subscript(slot: Int) -> SourceLocation? {
        guard let e = entries.first(where: { $0.slot == slot }) else { return nil }
        return SourceLocation(file: file, line: Int(e.line), column: Int(e.column))
    }

    var dictionary: [Int: SourceLocation] {
        Dictionary(uniqueKeysWithValues: entries.map { (Int($0.slot), SourceLocation(file: file, line: Int($0.line), column: Int($0.column))) })
    }
}
