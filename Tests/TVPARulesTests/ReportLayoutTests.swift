import Foundation
import Testing
@testable import TVPARules

/// The reports for people (issue 12): the layout's choices — a summary first, labels for
/// codes, each shared explanation once, one line for a version that does not decide, the
/// unverified points at the end — and the text, Markdown and HTML that carry them, on the
/// conformance examples.
@Suite("Reports a person can read")
struct ReportLayoutTests {
    static func report(_ name: String, view: ExplainView = .decision, redact: Bool = false) throws -> CaseReport {
        let program = try GoldenTests.program()
        let path = "Cases/conformance/\(name).yaml"
        let text = try String(contentsOf: GoldenTests.root.appendingPathComponent(path), encoding: .utf8)
        let valid = try #require(CaseLoader(program: program).load(SourceText(path: path, text: text)).0)
        let report = Explainer(view: view, redact: redact).report(valid, program: program, decisionDate: valid.decisionDate(override: nil, today: CivilDate.today()))
        return redact ? report.pseudonymized(as: "case 1") : report
    }

    /// The text without its line breaks and indents: what a wrapped report says.
    static func flat(_ text: String) -> String { text.replacing(#/\n +/#, with: " ") }

    @Test("every conformance example reads in 80 columns: no line of the text report is wider", arguments: GoldenTests.conformance)
    func eightyColumns(_ name: String) throws {
        for view in [ExplainView.decision, .full] {
            let layout = ReportLayout(try Self.report(name, view: view), options: .init(expandVersions: view == .full))
            for width in [80, 60] {
                let text = ReportText(width: width).render(layout)
                let wide: [String] = text.split(separator: "\n").map(String.init).filter { $0.count > width }
                #expect(wide.isEmpty, "\(name) \(view) at \(width): \(wide.first ?? "")")
            }
        }
    }

    @Test("the summary comes first, a line per decision, with the reason in words and the element that decided it")
    func summaryFirst() throws {
        let report = try Self.report("e01-seed-minor-childcare")
        let layout = ReportLayout(report)
        #expect(layout.summary.count == report.decisions.count)
        let cp = try #require(layout.summary.first { $0.program == "continued_presence" })
        #expect(cp.outcomeWords == "Not eligible" && cp.reasonWords == "an element is not met")
        #expect(cp.decidedBy == "A victim of a severe form who may be a potential witness, identified by a federal agency")
        let t = try #require(layout.summary.first { $0.program == "t_visa" })
        let missing = try #require(report.decisions.first { $0.program == "t_visa" }).missingFacts.count
        #expect(t.reasonWords == "\(ReportWords.number(missing)) facts are missing")
        let certification = try #require(layout.summary.first { $0.program == "hhs_certification" })
        #expect(certification.instead?.hasPrefix("the HHS eligibility letter for a child") == true, "a program not for this person says what is")
        let text = ReportText(width: 80).render(layout)
        let order = ["Summary", "What to ask next", "Explanations", ReportWords.unverified, "Decision support, not legal advice"].map { text.range(of: $0)?.lowerBound }
        #expect(order.allSatisfy { $0 != nil } && zip(order, order.dropFirst()).allSatisfy { $0! < $1! }, "the blocks in order")
        #expect(text.contains("  Continued Presence: Not eligible — an element is not met.\n      Decided by: A victim of a severe form who may be a potential witness,\n"), "\(text.prefix(800))")
    }

    @Test("values are written in the rules' words; --codes shows the codes")
    func labels() throws {
        let report = try Self.report("e01-seed-minor-childcare")
        let words = ReportText(width: 100).render(ReportLayout(report))
        for code in ["cimt_2A_i_I", "us_state_dc_pr_usvi_guam", "involuntary_servitude", "not_filed", "= true"] {
            #expect(!words.contains(code), "\(code) shown as a code")
        }
        #expect(Self.flat(words).contains("a crime involving moral turpitude (INA 212(a)(2)(A)(i)(I))"))
        #expect(words.contains("Has a Form I-192 waiver been filed?\n      Answers, one of: not filed · filed · granted · denied.\n"))
        #expect(Self.flat(words).contains("• Did anyone threaten serious harm (physical, financial, reputational, to you or others)? yes"))
        let codes = ReportText(width: 100).render(ReportLayout(report, options: .init(codes: true)))
        #expect(Self.flat(codes).contains("a crime involving moral turpitude (INA 212(a)(2)(A)(i)(I)) (cimt_2A_i_I)"))
        #expect(codes.contains("Has a Form I-192 waiver been filed? — waiver_filed"))
        #expect(codes.contains("• means_threats_serious_harm = true"))
        #expect(codes.contains("[severe_trafficking_victim]"))
    }

    @Test("a rule several programs read is explained in full once and referred to elsewhere")
    func eachElementOnce() throws {
        let report = try Self.report("e01-seed-minor-childcare")
        let layout = ReportLayout(report)
        let all = layout.sections.flatMap(\.elements)
        // The severe form's labor branch: read by the victim program and, through the 2000
        // definition, by both HHS programs for children; the T-1 tree, by T-1 and the derivative.
        for title in ["Labor trafficking in its severe form", "T-1 eligibility (principal)"] {
            let places = all.filter { $0.title == title }
            #expect(places.filter { $0.reference == nil }.count == 1, "\(title) explained in full once")
            #expect(places.count >= 2 && places.dropFirst().allSatisfy { $0.reference != nil }, "\(title) referred to elsewhere")
        }
        let text = ReportText(width: 80).render(layout)
        #expect(text.components(separatedBy: "Labor trafficking — the person was recruited").count - 1 == 1, "the sentence is written once")
        #expect(text.contains("[met] Victim of a severe form of trafficking in persons — Explained in\n          full under HHS interim assistance (child), above."), "\(text)")
        let before = report.decisions.map { $0.explanation?.nodes.count ?? 0 }.reduce(0, +)
        #expect(all.count < before, "fewer elements than the decisions' trees hold (\(all.count) < \(before))")
    }

    @Test("where two versions of the law applied, the deciding one is explained and the other said in a line; --explain full expands both")
    func versions() throws {
        let decision = try Self.report("e03-pending-across-2024")
        let t = try #require(ReportLayout(decision).sections.first { $0.program == "t_visa" })
        let other = try #require(t.elements.first { $0.otherVersion && $0.title.hasPrefix("former 8 CFR 214.11") })
        #expect(other.title.hasPrefix("former 8 CFR 214.11 (2016 interim rule"))
        #expect(other.status == .no && other.text == "Also applies on these dates; under it the test is not met. (Explained in full with --explain full.)")
        #expect(!t.elements.contains { $0.title.hasSuffix("(2016 rule)") }, "the 2016 elements are not expanded")
        let full = try #require(ReportLayout(try Self.report("e03-pending-across-2024", view: .full), options: .init(expandVersions: true)).sections.first { $0.program == "t_visa" })
        #expect(!full.elements.contains { $0.otherVersion })
        #expect(full.elements.contains { $0.title.hasSuffix("(2016 rule)") })
    }

    @Test("unverified points are gathered at the end, each with the elements it touches, not under the elements")
    func unverifiedAtTheEnd() throws {
        let layout = ReportLayout(try Self.report("e01-seed-minor-childcare"))
        #expect(!layout.unverified.isEmpty)
        let hardship = try #require(layout.unverified.first { $0.text.hasPrefix("The 2024 text of 8 CFR 214.209 was not read") })
        #expect(hardship.elements.contains("Extreme hardship involving unusual and severe harm upon removal (2024 rule) (T nonimmigrant status, principal (T-1))"))
        let text = ReportText(width: 80).render(layout)
        let end = try #require(text.range(of: ReportWords.unverified + "\n"))
        #expect(!text[..<end.lowerBound].contains("The 2024 text of 8 CFR 214.209 was not read"), "not under the element")
        #expect(text[..<end.lowerBound].contains("Not yet checked against the text: point \(hardship.number) at the end."))
        #expect(!text.contains("unverified:"))
    }

    @Test("text wraps to the width with a hanging indent, cutting only a word longer than a line")
    func wrapping() {
        #expect(TextWrap.lines("one two three four", width: 10, first: "- ", rest: "  ") == ["- one two", "  three", "  four"])
        #expect(TextWrap.lines("abcdefghijklmnop", width: 8, first: "", rest: "  ") == ["abcdefgh", "  ijklmn", "  op"])
        #expect(TextWrap.lines("", width: 8, first: "x ", rest: "") == ["x "])
        for width in 1...12 {
            #expect(TextWrap.lines("a bb ccc dddd eeeee ffffff", width: width, first: "", rest: width > 2 ? "  " : "").allSatisfy { $0.count <= width }, "\(width)")
        }
    }

    @Test("splitting on the space byte wraps exactly as splitting by characters")
    func byteWrappingMatchesCharacters() {
        var generator = SystemRandomNumberGenerator()
        // Section signs and dashes as the rules write them, accents, a combining mark, a
        // joiner, an emoji modifier and prepended signs (which join a space beside them into one character).
        let alphabet = ["a", "b", " ", "cd", "  ", "§", "—", "é", "\u{301}", "\u{200D}", "\u{1F3FB}", "\u{0600}", "\u{0D4E}", "xyz", ".", "\r\n", "\t"]
        for _ in 0..<1000 {
            let length = Int.random(in: 0..<60, using: &generator)
            let text = (0..<length).map { _ in alphabet.randomElement(using: &generator)! }.joined()
            let width = Int.random(in: 1..<30, using: &generator)
            let first = String(repeating: "-", count: Int.random(in: 0..<4, using: &generator))
            let rest = String(repeating: " ", count: Int.random(in: 0..<4, using: &generator))
            #expect(
                TextWrap.lines(text, width: width, first: first, rest: rest) == TextWrap.lines(text, width: width, first: first, rest: rest, byCharacters: true),
                "\(text.debugDescription) at \(width)")
        }
    }

    @Test("HTML and Markdown escape every value: markup in a case is shown, never read")
    func escaping() {
        #expect(Escape.html(#"<script>alert("x")</script> & 'y'"#) == "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;")
        #expect(Escape.html("a\u{1B}[2J\nb") == "a\\u{1B}[2J\\nb")
        #expect(Escape.markdown("*a* _b_ [c](http://x) <b> `d` | # e & f\\") == "\\*a\\* \\_b\\_ \\[c\\](http://x) \\<b\\> \\`d\\` \\| \\# e &amp; f\\\\")
        #expect(Escape.markdown("x\n# heading") == "x\\\\n\\# heading", "a line break cannot begin a heading")
    }

    @Test("the HTML page is self-contained: no script, no external resource, a CSP that forbids them, the disclaimer in every page's margin")
    func selfContained() throws {
        let html = ReportHTML.render([ReportLayout(try Self.report("e01-seed-minor-childcare", redact: true))])
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains(#"<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">"#))
        for forbidden in ["<script", "<link", "<img", "src=", "url(", "@import", "http://", "https://"] {
            #expect(!html.contains(forbidden), "\(forbidden)")
        }
        #expect(html.contains("@bottom-center { content: \"\(Disclaimer.text)\""))
        #expect(html.contains("details::details-content"))
        #expect(html.components(separatedBy: "<details id=").count - 1 == 7, "a collapsible section per decision")
    }

    @Test("several cases: one document with a table of contents, each case its own article")
    func severalCases() throws {
        let layouts = [ReportLayout(try Self.report("e01-seed-minor-childcare")), ReportLayout(try Self.report("e02-citizen"))]
        let html = ReportHTML.render(layouts)
        #expect(html.contains("<nav class=\"contents\">") && html.contains("href=\"#c1\"") && html.contains("href=\"#c2\""))
        #expect(html.contains("<article class=\"case\" id=\"c2\">"))
        #expect(html.contains("id=\"c2-d1\"") && html.contains("href=\"#c2-d1\""), "anchors are per case")
        let markdown = ReportMarkdown.render(layouts)
        #expect(markdown.hasPrefix("# \(ReportWords.contents)\n\n1. Case e01-seed-minor-childcare"))
        #expect(markdown.components(separatedBy: "\n## Summary\n").count - 1 == 2)
    }
}
