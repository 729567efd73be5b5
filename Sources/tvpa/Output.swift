#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The only place the CLI writes: standard output for results, standard error for diagnostics.
enum Output {
    static func print(_ text: String) {
        let line = text.hasSuffix("\n") ? text : text + "\n"
        _ = line.withCString { write(1, $0, strlen($0)) }
    }

    static func error(_ text: String) {
        guard !text.isEmpty else { return }
        let line = text.hasSuffix("\n") ? text : text + "\n"
        _ = line.withCString { write(2, $0, strlen($0)) }
    }

    static var isTerminal: Bool { isatty(1) != 0 }
}
