/// Compile: a `Program` as bytes, so the shipped rules need not be parsed, checked and compiled
/// at every start. The image of the shipped rules is made ahead of time (`tvpa dump --stage
/// image`, scripts/compile-rules) and embedded beside the YAML it was compiled from; it records
/// a hash of that YAML, and `ShippedProgram` uses it only when the hash matches the YAML
/// embedded in the same binary, else it compiles the YAML. A stale image can therefore make a
/// start slower but never change an answer, and a test fails until it is made again.
///
/// The layout: the magic line, a string table (each distinct string once), then the program
/// field by field in declaration order. Integers are LEB128 varints (zigzag for signed ones).
/// Reading checks every length and index, and gives nil rather than trapping on a damaged image.
public enum ProgramImage {
    static let magic = Array("tvpa.program/2\n".utf8)

    /// The image of `program`, compiled from rule files whose `rulesHash` is given.
    public static func encode(_ program: Program, rulesHash: UInt64) -> [UInt8] {
        var body = ImageWriter()
        body.u64(rulesHash)
        program.write(to: &body)
        var rest = ImageWriter()
        rest.uint(body.strings.count)
        for s in body.strings {
            rest.uint(s.utf8.count)
            rest.bytes.append(contentsOf: s.utf8)
        }
        rest.bytes += body.bytes
        var head = ImageWriter()
        head.u64(checksum(rest.bytes[...]))
        return magic + head.bytes + rest.bytes
    }

    /// The program in an image and the hash of the rule files it was compiled from; nil when the
    /// bytes are not an image of this version or are damaged.
    public static func decode(_ bytes: [UInt8]) -> (program: Program, rulesHash: UInt64)? {
        bytes.withUnsafeBufferPointer { buffer -> (Program, UInt64)? in
            guard buffer.count >= magic.count, Array(buffer[0..<magic.count]) == magic else { return nil }
            var reader = ImageReader(buffer, at: magic.count)
            do {
                let sum = try reader.u64()
                guard sum == checksum(buffer[reader.offset...]) else { return nil }
                let count = try reader.uint()
                guard count <= buffer.count else { return nil }
                var strings: [String] = []
                strings.reserveCapacity(count)
                for _ in 0..<count {
                    let n = try reader.uint()
                    strings.append(try reader.utf8(n))
                }
                reader.strings = strings
                let hash = try reader.u64()
                let program = try Program(from: &reader)
                guard reader.atEnd else { return nil }
                return (program, hash)
            } catch {
                return nil
            }
        }
    }

    /// FNV-1a over the image after its checksum, so a damaged image is refused before it is read.
    static func checksum<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var h = FNV1a()
        h.mix(bytes)
        return h.value
    }

    /// FNV-1a over each rule file's path and text, each ended by a zero byte, in order: what an
    /// image is checked against (EmbedRulesTool computes the same when it embeds the files).
    public static func rulesHash(_ files: [(path: String, text: String)]) -> UInt64 {
        var h = FNV1a()
        for file in files {
            h.mix(file.path.utf8)
            h.mix(CollectionOfOne(0))
            h.mix(file.text.utf8)
            h.mix(CollectionOfOne(0))
        }
        return h.value
    }
}

/// The 64-bit FNV-1a hash, fed in pieces.
struct FNV1a {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func mix<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
        for b in bytes {
            value ^= UInt64(b)
            value = value &* 0x100_0000_01b3
        }
    }
}

struct ImageError: Error {}

struct ImageWriter {
    var bytes: [UInt8] = []
    var strings: [String] = []
    private var stringIndex: [String: Int] = [:]

