import Foundation
import Testing
@testable import TVPARules

@Suite("Trimming white space")
struct TrimTests {
    /// The fast trim is Foundation's `trimmingCharacters(in: .whitespaces)`, scalar for scalar,
    /// including the Unicode spaces a spreadsheet may leave (no-break, ideographic, thin).
    @Test(arguments: [
        "", " ", "\t\t", "a", " a ", "\ta b\t", "\u{00A0}x\u{00A0}", "\u{3000}日本\u{3000}", "\u{2009}thin",
        " \u{301}e ", "a\n", "\nb\n", "é", "👩‍👩‍👧 ", " , ", "x\u{200B}", "\u{FEFF}y",
    ])
    func matchesFoundation(_ text: String) {
        #expect(text.trimmingWhitespace == text.trimmingCharacters(in: .whitespaces))
        #expect(Substring(text).trimmingWhitespace == text.trimmingCharacters(in: .whitespaces))
    }
}
