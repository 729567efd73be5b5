import Testing
@testable import tvpa_workbench

/// The checks every request passes, as a function of its head: each refusal, and the one way in.
@Suite("Workbench access guard")
struct AccessGuardTests {
    let guardian = AccessGuard(token: AccessGuard.newToken(), port: 8123, maxBody: 1000)

    func head(
        _ method: String = "GET", host: String? = "127.0.0.1:8123", path: String = "/", token: String? = nil, cookie: String? = nil,
        origin: String? = nil, site: String? = nil, length: Int? = nil, type: String? = nil
    ) -> AccessGuard.Head {
        .init(method: method, authority: host, path: path, queryToken: token, cookies: cookie.map { [$0] } ?? [], origin: origin, fetchSite: site,
              contentLength: length, contentType: type)
    }

    var cookie: String { "\(AccessGuard.cookieName)=\(guardian.token)" }

    @Test func theTokenIsLongAndFresh() {
        let a = AccessGuard.newToken(), b = AccessGuard.newToken()
        #expect(a.count * 4 >= 128 && a.count == 64 && a != b)
        let hex = a.allSatisfy { $0.isHexDigit }
        #expect(hex)
    }

    @Test func theTokenInTheURLSetsTheCookieAndLeavesTheAddress() {
        #expect(guardian.check(head(token: guardian.token)) == .acceptToken(redirectTo: "/"))
        #expect(guardian.setCookie.contains("HttpOnly") && guardian.setCookie.contains("SameSite=Strict") && guardian.setCookie.contains("Path=/"))
        #expect(guardian.check(head(cookie: "other=1; " + cookie)) == .allow)
    }

    @Test func noTokenOrAWrongOneIsRefused() {
        #expect(guardian.check(head()) == .refuse(status: 403, message: WorkbenchMessages.forbidden))
        #expect(guardian.check(head(token: String(repeating: "0", count: 64))) == .refuse(status: 403, message: WorkbenchMessages.forbidden))
        #expect(guardian.check(head(cookie: "\(AccessGuard.cookieName)=\(guardian.token.dropLast())")) == .refuse(status: 403, message: WorkbenchMessages.forbidden))
    }

    @Test func onlyThisServersLoopbackAddressAsHost() {
        for host in ["evil.example:8123", "localhost:8123", "127.0.0.1:8124", "127.0.0.1", "[::1]:8123", ""] {
            #expect(guardian.check(head(host: host, cookie: cookie)) == .refuse(status: 403, message: WorkbenchMessages.badHost), "\(host)")
        }
        #expect(guardian.check(head(host: nil, token: guardian.token)) == .refuse(status: 403, message: WorkbenchMessages.badHost))
    }

    @Test func aStateChangingRequestFromElsewhereIsRefused() {
        let json = "application/json"
        #expect(guardian.check(head("POST", cookie: cookie, origin: "http://127.0.0.1:8123", type: json)) == .allow)
        #expect(guardian.check(head("POST", cookie: cookie, origin: "http://evil.example", type: json)) == .refuse(status: 403, message: WorkbenchMessages.crossSite))
        #expect(guardian.check(head("POST", cookie: cookie, origin: "null", type: json)) == .refuse(status: 403, message: WorkbenchMessages.crossSite))
        #expect(guardian.check(head("POST", cookie: cookie, site: "cross-site", type: json)) == .refuse(status: 403, message: WorkbenchMessages.crossSite))
        #expect(guardian.check(head("POST", cookie: cookie, site: "same-site", type: json)) == .refuse(status: 403, message: WorkbenchMessages.crossSite))
        // A form from another page can post without asking first; it cannot send JSON.
        #expect(guardian.check(head("POST", cookie: cookie, type: "text/plain")) == .refuse(status: 415, message: WorkbenchMessages.badRequest))
    }

    @Test func aBodyOverTheLimitIsRefused() {
        #expect(guardian.check(head("POST", cookie: cookie, length: 1000, type: "application/json")) == .allow)
        #expect(guardian.check(head("POST", cookie: cookie, length: 1001, type: "application/json")) == .refuse(status: 413, message: WorkbenchMessages.tooLarge))
    }
}
