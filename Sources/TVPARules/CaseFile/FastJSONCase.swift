import Foundation

/// Reads one JSON Lines case straight into a `CaseFile`, byte by byte, for the common case of
/// a well-formed line. It is a shortcut, never a second judge: what it accepts is strict JSON
/// (a subset of what `JSONLineParser` accepts), and at anything it is not sure of — a syntax
/// error, an unknown key, fact or value, a wrong type, a duplicate key or list value, an
/// escape, a tab, an unusual character, anything the strict path would report — it gives up,
/// and the caller reads the line through the strict path, which alone writes diagnostics.
/// What it accepts it reads into exactly the `CaseFile` the strict path builds, texts and
/// records in the same order.
struct FastJSONCase {
    /// Thrown to give up; carries nothing, as the strict path will say what is wrong.
    struct Unsure: Error {}

    typealias Bytes = UnsafeBufferPointer<UInt8>

    let bytes: Bytes
    let vocabulary: JSONCaseVocabulary
    let path: String
    let line: Int
    var i = 0
    /// Where the last key began, for its location.
    var keyStart = 0
    var keyHash = 0
    /// A non-ASCII character has been read, so columns must be counted in characters.
    var sawNonASCII = false
    /// The characters before a byte offset, as `column` last counted them.
    var counted = (offset: 0, characters: 0)
    var records: [[[FactValue]]] = []
    var texts: [String] = []
    /// One bit per slot, reused by each mapping of facts.
    var given: [UInt64]

    init(bytes: Bytes, vocabulary: JSONCaseVocabulary, path: String, line: Int) {
        self.bytes = bytes
        self.vocabulary = vocabulary
        self.path = path
        self.line = line
        given = Array(repeating: 0, count: (vocabulary.facts.count + 63) / 64)
    }

    /// The case on this line, or nil when the strict path must read it.
    static func read(_ input: CaseInput, vocabulary: JSONCaseVocabulary) -> CaseFile? {
        guard vocabulary.usable else { return nil }
        var text = input.text
        return text.withUTF8 { buffer in
            var reader = FastJSONCase(bytes: buffer, vocabulary: vocabulary, path: input.path, line: input.line)
            return try? reader.readCase()
        }
    }

    // MARK: The envelope

    private enum EnvelopeKey: Int {
        case id, title, asOf, source, narrative, facts, familyMembers, expect, declined
    }

    /// The case reader's envelope keys, in `EnvelopeKey` order.
    private static let envelopeKeys: [[UInt8]] = CaseLoader.envelopeKeys.map { Array($0.utf8) }
    private static let memberKeys: [[UInt8]] = CaseLoader.memberKeys.map { Array($0.utf8) }

    mutating func readCase() throws(Unsure) -> CaseFile {
        let factCount = vocabulary.facts.count
        var id: String?
        var title: String?, source: String?, narrative: String?
        var asOf: Int?
        var values = Array(repeating: FactValue.unknown, count: factCount)
        var locations: [FactPlaces.Entry] = []
        locations.reserveCapacity(factCount)
        var members: [CaseFile.Member] = []
        var references: [Int32] = []
        var expect: [String: Outcome] = [:]
        var declined: [Int32] = []
        var seen = 0
        try open(UInt8(ascii: "{"))
        if !closes(UInt8(ascii: "}")) {
            repeat {
                let key = try key()
                guard let k = JSONCaseVocabulary.index(of: key, in: Self.envelopeKeys).flatMap(EnvelopeKey.init), seen & (1 << k.rawValue) == 0 else { throw Unsure() }
                seen |= 1 << k.rawValue
                switch k {
                case .id:
                    let word = try string()
                    guard Self.isValidId(word) else { throw Unsure() }
                    id = String(decoding: word, as: UTF8.self)
                case .title: title = try text()
                case .source: source = try text()
                case .narrative: narrative = try text()
                case .asOf: asOf = try date()
                case .facts:
                    // The case reader reads the principal's facts before the members', so texts
                    // and records are numbered in that order; the other order is left to it.
                    guard seen & (1 << EnvelopeKey.familyMembers.rawValue) == 0 else { throw Unsure() }
                    if try !null() {
                        var noReferences: [Int32] = []
                        try readFacts(.principal, into: &values, locations: &locations, references: &noReferences)
                    }
                case .familyMembers:
                    try readMembers(into: &members, references: &references)
                case .expect:
                    expect = try readExpect(vocabulary.principalPrograms)
                case .declined:
                    declined = try readDeclined(.principal)
                }
            } while try next(UInt8(ascii: "}"))
        }
        skipSpaces()
        guard i == bytes.count, let id else { throw Unsure() }
        // A fact is answered or declined, not both (the strict path says so).
        for slot in declined where values[Int(slot)].isKnown { throw Unsure() }
        // A member reference names a member of this case.
        if !references.isEmpty {
            let ids = Set(members.map(\.id))
            for t in references where !ids.contains(texts[Int(t)]) { throw Unsure() }
        }
        if !references.isEmpty, !CaseFile.referenceCycles(members.map { ($0.id, $0.values) }, texts: texts, referenceSlots: vocabulary.referenceSlots).isEmpty { throw Unsure() }
        for m in members.indices {
            var merged = values
            for slot in vocabulary.memberSlots { merged[slot] = members[m].values[slot] }
            members[m].values = merged
        }
        return CaseFile(
            path: path, id: id, title: title, asOf: asOf, source: source, narrative: narrative, values: values, members: members,
            records: records, texts: texts, expect: expect, factPlaces: FactPlaces(file: path, entries: locations), declined: declined)
    }

