import Foundation

/// Reads a file line by line in fixed-size chunks, so a corpus of any size is held in memory
/// a chunk at a time. Lines end at `\n`; a trailing `\r` is dropped.
///
/// Chunks are read with `read(2)` straight into the buffer (no `Data` between), and a line is
/// checked for UTF-8 once, by the standard library's validating initializer; only a line that
/// fails is scanned again, for where its first bad byte is.
struct LineReader {
    /// The open file, closed when the last copy of the reader is gone (or by `close()`).
    private final class File {
        var fd: Int32
        init(_ fd: Int32) { self.fd = fd }
        func close() {
            if fd >= 0 { _ = Foundation.close(fd) }
            fd = -1
        }
        deinit { close() }
    }
    private let file: File
    /// Bytes read from the file; those before `end` are valid, those from `start` unread.
    private var buffer: [UInt8] = []
    private var start = 0
    private var end = 0
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
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        file = File(fd)
        self.chunkSize = chunkSize
    }

    /// The next line, or nil at the end of the file. A line that is not UTF-8 is returned
    /// repaired, only to be reported: `notUTF8At` says where its first bad byte is.
    mutating func next() -> String? {
        while true {
            let from = max(start, searched)
            let found = buffer.withUnsafeBufferPointer { bytes -> Int? in
                guard from < end, let hit = memchr(bytes.baseAddress! + from, 10, end - from) else { return nil }
                return bytes.baseAddress!.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            }
            if let newline = found {
                var last = newline
                if last > start && buffer[last - 1] == 13 { last -= 1 }
                let line = decode(start, last)
                bytesRead += newline + 1 - start
                start = newline + 1
                searched = start
                lineNumber += 1
                return line
            }
            searched = end
            if atEnd {
                guard start < end else { return nil }
                let line = decode(start, end)
                bytesRead += end - start
                start = end
                lineNumber += 1
                return line
            }
            if readChunk() == 0 { atEnd = true }
        }
    }

    /// Moves the unread bytes to the front (growing the buffer when they leave less than a
    /// chunk free) and reads up to a chunk after them; the bytes read, 0 at the end of the file
    /// (or on an error, which a regular file gives only when the device fails).
    private mutating func readChunk() -> Int {
        let kept = end - start
        if start > 0 {
            buffer.withUnsafeMutableBufferPointer { b in
                if kept > 0 { memmove(b.baseAddress!, b.baseAddress! + start, kept) }
            }
            searched -= start
            start = 0
            end = kept
        }
        if buffer.count - end < chunkSize {
            buffer.append(contentsOf: repeatElement(0, count: max(chunkSize, buffer.count)))
        }
        var n = 0
        repeat {
            n = buffer.withUnsafeMutableBufferPointer { read(file.fd, $0.baseAddress! + end, $0.count - end) }
        } while n < 0 && errno == EINTR
        guard n > 0 else { return 0 }
        end += n
        return n
    }

    private mutating func decode(_ from: Int, _ to: Int) -> String {
        buffer.withUnsafeBufferPointer { bytes in
            let line = UnsafeBufferPointer(rebasing: bytes[from..<to])
            if let valid = String(validating: line, as: UTF8.self) {
                notUTF8At = nil
                return valid
            }
            notUTF8At = TextDecoding.firstInvalidUTF8(line)
            return String(decoding: line, as: UTF8.self)
        }
    }

    func close() { file.close() }
}
