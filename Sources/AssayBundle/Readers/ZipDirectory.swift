import Foundation

/// A zip file's members as its central directory lists them, with the name in each member's local header, in local
/// header order (the order libarchive reads them in), parsed from the file's own bytes.
///
/// libarchive turns names flagged UTF-8 into NFC, merging `café` in NFC and NFD, and gives none at all for them in a
/// C locale; the local header's bytes are the name as stored.
struct ZipDirectory {
    /// One member: its central directory name and, when its local header could be read, the local name.
    struct Record {
        let centralName: [UInt8]
        let localName: [UInt8]?
        let offset: UInt64
    }

    let path: String

    /// The members by local header offset; empty when the zip cannot be parsed this far (libarchive has already
    /// judged its readability).
    func records() -> [Record] {
        guard let file = FileHandle(forReadingAtPath: path) else { return [] }
        defer { try? file.close() }
        guard let directory = centralDirectory(file) else { return [] }
        var records: [Record] = []
        var cursor = 0
        while cursor + 46 <= directory.count, directory.uint32(at: cursor) == 0x0201_4b50 {
            let nameLength = Int(directory.uint16(at: cursor + 28))
            let extraLength = Int(directory.uint16(at: cursor + 30))
            let commentLength = Int(directory.uint16(at: cursor + 32))
            let end = cursor + 46 + nameLength
            guard end + extraLength <= directory.count else { break }
            let name = Array(directory[(cursor + 46)..<end])
            let extra = Array(directory[end..<(end + extraLength)])
            let offset = localOffset(directory.uint32(at: cursor + 42), central: directory, at: cursor, extra: extra)
            records.append(Record(centralName: name, localName: localName(file, offset: offset), offset: offset))
            cursor = end + extraLength + commentLength
        }
        return records.sorted { $0.offset < $1.offset }
    }

    /// The central directory's bytes, located through the end-of-central-directory record (zip64 aware).
    private func centralDirectory(_ file: FileHandle) -> [UInt8]? {
        guard let size = try? file.seekToEnd(), size >= 22 else { return nil }
        let tailStart = size - min(size, 65_557)
        let tail = read(file, at: tailStart, count: Int(size - tailStart))
        guard
            let eocd = stride(from: tail.count - 22, through: 0, by: -1).first(where: {
                tail.uint32(at: $0) == 0x0605_4b50
            })
        else { return nil }
        var offset = UInt64(tail.uint32(at: eocd + 16))
        var length = UInt64(tail.uint32(at: eocd + 12))
        if offset == 0xFFFF_FFFF || length == 0xFFFF_FFFF, eocd >= 20, tail.uint32(at: eocd - 20) == 0x0706_4b50 {
            let record = read(file, at: tail.uint64(at: eocd - 12), count: 56)
            guard record.count == 56, record.uint32(at: 0) == 0x0606_4b50 else { return nil }
            length = record.uint64(at: 40)
            offset = record.uint64(at: 48)
        }
        guard length <= 256 << 20 else { return nil }
        return read(file, at: offset, count: Int(length))
    }

    /// The local header offset, taken from the zip64 extra field when the 32-bit field is saturated.
    private func localOffset(_ short: UInt32, central: [UInt8], at entry: Int, extra: [UInt8]) -> UInt64 {
        guard short == 0xFFFF_FFFF else { return UInt64(short) }
        var cursor = 0
        while cursor + 4 <= extra.count {
            let id = extra.uint16(at: cursor)
            let size = Int(extra.uint16(at: cursor + 2))
            if id == 0x0001 {
                // Zip64 fields appear only for saturated values, in this order: sizes first, then the offset.
                var field = cursor + 4
                if central.uint32(at: entry + 24) == 0xFFFF_FFFF { field += 8 }
                if central.uint32(at: entry + 20) == 0xFFFF_FFFF { field += 8 }
                return field + 8 <= extra.count ? extra.uint64(at: field) : UInt64(short)
            }
            cursor += 4 + size
        }
        return UInt64(short)
    }

    private func localName(_ file: FileHandle, offset: UInt64) -> [UInt8]? {
        let header = read(file, at: offset, count: 30)
        guard header.count == 30, header.uint32(at: 0) == 0x0403_4b50 else { return nil }
        let name = read(file, at: offset + 30, count: Int(header.uint16(at: 26)))
        return name.count == Int(header.uint16(at: 26)) ? name : nil
    }

    private func read(_ file: FileHandle, at offset: UInt64, count: Int) -> [UInt8] {
        guard (try? file.seek(toOffset: offset)) != nil, let data = try? file.read(upToCount: count) else { return [] }
        return Array(data)
    }
}

extension [UInt8] {
    /// Little-endian integers at a byte offset; zero past the end.
    fileprivate func uint16(at offset: Int) -> UInt16 { UInt16(truncatingIfNeeded: little(at: offset, count: 2)) }
    fileprivate func uint32(at offset: Int) -> UInt32 { UInt32(truncatingIfNeeded: little(at: offset, count: 4)) }
    fileprivate func uint64(at offset: Int) -> UInt64 { little(at: offset, count: 8) }

    private func little(at offset: Int, count: Int) -> UInt64 {
        guard offset >= 0, offset + count <= self.count else { return 0 }
        return (0..<count).reduce(0) { $0 | UInt64(self[offset + $1]) << (8 * UInt64($1)) }
    }
}
