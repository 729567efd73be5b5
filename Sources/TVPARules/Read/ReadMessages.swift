/// Every message the read stage gives (for rule files and case files alike), in one place.
enum ReadMessages {
    static let cannotList = "cannot list this folder"
    static let cannotRead = "cannot read this file"
    static let noSuchFile = "no such file or directory"
    static let notARegularFile = "not a regular file (a device, a pipe or a socket): it is not read"
    static let notUTF8 = "this file is not UTF-8 text"
    static func symlinkLoop(_ folder: String) -> String {
        "this symbolic link leads back to \(folder), a folder that holds it: a loop, so it is not followed (what the folder holds is read once)"
    }
    static let symlinkLoopHelp = "remove the link, or point it at a folder outside the one it is in"
}
