import Foundation

/// A program's case vocabulary as UTF-8 bytes, built once per loader, so the JSON Lines reader
/// matches fact names, field names, enum values and program ids without making a `String`.
/// A vocabulary with any name, value or program id that is not printable ASCII (or holds a quote
/// or a backslash) is not `usable`: the case reader's `String` comparisons follow Unicode
/// canonical equivalence, which bytes do not, and the reader leaves keys unchecked.
struct JSONCaseVocabulary: Sendable {
    struct Fact: Sendable {
        var type: FactType
        var subject: SubjectName
        /// Enum or list values, in declared order: a range of the vocabulary's `values`.
        var values: Range<Int>
        var fields: [Field]
        /// An integer fact's `min:` / `max:` (else the language's bounds).
        var bounds: ClosedRange<Int> = ValueLimits.integers
    }

    struct Field: Sendable {
        var name: [UInt8]
        var type: FactType
        var values: Range<Int>
        /// Some rule reads it: a record that leaves it out gets a warning, from the strict path.
        var read = false
    }

    var facts: [Fact] = []
    /// Every enum and list value of every fact and field, end to end.
    private(set) var values = WordList()
    /// Open addressing over the names: slot + 1, or 0 for an empty entry.
    private var table: [Int32] = []
    /// The fact names, by slot.
    private var names = WordList()
    /// The family-member slots, which a member's own values overlay on the principal's.
    var memberSlots: [Int] = []
    /// The slots of member references (`type: reference`).
    var referenceSlots: [Int] = []
    /// Program ids that may be expected, by subject.
    var principalPrograms: [[UInt8]] = []
    var memberPrograms: [[UInt8]] = []
    /// Every name, value and program id is printable ASCII, with no quote or backslash.
    private(set) var usable = true

    init(program: Program) {
        let decls = program.legend.facts
        let nameWords = decls.map { Array($0.name.utf8) }
        _ = names.append(nameWords)
        var valueList = WordList()
        facts = decls.indices.map { slot in
            let decl = decls[slot]
            let read = program.facts[slot].readFields
            return Fact(
                type: decl.type, subject: decl.subject, values: valueList.append(decl.values.map { Array($0.utf8) }),
                fields: decl.fields.enumerated().map { f, field in
                    Field(name: Array(field.name.utf8), type: field.type, values: valueList.append(field.values.map { Array($0.utf8) }), read: f < 64 && read & (1 << UInt64(f)) != 0)
                }, bounds: decl.bounds ?? ValueLimits.integers)
        }
        values = valueList
        memberSlots = decls.indices.filter { decls[$0].subject == .familyMember }
        referenceSlots = decls.indices.filter { decls[$0].type == .reference }
        principalPrograms = program.programs.filter { $0.subject == .principal }.map { Array($0.id.utf8) }
        memberPrograms = program.programs.filter { $0.subject == .familyMember }.map { Array($0.id.utf8) }
        let words = nameWords + values.all + facts.flatMap { $0.fields.map(\.name) } + principalPrograms + memberPrograms
        // Printable ASCII with no quote or backslash: the byte-level reader leaves keys and words
        // unchecked because a key with anything else can match none of these.
        usable = words.allSatisfy { $0.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") } }
        var size = 16
        while size < decls.count * 4 { size <<= 1 }
        table = Array(repeating: 0, count: size)
        for (slot, name) in nameWords.enumerated() {
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
            while true {
                let entry = Int(table[h])
                if entry == 0 { return nil }
                if names.matches(entry - 1, name) { return entry - 1 }
                h = (h + 1) & mask
            }
        }
    }

    /// A name's hash: its length and its first and last eight bytes (fewer, for a shorter
    /// name), mixed. Fact names differ early or late, and the table's probe compares the bytes
    /// anyway, so reading two words replaces a multiply for every byte of every key.
    @inline(__always) static func hash(_ p: UnsafePointer<UInt8>, _ count: Int) -> Int {
        var head: UInt64 = 0, tail: UInt64 = 0
        if count >= 8 {
            head = UnsafeRawPointer(p).loadUnaligned(as: UInt64.self)
            tail = UnsafeRawPointer(p + count - 8).loadUnaligned(as: UInt64.self)
        } else {
            for k in 0..<count { head = head << 8 | UInt64(p[k]) }
        }
        var h = (head ^ 0x9E37_79B9_7F4A_7C15) &* 0xBF58_476D_1CE4_E5B9
        h ^= (tail &+ UInt64(count)) &* 0x94D0_49BB_1331_11EB
        h ^= h >> 29
        return Int(truncatingIfNeeded: h >> 1)
    }

    static func hash(_ name: UnsafeBufferPointer<UInt8>.SubSequence) -> Int {
        guard !name.isEmpty else { return hash(UnsafePointer(bitPattern: 1)!, 0) }
        return hash(name.base.baseAddress! + name.startIndex, name.count)
    }

    static func hash(_ bytes: [UInt8]) -> Int {
        bytes.withUnsafeBufferPointer { hash($0[...]) }
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

/// Words end to end, found without an array per word (looking through an array of arrays cost a
/// retain and a release for each word compared).
struct WordList: Sendable {
    private var bytes: [UInt8] = []
    private var starts: [Int] = [0]

    /// Adds the words; their indices.
    mutating func append(_ words: [[UInt8]]) -> Range<Int> {
        let first = starts.count - 1
        for word in words {
            bytes += word
            starts.append(bytes.count)
        }
        return first..<(starts.count - 1)
    }

    var all: [[UInt8]] { (0..<(starts.count - 1)).map { Array(bytes[starts[$0]..<starts[$0 + 1]]) } }

    /// Whether word `k` is these bytes.
    @inline(__always) func matches(_ k: Int, _ name: UnsafeBufferPointer<UInt8>.SubSequence) -> Bool {
        starts.withUnsafeBufferPointer { starts in
            bytes.withUnsafeBufferPointer { bytes in
                starts[k + 1] - starts[k] == name.count
                    && (name.isEmpty || memcmp(name.base.baseAddress! + name.startIndex, bytes.baseAddress! + starts[k], name.count) == 0)
            }
        }
    }

    /// Where these bytes are among the words in `range`, counted from its start.
    func index(of name: UnsafeBufferPointer<UInt8>.SubSequence, in range: Range<Int>) -> Int? {
        for k in range where matches(k, name) { return k - range.lowerBound }
        return nil
    }
}
