import Foundation

/// Reads a file line by line in fixed-size chunks, so a corpus of any size is held in memory
/// a chunk at a time. Lines end at `\n`; a trailing `\r` is dropped.
struct LineReader {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var start = 0
    /// Where the search for the next line break resumes: bytes before it (from `start`) hold
    /// none, so a line longer than a chunk is searched once, not again at every chunk read.
    private var searched = 0
    private var atEnd = false
    private let chunkSize: Int
    /// The number of the line `next()` returned last.
    private(set) var lineNumber = 0
    /// Bytes of the file consumed so far (for progress).
    private(set) var bytesRead = 0
    /// The byte offset, in the line `next()` returned last, of its first byte that is not
    /// UTF-8; nil when the line is UTF-8.
    private(set) var notUTF8At: Int?

    init?(path: String, chunkSize: Int = 1 << 20) {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        self.handle = handle
        self.chunkSize = chunkSize
    }

    /// The next line, or nil at the end of the file. A line that is not UTF-8 is returned
    /// repaired, only to be reported: `notUTF8At` says where its first bad byte is.
    mutating func next() -> String? {
        while true {
            let from = max(start, searched)
            let found = buffer.withUnsafeBufferPointer { bytes -> Int? in
                guard from < bytes.count, let hit = memchr(bytes.baseAddress! + from, 10, bytes.count - from) else { return nil }
                return bytes.baseAddress!.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            }
            if let newline = found {
                var end = newline
                if end > start && buffer[end - 1] == 13 { end -= 1 }
                let line = decode(start, end)
                bytesRead += newline + 1 - start
                start = newline + 1
                searched = start
                lineNumber += 1
                return line
            }
            searched = buffer.count
            if atEnd {
                guard start < buffer.count else { return nil }
                let line = decode(start, buffer.count)
                bytesRead += buffer.count - start
                start = buffer.count
                lineNumber += 1
                return line
            }
            // Drop the lines already returned; `searched` moves with the bytes it counts.
            buffer.removeFirst(start)
            searched -= start
            start = 0
            let chunk = handle.readData(ofLength: chunkSize)
            if chunk.isEmpty { atEnd = true } else { buffer.append(contentsOf: chunk) }
        }
    }

    private mutating func decode(_ from: Int, _ to: Int) -> String {
        buffer.withUnsafeBufferPointer { bytes in
            let line = UnsafeBufferPointer(rebasing: bytes[from..<to])
            notUTF8At = TextDecoding.firstInvalidUTF8(line)
            return String(decoding: line, as: UTF8.self)
        }
    }

    func close() { try? handle.close() }
}