    mutating func uint(_ v: Int) { u64(UInt64(v)) }
    mutating func u64(_ v: UInt64) {
        var v = v
        while v >= 0x80 {
            bytes.append(UInt8(v & 0x7f) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }
    mutating func int(_ v: Int) { u64(UInt64(bitPattern: Int64((v << 1) ^ (v >> 63)))) }
    mutating func i32(_ v: Int32) { int(Int(v)) }
    mutating func bool(_ v: Bool) { bytes.append(v ? 1 : 0) }
    mutating func string(_ s: String) {
        if let i = stringIndex[s] { return uint(i) }
        stringIndex[s] = strings.count
        uint(strings.count)
        strings.append(s)
    }
    mutating func tag(_ t: UInt8) { bytes.append(t) }
    mutating func write<T: ImageCodable>(_ v: T) { v.write(to: &self) }
    mutating func writeOptional<T: ImageCodable>(_ v: T?) {
        guard let v else { return bool(false) }
        bool(true)
        v.write(to: &self)
    }
    mutating func writeArray<T: ImageCodable>(_ v: [T]) {
        uint(v.count)
        for e in v { e.write(to: &self) }
    }
}

struct ImageReader {
    let buffer: UnsafeBufferPointer<UInt8>
    var offset: Int
    var strings: [String] = []

    init(_ buffer: UnsafeBufferPointer<UInt8>, at offset: Int) {
        self.buffer = buffer
        self.offset = offset
    }

    var atEnd: Bool { offset == buffer.count }

    mutating func byte() throws -> UInt8 {
        guard offset < buffer.count else { throw ImageError() }
        defer { offset += 1 }
        return buffer[offset]
    }
    mutating func u64() throws -> UInt64 {
        var v: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let b = try byte()
            guard shift < 64 else { throw ImageError() }
            v |= UInt64(b & 0x7f) << shift
            if b < 0x80 { return v }
            shift += 7
        }
    }
    mutating func uint() throws -> Int {
        let v = try u64()
        guard v <= UInt64(Int.max) else { throw ImageError() }
        return Int(v)
    }
    mutating func int() throws -> Int {
        let v = try u64()
        return Int(Int64(bitPattern: v >> 1) ^ -Int64(bitPattern: v & 1))
    }
    mutating func i32() throws -> Int32 {
        guard let v = Int32(exactly: try int()) else { throw ImageError() }
        return v
    }
    mutating func bool() throws -> Bool {
        switch try byte() {
        case 0: return false
        case 1: return true
        default: throw ImageError()
        }
    }
    /// A count of elements still to read, bounded by the bytes left (each element takes one at least).
    mutating func count() throws -> Int {
        let n = try uint()
        guard n <= buffer.count - offset else { throw ImageError() }
        return n
    }
    mutating func utf8(_ n: Int) throws -> String {
        guard n <= buffer.count - offset else { throw ImageError() }
        let slice = UnsafeBufferPointer(rebasing: buffer[offset..<offset + n])
        guard let s = String(validating: slice, as: UTF8.self) else { throw ImageError() }
        offset += n
        return s
    }
    mutating func string() throws -> String {
        let i = try uint()
        guard i < strings.count else { throw ImageError() }
        return strings[i]
    }
    mutating func read<T: ImageCodable>(_: T.Type = T.self) throws -> T { try T(from: &self) }
    mutating func readOptional<T: ImageCodable>(_: T.Type) throws -> T? { try bool() ? T(from: &self) : nil }
    mutating func readArray<T: ImageCodable>(_: T.Type) throws -> [T] {
        let n = try count()
        var out: [T] = []
        out.reserveCapacity(n)
        for _ in 0..<n { out.append(try T(from: &self)) }
        return out
    }
    mutating func raw<T: RawRepresentable>(_: T.Type = T.self) throws -> T where T.RawValue == String {
        guard let v = T(rawValue: try string()) else { throw ImageError() }
        return v
    }
}

protocol ImageCodable {
    func write(to w: inout ImageWriter)
    init(from r: inout ImageReader) throws
}

extension Int: ImageCodable {
    func write(to w: inout ImageWriter) { w.int(self) }
    init(from r: inout ImageReader) throws { self = try r.int() }
}

extension Int32: ImageCodable {
    func write(to w: inout ImageWriter) { w.i32(self) }
    init(from r: inout ImageReader) throws { self = try r.i32() }
}

extension String: ImageCodable {
    func write(to w: inout ImageWriter) { w.string(self) }
    init(from r: inout ImageReader) throws { self = try r.string() }
}

extension Bool: ImageCodable {
    func write(to w: inout ImageWriter) { w.bool(self) }
    init(from r: inout ImageReader) throws { self = try r.bool() }
}

extension Array: ImageCodable where Element: ImageCodable {
    func write(to w: inout ImageWriter) { w.writeArray(self) }
    init(from r: inout ImageReader) throws { self = try r.readArray(Element.self) }
}

extension Optional: ImageCodable where Wrapped: ImageCodable {
    func write(to w: inout ImageWriter) { w.writeOptional(self) }
    init(from r: inout ImageReader) throws { self = try r.readOptional(Wrapped.self) }
}

/// The string-valued enums of the language, by their raw values.
protocol ImageRaw: ImageCodable, RawRepresentable where RawValue == String {}
extension ImageRaw {
    func write(to w: inout ImageWriter) { w.string(rawValue) }
    init(from r: inout ImageReader) throws { self = try r.raw(Self.self) }
}
extension FactType: ImageRaw {}
extension SubjectName: ImageRaw {}
extension FactRole: ImageRaw {}
extension CombineSyntax: ImageRaw {}
extension ComparisonOperator: ImageRaw {}
extension ClockKind: ImageRaw {}
extension Asking: ImageRaw {}

extension SourceLocation: ImageCodable {
    func write(to w: inout ImageWriter) {
        w.string(file)
        w.int(line)
        w.int(column)
    }
    init(from r: inout ImageReader) throws { self.init(file: try r.string(), line: try r.int(), column: try r.int()) }
}

// MARK: - The evaluation plan

extension Program.ConditionOp: ImageCodable {
    func write(to w: inout ImageWriter) {
        switch self {
        case .all(let first, let count): w.tag(0); w.i32(first); w.i32(count)
        case .any(let first, let count): w.tag(1); w.i32(first); w.i32(count)
        case .not(let c): w.tag(2); w.i32(c)
        case .possible(let c): w.tag(3); w.i32(c)
        case .rule(let r): w.tag(4); w.i32(r)
        case .pinnedVersion(let r, let v): w.tag(5); w.i32(r); w.i32(v)
        case .test(let operand, let test): w.tag(6); w.write(operand); w.write(test)
        case .compare(let op, let a, let b): w.tag(7); w.write(op); w.i32(a); w.i32(b)
        case .records(let every, let fact, let body): w.tag(8); w.bool(every); w.i32(fact); w.i32(body)
        case .decision(let fact, let granted, let denied, let pending): w.tag(9); w.i32(fact); w.u64(granted); w.u64(denied); w.u64(pending)
        case .memberRule(let m): w.tag(10); w.i32(m)
        }
    }
    init(from r: inout ImageReader) throws {
        switch try r.byte() {
        case 0: self = .all(first: try r.i32(), count: try r.i32())
        case 1: self = .any(first: try r.i32(), count: try r.i32())
        case 2: self = .not(try r.i32())
        case 3: self = .possible(try r.i32())
        case 4: self = .rule(try r.i32())
        case 5: self = .pinnedVersion(rule: try r.i32(), version: try r.i32())
        case 6: self = .test(try r.read(), try r.read())
        case 7: self = .compare(try r.read(), try r.i32(), try r.i32())
        case 8: self = .records(every: try r.bool(), fact: try r.i32(), body: try r.i32())
        case 9: self = .decision(fact: try r.i32(), granted: try r.u64(), denied: try r.u64(), pending: try r.u64())
        case 10: self = .memberRule(try r.i32())
        default: throw ImageError()
        }
    }
}

extension Operand: ImageCodable {
    func write(to w: inout ImageWriter) {
        switch self {
        case .fact(let f): w.tag(0); w.int(f)
        case .field(let f): w.tag(1); w.int(f)
        }
    }
    init(from r: inout ImageReader) throws {
        switch try r.byte() {
        case 0: self = .fact(try r.int())
        case 1: self = .field(try r.int())
        default: throw ImageError()
        }
    }
}

extension FactTest: ImageCodable {
    func write(to w: inout ImageWriter) {
        switch self {
        case .isTrue: w.tag(0)
        case .equals(let v): w.tag(1); w.int(v)
        case .oneOf(let m): w.tag(2); w.u64(m)
        case .has(let v): w.tag(3); w.int(v)
        case .subsetOf(let m): w.tag(4); w.u64(m)
        }
    }
    init(from r: inout ImageReader) throws {
        switch try r.byte() {
        case 0: self = .isTrue
        case 1: self = .equals(try r.int())
        case 2: self = .oneOf(try r.u64())
        case 3: self = .has(try r.int())
        case 4: self = .subsetOf(try r.u64())
        default: throw ImageError()
        }
    }
}

extension Program.MemberRule: ImageCodable {
    func write(to w: inout ImageWriter) { w.i32(rule); w.i32(reference) }
    init(from r: inout ImageReader) throws { self.init(rule: try r.i32(), reference: try r.i32()) }
}

extension Program.ValueOp: ImageCodable {
    func write(to w: inout ImageWriter) {
        switch self {
        case .fact(let f): w.tag(0); w.i32(f)
        case .field(let f): w.tag(1); w.i32(f)
        case .decisionDate: w.tag(2)
        case .constant(let c): w.tag(3); w.int(c)
        case .parameter(let p): w.tag(4); w.i32(p)
        case .yearsBetween(let a, let b): w.tag(5); w.i32(a); w.i32(b)
        case .addDays(let a, let b): w.tag(6); w.i32(a); w.i32(b)
        case .addMonths(let a, let b): w.tag(7); w.i32(a); w.i32(b)
        case .addYears(let a, let b): w.tag(8); w.i32(a); w.i32(b)
        case .ifThenElse(let c, let a, let b): w.tag(9); w.i32(c); w.i32(a); w.i32(b)
        case .knownOr(let a, let b): w.tag(10); w.i32(a); w.i32(b)
        case .daysBetween(let a, let b): w.tag(11); w.i32(a); w.i32(b)
        case .sumRecords(let fact, let of, let condition): w.tag(12); w.i32(fact); w.i32(of); w.i32(condition)
        }
    }
    init(from r: inout ImageReader) throws {
        switch try r.byte() {
        case 0: self = .fact(try r.i32())
        case 1: self = .field(try r.i32())
        case 2: self = .decisionDate
        case 3: self = .constant(try r.int())
        case 4: self = .parameter(try r.i32())
        case 5: self = .yearsBetween(try r.i32(), try r.i32())
        case 6: self = .addDays(try r.i32(), try r.i32())
        case 7: self = .addMonths(try r.i32(), try r.i32())
        case 8: self = .addYears(try r.i32(), try r.i32())
        case 9: self = .ifThenElse(try r.i32(), try r.i32(), try r.i32())
        case 10: self = .knownOr(try r.i32(), try r.i32())
        case 11: self = .daysBetween(try r.i32(), try r.i32())
        case 12: self = .sumRecords(fact: try r.i32(), of: try r.i32(), where: try r.i32())
        default: throw ImageError()
        }
    }
}

extension Program.NodeOwner: ImageCodable {
    func write(to w: inout ImageWriter) {
        switch self {
        case .rule(let r, let note): w.tag(0); w.i32(r); w.bool(note)
        case .program(let p): w.tag(1); w.i32(p)
        case .contradiction(let c): w.tag(2); w.i32(c)
        case .fact(let f): w.tag(3); w.i32(f)
        case .clock(let c): w.tag(4); w.i32(c)
        case .evidence(let e): w.tag(5); w.i32(e)
        }
    }
    init(from r: inout ImageReader) throws {
        switch try r.byte() {
        case 0: self = .rule(try r.i32(), note: try r.bool())
        case 1: self = .program(try r.i32())
        case 2: self = .contradiction(try r.i32())
        case 3: self = .fact(try r.i32())
        case 4: self = .clock(try r.i32())
        case 5: self = .evidence(try r.i32())
        default: throw ImageError()
        }
    }
}

extension Program.NodeInfo: ImageCodable {
    func write(to w: inout ImageWriter) {
        w.string(path); w.write(owner); w.write(id); w.write(location); w.write(facts); w.write(decisionBy)
    }
    init(from r: inout ImageReader) throws {
        self.init(path: try r.string(), owner: try r.read(), id: try r.read(), location: try r.read(), facts: try r.read(), decisionBy: try r.read())
    }
}

extension Program.Clock: ImageCodable {
    func write(to w: inout ImageWriter) { w.write(subject); w.i32(date); w.i32(self.when); w.write(dateFacts) }
    init(from r: inout ImageReader) throws {
        self.init(subject: try r.read(), date: try r.i32(), when: try r.i32(), dateFacts: try r.read())
    }
}

extension Program.EvidenceList: ImageCodable {
    func write(to w: inout ImageWriter) { w.i32(rule); w.write(onFile) }
    init(from r: inout ImageReader) throws { self.init(rule: try r.i32(), onFile: try r.read()) }
}

extension Program.Version: ImageCodable {
    func write(to w: inout ImageWriter) {
        w.string(name); w.int(from); w.int(until); w.i32(applies); w.i32(self.when); w.write(unless); w.write(notes)
    }
    init(from r: inout ImageReader) throws {
        self.init(name: try r.string(), from: try r.int(), until: try r.int(), applies: try r.i32(), when: try r.i32(), unless: try r.read(), notes: try r.read())
    }
}

extension Program.Rule: ImageCodable {
    func write(to w: inout ImageWriter) {
        w.int(from); w.int(until); w.int(versions.lowerBound); w.int(versions.upperBound); w.bool(hasDeclaredVersions)
        w.write(combine); w.bool(perMember); w.write(notes)
    }
    init(from r: inout ImageReader) throws {
        let from = try r.int(), until = try r.int(), lower = try r.int(), upper = try r.int()
        guard lower <= upper else { throw ImageError() }
        self.init(from: from, until: until, versions: lower..<upper, hasDeclaredVersions: try r.bool(), combine: try r.read(), perMember: try r.bool(), notes: try r.read())
    }
}

extension Program.Fact: ImageCodable {
    func write(to w: inout ImageWriter) {
        w.write(type); w.u64(unknownMask); w.i32(derived); w.write(sources); w.write(notAfter); w.write(notBefore); w.bool(future)
        w.uint(givenAges.count)
        for g in givenAges { w.i32(g.slot); w.i32(g.other) }
        w.bool(subjectIsMember); w.u64(readFields)
    }
    init(from r: inout ImageReader) throws {
        let type: FactType = try r.read()
        let unknownMask = try r.u64(), derived = try r.i32()
        let sources: [Int32] = try r.read(), notAfter: [Int32] = try r.read(), notBefore: [Int32] = try r.read()
        let future = try r.bool()
        var givenAges: [(slot: Int32, other: Int32)] = []
        for _ in 0..<(try r.count()) { givenAges.append((try r.i32(), try r.i32())) }
        self.init(
            type: type, unknownMask: unknownMask, derived: derived, sources: sources, notAfter: notAfter, notBefore: notBefore, future: future,
            givenAges: givenAges, subjectIsMember: try r.bool(), readFields: try r.u64())
    }
}

extension Program.AgeFloor: ImageCodable {
    func write(to w: inout ImageWriter) { w.i32(slot); w.write(minimumWhenFalse) }
    init(from r: inout ImageReader) throws { self.init(slot: try r.i32(), minimumWhenFalse: try r.read()) }
}

extension Program.ProgramEntry: ImageCodable {
    func write(to w: inout ImageWriter) { w.string(id); w.write(subject); w.i32(rule); w.write(notApplicable); w.write(notes) }
    init(from r: inout ImageReader) throws {
        self.init(id: try r.string(), subject: try r.read(), rule: try r.i32(), notApplicable: try r.read(), notes: try r.read())
    }
}

extension Program: ImageCodable {
    func write(to w: inout ImageWriter) {
        w.write(legend); w.string(digest); w.string(sourceName)
        w.write(conditions); w.write(children); w.write(values); w.write(nodeInfo); w.write(facts); w.write(rules)
        w.write(versions); w.write(programs); w.write(contradictions); w.write(memberRules); w.write(ageFloors)
        w.write(contradictionReadsMember)
        w.uint(parameterTables.count)
        for table in parameterTables {
            w.uint(table.count)
            for entry in table { w.int(entry.from); w.int(entry.value) }
        }
        w.write(derivedFacts); w.write(perMemberRules); w.write(noteConditions); w.write(clocks); w.write(evidence)
        w.uint(factSlots.count)
        for (name, slot) in factSlots.sorted(by: { $0.key < $1.key }) { w.string(name); w.int(slot) }
    }
    init(from r: inout ImageReader) throws {
        self.init(legend: try r.read(), digest: try r.string(), sourceName: try r.string())
        conditions = try r.read(); children = try r.read(); values = try r.read(); nodeInfo = try r.read(); facts = try r.read()
        rules = try r.read(); versions = try r.read(); programs = try r.read(); contradictions = try r.read()
        memberRules = try r.read(); ageFloors = try r.read(); contradictionReadsMember = try r.read()
        for _ in 0..<(try r.count()) {
            var table: [(from: Int, value: Int)] = []
            for _ in 0..<(try r.count()) { table.append((try r.int(), try r.int())) }
            parameterTables.append(table)
        }
        derivedFacts = try r.read(); perMemberRules = try r.read(); noteConditions = try r.read(); clocks = try r.read(); evidence = try r.read()
        let slots = try r.count()
        factSlots.reserveCapacity(slots)
        for _ in 0..<slots { factSlots[try r.string()] = try r.int() }
    }
}

// MARK: - The legend

extension FieldDecl: ImageCodable {
    func write(to w: inout ImageWriter) { w.string(name); w.write(type); w.write(values); w.write(labels) }
    init(from r: inout ImageReader) throws { self.init(name: try r.string(), type: try r.read(), values: try r.read(), labels: try r.read()) }
}

extension FactInfo: ImageCodable {
    func write(to w: inout ImageWriter) {
        w.string(name); w.write(type); w.write(values); w.write(labels); w.write(unknownValues); w.write(fields); w.write(question); w.write(group)
        w.write(subject); w.write(role); w.bool(sensitive); w.bool(future); w.write(notAfter); w.bool(isDerived); w.write(cite); w.write(location)
        w.write(readBy)
        w.bool(bounds != nil)
        if let bounds { w.int(bounds.lowerBound); w.int(bounds.upperBound) }
        w.write(asking); w.write(whyAsked)
    }
    init(from r: inout ImageReader) throws {
        let name = try r.string(), type: FactType = try r.read(), values: [String] = try r.read(), labels: [String] = try r.read()
        let unknownValues: [Int] = try r.read(), fields: [FieldDecl] = try r.read(), question: String? = try r.read(), group: String? = try r.read()
        let subject: SubjectName = try r.read(), role: FactRole? = try r.read(), sensitive = try r.bool(), future = try r.bool()
        let notAfter: [Int] = try r.read(), isDerived = try r.bool(), cite: [String] = try r.read(), location: SourceLocation = try r.read()
        let readBy: [String] = try r.read()
        var bounds: ClosedRange<Int>?
        if try r.bool() {
            let lower = try r.int(), upper = try r.int()
            guard lower <= upper else { throw ImageError() }
            bounds = lower...upper
        }
        self.init(
            name: name, type: type, values: values, labels: labels, unknownValues: unknownValues, fields: fields, question: question, group: group,
            subject: subject, role: role, sensitive: sensitive, future: future, notAfter: notAfter, isDerived: isDerived, cite: cite, location: location,
            readBy: readBy, bounds: bounds, asking: try r.read(), whyAsked: try r.read())
    }
}

extension Template.Piece: ImageCodable {
    func write(to w: inout ImageWriter) {
        switch self {
        case .text(let s): w.tag(0); w.string(s)
        case .fact(let f): w.tag(1); w.i32(f)
        case .parameter(let p): w.tag(2); w.i32(p)
        }
    }
    init(from r: inout ImageReader) throws {
        switch try r.byte() {
        case 0: self = .text(try r.string())
        case 1: self = .fact(try r.i32())
        case 2: self = .parameter(try r.i32())
        default: throw ImageError()
        }
    }
}

extension Template: ImageCodable {
    func write(to w: inout ImageWriter) { w.write(pieces); w.write(plain) }
    init(from r: inout ImageReader) throws { self.init(pieces: try r.read(), plain: try r.read()) }
}

extension SaysTemplates: ImageCodable {
    func write(to w: inout ImageWriter) { w.write(met); w.write(notMet); w.write(unknown) }
    init(from r: inout ImageReader) throws { self.init(met: try r.read(), notMet: try r.read(), unknown: try r.read()) }
}

extension NoteInfo: ImageCodable {
    func write(to w: inout ImageWriter) { w.write(text); w.write(cite) }
    init(from r: inout ImageReader) throws { self.init(text: try r.read(), cite: try r.read()) }
}

extension RuleInfo: ImageCodable {
    func write(to w: inout ImageWriter) {
        w.string(id); w.string(title); w.write(cite); w.write(says); w.write(discretionary); w.write(unverified); w.write(notes); w.write(parameters); w.write(location)
    }
    init(from r: inout ImageReader) throws {
        self.init(
            id: try r.string(), title: try r.string(), cite: try r.read(), says: try r.read(), discretionary: try r.read(), unverified: try r.read(),
            notes: try r.read(), parameters: try r.read(), location: try r.read())
    }
}

extension VersionInfo: ImageCodable {
    func write(to w: inout ImageWriter) { w.string(name); w.string(label); w.write(cite); w.write(says); w.write(notes); w.write(unverified); w.write(location) }
    init(from r: inout ImageReader) throws {
        self.init(name: try r.string(), label: try r.string(), cite: try r.read(), says: try r.read(), notes: try r.read(), unverified: try r.read(), location: try r.read())
    }
}

extension NotApplicableInfo: ImageCodable {
    func write(to w: inout ImageWriter) { w.string(because); w.write(instead); w.write(cite) }
    init(from r: inout ImageReader) throws { self.init(because: try r.string(), instead: try r.read(), cite: try r.read()) }
}

extension ProgramInfo: ImageCodable {
    func write(to w: inout ImageWriter) {
        w.string(id); w.string(title); w.write(subject); w.write(cite); w.write(lawVersion); w.write(discretionary); w.write(notApplicable); w.write(notes); w.write(location)
        w.write(members)
    }
    init(from r: inout ImageReader) throws {
        self.init(
            id: try r.string(), title: try r.string(), subject: try r.read(), cite: try r.read(), lawVersion: try r.read(), discretionary: try r.read(),
            notApplicable: try r.read(), notes: try r.read(), location: try r.read(), members: try r.read())
    }
}

extension MembersQuestion: ImageCodable {
    func write(to w: inout ImageWriter) { w.string(question); w.write(why) }
    init(from r: inout ImageReader) throws { self.init(question: try r.string(), why: try r.read()) }
}

extension ParameterDecl.DatedValue: ImageCodable {
    func write(to w: inout ImageWriter) { w.int(from); w.int(value); w.write(cite); w.write(unverified); w.write(location) }
    init(from r: inout ImageReader) throws {
        self.init(from: try r.int(), value: try r.int(), cite: try r.read(), unverified: try r.read(), location: try r.read())
    }
}

extension ParameterInfo: ImageCodable {
    func write(to w: inout ImageWriter) { w.string(name); w.write(type); w.write(title); w.write(values); w.write(location) }
    init(from r: inout ImageReader) throws {
        self.init(name: try r.string(), type: try r.read(), title: try r.read(), values: try r.read(), location: try r.read())
    }
}

extension ClockInfo: ImageCodable {
    func write(to w: inout ImageWriter) {
        w.string(id); w.write(kind); w.string(title); w.write(subject); w.write(says); w.write(cite); w.write(unverified); w.write(warnWithin); w.write(location)
    }
    init(from r: inout ImageReader) throws {
        self.init(
            id: try r.string(), kind: try r.read(), title: try r.string(), subject: try r.read(), says: try r.read(), cite: try r.read(),
            unverified: try r.read(), warnWithin: try r.read(), location: try r.read())
    }
}

extension EvidenceItemInfo: ImageCodable {
    func write(to w: inout ImageWriter) { w.string(id); w.string(text); w.write(cite); w.bool(recorded); w.bool(required); w.write(unverified) }
    init(from r: inout ImageReader) throws {
        self.init(id: try r.string(), text: try r.string(), cite: try r.read(), recorded: try r.bool(), required: try r.bool(), unverified: try r.read())
    }
}

extension EvidenceInfo: ImageCodable {
    func write(to w: inout ImageWriter) { w.int(rule); w.write(guide); w.write(cite); w.write(items) }
    init(from r: inout ImageReader) throws { self.init(rule: try r.int(), guide: try r.read(), cite: try r.read(), items: try r.read()) }
}

extension ContradictionInfo: ImageCodable {
    func write(to w: inout ImageWriter) { w.string(id); w.string(message); w.write(cite); w.write(location) }
    init(from r: inout ImageReader) throws { self.init(id: try r.string(), message: try r.string(), cite: try r.read(), location: try r.read()) }
}

extension RuleGraph: ImageCodable {
    func write(to w: inout ImageWriter) { w.write(references); w.write(programRules); w.write(versionReferences) }
    init(from r: inout ImageReader) throws { self.init(references: try r.read(), programRules: try r.read(), versionReferences: try r.read()) }
}

extension Legend: ImageCodable {
    func write(to w: inout ImageWriter) {
        w.write(facts); w.write(rules); w.write(versions); w.write(programs); w.write(parameters); w.write(contradictions); w.write(clocks)
        w.write(evidence); w.write(evidenceOfRule); w.write(graph)
    }
    init(from r: inout ImageReader) throws {
        self.init()
        facts = try r.read(); rules = try r.read(); versions = try r.read(); programs = try r.read(); parameters = try r.read()
        contradictions = try r.read(); clocks = try r.read(); evidence = try r.read(); evidenceOfRule = try r.read(); graph = try r.read()
    }
}
