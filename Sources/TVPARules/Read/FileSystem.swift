#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the readers ask of the file system, through `stat(2)` and `readdir(3)` alone.
///
/// Not `FileManager`: its `attributesOfItem` (a file's size) also resolves the owner's and the
/// group's names (`getpwuid`, `getgrgid`), which reads `/etc/passwd` and `/etc/group` and asks
/// nscd through a socket — on an LDAP or SSSD host, a server elsewhere — for every file read;
/// and its `subpaths` does not follow a symbolic link to a folder, so a linked case folder read
/// as empty. The C calls are used directly rather than through swift-system: the package
/// already calls the C library (`CivilDate.today`, the CLI's output), and swift-system has no
/// directory listing, which the walk below needs as well.
enum FileSystem {
    enum Kind: Equatable { case regular, directory, other }

    /// A file's type, size and identity (device and inode).
    struct Status: Equatable {
        var kind: Kind
        var size: Int
        var device: UInt64
        var inode: UInt64
    }

    /// `stat(2)`, following symbolic links: nil when the path (or a link's target) does not exist
    /// or cannot be reached.
    static func status(_ path: String) -> Status? {
        var s = stat()
        guard stat(path, &s) == 0 else { return nil }
        let type = s.st_mode & S_IFMT
        return Status(
            kind: type == S_IFREG ? .regular : type == S_IFDIR ? .directory : .other,
            size: Int(s.st_size), device: UInt64(s.st_dev), inode: UInt64(s.st_ino))
    }

    /// A file's size in bytes, 0 when it cannot be reached.
    static func size(_ path: String) -> Int { status(path)?.size ?? 0 }

    /// The names in a folder, without `.` and `..`; nil when it cannot be listed.
    static func names(in folder: String) -> [String]? {
        guard let dir = opendir(folder) else { return nil }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: entry.pointee.d_name)) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// What a walk of a folder found.
    struct Walk {
        /// The files whose names `include` accepts, as paths relative to the folder (through
        /// the links that lead to them), sorted. A name that cannot be reached (a dangling
        /// link) is listed too, so reading it says why it cannot be read.
        var files: [String] = []
        /// Symbolic links to a folder that holds them, each with the folder it leads back to
        /// (both relative to the walked folder; "" is the folder itself).
        var loops: [(link: String, folder: String)] = []
        /// Entries `include` accepts that are neither a file nor a folder (a device, a pipe),
        /// and folders that cannot be listed.
        var unreadable: [String] = []
    }

    /// Every file under `root` whose name `include` accepts, following symbolic links to
    /// folders. Each folder is read once, known by its device and inode: a link back to a
    /// folder that holds it is a loop (reported, not followed), and a folder reached again by
    /// another way is not read again. `skipping` names folders directly under `root` to leave
    /// out. Iterative: how deep the folders go costs no stack.
    static func walk(_ root: String, skipping: Set<String> = [], include: (String) -> Bool) -> Walk {
        var walk = Walk()
        guard let top = status(root), top.kind == .directory else { return walk }
        struct Pending {
            var relative: String
            /// The identities of this folder and of every folder above it, for loops.
            var ancestors: [(device: UInt64, inode: UInt64, relative: String)]
        }
        // Folders read so far. A folder is marked when it is read, not when it is found, so of
        // two ways to one folder the first in sorted order is the one read.
        var seen = Set<[UInt64]>()
        var stack = [Pending(relative: "", ancestors: [(top.device, top.inode, "")])]
        let base = root.hasSuffix("/") && root.count > 1 ? String(root.dropLast()) : root
        while let folder = stack.popLast() {
            let me = folder.ancestors.last!
            guard seen.insert([me.device, me.inode]).inserted else { continue }
            let path = folder.relative.isEmpty ? base : base + "/" + folder.relative
            guard let names = names(in: path) else {
                walk.unreadable.append(folder.relative)
                continue
            }
            for name in names.sorted().reversed() {
                if folder.relative.isEmpty && skipping.contains(name) { continue }
                let relative = folder.relative.isEmpty ? name : folder.relative + "/" + name
                guard let entry = status(base + "/" + relative) else {
                    if include(name) { walk.files.append(relative) }
                    continue
                }
                switch entry.kind {
                case .regular:
                    if include(name) { walk.files.append(relative) }
                case .directory:
                    if let ancestor = folder.ancestors.first(where: { $0.device == entry.device && $0.inode == entry.inode }) {
                        walk.loops.append((link: relative, folder: ancestor.relative))
                    } else if !seen.contains([entry.device, entry.inode]) {
                        stack.append(Pending(relative: relative, ancestors: folder.ancestors + [(entry.device, entry.inode, relative)]))
                    }
                case .other:
                    if include(name) { walk.unreadable.append(relative) }
                }
            }
        }
        walk.files.sort()
        walk.loops.sort { $0.link < $1.link }
        walk.unreadable.sort()
        return walk
    }
}
