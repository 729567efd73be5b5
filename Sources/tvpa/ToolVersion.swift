/// The version `tvpa --version` prints. Raise it with each release; the rules digest printed
/// beside it names the law the binary carries.
enum ToolVersion {
    static let number = "0.2.0"
}
