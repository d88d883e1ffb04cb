import Foundation

/// The parts of an rpm's header Assay reports: name, epoch, version, release, arch and the payload's format and
/// compressor, parsed from the file's own bytes (libarchive's rpm filter skips the header without exposing it).
///
/// Layout (rpm's `tag.h` and the Linux Standard Base's package format): a 96-byte lead starting `ed ab ee db`; the
/// signature header, padded to a multiple of 8 bytes; then the main header. A header is `8e ad e8 01`, 4 reserved
/// bytes, the big-endian index count and data size, 16-byte index entries (tag, type, offset, count) and the data.
struct RPMHeader {
    var name: String?
    var epoch: UInt32?
    var version: String?
    var release: String?
    var arch: String?
    var payloadFormat: String?
    var payloadCompressor: String?

    /// rpm's own limits on a header: index entries and data bytes.
    private static let maxIndexCount = 0x00FF_FFFF
    private static let maxDataBytes = 256 << 20
    private static let headerMagic: [UInt8] = [0x8E, 0xAD, 0xE8, 0x01]

    /// Reads the header of the rpm at `path`; a file cut inside the lead or headers is truncated, bad magic corrupt.
    static func read(path: String) throws(BundleError) -> RPMHeader {
        guard let file = FileHandle(forReadingAtPath: path) else {
            throw BundleError.unreadable(path: path, reason: "cannot open")
        }
        defer { try? file.close() }
        var reader = Reader(file: file, path: path)
        let lead = try reader.bytes(96, part: "lead")
        guard lead.starts(with: [0xED, 0xAB, 0xEE, 0xDB]) else {
            throw BundleError.archiveCorrupt(path: path, entry: "rpm lead", reason: "no rpm lead magic")
        }
        let signature = try section(&reader, part: "signature header")
        _ = try reader.bytes((8 - signature % 8) % 8, part: "signature header")
        var header = RPMHeader()
        let (index, data) = try sectionContent(&reader, part: "header")
        for entry in stride(from: 0, to: index.count, by: 16) {
            let tag = index.bigEndian(at: entry)
            let type = index.bigEndian(at: entry + 4)
            let offset = Int(index.bigEndian(at: entry + 8))
            switch tag {
            case 1000: header.name = string(data, at: offset, type: type)
            case 1001: header.version = string(data, at: offset, type: type)
            case 1002: header.release = string(data, at: offset, type: type)
            case 1003 where type == 4 && offset + 4 <= data.count: header.epoch = data.bigEndian(at: offset)
            case 1022: header.arch = string(data, at: offset, type: type)
            case 1124: header.payloadFormat = string(data, at: offset, type: type)
            case 1125: header.payloadCompressor = string(data, at: offset, type: type)
            default: continue
            }
        }
        return header
    }

    /// Skips a header section; returns its size in bytes.
    private static func section(_ reader: inout Reader, part: String) throws(BundleError) -> Int {
        let (index, data) = try sectionContent(&reader, part: part)
        return 16 + index.count + data.count
    }

    private static func sectionContent(_ reader: inout Reader, part: String) throws(BundleError) -> (
        index: [UInt8], data: [UInt8]
    ) {
        let intro = try reader.bytes(16, part: part)
        guard intro.starts(with: headerMagic) else {
            throw BundleError.archiveCorrupt(path: reader.path, entry: "rpm \(part)", reason: "no header magic")
        }
        let count = Int(intro.bigEndian(at: 8))
        let size = Int(intro.bigEndian(at: 12))
        guard count <= maxIndexCount, size <= maxDataBytes else {
            throw BundleError.archiveCorrupt(
                path: reader.path, entry: "rpm \(part)",
                reason: "\(count) index entries and \(size) bytes exceed rpm's limits")
        }
        return (try reader.bytes(count * 16, part: part), try reader.bytes(size, part: part))
    }

    /// A `STRING` (6) or the first `I18NSTRING` (9) at `offset`, up to its NUL; `nil` for other types or bad offsets.
    private static func string(_ data: [UInt8], at offset: Int, type: UInt32) -> String? {
        guard type == 6 || type == 9, offset >= 0, offset < data.count,
            let end = data[offset...].firstIndex(of: 0)
        else { return nil }
        return String(decoding: data[offset..<end], as: UTF8.self)
    }

    /// Reads the file in order, naming the part that ends early.
    private struct Reader {
        let file: FileHandle
        let path: String

        mutating func bytes(_ count: Int, part: String) throws(BundleError) -> [UInt8] {
            guard count > 0 else { return [] }
            let data = Array((try? file.read(upToCount: count)) ?? Data())
            guard data.count == count else {
                throw BundleError.archiveTruncated(
                    path: path, entry: "rpm \(part)", reason: "the file ends \(count - data.count) bytes early")
            }
            return data
        }
    }
}

extension [UInt8] {
    /// The big-endian 32-bit integer at a byte offset (the caller checks the bounds).
    fileprivate func bigEndian(at offset: Int) -> UInt32 {
        self[offset..<(offset + 4)].reduce(0) { $0 << 8 | UInt32($1) }
    }
}
