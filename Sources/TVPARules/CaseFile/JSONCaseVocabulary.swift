/// A program's case vocabulary as UTF-8 bytes, built once per loader, so the JSON Lines reader
/// matches fact names, field names, enum values and program ids without making a `String`.
/// A vocabulary with any non-ASCII name, value or program id is not `usable`: the case reader's
/// `String` comparisons follow Unicode canonical equivalence, which bytes do not.
struct JSONCaseVocabulary: Sendable {
    struct Fact: Sendable {
        var type: FactType
        var subject: SubjectName
        /// Enum or list values, in declared order.
        var values: [[UInt8]]
        var fields: [Field]
        /// An integer fact's `min:` / `max:` (else the language's bounds).
        var bounds: ClosedRange<Int> = ValueLimits.integers
    }

    struct Field: Sendable {
        var name: [UInt8]
        var type: FactType
        var values: [[UInt8]]
        /// Some rule reads it: a record that leaves it out gets a warning, from the strict path.
        var read = false
    }

    var facts: [Fact] = []
    /// Open addressing over the names: slot + 1, or 0 for an empty entry.
    private var table: [Int32] = []
    private var names: [[UInt8]] = []
    /// The names end to end, and where each begins (one past the last: the end).
    private var nameBytes: [UInt8] = []
    private var nameStarts: [Int] = []
    /// The family-member slots, which a member's own values overlay on the principal's.
    var memberSlots: [Int] = []
    /// The slots of member references (`type: reference`).
    var referenceSlots: [Int] = []
    /// Program ids that may be expected, by subject.
    var principalPrograms: [[UInt8]] = []
    var memberPrograms: [[UInt8]] = []
    /// Every name, value and program id is ASCII.
    private(set) var usable = true

    init(program: Program) {
        let decls = program.legend.facts
        names = decls.map { Array($0.name.utf8) }
        facts = decls.indices.map { slot in
            let decl = decls[slot]
            let read = program.facts[slot].readFields
            return Fact(
                type: decl.type, subject: decl.subject, values: decl.values.map { Array($0.utf8) },
                fields: decl.fields.enumerated().map { f, field in
                    Field(name: Array(field.name.utf8), type: field.type, values: field.values.map { Array($0.utf8) }, read: f < 64 && read & (1 << UInt64(f)) != 0)
                }, bounds: decl.bounds ?? ValueLimits.integers)
        }
        memberSlots = decls.indices.filter { decls[$0].subject == .familyMember }
        referenceSlots = decls.indices.filter { decls[$0].type == .reference }
        principalPrograms = program.programs.filter { $0.subject == .principal }.map { Array($0.id.utf8) }
        memberPrograms = program.programs.filter { $0.subject == .familyMember }.map { Array($0.id.utf8) }
        let words = names + facts.flatMap { $0.values + $0.fields.flatMap { [$0.name] + $0.values } } + principalPrograms + memberPrograms
        usable = words.allSatisfy { $0.allSatisfy { $0 < 0x80 } }
        nameBytes = names.flatMap { $0 }
        nameStarts = names.reduce(into: [0]) { $0.append($0.last! + $1.count) }
        var size = 16
        while size < decls.count * 4 { size <<= 1 }
        table = Array(repeating: 0, count: size)
        for (slot, name) in names.enumerated() {
            var h = Self.hash(name) & (size - 1)
            while table[h] != 0 { h = (h + 1) & (size - 1) }
            table[h] = Int32(slot + 1)
        }
    }

    /// The slot of the fact named by these bytes.
    func slot(_ name: UnsafeBufferPointer<UInt8>.SubSequence, hash: Int) -> Int? {
        let mask = table.count - 1
        var h = hash & mask
        return table.withUnsafeBufferPointer { table in
            nameStarts.withUnsafeBufferPointer { starts in
                nameBytes.withUnsafeBufferPointer { bytes in
                    while true {
                        let entry = Int(table[h])
                        if entry == 0 { return nil }
                        let start = starts[entry - 1], end = starts[entry]
                        if end - start == name.count && Self.same(name.base.baseAddress! + name.startIndex, bytes.baseAddress! + start, name.count) { return entry - 1 }
                        h = (h + 1) & mask
                    }
                }
            }
        }
    }

    /// FNV-1a, a byte at a time, so the reader hashes a key as it scans it.
    static let hashSeed: UInt64 = 0xcbf2_9ce4_8422_2325
    @inline(__always) static func hash(_ h: UInt64, _ byte: UInt8) -> UInt64 { (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
    @inline(__always) static func finish(_ h: UInt64) -> Int { Int(truncatingIfNeeded: h >> 1) }

    static func hash(_ bytes: some Sequence<UInt8>) -> Int {
        finish(bytes.reduce(hashSeed, hash))
    }

    @inline(__always) static func same(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        for k in 0..<count where a[k] != b[k] { return false }
        return true
    }

    static func equal(_ a: UnsafeBufferPointer<UInt8>.SubSequence, _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        if b.isEmpty { return true }
        return b.withUnsafeBufferPointer { same(a.base.baseAddress! + a.startIndex, $0.baseAddress!, b.count) }
    }

    /// The index of the first of `words` equal to these bytes.
    static func index(of name: UnsafeBufferPointer<UInt8>.SubSequence, in words: [[UInt8]]) -> Int? {
        words.firstIndex { equal(name, $0) }
    }
}
