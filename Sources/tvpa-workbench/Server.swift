import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import TVPARules

/// The workbench's one responder: the access guard first, for every request, then the routes.
/// No router middleware can be skipped by a path that matches no route.
struct WorkbenchResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let token: String
    let port: BoundPort
    let engine: Engine
    let library: ScenarioLibrary
    let vocabulary: FormVocabulary
    let saveFolder: SaveFolder?
    let prints: PrintStore

    static let securityHeaders: [(String, String)] = [
        ("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'"),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "no-referrer"),
        ("X-Frame-Options", "DENY"),
        ("Cross-Origin-Opener-Policy", "same-origin"),
        ("Cross-Origin-Resource-Policy", "same-origin"),
        // Case pages and the data behind them are never stored by the browser.
        ("Cache-Control", "no-store"),
    ]

    var guardian: AccessGuard { AccessGuard(token: token, port: port.port, maxBody: Workbench.maxBody) }

    func respond(to request: Request, context: Context) async throws -> Response {
        let guardian = self.guardian
        let head = AccessGuard.Head(
            method: request.method.rawValue, authority: request.head.authority, path: request.uri.path,
            queryToken: request.uri.queryParameters.get("token"), cookies: request.headers[values: .cookie],
            origin: request.headers[.origin], fetchSite: request.headers[HTTPField.Name("Sec-Fetch-Site")!],
            contentLength: request.headers[.contentLength].flatMap { Int($0) }, contentType: request.headers[.contentType])
        switch guardian.check(head) {
        case .refuse(let status, let message):
            return Self.text(message, status: .init(code: status))
        case .acceptToken(let path):
            var response = Self.respond(status: .seeOther, type: "text/plain; charset=utf-8", body: "")
            response.headers[.location] = path
            response.headers[.setCookie] = guardian.setCookie
            return response
        case .allow:
            break
        }
        var request = request
        do {
            return try await route(&request)
        } catch let error as NIOTooManyBytesError {
            _ = error
            return Self.text(WorkbenchMessages.tooLarge, status: .contentTooLarge)
        } catch {
            // Never the error's own text: it might quote the case.
            return Self.text(WorkbenchMessages.badRequest, status: .badRequest)
        }
    }

    func route(_ request: inout Request) async throws -> Response {
        let path = request.uri.path
        switch (request.method, path) {
        case (.get, "/"):
            return asset("index.html")
        case (.get, _) where path.hasPrefix("/assets/"):
            return asset(String(path.dropFirst("/assets/".count)))
        case (.get, "/api/library"):
            return try Self.json(LibraryResponse(
                scenarios: library.scenarios, vocabulary: vocabulary, proposals: engine.proposals.map(\.name), canSave: saveFolder != nil))
        case (.get, _) where path.hasPrefix("/api/scenario/"):
            guard let key = Int(path.dropFirst("/api/scenario/".count)), let draft = library.draft(key) else { return Self.text(WorkbenchMessages.notFound, status: .notFound) }
            return try Self.json(draft)
        case (.post, "/api/evaluate"):
            let body: EvaluateRequest = try await decode(&request)
            return try Self.json(engine.evaluate(body))
        case (.post, "/api/yaml"):
            let body: EvaluateRequest = try await decode(&request)
            var response = Self.respond(status: .ok, type: "application/yaml; charset=utf-8", body: engine.yaml(body.draft).text)
            response.headers[.contentDisposition] = "attachment; filename=\"\(Self.fileName(body.draft.id)).yaml\""
            return response
        case (.post, "/api/save"):
            let body: EvaluateRequest = try await decode(&request)
            return try Self.json(save(body.draft))
        case (.post, "/api/print"):
            let body: EvaluateRequest = try await decode(&request)
            return try Self.json(printPage(body))
        case (.get, _) where path.hasPrefix("/print/"):
            guard let html = prints.get(String(path.dropFirst("/print/".count))) else { return Self.text(WorkbenchMessages.notFound, status: .notFound) }
            return Self.respond(status: .ok, type: "text/html; charset=utf-8", body: html)
        case (.post, "/api/interview"):
            let body: PanelRequest = try await decode(&request)
            guard let step = InterviewPanel.take(body, program: engine.base) else { return Self.text(WorkbenchMessages.interviewCannotStart, status: .unprocessableContent) }
            return try Self.json(step)
        default:
            return Self.text(WorkbenchMessages.notFound, status: .notFound)
        }
    }

    struct LibraryResponse: Codable {
        var scenarios: [ScenarioLibrary.Scenario]
        var vocabulary: FormVocabulary
        var proposals: [String]
        var canSave: Bool
    }

    struct Message: Codable {
        var ok: Bool
        var message: String
        var url: String?
    }

    func save(_ draft: CaseDraft) -> Message {
        guard let saveFolder else { return Message(ok: false, message: WorkbenchMessages.saveNotConfigured) }
        guard Self.isCaseId(draft.id) else { return Message(ok: false, message: WorkbenchMessages.saveBadId(draft.id)) }
        do {
            let url = try saveFolder.save(engine.yaml(draft).text, id: draft.id)
            return Message(ok: true, message: WorkbenchMessages.saved(url.path))
        } catch {
            return Message(ok: false, message: WorkbenchMessages.saveFailed("\(error)"))
        }
    }

    func printPage(_ body: EvaluateRequest) -> Message {
        let (result, report) = engine.run(body, today: CivilDate.today())
        guard let report else { return Message(ok: false, message: result.notice ?? WorkbenchMessages.printNeedsValidCase) }
        // The library's report page, as `check --format html` writes it, with its stylesheet
        // and the print button's script linked (the page's policy forbids anything inline).
        let id = prints.put(ReportHTML.render([ReportLayout(report)], assets: .linked(stylesheet: Self.reportStylesheet, script: "/assets/print.js")))
        return Message(ok: true, message: "", url: "/print/\(id)")
    }

    /// The case ids a file may be named after (case-file.md: `[a-z0-9-]+`).
    static func isCaseId(_ s: String) -> Bool {
        !s.isEmpty && s.count <= 128 && s.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    static func fileName(_ id: String) -> String { isCaseId(id) ? id : "case" }

    func decode<T: Decodable>(_ request: inout Request) async throws -> T {
        let buffer = try await request.collectBody(upTo: guardian.maxBody)
        return try JSONDecoder().decode(T.self, from: Data(buffer.readableBytesView))
    }

    /// Where the report's stylesheet is served: the library's own (`ReportHTML.stylesheet`).
    static let reportStylesheet = "/assets/report.css"

    func asset(_ name: String) -> Response {
        if "/assets/" + name == Self.reportStylesheet { return Self.respond(status: .ok, type: "text/css; charset=utf-8", body: ReportHTML.stylesheet) }
        guard let file = embeddedAssetFiles.first(where: { $0.path == name }) else { return Self.text(WorkbenchMessages.notFound, status: .notFound) }
        let type: String
        if name.hasSuffix(".css") { type = "text/css; charset=utf-8" }
        else if name.hasSuffix(".js") { type = "text/javascript; charset=utf-8" }
        else { type = "text/html; charset=utf-8" }
        return Self.respond(status: .ok, type: type, body: file.text)
    }

    static func json(_ value: some Encodable) throws -> Response {
        let data = try JSONEncoder().encode(value)
        return respond(status: .ok, type: "application/json", body: String(decoding: data, as: UTF8.self))
    }

    static func text(_ message: String, status: HTTPResponse.Status) -> Response {
        respond(status: status, type: "text/plain; charset=utf-8", body: message + "\n")
    }

    static func respond(status: HTTPResponse.Status, type: String, body: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        for (name, value) in securityHeaders { headers[HTTPField.Name(name)!] = value }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }
}