    mutating func readMembers(into members: inout [CaseFile.Member], references: inout [Int32]) throws(Unsure) {
        try open(UInt8(ascii: "["))
        if closes(UInt8(ascii: "]")) { return }
        // The ids so far, so a duplicate is found in one look-up, not by a scan of every member.
        var ids = Set<String>()
        repeat {
            try open(UInt8(ascii: "{"))
            var id: String?
            var location: SourceLocation?
            var values = Array(repeating: FactValue.unknown, count: vocabulary.facts.count)
            var expect: [String: Outcome] = [:]
            var declined: [Int32] = []
            var seen = 0
            if !closes(UInt8(ascii: "}")) {
                repeat {
                    let key = try key()
                    guard let k = JSONCaseVocabulary.index(of: key, in: Self.memberKeys), seen & (1 << k) == 0 else { throw Unsure() }
                    seen |= 1 << k
                    switch k {
                    case 0:
                        skipSpaces()
                        location = SourceLocation(file: path, line: line, column: column(i))
                        let word = try string()
                        guard Self.isValidId(word), !JSONCaseVocabulary.equal(word, Self.principal) else { throw Unsure() }
                        id = String(decoding: word, as: UTF8.self)
                    case 1:
                        var noLocations: [FactPlaces.Entry] = []
                        try readFacts(.familyMember, into: &values, locations: &noLocations, references: &references)
                    case 2:
                        expect = try readExpect(vocabulary.memberPrograms)
                    default:
                        declined = try readDeclined(.familyMember)
                    }
                } while try next(UInt8(ascii: "}"))
            }
            guard let id, let location, ids.insert(id).inserted else { throw Unsure() }
            for slot in declined where values[Int(slot)].isKnown { throw Unsure() }
            members.append(CaseFile.Member(id: id, values: values, expect: expect, location: location, declined: declined))
        } while try next(UInt8(ascii: "]"))
    }

    private static let principal = Array("principal".utf8)

    /// The facts named under `declined:`, in ascending slot order as the case reader keeps them;
    /// a name that is not a fact of this subject, or a name given twice, gives up.
    mutating func readDeclined(_ subject: SubjectName) throws(Unsure) -> [Int32] {
        if try null() { return [] }
        var slots: [Int32] = []
        try open(UInt8(ascii: "["))
        if !closes(UInt8(ascii: "]")) {
            repeat {
                let name = try string()
                guard let slot = vocabulary.slot(name, hash: JSONCaseVocabulary.hash(name)), vocabulary.facts[slot].subject == subject,
                    !slots.contains(Int32(slot))
                else { throw Unsure() }
                slots.append(Int32(slot))
            } while try next(UInt8(ascii: "]"))
        }
        return slots.sorted()
    }

    mutating func readExpect(_ programs: [[UInt8]]) throws(Unsure) -> [String: Outcome] {
        var expect: [String: Outcome] = [:]
        try open(UInt8(ascii: "{"))
        if closes(UInt8(ascii: "}")) { return expect }
        repeat {
            let key = try key()
            guard JSONCaseVocabulary.index(of: key, in: programs) != nil else { throw Unsure() }
            let program = String(decoding: key, as: UTF8.self)
            guard expect[program] == nil, let outcome = Outcome(rawValue: String(decoding: try string(), as: UTF8.self)) else { throw Unsure() }
            expect[program] = outcome
        } while try next(UInt8(ascii: "}"))
        return expect
    }

