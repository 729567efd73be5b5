import Foundation

extension StringProtocol {
    /// The text without the white space (Unicode's, as `CharacterSet.whitespaces` has it) at
    /// either end: exactly `trimmingCharacters(in: .whitespaces)`, without bridging through
    /// `NSString`. A text whose first and last characters are ASCII and not blank (nearly every cell
    /// and value) is returned as it is, looking at nothing between; only other text is scanned.
    var trimmingWhitespace: String {
        let scalars = unicodeScalars
        if let head = scalars.first?.value, let tail = scalars.last?.value, head > 0x20, head < 0x80, tail > 0x20, tail < 0x80 { return String(self) }
        let space = CharacterSet.whitespaces
        guard let first = scalars.firstIndex(where: { !space.contains($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !space.contains($0) })!
        return String(self[first...last])
    }
}
