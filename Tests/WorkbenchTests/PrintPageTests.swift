import Foundation
import Testing
import TVPARules
@testable import tvpa_workbench

/// The print page is the library's HTML report (`ReportHTML.render`), its stylesheet linked from
/// `/assets/report.css` — the library's one copy — since the workbench's policy forbids
/// anything inline.
@Suite("Workbench print page")
struct PrintPageTests {
    static func responder() -> WorkbenchResponder {
        WorkbenchResponder(
            token: AccessGuard.newToken(), port: BoundPort(), engine: EngineTests.engine, library: ScenarioLibrary(folders: [], program: EngineTests.program),
            vocabulary: FormVocabulary(EngineTests.program.legend), saveFolder: nil, prints: PrintStore())
    }

    static func printed(_ request: EvaluateRequest) throws -> String {
        let responder = responder()
        let message = responder.printPage(request)
        let url = try #require(message.url, "\(message.message)")
        return try #require(responder.prints.get(String(url.dropFirst("/print/".count))))
    }

    @Test func thePrintPageIsTheLibrarysReportWithItsStylesheetLinked() throws {
        let library = ScenarioLibrary(folders: [], program: EngineTests.program)
        let key = try #require(library.scenarios.first { $0.id == "e02-citizen" }?.key)
        let draft = try #require(library.draft(key))
        let html = try Self.printed(EvaluateRequest(draft: draft))
        let (_, report) = EngineTests.engine.run(EvaluateRequest(draft: draft), today: CivilDate.today())
        let layout = ReportLayout(try #require(report))
        #expect(html == ReportHTML.render([layout], assets: .linked(stylesheet: "/assets/report.css", script: "/assets/print.js")))
        #expect(html.contains("<link rel=\"stylesheet\" href=\"/assets/report.css\">") && html.contains("<script src=\"/assets/print.js\" defer></script>"))
        // Nothing inline: no style element or attribute, no script without a source, and the
        // page's own policy allows its origin only.
        #expect(!html.contains("<style") && !html.contains(" style=") && !html.contains("unsafe-inline") && !html.contains("<script>"))
        #expect(html.contains("content=\"default-src 'none'; style-src 'self'; script-src 'self'\""))
        // The same report `check --format html` writes, but for where the style comes from.
        let standalone = ReportHTML.render([layout])
        #expect(standalone.contains(ReportHTML.stylesheet) && standalone.contains(html.components(separatedBy: "<body>")[1]))
    }

    @Test func theStylesheetIsTheLibrarysAndThePageLinksIt() throws {
        #expect(WorkbenchResponder.reportStylesheet == "/assets/report.css")
        // The page's own sheet holds none of the report's rules: one copy, in the library.
        let app = try #require(embeddedAssetFiles.first { $0.path == "app.css" }?.text)
        #expect(!app.contains("ul.tree") && !app.contains(".mark.met"))
        let index = try #require(embeddedAssetFiles.first { $0.path == "index.html" }?.text)
        let report = try #require(index.range(of: "href=\"/assets/report.css\"")), own = try #require(index.range(of: "href=\"/assets/app.css\""))
        #expect(report.lowerBound < own.lowerBound, "the page's sheet comes after the report's, to lay out the page around it")
    }

    @Test func theRedactedPrintPageHoldsNoCaseValue() throws {
        let html = try Self.printed(EvaluateRequest(draft: RedactedViewTests.draft(), redact: true))
        #expect(html.contains(ReportWords.redacted.prefix(20)))
        #expect(RedactedViewTests.markers.filter { html.contains($0) } == [])
        let plain = try Self.printed(EvaluateRequest(draft: RedactedViewTests.draft()))
        #expect(plain.contains("zqcaseid") && plain.contains("zqnarrative"))
    }
}
