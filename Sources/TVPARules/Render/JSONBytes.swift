/// JSON written straight into a byte buffer: what `JSON.render` builds as nested strings, for the
/// renderers that write a line per case at corpus scale. Strings are escaped exactly as
/// `JSON.quote` escapes them (the test `JSONBytesTests` holds the two equal), by one pass over
/// their UTF-8 bytes; a string with nothing to escape, nearly every one, is copied whole.
public struct JSONBytes: Sendable {
    public var bytes: [UInt8] = []

    public init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    @inline(__always) public mutating func raw(_ byte: UInt8) { bytes.append(byte) }

    /// ASCII text that needs no escape (keys, enumeration values): copied as it is.
    @inline(__always) public mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    public mutating func raw(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// An integer; the small ones (program and fact indices) without building a string.
    public mutating func int(_ n: Int) {
        if n >= 0 && n < 100 {
            if n >= 10 { bytes.append(0x30 + UInt8(n / 10)) }
            bytes.append(0x30 + UInt8(n % 10))
            return
        }
        var text = String(n)
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    public mutating func bool(_ b: Bool) { b ? raw("true") : raw("false") }

    /// A JSON string, escaped as `JSON.quote` escapes it.
    public mutating func string(_ s: String) {
        var s = s
        let clean: Bool = s.withUTF8 { buffer in
            if Self.isClean(buffer) {
                bytes.append(0x22)
                bytes.append(contentsOf: buffer)
                bytes.append(0x22)
                return true
            }
            return false
        }
        if !clean { escaped(s) }
    }

    /// A string with something to escape, written as `JSON.quote` writes it, into the buffer.
    mutating func escaped(_ s: String) {
        bytes.append(0x22)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": bytes.append(0x5C); bytes.append(0x22)
            case "\\": bytes.append(0x5C); bytes.append(0x5C)
            case "\n": bytes.append(0x5C); bytes.append(UInt8(ascii: "n"))
            case "\r": bytes.append(0x5C); bytes.append(UInt8(ascii: "r"))
            case "\t": bytes.append(0x5C); bytes.append(UInt8(ascii: "t"))
            default:
                if Escape.isUnsafe(scalar) {
                    // Every unsafe scalar is at most U+FFFF: four hex digits, lower case.
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    let v = Int(scalar.value)
                    bytes.append(0x5C); bytes.append(UInt8(ascii: "u"))
                    for shift in [12, 8, 4, 0] { bytes.append(hex[(v >> shift) & 0xF]) }
                } else if scalar.value < 0x80 {
                    bytes.append(UInt8(scalar.value))
                } else {
                    bytes.append(contentsOf: UTF8.encode(scalar)!)
                }
            }
        }
        bytes.append(0x22)
    }

    /// No quote, no backslash and nothing `Escape` escapes.
    @inline(__always) static func isClean(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        var high = false
        var i = 0
        // Eight bytes at a time: a word has a control byte, a quote, a backslash or DEL exactly
        // when one of these (exact) "has a byte less than / equal to" tests is set in it.
        if let base = buffer.baseAddress {
            let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
            @inline(__always) func hasZero(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & highs }
            while i + 8 <= buffer.count {
                let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                let special = ((w &- 0x20 &* ones) & ~w & highs) | hasZero(w ^ (0x22 &* ones)) | hasZero(w ^ (0x5C &* ones)) | hasZero(w ^ (0x7F &* ones))
                if special != 0 { return false }
                if w & highs != 0 { high = true }
                i += 8
            }
        }
        while i < buffer.count {
            let b = buffer[i]
            if b < 0x20 || b == 0x22 || b == 0x5C || b == 0x7F { return false }
            if b >= 0x80 { high = true }
            i += 1
        }
        return !high || !Escape.hasUnsafeBytes(buffer)
    }

    /// Appends a JSON value as `JSON.render()` writes it, compact.
    public mutating func value(_ json: JSON) {
        switch json {
        case .null: raw("null")
        case .bool(let b): bool(b)
        case .int(let n): int(n)
        case .string(let s): string(s)
        case .array(let items):
            raw(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { raw(UInt8(ascii: ",")) }
                value(item)
            }
            raw(UInt8(ascii: "]"))
        case .object(let pairs):
            raw(UInt8(ascii: "{"))
            for (i, pair) in pairs.enumerated() {
                if i > 0 { raw(UInt8(ascii: ",")) }
                string(pair.0)
                raw(UInt8(ascii: ":"))
                value(pair.1)
            }
            raw(UInt8(ascii: "}"))
        }
    }
}
