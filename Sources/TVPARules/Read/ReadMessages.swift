/// Every message the read stage gives (for rule files and case files alike), in one place.
enum ReadMessages {
    static let byteOrderMark = "a byte-order mark (U+FEFF, invisible in most editors) may only begin a file, not appear here"
    static let byteOrderMarkHelp = "delete it: a text editor that shows invisible characters, or a re-save as UTF-8, removes it"
    static let cannotList = "cannot list this folder"
    static let cannotRead = "cannot read this file"
    static let escapedByteOrderMark = "a byte-order mark (U+FEFF) written as an escape: it is invisible, and readers disagree about it"
    static let escapedByteOrderMarkHelp = "delete the escape"
    static let noSuchFile = "no such file or directory"
    static let noRuleFiles = "no rule files (*.yaml) found"
    static let notARegularFile = "not a regular file (a device, a pipe or a socket): it is not read"
    static let notUTF8 = "this text is not UTF-8: the byte here does not begin or continue a UTF-8 character"
    static let notUTF8Help = "save the file as UTF-8 (a spreadsheet or editor offers it under \"encoding\"); nothing is guessed from other encodings"
    static func symlinkLoop(_ folder: String) -> String {
        "this symbolic link leads back to \(folder), a folder that holds it: a loop, so it is not followed (what the folder holds is read once)"
    }
    static let symlinkLoopHelp = "remove the link, or point it at a folder outside the one it is in"
}