    // MARK: Facts and values

    /// A subject's facts. Locations are kept for the principal only, as the case reader does.
    mutating func readFacts(_ subject: SubjectName, into values: inout [FactValue], locations: inout [FactPlaces.Entry], references: inout [Int32]) throws(Unsure) {
        try open(UInt8(ascii: "{"))
        if closes(UInt8(ascii: "}")) { return }
        // Which slots this mapping gives, to refuse a key given twice.
        for w in given.indices { given[w] = 0 }
        repeat {
            let key = try key()
            guard let slot = vocabulary.slot(key, hash: keyHash), given[slot >> 6] & (1 << UInt64(slot & 63)) == 0 else { throw Unsure() }
            given[slot >> 6] |= 1 << UInt64(slot & 63)
            guard vocabulary.facts[slot].subject == subject else { throw Unsure() }
            if subject == .principal { locations.append(FactPlaces.Entry(slot: Int32(slot), line: Int32(line), column: Int32(column(keyStart)))) }
            if try null() { continue }
            let type = vocabulary.facts[slot].type
            let value: FactValue
            switch type {
            // The common kinds read here, without handing the fact's value and field lists on
            // (each hand-over was a retain and a release).
            case .bool, .date, .text, .reference: value = try readValue(type, values: 0..<0, fields: [])
            default: value = try readValue(type, values: vocabulary.facts[slot].values, fields: vocabulary.facts[slot].fields, bounds: vocabulary.facts[slot].bounds)
            }
            if type == .reference, case .text(let t) = value { references.append(t) }
            values[slot] = value
        } while try next(UInt8(ascii: "}"))
    }

    /// A value; an integer outside `bounds` gives up, for the YAML path to say so.
    mutating func readValue(_ type: FactType, values: Range<Int>, fields: [JSONCaseVocabulary.Field], bounds: ClosedRange<Int> = ValueLimits.integers) throws(Unsure) -> FactValue {
        switch type {
        case .bool:
            let word = try plain()
            if JSONCaseVocabulary.equal(word, Self.trueWord) { return .bool(true) }
            if JSONCaseVocabulary.equal(word, Self.falseWord) { return .bool(false) }
            throw Unsure()
        case .integer:
            let n = try integer()
            guard bounds.contains(n) else { throw Unsure() }
            return .number(n)
        case .date:
            return .number(try date())
        case .enumeration:
            guard let index = vocabulary.values.index(of: try string(), in: values) else { throw Unsure() }
            return .choice(index)
        case .list:
            var bits: UInt64 = 0
            try open(UInt8(ascii: "["))
            if !closes(UInt8(ascii: "]")) {
                repeat {
                    // A value given twice is an error (`case.duplicate-value`).
                    guard let index = vocabulary.values.index(of: try string(), in: values), bits & (1 << UInt64(index)) == 0 else { throw Unsure() }
                    bits |= 1 << UInt64(index)
                } while try next(UInt8(ascii: "]"))
            }
            return .set(bits)
        case .records:
            guard fields.count <= 64 else { throw Unsure() }
            var list: [[FactValue]] = []
            try open(UInt8(ascii: "["))
            if !closes(UInt8(ascii: "]")) {
                repeat {
                    list.append(try readRecord(fields))
                } while try next(UInt8(ascii: "]"))
            }
            records.append(list)
            return .records(Int32(records.count - 1))
        case .text, .reference:
            return .text(try addText())
        }
    }

    mutating func readRecord(_ fields: [JSONCaseVocabulary.Field]) throws(Unsure) -> [FactValue] {
        var record = Array(repeating: FactValue.unknown, count: fields.count)
        var seen: UInt64 = 0
        // A record that leaves out a field the rules read gets a warning: the strict path says it.
        var read: UInt64 = 0
        for (f, field) in fields.enumerated() where field.read { read |= 1 << UInt64(f) }
        try open(UInt8(ascii: "{"))
        if closes(UInt8(ascii: "}")) {
            if read != 0 { throw Unsure() }
            return record
        }
        repeat {
            let key = try key()
            guard let f = fields.firstIndex(where: { JSONCaseVocabulary.equal(key, $0.name) }), seen & (1 << UInt64(f)) == 0 else { throw Unsure() }
            seen |= 1 << UInt64(f)
            if try null() { continue }
            // A record inside a record is read by the case reader without its fields.
            guard fields[f].type != .records else { throw Unsure() }
            record[f] = try readValue(fields[f].type, values: fields[f].values, fields: [])
        } while try next(UInt8(ascii: "}"))
        if seen & read != read { throw Unsure() }
        return record
    }

