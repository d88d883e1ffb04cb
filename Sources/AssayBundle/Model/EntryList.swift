import AssayCrypto

/// A manifest's entries, stored compactly: one 24-byte record per entry and one byte buffer holding every path,
/// link target and digest, so a bundle of millions of entries costs tens of bytes per entry, not hundreds.
///
/// A collection of ``BundleEntry`` values, each built when it is read; equal lists hold equal entries in the same
/// order. Readers fill it in place (digests are written into reserved room once hashed); nothing outside this module
/// sees the records.
public struct EntryList: RandomAccessCollection, Equatable, Sendable, ExpressibleByArrayLiteral {
    /// One entry: where its bytes start in ``bytes`` (path, then target, then digest), its flags, size and lengths.
    struct Record {
        /// The low 48 bits are the path's offset in ``bytes``; the high 16 bits are the ``Flags``.
        var packed: UInt64
        var size: UInt64
        var pathLength: UInt32
        var targetLength: UInt32

        var start: Int { Int(packed & Record.offsetMask) }
        var flags: Flags { Flags(rawValue: UInt16(packed >> 48)) }
        var pathEnd: Int { start + Int(pathLength) }
        var type: EntryType { flags.type }
        var isDropped: Bool { flags.contains(.dropped) }

        static let offsetMask: UInt64 = (1 << 48) - 1

        init(start: Int, flags: Flags, size: UInt64, pathLength: Int, targetLength: Int) {
            packed = UInt64(start) | UInt64(flags.rawValue) << 48
            self.size = size
            self.pathLength = UInt32(pathLength)
            self.targetLength = UInt32(targetLength)
        }

        mutating func setFlags(_ flags: Flags) { packed = packed & Record.offsetMask | UInt64(flags.rawValue) << 48 }

        /// Moves the path's start while keeping its end (so target and digest stay where they are).
        mutating func setPath(start: Int, length: Int) {
            packed = UInt64(start) | packed & ~Record.offsetMask
            pathLength = UInt32(length)
        }
    }

    /// Type (two bits), which optional fields are recorded, the executable bit, the digest algorithm (four bits).
    struct Flags: OptionSet {
        let rawValue: UInt16
        static let directory = Flags(rawValue: 1)
        static let symlink = Flags(rawValue: 2)
        static let hasSize = Flags(rawValue: 4)
        static let hasExecutable = Flags(rawValue: 8)
        static let executable = Flags(rawValue: 16)
        static let hasTarget = Flags(rawValue: 32)
        /// Left out when the list is compacted (an unsafe, duplicate or refused entry).
        static let dropped = Flags(rawValue: 64)

        var type: EntryType { contains(.directory) ? .directory : contains(.symlink) ? .symlink : .file }

        /// The digest algorithm, or `nil` for no digest.
        var algorithm: DigestAlgorithm? {
            let code = Int(rawValue >> 12)
            return code == 0 ? nil : Flags.algorithms[code - 1]
        }

        func with(algorithm: DigestAlgorithm?) -> Flags {
            let code = algorithm.flatMap { Flags.algorithms.firstIndex(of: $0) }.map { UInt16($0 + 1) } ?? 0
            return Flags(rawValue: rawValue & 0x0fff | code << 12)
        }

        static let algorithms = DigestAlgorithm.allCases + DigestAlgorithm.legacyCases
    }

    /// Paths, targets and digests of every record, back to back.
    private(set) var arena = ByteArena()
    /// One record per entry, in list order.
    var records: [Record] = []

    /// An empty list.
    public init() {}

    /// A list of these entries, in this order.
    public init(_ entries: some Sequence<BundleEntry>) {
        for entry in entries { append(entry) }
    }

    public init(arrayLiteral elements: BundleEntry...) { self.init(elements) }

    public var startIndex: Int { 0 }
    public var endIndex: Int { records.count }

    /// The entry at `position`, built from its record.
    public subscript(position: Int) -> BundleEntry {
        let record = records[position]
        let bytes = arena.buffer
        let flags = record.flags
        let pathEnd = record.pathEnd
        let targetEnd = pathEnd + Int(record.targetLength)
        return BundleEntry(
            path: EntryPath(bytes: Array(bytes[record.start..<pathEnd])),
            type: flags.type,
            size: flags.contains(.hasSize) ? record.size : nil,
            digest: flags.algorithm.map { algorithm in
                Digest(algorithm: algorithm, bytes: Array(bytes[targetEnd..<targetEnd + algorithm.outputByteCount]))
            },
            executable: flags.contains(.hasExecutable) ? flags.contains(.executable) : nil,
            linkTarget: flags.contains(.hasTarget) ? EntryPath(bytes: Array(bytes[pathEnd..<targetEnd])) : nil
        )
    }

    public static func == (lhs: EntryList, rhs: EntryList) -> Bool {
        lhs.count == rhs.count && zip(lhs, rhs).allSatisfy { $0 == $1 }
    }

    /// Appends an entry.
    public mutating func append(_ entry: BundleEntry) {
        append(
            path: entry.path.bytes, type: entry.type, size: entry.size, executable: entry.executable,
            target: entry.linkTarget?.bytes, digest: entry.digest)
    }

    /// Appends an entry from its parts; `digestRoom` reserves zeroed room for a digest written later with
    /// ``setDigest(_:at:)``.
    mutating func append(
        path: some Collection<UInt8>,
        type: EntryType,
        size: UInt64?,
        executable: Bool?,
        target: [UInt8]? = nil,
        digest: Digest? = nil,
        digestRoom: DigestAlgorithm? = nil
    ) {
        var flags: Flags = type == .directory ? .directory : type == .symlink ? .symlink : []
        if size != nil { flags.insert(.hasSize) }
        if let executable {
            flags.insert(.hasExecutable)
            if executable { flags.insert(.executable) }
        }
        if target != nil { flags.insert(.hasTarget) }
        makeUnique()
        let start = arena.count
        arena.append(path)
        let pathLength = arena.count - start
        if let target { arena.append(target) }
        if let digest {
            arena.append(digest.bytes)
            flags = flags.with(algorithm: digest.algorithm)
        } else if let digestRoom {
            arena.appendZeros(digestRoom.outputByteCount)
            flags = flags.with(algorithm: digestRoom)
        }
        records.append(
            Record(
                start: start, flags: flags, size: size ?? 0, pathLength: pathLength, targetLength: target?.count ?? 0))
    }

    /// Gives this list its own bytes before they change, when another list shares them.
    mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&arena) { arena = arena.copy() }
    }
}
