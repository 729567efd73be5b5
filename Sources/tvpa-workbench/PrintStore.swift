import Foundation

/// Print pages waiting to be opened: in memory only, the newest few, gone when the server stops.
final class PrintStore: @unchecked Sendable {
    private var pages: [(id: String, html: String)] = []
    private let lock = NSLock()
    static let capacity = 16

    func put(_ html: String) -> String {
        let id = String(AccessGuard.newToken().prefix(32))
        lock.lock()
        defer { lock.unlock() }
        pages.append((id, html))
        if pages.count > Self.capacity { pages.removeFirst(pages.count - Self.capacity) }
        return id
    }

    func get(_ id: String) -> String? {
        lock.lock()
        defer { lock.unlock() }
        return pages.first { $0.id == id }?.html
    }
}
