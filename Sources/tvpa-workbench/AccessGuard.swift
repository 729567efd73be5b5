import Foundation

/// Who may use the workbench: the checks every request passes before any route runs, as a
/// pure function of the request's head, so they are tested without a socket.
///
/// A Jupyter-style guard: the token printed at start (256 random bits), accepted once in the
/// URL and then only from an `HttpOnly; SameSite=Strict` cookie; the `Host` must be this
/// server's own loopback address and port (a DNS-rebinding page names its own host); a
/// state-changing request from another origin is refused, and so is a body over the limit.
struct AccessGuard: Sendable {
    let token: String
    let port: Int
    let maxBody: Int

    static let cookieName = "tvpa_workbench"

    var host: String { "127.0.0.1:\(port)" }
    var origin: String { "http://\(host)" }

    /// A token of 256 bits from the system's generator, in hex.
    static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in
            let word = generator.next() as UInt64
            let hex = String(word, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }

    struct Head: Sendable {
        var method: String
        var authority: String?
        var path: String
        var queryToken: String?
        var cookies: [String]
        var origin: String?
        var fetchSite: String?
        var contentLength: Int?
        var contentType: String?
    }

    enum Verdict: Equatable, Sendable {
        case allow
        /// The token came in the URL: set the cookie and send the browser to the same path
        /// without it, so the token leaves the address bar and the history.
        case acceptToken(redirectTo: String)
        case refuse(status: Int, message: String)
    }

    func check(_ head: Head) -> Verdict {
        guard head.authority == host else { return .refuse(status: 403, message: WorkbenchMessages.badHost) }
        let changesState = !["GET", "HEAD"].contains(head.method)
        if changesState {
            if let origin = head.origin, origin != self.origin { return .refuse(status: 403, message: WorkbenchMessages.crossSite) }
            if let site = head.fetchSite, !["same-origin", "none"].contains(site) { return .refuse(status: 403, message: WorkbenchMessages.crossSite) }
            // A page elsewhere can post a form without asking first; it cannot send JSON.
            if head.contentType?.lowercased().hasPrefix("application/json") != true { return .refuse(status: 415, message: WorkbenchMessages.badRequest) }
        }
        if let given = head.queryToken {
            guard Self.same(given, token) else { return .refuse(status: 403, message: WorkbenchMessages.forbidden) }
            return head.method == "GET" ? .acceptToken(redirectTo: head.path) : .allow
        }
        guard cookieToken(head.cookies).map({ Self.same($0, token) }) == true else { return .refuse(status: 403, message: WorkbenchMessages.forbidden) }
        if let length = head.contentLength, length > maxBody { return .refuse(status: 413, message: WorkbenchMessages.tooLarge) }
        return .allow
    }

    var setCookie: String { "\(Self.cookieName)=\(token); HttpOnly; SameSite=Strict; Path=/" }

    func cookieToken(_ headers: [String]) -> String? {
        for header in headers {
            for part in header.split(separator: ";") {
                let pair = part.split(separator: "=", maxSplits: 1)
                if pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces) == Self.cookieName {
                    return String(pair[1]).trimmingCharacters(in: .whitespaces)
                }
            }
        }
        return nil
    }

    /// Compares in time that depends only on the lengths.
    static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var diff: UInt8 = 0
        for i in x.indices { diff |= x[i] ^ y[i] }
        return diff == 0
    }
}