    private static let trueWord = Array("true".utf8)
    private static let falseWord = Array("false".utf8)
    private static let nullWord = Array("null".utf8)

    // MARK: Tokens

    @inline(__always) mutating func skipSpaces() {
        while i < bytes.count && bytes[i] == 0x20 { i += 1 }
    }

    /// Consumes `byte` (after spaces), or gives up.
    @inline(__always) mutating func open(_ byte: UInt8) throws(Unsure) {
        skipSpaces()
        guard i < bytes.count, bytes[i] == byte else { throw Unsure() }
        i += 1
    }

    /// Consumes `byte` (after spaces) if it comes next: an empty object or array.
    @inline(__always) mutating func closes(_ byte: UInt8) -> Bool {
        skipSpaces()
        guard i < bytes.count, bytes[i] == byte else { return false }
        i += 1
        return true
    }

    /// After an item: true at a comma, false at the closing `byte`; anything else gives up.
    @inline(__always) mutating func next(_ close: UInt8) throws(Unsure) -> Bool {
        skipSpaces()
        guard i < bytes.count else { throw Unsure() }
        let b = bytes[i]
        i += 1
        if b == UInt8(ascii: ",") { return true }
        if b == close { return false }
        throw Unsure()
    }

    /// The offset of the next `"` at or after `from`, eight bytes at a time.
    @inline(__always) func quote(from: Int) -> Int? {
        let p = bytes.baseAddress!, n = bytes.count
        var k = from
        while k + 8 <= n {
            // A zero byte of `w ^ """""""""` is a quote; the lowest flag is the first one.
            let x = UnsafeRawPointer(p + k).loadUnaligned(as: UInt64.self) ^ 0x2222_2222_2222_2222
            let zero = (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080
            if zero != 0 { return k + zero.trailingZeroBitCount >> 3 }
            k += 8
        }
        while k < n {
            if p[k] == UInt8(ascii: "\"") { return k }
            k += 1
        }
        return nil
    }

    /// A key and its colon; where it begins is left in `keyStart`, its hash in `keyHash`.
    /// The colon must follow the key at once: libyaml forgets a key whose colon is over 1024
    /// characters on.
    ///
    /// Its bytes are not checked here: every key is looked up among names the vocabulary holds
    /// (fact, field, envelope and program names, printable ASCII with no backslash: `usable`),
    /// so a key with an escape, a control character or a non-ASCII byte matches none, and the
    /// reader gives up there.
    mutating func key() throws(Unsure) -> Bytes.SubSequence {
        skipSpaces()
        keyStart = i
        guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw Unsure() }
        let start = i + 1
        guard let end = quote(from: start) else { throw Unsure() }
        i = end
        guard i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: ":") else { throw Unsure() }
        i += 2
        keyHash = JSONCaseVocabulary.hash(bytes.baseAddress! + start, end - start)
        return bytes[start..<end]
    }

    /// A double-quoted string with no escapes: a word (a key, id, date or value, which the
    /// caller matches against what it may be, so its bytes need no check here: see `key()`),
    /// or with `anyText` free text of printable characters.
    mutating func string(anyText: Bool = false) throws(Unsure) -> Bytes.SubSequence {
        skipSpaces()
        guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw Unsure() }
        i += 1
        let start = i
        if !anyText {
            guard let end = quote(from: start) else { throw Unsure() }
            i = end + 1
            return bytes[start..<end]
        }
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                i += 1
                return bytes[start..<(i - 1)]
            }
            if b < 0x80 {
                // Escapes, control characters and DEL are left to the strict path.
                guard b >= 0x20, b != UInt8(ascii: "\\"), b != 0x7F else { throw Unsure() }
                i += 1
            } else {
                try skipCharacter()
            }
        }
        throw Unsure()
    }

    /// One multi-byte UTF-8 character (the text is valid UTF-8), if it is an ordinary printable
    /// one: no C1 controls, no U+2028 / U+2029, no byte order mark, no noncharacter. The rest
    /// is left to the strict path (it reports a byte-order mark).
    mutating func skipCharacter() throws(Unsure) {
        sawNonASCII = true
        let b = bytes[i]
        let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
        guard i + length <= bytes.count else { throw Unsure() }
        var scalar = UInt32(b) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in 1..<length { scalar = scalar << 6 | UInt32(bytes[i + k] & 0x3F) }
        switch scalar {
        case 0xA0...0x2027, 0x202A...0xD7FF, 0xE000...0xFEFE, 0xFF00...0xFFFD, 0x10000...0x10FFFF: i += length
        default: throw Unsure()
        }
    }

    /// Free text: a string of any printable characters.
    mutating func text() throws(Unsure) -> String {
        String(decoding: try string(anyText: true), as: UTF8.self)
    }

    /// Free text added to the case's texts; its index.
    mutating func addText() throws(Unsure) -> Int32 {
        texts.append(try text())
        return Int32(texts.count - 1)
    }

    /// A plain (unquoted) word: up to a space, comma or closing bracket.
    mutating func plain() throws(Unsure) -> Bytes.SubSequence {
        skipSpaces()
        let start = i
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x20 || b == UInt8(ascii: ",") || b == UInt8(ascii: "}") || b == UInt8(ascii: "]") { break }
            i += 1
        }
        guard i > start else { throw Unsure() }
        return bytes[start..<i]
    }

    /// `null` comes next (and is consumed): an unknown value.
    mutating func null() throws(Unsure) -> Bool {
        skipSpaces()
        guard i < bytes.count, bytes[i] == UInt8(ascii: "n") else { return false }
        guard JSONCaseVocabulary.equal(try plain(), Self.nullWord) else { throw Unsure() }
        return true
    }

    /// A plain integer as JSON writes it: an optional minus and at most 18 digits, so it cannot
    /// overflow, with no leading zero (`017` is no JSON number).
    mutating func integer() throws(Unsure) -> Int {
        let word = try plain()
        var k = word.startIndex
        let negative = word[k] == UInt8(ascii: "-")
        if negative { k += 1 }
        guard k < word.endIndex, word.endIndex - k <= 18, word[k] != UInt8(ascii: "0") || word.endIndex - k == 1 else { throw Unsure() }
        var n = 0
        while k < word.endIndex {
            let d = word[k] &- UInt8(ascii: "0")
            guard d < 10 else { throw Unsure() }
            n = n * 10 + Int(d)
            k += 1
        }
        return negative ? -n : n
    }

    /// A quoted `YYYY-MM-DD` that is on the calendar and not before the earliest date a case
    /// holds (`ValueLimits.earliestCaseDate`), as a day number.
    mutating func date() throws(Unsure) -> Int {
        let word = try string()
        guard word.count == 10 else { throw Unsure() }
        let s = word.startIndex
        func number(_ from: Int, _ count: Int) throws(Unsure) -> Int {
            var n = 0
            for k in (s + from)..<(s + from + count) {
                let d = word[k] &- UInt8(ascii: "0")
                guard d < 10 else { throw Unsure() }
                n = n * 10 + Int(d)
            }
            return n
        }
        guard word[s + 4] == UInt8(ascii: "-"), word[s + 7] == UInt8(ascii: "-") else { throw Unsure() }
        let y = try number(0, 4), m = try number(5, 2), d = try number(8, 2)
        guard (1...12).contains(m), d >= 1, d <= CivilDate.daysIn(month: m, year: y) else { throw Unsure() }
        let day = CivilDate.dayNumber(year: y, month: m, day: d)
        guard day >= ValueLimits.earliestCaseDate else { throw Unsure() }
        return day
    }

    /// The 1-based column of a byte offset, in characters as libyaml counts them. Offsets are
    /// asked for in increasing order, so the count goes on from the last one: a line of many
    /// members after non-ASCII text is counted once, not once per member.
    mutating func column(_ offset: Int) -> Int {
        guard sawNonASCII else { return offset + 1 }
        var (k, characters) = offset >= counted.offset ? counted : (0, 0)
        while k < offset {
            if bytes[k] & 0xC0 != 0x80 { characters += 1 }
            k += 1
        }
        counted = (offset, characters)
        return characters + 1
    }

    static func isValidId(_ word: Bytes.SubSequence) -> Bool {
        !word.isEmpty && word.allSatisfy { (97...122).contains($0) || (48...57).contains($0) || $0 == 45 }
    }
}
